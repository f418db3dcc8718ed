// @vitest-environment happy-dom
/**
 * Live Preview: code-block processors in the editing view — rendered per block in the viewport,
 * kept while the block's text stays the same, rendered again when it changes, torn down (children
 * unloaded) when the block is removed, scrolled away, or the note is closed.
 */
import { describe, expect, it } from "vitest";
import type { MarkdownPostProcessorContext } from "obsidian";
import { createTestApp } from "./harness";
import { VIEWPORT_LINES } from "./live-preview";
import { MarkdownRenderChild, Plugin, type MarkdownView } from "./obsidian";

const BLOCK = ["```stay-in-touch", "overdue", "```"];
const NOTE = ["---", "title: Meeting", "---", "# Meeting", "", ...BLOCK, "", "```js", "console.log(1)", "```", ""].join("\n");

class Child extends MarkdownRenderChild {
	static live = 0;
	static unloads = 0;
	onload() {
		Child.live++;
	}
	onunload() {
		Child.live--;
		Child.unloads++;
	}
}

class BlockPlugin extends Plugin {
	calls: Array<{ source: string; cls: string; sourcePath: string; frontmatter: unknown; lines: [number, number] | null }> = [];
	postProcessed = 0;
	lastCtx: MarkdownPostProcessorContext | null = null;
	lastEl: HTMLElement | null = null;
	onload() {
		this.registerMarkdownCodeBlockProcessor("stay-in-touch", (source, el, ctx: MarkdownPostProcessorContext) => {
			this.lastCtx = ctx;
			this.lastEl = el;
			const info = ctx.getSectionInfo(el);
			this.calls.push({
				source,
				cls: el.className,
				sourcePath: ctx.sourcePath,
				frontmatter: ctx.frontmatter,
				lines: info ? [info.lineStart, info.lineEnd] : null,
			});
			el.createSpan({ cls: "rendered", text: source });
			ctx.addChild(new Child(el));
		});
		this.registerMarkdownPostProcessor(() => {
			this.postProcessed++;
		});
	}
}

async function setup(files: Record<string, string> = { "Notes/Meeting.md": NOTE }) {
	const app = await createTestApp(files);
	// After createTestApp: destroying the previous test's app unloads its children.
	Child.live = 0;
	Child.unloads = 0;
	const plugin = await app.loadPlugin(BlockPlugin, { id: "stay-in-touch" });
	return { app, plugin };
}

function rendered(view: MarkdownView): string[] {
	return [...view.sourceEl.querySelectorAll(".cm-preview-code-block .block-language-stay-in-touch .rendered")].map(
		(e) => e.textContent ?? "",
	);
}

