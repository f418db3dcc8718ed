// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import StayInTouchPlugin from "../../src/main";
import { VIEW_TYPE } from "../../src/ui/sidebar-view";
import { createTestApp } from "../runtime/harness";
import { exampleFiles, manifest, openSidebar, PinnedPlugin, rowNames, start } from "./plugin-harness";

const ADA_DUE_TODAY = "---\ncadence: weekly\nlast_contact: 2026-11-19\n---\n";

/**
 * The plugin loaded on `files` with its clock at 23:59 on 2026-11-26. The plugin's own timers are
 * real window timers: only those are faked (undone after each test), the runtime keeps its clock.
 * `passMidnight` moves the clock past midnight and lets the plugin's minute clock run.
 */
async function beforeMidnight(files: Record<string, string>) {
	vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
	let clock = new Date(2026, 10, 26, 23, 59, 0);
	class Clocked extends StayInTouchPlugin {
		now = () => new Date(clock.getTime());
	}
	const app = await createTestApp(files);
	const plugin = await app.loadPlugin(Clocked, manifest);
	await app.settle();
	const passMidnight = async () => {
		clock = new Date(2026, 10, 27, 0, 0, 30);
		vi.advanceTimersByTime(2 * 60 * 1000);
		await app.settle();
	};
	return { app, plugin, passMidnight };
}

describe("plugin lifecycle", () => {
	afterEach(() => vi.useRealTimers());

	it("loads, becomes ready and unloads 50 times without leaking handlers, intervals, DOM or views", async () => {
		const app = await createTestApp(exampleFiles());
		await app.settle();
		const baseline = app.debugCounts();
		const bodyNodes = document.body.querySelectorAll("*").length;
		for (let i = 0; i < 50; i++) {
			const plugin = await app.loadPlugin(PinnedPlugin, manifest);
			await app.settle();
			expect(plugin.ctx.index.size).toBe(15);
			if (i % 10 === 0) {
				app.runCommand("open-sidebar");
				await app.settle();
				expect(app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1);
				app.workspace.detachLeavesOfType(VIEW_TYPE);
			}
			await app.unloadPlugin(manifest.id);
			await app.settle();
		}
		expect(app.debugCounts()).toEqual(baseline);
		expect(document.body.querySelectorAll("*").length).toBe(bodyNodes);
	});

	it("does no vault scan in onload: the index is built once the layout is ready", async () => {
		const app = await createTestApp(exampleFiles());
		const plugin = await app.loadPlugin(PinnedPlugin, manifest, { finishStartup: false });
		expect(plugin.ctx.index.ready).toBe(false);
		expect(plugin.ctx.index.size).toBe(0);
		await app.finishStartup();
		await app.settle();
		expect(plugin.ctx.index.ready).toBe(true);
		expect(plugin.ctx.index.size).toBe(15);
	});

	it("reads nothing when disabled before the layout was ready", async () => {
		const app = await createTestApp(exampleFiles());
		const plugin = await app.loadPlugin(PinnedPlugin, manifest, { finishStartup: false });
		await app.unloadPlugin(manifest.id);
		const reads = vi.spyOn(app.vault, "getMarkdownFiles");
		await app.finishStartup();
		await app.settle();
		expect(reads).not.toHaveBeenCalled();
		expect(plugin.ctx.index.ready).toBe(false);
	});

	it("moves the sidebar, the status bar and open query blocks on at midnight, though no note changed", async () => {
		// Weekly, last seen on the 19th: due today, overdue from tomorrow.
		const { app, plugin, passMidnight } = await beforeMidnight({
			"People/Ada.md": ADA_DUE_TODAY,
			"Overdue.md": "```stay-in-touch\noverdue\n```\n",
		});
		const note = await app.renderNote("Overdue.md");
		const view = await openSidebar({ app, plugin });
		const status = app.dom.statusBarEl.querySelector(".stay-in-touch-status-bar");
		expect(status?.textContent).toBe("No one overdue");
		expect(note.el.textContent).toContain("0 people");
		expect(rowNames(view, "overdue")).toEqual([]);
		await passMidnight();
		expect(status?.textContent).toBe("1 overdue");
		expect(note.el.textContent).toContain("1 day overdue");
		expect(rowNames(view, "overdue")).toEqual(["Ada"]);
		note.unload();
	});

	it("brings a sidebar that was hidden at midnight up to date when it is shown again", async () => {
		const { app, plugin, passMidnight } = await beforeMidnight({ "People/Ada.md": ADA_DUE_TODAY });
		const view = await openSidebar({ app, plugin });
		expect(rowNames(view, "overdue")).toEqual([]);
		// Hidden (a closed mobile drawer, a background tab) while the day changes: it skips the render.
		view.containerEl.hide();
		await passMidnight();
		expect(rowNames(view, "overdue")).toEqual([]);
		view.containerEl.show();
		view.leaf.onResize();
		expect(rowNames(view, "overdue")).toEqual(["Ada"]);
	});

	it("applies settings synced during start-up without reading the vault before the layout is ready", async () => {
		const app = await createTestApp({
			"People/Ada.md": "---\ncadence: weekly\n---\n",
			"Contacts/Bob.md": "---\ncadence: weekly\n---\n",
		});
		const plugin = await app.loadPlugin(PinnedPlugin, manifest, { finishStartup: false });
		const reads = vi.spyOn(app.vault, "getMarkdownFiles");
		await app.externalSettingsChange(manifest.id, { version: 1, peopleFolders: ["Contacts"] });
		expect(reads).not.toHaveBeenCalled();
		expect(plugin.ctx.index.ready).toBe(false);
		await app.finishStartup();
		await app.settle();
		expect(plugin.ctx.index.get("Contacts/Bob.md")?.name).toBe("Bob");
		expect(plugin.ctx.index.get("People/Ada.md")).toBeUndefined();
	});

	it("applies settings synced from another device without a restart", async () => {
		const s = await start({ "People/Ada.md": "---\ncadence: weekly\n---\n", "Contacts/Bob.md": "---\ncadence: close\n---\n" });
		expect(s.plugin.ctx.index.get("Contacts/Bob.md")).toBeUndefined();
		await s.app.externalSettingsChange(manifest.id, { version: 1, peopleFolders: ["Contacts"], tiers: { close: "10 days" } });
		await s.app.settle();
		expect(s.plugin.ctx.settings.get().peopleFolders).toEqual(["Contacts"]);
		expect(s.plugin.ctx.index.get("People/Ada.md")).toBeUndefined();
		expect(s.plugin.ctx.index.get("Contacts/Bob.md")?.cadence?.lowDays).toBe(10);
	});
});
