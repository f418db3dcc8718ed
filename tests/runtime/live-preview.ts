/**
 * Live Preview: the editing view of a `MarkdownView` renders every fenced code block whose
 * language has a registered code-block processor, as Obsidian's CodeMirror widgets do.
 *
 * - A block is rendered when it is in the editor's viewport (`VIEWPORT_LINES` lines from the top
 *   at first; `scrollToLine`/`setViewport` move it): the processor runs with the block's source,
 *   a `div.block-language-<lang>` inside a `div.cm-preview-code-block.cm-embed-block`, and a
 *   context (`sourcePath`, `frontmatter`, `addChild`, `getSectionInfo`).
 * - On every change of the document the blocks are matched by their text: a block whose text did
 *   not change keeps its widget (its `ctx.addChild` children stay loaded) wherever it moved; a
 *   block whose text changed gets a new widget (the processor runs again, the old children
 *   unload); a block removed, or scrolled out of the viewport, is torn down (children unload).
 * - Closing the note (or loading another file into the view) tears every widget down.
 * - Markdown post-processors do not run here, as in Obsidian (they are reading view only).
 *
 * Simplifications: the widgets are laid out after the editor's text (`.cm-live-preview-blocks`),
 * not in place of the fenced lines; a block is rendered even while the cursor is in it
 * (Obsidian shows such a block as source); and nothing is rendered while the view shows reading
 * view (switching to it tears the widgets down, switching back renders them), so a note opened
 * in reading view runs each processor once, for reading view.
 */
import type * as O from "obsidian";
import { Component } from "./events";
import { parseNote } from "./markdown";
import { MarkdownPreviewRenderer } from "./render";
import { reportHandlerError, scheduler } from "./scheduler";

/** How many lines the editor renders at first (a screen plus CodeMirror's margin). */
export const VIEWPORT_LINES = 80;

interface Widget {
	/** The block's lines, fences included: what decides whether the widget is kept. */
	key: string;
	lang: string;
	lineStart: number;
	lineEnd: number;
	el: HTMLElement;
	comp: Component;
}

let docCounter = 0;

export class LivePreview extends Component {
	/** The element holding the rendered blocks, in document order. */
	readonly containerEl: HTMLElement;
	private widgets: Widget[] = [];
	private viewport = { from: 0, to: VIEWPORT_LINES };
	private readonly docId = `live-preview-${++docCounter}`;
	private text = "";
	/** False while the view shows reading view. */
	private active = true;

	constructor(
		parentEl: HTMLElement,
		private readonly getText: () => string,
		private readonly getSourcePath: () => string,
	) {
		super();
		this.containerEl = parentEl.createDiv({ cls: "cm-live-preview-blocks" });
	}

	/** Test extension: the first and last+1 line in view. */
	getViewport(): { from: number; to: number } {
		return { ...this.viewport };
	}

	/** Test extension: scroll so that lines [from, to) are in view, and render what came into it. */
	setViewport(from: number, to: number): void {
		this.viewport = { from: Math.max(0, from), to: Math.max(from, to) };
		this.update();
	}

	/** Test extension: scroll `line` to the top of the editor (a viewport of `VIEWPORT_LINES`). */
	scrollToLine(line: number): void {
		this.setViewport(line, line + VIEWPORT_LINES);
	}

	/** Test extension: the rendered blocks' `block-language-*` elements, in document order. */
	get blockEls(): HTMLElement[] {
		return this.widgets.map((w) => w.el.firstElementChild as HTMLElement);
	}

	/** Internal (the view calls it): editing view shown (true) or reading view (false). */
	setActive(active: boolean): void {
		this.active = active;
		if (active) this.update();
		else this.destroy(this.widgets.splice(0));
	}

	/** Internal (the view calls it): the document changed; with `reset`, it is a new document. */
	update(reset = false): void {
		if (reset) this.destroy(this.widgets.splice(0));
		if (!this._loaded || !this.active) return;
		this.text = this.getText();
		const handlers = MarkdownPreviewRenderer.codeBlockPostProcessors;
		if (!this.widgets.length && (!Object.keys(handlers).length || !/^\s*(```|~~~)/m.test(this.text))) return;
		const parsed = parseNote(this.text);
		const lines = this.text.split("\n").map((l) => l.replace(/\r$/, ""));
		const frontmatter = parsed.cache.frontmatter ?? null;
		const unused = this.widgets.slice();
		const next: Widget[] = [];
		for (const fence of parsed.fences) {
			const handler = handlers[fence.lang];
			if (!handler) continue;
			if (fence.endLine < this.viewport.from || fence.startLine >= this.viewport.to) continue;
			const key = lines.slice(fence.startLine, fence.endLine + 1).join("\n");
			const i = unused.findIndex((w) => w.key === key && w.lang === fence.lang);
			if (i >= 0) {
				const kept = unused.splice(i, 1)[0];
				kept.lineStart = fence.startLine;
				kept.lineEnd = fence.endLine;
				next.push(kept);
				continue;
			}
			const el = this.containerEl.createDiv({ cls: "cm-preview-code-block cm-embed-block markdown-rendered" });
			const blockEl = el.createDiv({ cls: `block-language-${fence.lang}` });
			const widget: Widget = { key, lang: fence.lang, lineStart: fence.startLine, lineEnd: fence.endLine, el, comp: new Component() };
			this.addChild(widget.comp);
			next.push(widget);
			this.run(handler, fence.source, blockEl, widget, frontmatter);
		}
		this.destroy(unused);
		this.widgets = next;
		for (const w of next) this.containerEl.appendChild(w.el);
	}

	onload(): void {
		this.update();
	}

	onunload(): void {
		for (const w of this.widgets.splice(0)) w.el.remove();
	}

	private run(
		handler: (source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<unknown> | void,
		source: string,
		el: HTMLElement,
		widget: Widget,
		frontmatter: unknown,
	): void {
		const ctx = {
			docId: this.docId,
			sourcePath: this.getSourcePath(),
			frontmatter,
			addChild: (child: O.MarkdownRenderChild) => {
				widget.comp.addChild(child as unknown as Component);
			},
			getSectionInfo: (target: HTMLElement) => {
				const owner = this.widgets.find((w) => w.el.contains(target)) ?? (widget.el.contains(target) ? widget : null);
				return owner ? { text: this.text, lineStart: owner.lineStart, lineEnd: owner.lineEnd } : null;
			},
		} as O.MarkdownPostProcessorContext;
		try {
			const result = handler(source, el, ctx);
			if (result && typeof result.then === "function")
				void scheduler.track(
					Promise.resolve(result).catch((err: unknown) => reportHandlerError(err, "code-block processor (Live Preview)")),
				);
		} catch (err) {
			// Obsidian logs a failing processor and keeps the editor working.
			reportHandlerError(err, "code-block processor (Live Preview)");
		}
	}

	private destroy(widgets: Widget[]): void {
		for (const w of widgets) {
			w.el.remove();
			this.removeChild(w.comp);
		}
	}
}
