// @vitest-environment happy-dom
/**
 * The `stay-in-touch` code block in Live Preview (the editing view): rendered per block in the
 * viewport, kept live while its text stays the same, rendered again when its text changes, and
 * unsubscribed from the index whenever its widget goes (text changed, scrolled away, note closed).
 */
import { describe, expect, it, vi } from "vitest";
import type { MarkdownView } from "obsidian";
import { click, createTestApp } from "../runtime/harness";
import { exampleFiles, manifest, PinnedPlugin, start, type Started } from "./plugin-harness";

const QUERY = "```stay-in-touch\noverdue\ntag #work\n```";

function tableNames(el: Element | null): string[] {
	return el ? [...el.querySelectorAll(".stay-in-touch-query-table tbody tr td:first-child")].map((td) => td.textContent ?? "") : [];
}

/** The query blocks the editing view shows (not reading view's). */
function liveBlocks(view: MarkdownView): HTMLElement[] {
	return [...view.containerEl.querySelectorAll<HTMLElement>(".markdown-source-view .cm-preview-code-block .stay-in-touch-query")];
}

/** Counts the index subscriptions alive: each rendered query block holds one until it is unloaded. */
function countSubscriptions(s: Started): () => number {
	const index = s.plugin.ctx.index;
	let live = 0;
	const subscribe = index.subscribe.bind(index);
	vi.spyOn(index, "subscribe").mockImplementation((listener) => {
		live++;
		const unsubscribe = subscribe(listener);
		return () => {
			live--;
			return unsubscribe();
		};
	});
	return () => live;
}

describe("the query block in Live Preview", () => {
	it("renders in the editing view, follows the index while its text stays, and opens a clicked name", async () => {
		const s = await start(exampleFiles({ "Q.md": `# Work\n\n${QUERY}\n` }));
		const subscriptions = countSubscriptions(s);
		const view = await s.app.openNote("Q.md");
		await s.app.settle();
		expect(view.getMode()).toBe("source");
		const [block] = liveBlocks(view);
		expect(tableNames(block)).toEqual(["Ada Lovelace", "Grace Hopper"]);
		expect(subscriptions()).toBe(1);

		// Another note changes: the same widget re-renders from the index, the processor does not run again.
		await s.app.writeFile(
			"People/Grace Hopper.md",
			s.app.readFile("People/Grace Hopper.md").replace("last_contact: 2026-10-01", "last_contact: 2026-11-25"),
		);
		await s.app.settle();
		expect(liveBlocks(view)).toEqual([block]);
		expect(tableNames(block)).toEqual(["Ada Lovelace"]);

		click(block.querySelector<HTMLAnchorElement>("a.internal-link")!);
		await s.app.settle();
		expect(s.app.workspace.getActiveFile()?.path).toBe("People/Ada Lovelace.md");
	});

	it("renders again when the block's text is edited, and the old render stops listening", async () => {
		const s = await start(exampleFiles({ "Q.md": `# Work\n\n${QUERY}\n` }));
		const subscriptions = countSubscriptions(s);
		const view = await s.app.openNote("Q.md");
		const [before] = liveBlocks(view);
		// The user deletes the `tag #work` line of the block.
		view.editor.replaceRange("", { line: 4, ch: 0 }, { line: 5, ch: 0 });
		await s.app.settle();
		const [after] = liveBlocks(view);
		expect(after).not.toBe(before);
		expect(before.isConnected).toBe(false);
		expect(tableNames(after)).toHaveLength(5);
		expect(tableNames(after)).toEqual(expect.arrayContaining(["Ada Lovelace", "Grace Hopper"]));
		expect(subscriptions()).toBe(1);
		// A typo in the block: the new render explains it, the previous table is gone.
		view.editor.replaceRange("overdeu", { line: 3, ch: 0 }, { line: 3, ch: "overdue".length });
		await s.app.settle();
		expect(liveBlocks(view)[0].querySelector(".stay-in-touch-query-error")?.textContent).toContain("overdeu");
		expect(subscriptions()).toBe(1);
	});

	it("renders a block only while it is in the viewport: scrolled away, it stops listening", async () => {
		const filler = Array.from({ length: 150 }, (_, i) => `Line ${i + 1} of the meeting notes.`).join("\n");
		const s = await start(exampleFiles({ "Q.md": `# Work\n\n${filler}\n\n${QUERY}\n` }));
		const subscriptions = countSubscriptions(s);
		const view = await s.app.openNote("Q.md");
		await s.app.settle();
		expect(liveBlocks(view)).toEqual([]);
		expect(subscriptions()).toBe(0);
		view.livePreview.scrollToLine(120);
		await s.app.settle();
		expect(tableNames(liveBlocks(view)[0])).toEqual(["Ada Lovelace", "Grace Hopper"]);
		expect(subscriptions()).toBe(1);
		view.livePreview.scrollToLine(0);
		await s.app.settle();
		expect(liveBlocks(view)).toEqual([]);
		expect(subscriptions()).toBe(0);
	});

	it("leaves nothing behind when the note is closed and the plugin disabled", async () => {
		const app = await createTestApp(exampleFiles({ "Q.md": `# Work\n\n${QUERY}\n` }));
		await app.settle();
		const before = app.debugCounts();
		await app.loadPlugin(PinnedPlugin, manifest);
		const view = await app.openNote("Q.md");
		view.editor.replaceRange("", { line: 4, ch: 0 }, { line: 5, ch: 0 });
		await app.settle();
		expect(tableNames(liveBlocks(view)[0])).toHaveLength(5);
		view.leaf.detach();
		await app.unloadPlugin(manifest.id);
		await app.settle();
		expect(app.debugCounts()).toEqual(before);
	});
});
