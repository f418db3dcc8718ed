// @vitest-environment happy-dom
/**
 * A note changed on disk while Obsidian was closed (here: the CLI logged a contact). At the next
 * start Obsidian's persisted metadata cache still describes the old note until it re-checks it,
 * after the layout is ready; the `changed` that follows must be all the plugin needs to show the
 * person as they are now.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { dayFromYmd, formatDay } from "../../src/core/dates";
import { applyLog } from "../../src/core/log-writer";
import { defaultSettings } from "../../src/core/settings";
import { parseYaml } from "../../src/cli/note-reader";
import { SidebarView, VIEW_TYPE } from "../../src/ui/sidebar-view";
import { createTestApp, type TestApp } from "../runtime/harness";
import { manifest, openSidebar, PinnedPlugin, rowNames, start, TODAY, type Started } from "./plugin-harness";

// The index build's pauses (people-index.ts): a test can have Obsidian act during the next one.
const pauses = vi.hoisted(() => ({ next: null as null | (() => Promise<void>) }));
vi.mock("../../src/obsidian/yield", async (importActual) => {
	const actual = await importActual<typeof import("../../src/obsidian/yield")>();
	return {
		yieldToApp: async () => {
			const during = pauses.next;
			pauses.next = null;
			if (during) await during();
			await actual.yieldToApp();
		},
	};
});

afterEach(() => {
	pauses.next = null;
	vi.restoreAllMocks();
});

const ADA = "People/Ada Lovelace.md";
const BOB = "People/Bob Stone.md";
const ADA_TEXT = "---\ncadence: monthly\nlast_contact: 2026-09-01\n---\nMet at the conference.\n";
const BOB_TEXT = "---\ncadence: monthly\nlast_contact: 2026-11-20\n---\n";
const TODAY_DAY = dayFromYmd(TODAY.getFullYear(), TODAY.getMonth() + 1, TODAY.getDate());

/** The note after `stay-in-touch log "Ada Lovelace" --type call`: the CLI's own writer, on the text. */
function loggedByCli(text: string): string {
	const result = applyLog(text, { day: TODAY_DAY, type: "call", note: "Caught up" }, defaultSettings(), TODAY_DAY, parseYaml);
	if (!result.ok) throw new Error(result.error);
	return result.text;
}

function lastContact(app: TestApp, path: string): string | null {
	const plugin = app.plugins.getPlugin("stay-in-touch");
	if (!(plugin instanceof PinnedPlugin)) throw new Error("the plugin is not loaded");
	const day = plugin.ctx.index.get(path)?.lastContact;
	return day === undefined || day === null ? null : formatDay(day);
}

function statusBar(app: TestApp): string {
	return app.dom.statusBarEl.querySelector(".stay-in-touch-status-bar")?.textContent ?? "";
}

async function startedWithSidebar(): Promise<Started> {
	const s = await start({ [ADA]: ADA_TEXT, [BOB]: BOB_TEXT });
	await openSidebar(s);
	return s;
}

describe("a note changed while Obsidian was closed", () => {
	it("shows the old person until Obsidian re-indexes the note, then the new one, with nothing else to do", async () => {
		const s = await startedWithSidebar();
		const changed = loggedByCli(ADA_TEXT);
		expect(changed).toContain("last_contact: 2026-11-26\n");
		expect(lastContact(s.app, ADA)).toBe("2026-09-01");
		expect(statusBar(s.app)).toBe("1 overdue");

		const app = await s.app.restart({ whileClosed: { [ADA]: changed }, staleDelayMs: 60_000 });
		// The plugin built its index from the persisted (stale) cache: the old Ada, as in Obsidian.
		await app.tick(5_000);
		expect(app.metadataCache.stalePaths).toEqual([ADA]);
		expect(lastContact(app, ADA)).toBe("2026-09-01");
		expect(statusBar(app)).toBe("1 overdue");

		await app.settle();
		expect(app.metadataCache.stalePaths).toEqual([]);
		expect(lastContact(app, ADA)).toBe("2026-11-26");
		expect(statusBar(app)).toBe("No one overdue");
		const sidebar = app.workspace.getLeavesOfType(VIEW_TYPE)[0]?.view;
		if (!(sidebar instanceof SidebarView)) throw new Error("the sidebar did not come back with the workspace");
		expect(rowNames(sidebar, "overdue")).toEqual([]);
		// Nothing was written back: the CLI's note is exactly as the CLI left it.
		expect(app.readFile(ADA)).toBe(changed);
	});

	it("fixes the person when the re-index lands while the plugin is still building its index", async () => {
		// Enough notes that the build pauses after Ada (listed first), which it read from the stale cache.
		const filler = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`Notes/N${i}.md`, `note ${i}\n`]));
		// The plugin of the session running now (a restart loads a new one).
		let current: PinnedPlugin | null = null;
		class Watched extends PinnedPlugin {
			async onload(): Promise<void> {
				current = this;
				await super.onload();
			}
		}
		const first = await createTestApp({ [ADA]: ADA_TEXT, [BOB]: BOB_TEXT, ...filler });
		await first.loadPlugin(Watched, manifest);
		await first.settle();
		const changed = loggedByCli(ADA_TEXT);

		// Every slice of the build ends in a pause (a clock that moves 5 ms per reading). The first
		// one lasts until Obsidian's re-check of the stale note comes due and fires `changed`.
		const landed: { path: string; indexReady: boolean }[] = [];
		let paused!: () => void;
		const buildPaused = new Promise<void>((resolve) => (paused = resolve));
		pauses.next = () =>
			new Promise<void>((resume) => {
				const plugin = current!;
				const { metadataCache } = plugin.app;
				const ref = metadataCache.on("changed", (file) => {
					landed.push({ path: file.path, indexReady: plugin.ctx.index.ready });
					metadataCache.offref(ref);
					resume();
				});
				paused();
			});
		let t = 0;
		vi.spyOn(performance, "now").mockImplementation(() => (t += 5));
		const app = await first.restart({ whileClosed: { [ADA]: changed }, staleDelayMs: 60_000 });
		await buildPaused;
		expect(app.metadataCache.stalePaths).toEqual([ADA]);
		expect(landed).toEqual([]);
		await app.tick(60_000);
		expect(landed, "`changed` fired while the first build was still running").toEqual([{ path: ADA, indexReady: false }]);
		await app.settle();
		vi.restoreAllMocks();

		expect(app.metadataCache.stalePaths).toEqual([]);
		expect(lastContact(app, ADA)).toBe("2026-11-26");
		expect(lastContact(app, BOB)).toBe("2026-11-20");
		expect(statusBar(app)).toBe("No one overdue");
	});

	it("takes a note deleted while closed out, and one created while closed in", async () => {
		const s = await startedWithSidebar();
		const cy = "People/Cy Young.md";
		const app = await s.app.restart({
			whileClosed: { [BOB]: null, [cy]: "---\ncadence: weekly\nlast_contact: 2026-10-01\n---\n" },
			staleDelayMs: 60_000,
		});
		await app.settle();
		expect(lastContact(app, BOB)).toBeNull();
		expect(lastContact(app, cy)).toBe("2026-10-01");
		expect(statusBar(app)).toBe("2 overdue");
	});
});
