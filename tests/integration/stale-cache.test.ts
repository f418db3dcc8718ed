// @vitest-environment happy-dom
/**
 * A note changed on disk while Obsidian was closed (here: the CLI logged a contact). At the next
 * start Obsidian's persisted metadata cache still describes the old note until it re-checks it,
 * after the layout is ready; the `changed` that follows must be all the plugin needs to show the
 * person as they are now.
 */
import { describe, expect, it } from "vitest";
import { dayFromYmd, formatDay } from "../../src/core/dates";
import { applyLog } from "../../src/core/log-writer";
import { defaultSettings } from "../../src/core/settings";
import { parseYaml } from "../../src/cli/note-reader";
import { SidebarView, VIEW_TYPE } from "../../src/ui/sidebar-view";
import type { TestApp } from "../runtime/harness";
import { openSidebar, PinnedPlugin, rowNames, start, TODAY, type Started } from "./plugin-harness";

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
		const s = await startedWithSidebar();
		const changed = loggedByCli(ADA_TEXT);
		const app = await s.app.restart({ whileClosed: { [ADA]: changed }, staleDelayMs: 0 });
		await app.settle();
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