describe("Live Preview", () => {
	it("renders a block of a registered language in the editing view, with its context, and nothing else", async () => {
		const { app, plugin } = await setup();
		const view = await app.openNote("Notes/Meeting.md");
		expect(view.getMode()).toBe("source");
		expect(plugin.calls).toEqual([
			{
				source: "overdue",
				cls: "block-language-stay-in-touch",
				sourcePath: "Notes/Meeting.md",
				frontmatter: { title: "Meeting" },
				lines: [5, 7],
			},
		]);
		expect(rendered(view)).toEqual(["overdue"]);
		expect(view.sourceEl.querySelector(".cm-preview-code-block")?.classList.contains("cm-embed-block")).toBe(true);
		expect(Child.live).toBe(1);
		// Post-processors are reading view only, in Obsidian as here.
		expect(plugin.postProcessed).toBe(0);
	});

	it("keeps the widget when text around the block changes, and updates where the block is", async () => {
		const { app, plugin } = await setup();
		const view = await app.openNote("Notes/Meeting.md");
		view.editor.replaceRange("Intro\n\n", { line: 4, ch: 0 });
		await app.settle();
		expect(plugin.calls).toHaveLength(1);
		expect(Child.unloads).toBe(0);
		expect(rendered(view)).toEqual(["overdue"]);
		// The kept widget's context answers for where the block is now.
		expect(view.editor.getLine(7)).toBe("```stay-in-touch");
		expect(plugin.lastCtx?.getSectionInfo(plugin.lastEl!)).toMatchObject({ lineStart: 7, lineEnd: 9 });
	});

	it("renders the block again when its text changes, unloading the old render's children", async () => {
		const { app, plugin } = await setup();
		const view = await app.openNote("Notes/Meeting.md");
		view.editor.replaceRange("\nlimit 3", { line: 6, ch: "overdue".length });
		await app.settle();
		expect(plugin.calls.map((c) => c.source)).toEqual(["overdue", "overdue\nlimit 3"]);
		expect(plugin.calls[1].lines).toEqual([5, 8]);
		expect(rendered(view)).toEqual(["overdue\nlimit 3"]);
		expect(Child.unloads).toBe(1);
		expect(Child.live).toBe(1);
	});

	it("tears the widget down when the block is deleted or the note is closed", async () => {
		const { app } = await setup();
		const view = await app.openNote("Notes/Meeting.md");
		view.editor.replaceRange("", { line: 5, ch: 0 }, { line: 8, ch: 0 });
		await app.settle();
		expect(rendered(view)).toEqual([]);
		expect(Child.live).toBe(0);
		view.editor.undo();
		await app.settle();
		expect(Child.live).toBe(1);
		view.leaf.detach();
		await app.settle();
		expect(Child.live).toBe(0);
	});

	it("renders only blocks in the viewport: scrolling to one renders it, scrolling away unloads it", async () => {
		const filler = Array.from({ length: 200 }, (_, i) => `line ${i}`).join("\n");
		const { app, plugin } = await setup({
			"Long.md": `${BLOCK.join("\n")}\n${filler}\n${["```stay-in-touch", "due soon", "```"].join("\n")}\n`,
		});
		const view = await app.openNote("Long.md");
		expect(view.livePreview.getViewport()).toEqual({ from: 0, to: VIEWPORT_LINES });
		expect(plugin.calls.map((c) => c.source)).toEqual(["overdue"]);
		view.livePreview.scrollToLine(150);
		expect(plugin.calls.map((c) => c.source)).toEqual(["overdue", "due soon"]);
		expect(rendered(view)).toEqual(["due soon"]);
		expect(Child.live).toBe(1);
		expect(Child.unloads).toBe(1);
		// Back at the top, the first block is rendered anew (its widget was destroyed).
		view.livePreview.scrollToLine(0);
		expect(plugin.calls.map((c) => c.source)).toEqual(["overdue", "due soon", "overdue"]);
		expect(Child.live).toBe(1);
	});

	it("is idle while the view shows reading view: a note opened there runs each processor once", async () => {
		const { app, plugin } = await setup();
		const view = await app.openNote("Notes/Meeting.md", { mode: "preview" });
		expect(plugin.calls).toHaveLength(1);
		expect(rendered(view)).toEqual([]);
		expect(view.previewMode.containerEl.querySelector(".block-language-stay-in-touch .rendered")?.textContent).toBe("overdue");
		await view.setMode("source");
		expect(plugin.calls).toHaveLength(2);
		expect(rendered(view)).toEqual(["overdue"]);
		await view.setMode("preview");
		expect(rendered(view)).toEqual([]);
	});

	it("leaves nothing behind when the note is closed and the plugin unloaded", async () => {
		const app = await createTestApp({ "Notes/Meeting.md": NOTE });
		Child.live = 0;
		await app.settle();
		const before = app.debugCounts();
		await app.loadPlugin(BlockPlugin, { id: "stay-in-touch" });
		const view = await app.openNote("Notes/Meeting.md");
		view.editor.replaceRange("\nlimit 3", { line: 6, ch: "overdue".length });
		await app.settle();
		view.leaf.detach();
		await app.unloadPlugin("stay-in-touch");
		await app.settle();
		expect(Child.live).toBe(0);
		expect(app.debugCounts()).toEqual(before);
	});
});
