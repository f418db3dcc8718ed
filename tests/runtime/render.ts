/**
 * Reading-view rendering: a minimal markdown renderer plus Obsidian's post-processor pipeline.
 *
 * - The note is split into top-level sections (as in `CachedMetadata.sections`); each section is
 *   rendered into its own `<div>`, then every registered post-processor runs on it (by
 *   `sortOrder`) with a `MarkdownPostProcessorContext`.
 * - A code-block processor replaces `<pre><code class="language-x">` with
 *   `<div class="block-language-x">` and gets the source between the fences ("\n"-joined, no
 *   trailing newline).
 * - Re-rendering after an edit keeps sections whose text did not change (their DOM and their
 *   `ctx.addChild` children stay alive, as in Obsidian); changed/removed sections are torn down
 *   and their children unloaded. So a code block re-renders only when ITS text changes.
 * - Everything is built with DOM APIs and `textContent`; nothing is ever parsed as HTML.
 */
import type * as O from "obsidian";
import type { App } from "./app";
import { Component } from "./events";
import { parseNote } from "./markdown";
import { reportHandlerError, scheduler } from "./scheduler";
import { Keymap } from "./ui";
import type { TFile } from "./vault";

export type PostProcessorFn = ((el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<any> | void) & { sortOrder?: number };
export type CodeBlockHandler = (source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<any> | void;

export class MarkdownRenderChild extends Component {
	containerEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.containerEl = containerEl;
	}
}

export class MarkdownPreviewRenderer {
	/** Global, like Obsidian's: every registered post-processor. */
	static postProcessors: PostProcessorFn[] = [];
	/** Code-block handlers by language (Obsidian's internal `codeBlockPostProcessors`). */
	static codeBlockPostProcessors: Record<string, CodeBlockHandler> = {};

	static registerPostProcessor(postProcessor: PostProcessorFn, sortOrder?: number): void {
		if (sortOrder !== undefined) postProcessor.sortOrder = sortOrder;
		MarkdownPreviewRenderer.postProcessors.push(postProcessor);
	}

	static unregisterPostProcessor(postProcessor: PostProcessorFn): void {
		const list = MarkdownPreviewRenderer.postProcessors;
		const i = list.indexOf(postProcessor);
		if (i >= 0) list.splice(i, 1);
	}

	static createCodeBlockPostProcessor(
		language: string,
		handler: CodeBlockHandler,
	): (el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<void> {
		return async (el, ctx) => {
			const pending: Array<Promise<unknown> | void> = [];
			for (const code of Array.from(el.querySelectorAll("pre > code"))) {
				if (!code.classList.contains(`language-${language}`)) continue;
				const pre = code.parentElement as HTMLElement;
				const div = document.createElement("div");
				div.className = `block-language-${language}`;
				pre.replaceWith(div);
				const source = (code as HTMLElement).dataset.source ?? code.textContent ?? "";
				pending.push(handler(source, div, ctx));
			}
			await Promise.all(pending);
		};
	}
}

export abstract class MarkdownRenderer extends MarkdownRenderChild {
	app!: App;
	hoverPopover: unknown = null;
	abstract get file(): TFile;

	static async renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		await renderFragment(null, markdown, el, sourcePath, component);
	}

	/**
	 * Render markdown into `el` (appended). Post-processors and code-block processors run;
	 * `ctx.addChild` children belong to `component`; `ctx.getSectionInfo` returns null, as in
	 * Obsidian for rendered fragments.
	 */
	static async render(app: App, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		await renderFragment(app, markdown, el, sourcePath, component);
	}
}

async function renderFragment(app: App | null, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
	const scratch = document.createElement("div");
	const engine = new PreviewEngine(app, scratch, component, sourcePath, false);
	await engine.render(markdown);
	for (const section of Array.from(scratch.children)) {
		while (section.firstChild) el.appendChild(section.firstChild);
	}
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

interface RenderedSection {
	key: string;
	type: string;
	el: HTMLElement;
	comp: Component;
	lineStart: number;
	lineEnd: number;
}

let docCounter = 0;

export class PreviewEngine {
	private sections: RenderedSection[] = [];
	private docText = "";
	private docId = `doc-${++docCounter}`;

	constructor(
		private app: App | null,
		private containerEl: HTMLElement,
		private owner: Component,
		public sourcePath: string,
		private withSectionInfo: boolean,
	) {}

	get text(): string {
		return this.docText;
	}

	async render(text: string): Promise<void> {
		this.docText = text;
		const parsed = parseNote(text);
		const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
		const fenceByLine = new Map(parsed.fences.map((f) => [f.startLine, f]));
		const frontmatter = parsed.cache.frontmatter ?? null;
		const wanted = (parsed.cache.sections ?? []).filter((s) => s.type !== "yaml" && s.type !== "comment");

		const unused = this.sections.slice();
		const next: RenderedSection[] = [];
		const work: Array<Promise<unknown>> = [];
		for (const s of wanted) {
			const lineStart = s.position.start.line;
			const lineEnd = s.position.end.line;
			const key = `${s.type}\u0000${lines.slice(lineStart, lineEnd + 1).join("\n")}`;
			const reuse = unused.findIndex((r) => r.key === key);
			if (reuse >= 0) {
				const kept = unused.splice(reuse, 1)[0];
				kept.lineStart = lineStart;
				kept.lineEnd = lineEnd;
				next.push(kept);
				continue;
			}
			const el = document.createElement("div");
			const comp = new Component();
			this.owner.addChild(comp);
			const section: RenderedSection = { key, type: s.type, el, comp, lineStart, lineEnd };
			renderSection(
				el,
				s.type,
				lines.slice(lineStart, lineEnd + 1),
				fenceByLine.get(lineStart)?.source,
				fenceByLine.get(lineStart)?.lang,
			);
			next.push(section);
			work.push(this.postProcess(section, frontmatter));
		}
		for (const old of unused) {
			old.el.remove();
			this.owner.removeChild(old.comp);
		}
		this.sections = next;
		// (Re)append in order; other children of the container are left alone.
		for (const s of next) this.containerEl.appendChild(s.el);
		await Promise.all(work);
	}

	/** Tear down every section (their children unload). */
	clear(): void {
		for (const s of this.sections) {
			s.el.remove();
			this.owner.removeChild(s.comp);
		}
		this.sections = [];
		this.docText = "";
	}

	private async postProcess(section: RenderedSection, frontmatter: unknown): Promise<void> {
		const ctx: O.MarkdownPostProcessorContext = {
			docId: this.docId,
			sourcePath: this.sourcePath,
			frontmatter,
			addChild: (child: O.MarkdownRenderChild) => {
				section.comp.addChild(child as unknown as Component);
			},
			getSectionInfo: (el: HTMLElement) => {
				if (!this.withSectionInfo) return null;
				const owner =
					this.sections.find((s) => s.el === el || s.el.contains(el)) ??
					(section.el.contains(el) || section.el === el ? section : null);
				if (!owner) return null;
				return { text: this.docText, lineStart: owner.lineStart, lineEnd: owner.lineEnd };
			},
		} as O.MarkdownPostProcessorContext;
		const processors = MarkdownPreviewRenderer.postProcessors.slice().sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
		for (const pp of processors) {
			try {
				await pp(section.el, ctx);
			} catch (err) {
				// Obsidian logs a failing post-processor and keeps rendering the note.
				reportHandlerError(err, "markdown post-processor");
			}
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Block and inline rendering
// ---------------------------------------------------------------------------------------------

function renderSection(el: HTMLElement, type: string, lines: string[], fenceSource?: string, lang?: string): void {
	switch (type) {
		case "heading": {
			const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(lines[0]);
			const level = atx ? atx[1].length : /^ {0,3}=+/.test(lines[lines.length - 1]) ? 1 : 2;
			const text = atx
				? (atx[2] ?? "")
				: lines
						.slice(0, -1)
						.map((l) => l.trim())
						.join(" ");
			const h = el.createEl(`h${level}` as "h1");
			h.setAttr("data-heading", text);
			renderInline(h, text);
			return;
		}
		case "code": {
			const pre = el.createEl("pre");
			const code = pre.createEl("code");
			if (lang) code.addClass(`language-${lang}`);
			const source = fenceSource ?? "";
			code.dataset.source = source;
			code.textContent = source;
			return;
		}
		case "thematicBreak":
			el.createEl("hr");
			return;
		case "math":
			el.createDiv({
				cls: "math math-block",
				text: lines
					.join("\n")
					.replace(/^\s*\$\$|\$\$\s*$/g, "")
					.trim(),
			});
			return;
		case "blockquote":
		case "callout": {
			const inner = lines.map((l) => l.replace(/^ {0,3}> ?/, ""));
			if (type === "callout") {
				const m = /^\[!([^\]]+)\][+-]?\s*(.*)$/.exec(inner[0]) ?? ["", "note", ""];
				const box = el.createDiv({ cls: "callout", attr: { "data-callout": m[1].toLowerCase() } });
				const title = box.createDiv({ cls: "callout-title" });
				renderInline(title.createDiv({ cls: "callout-title-inner" }), m[2] || m[1]);
				renderParagraphs(box.createDiv({ cls: "callout-content" }), inner.slice(1));
			} else {
				renderParagraphs(el.createEl("blockquote"), inner);
			}
			return;
		}
		case "list":
			renderList(el, lines);
			return;
		case "table":
			renderTable(el, lines);
			return;
		default:
			renderParagraphs(el, lines);
	}
}

function renderParagraphs(el: HTMLElement, lines: string[]): void {
	let para: string[] = [];
	const flush = () => {
		if (!para.length) return;
		const p = el.createEl("p");
		para.forEach((line, i) => {
			if (i > 0) p.createEl("br");
			renderInline(p, line.trim());
		});
		para = [];
	};
	for (const line of lines) {
		if (line.trim() === "") flush();
		else para.push(line);
	}
	flush();
}

function renderList(el: HTMLElement, lines: string[]): void {
	const re = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)(.*)$/;
	const root = { indent: -1, list: null as HTMLElement | null, parent: el, lastLi: null as HTMLElement | null };
	const stack = [root];
	for (const line of lines) {
		const m = re.exec(line);
		if (!m) {
			const top = stack[stack.length - 1];
			if (top.lastLi && line.trim()) {
				top.lastLi.createEl("br");
				renderInline(top.lastLi, line.trim());
			}
			continue;
		}
		const indent = m[1].replace(/\t/g, "    ").length;
		while (stack.length > 1 && stack[stack.length - 1].indent > indent) stack.pop();
		let top = stack[stack.length - 1];
		if (top.indent < indent) {
			const parentEl = top.lastLi ?? top.parent;
			const ordered = /\d/.test(m[2]);
			const list = parentEl.createEl(ordered ? "ol" : "ul");
			top = { indent, list, parent: parentEl, lastLi: null };
			stack.push(top);
		}
		const li = top.list!.createEl("li");
		let content = m[3];
		const task = /^\[(.)\]\s?(.*)$/.exec(content);
		if (task) {
			li.addClass("task-list-item");
			li.setAttr("data-task", task[1]);
			const box = li.createEl("input", { type: "checkbox", cls: "task-list-item-checkbox" });
			box.checked = task[1] !== " ";
			content = task[2];
		}
		renderInline(li, content);
		top.lastLi = li;
	}
}

function renderTable(el: HTMLElement, lines: string[]): void {
	const cells = (line: string) =>
		line
			.trim()
			.replace(/^\||\|$/g, "")
			.split("|")
			.map((c) => c.trim());
	const table = el.createEl("table");
	const head = table.createEl("thead").createEl("tr");
	for (const c of cells(lines[0])) renderInline(head.createEl("th"), c);
	const body = table.createEl("tbody");
	for (const line of lines.slice(2)) {
		const tr = body.createEl("tr");
		for (const c of cells(line)) renderInline(tr.createEl("td"), c);
	}
}

const INLINE =
	/(`+)([\s\S]*?[^`])\1(?!`)|%%[\s\S]*?%%|!\[\[([^\]]+)\]\]|\[\[([^\]]+)\]\]|!?\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<![\p{L}\p{N}])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}])|~~(.+?)~~|==(.+?)==|(?<=^|\s)#([\p{L}\p{N}_\-/]*[\p{L}_\-/][\p{L}\p{N}_\-/]*)|(https?:\/\/[^\s<>()]+)/gu;

/** Render inline markdown into `el` as DOM nodes and text. */
export function renderInline(el: HTMLElement, text: string): void {
	let pos = 0;
	INLINE.lastIndex = 0;
	const re = new RegExp(INLINE.source, INLINE.flags);
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		if (m.index > pos) el.appendText(text.slice(pos, m.index));
		pos = m.index + m[0].length;
		if (m[1] !== undefined) {
			el.createEl("code", { text: m[2] });
		} else if (m[0].startsWith("%%")) {
			// comment: not rendered
		} else if (m[3] !== undefined) {
			const [target, alias] = splitAlias(m[3]);
			el.createSpan({ cls: "internal-embed", attr: { src: target, alt: alias ?? target }, text: alias ?? target });
		} else if (m[4] !== undefined) {
			const [target, alias] = splitAlias(m[4]);
			el.createEl("a", {
				cls: "internal-link",
				text: alias ?? target,
				attr: { "data-href": target, href: target, target: "_blank", rel: "noopener" },
			});
		} else if (m[6] !== undefined) {
			const url = m[6];
			const external = /^[a-z][a-z0-9+.-]*:/i.test(url);
			let href = url;
			try {
				href = external ? url : decodeURI(url);
			} catch {
				/* raw */
			}
			el.createEl("a", {
				cls: external ? "external-link" : "internal-link",
				text: m[5],
				attr: external ? { href: url, target: "_blank", rel: "noopener" } : { "data-href": href, href },
			});
		} else if (m[7] !== undefined || m[8] !== undefined) {
			renderInline(el.createEl("strong"), m[7] ?? m[8]);
		} else if (m[9] !== undefined || m[10] !== undefined) {
			renderInline(el.createEl("em"), m[9] ?? m[10]);
		} else if (m[11] !== undefined) {
			renderInline(el.createEl("del"), m[11]);
		} else if (m[12] !== undefined) {
			renderInline(el.createEl("mark"), m[12]);
		} else if (m[13] !== undefined) {
			el.createEl("a", { cls: "tag", text: `#${m[13]}`, attr: { href: `#${m[13]}`, target: "_blank", rel: "noopener" } });
		} else if (m[14] !== undefined) {
			el.createEl("a", { cls: "external-link", text: m[14], attr: { href: m[14], target: "_blank", rel: "noopener" } });
		}
	}
	if (pos < text.length) el.appendText(text.slice(pos));
}

function splitAlias(inner: string): [string, string | undefined] {
	const bar = inner.indexOf("|");
	return bar < 0 ? [inner.trim(), undefined] : [inner.slice(0, bar).trim(), inner.slice(bar + 1)];
}

// ---------------------------------------------------------------------------------------------
// Reading view of a MarkdownView, and the test-facing rendered note
// ---------------------------------------------------------------------------------------------

export class MarkdownPreviewView extends MarkdownRenderer {
	previewEl: HTMLElement;
	sizerEl: HTMLElement;
	private engine: PreviewEngine;
	private data = "";

	constructor(
		app: App,
		private getFile: () => TFile | null,
		containerEl?: HTMLElement,
	) {
		super(containerEl ?? document.createElement("div"));
		this.app = app;
		this.containerEl.addClass("markdown-reading-view");
		this.previewEl = this.containerEl.createDiv({ cls: "markdown-preview-view markdown-rendered" });
		this.sizerEl = this.previewEl.createDiv({ cls: "markdown-preview-sizer markdown-preview-section" });
		this.engine = new PreviewEngine(app, this.sizerEl, this, getFile()?.path ?? "", true);
	}

	get file(): TFile {
		return this.getFile() as TFile;
	}

	get(): string {
		return this.data;
	}

	set(data: string, clear: boolean): void {
		if (clear) this.engine.clear();
		this.data = data;
		this.setSourcePath();
		scheduler.track(this.engine.render(data));
	}

	/** Test extension: render and wait for every processor. */
	async renderNow(data = this.data): Promise<void> {
		this.data = data;
		this.setSourcePath();
		await scheduler.track(this.engine.render(data));
	}

	clear(): void {
		this.engine.clear();
		this.data = "";
	}

	rerender(full?: boolean): void {
		if (full) this.engine.clear();
		scheduler.track(this.engine.render(this.data));
	}

	getScroll(): number {
		return 0;
	}

	applyScroll(_scroll: number): void {}

	onunload(): void {
		this.engine.clear();
	}

	private setSourcePath(): void {
		this.engine.sourcePath = this.getFile()?.path ?? "";
	}
}

/**
 * Test extension returned by `app.renderNote(path)`: the note rendered in reading view, kept live
 * (re-rendered section by section when the file changes) until `unload()`.
 */
export class RenderedNote extends MarkdownRenderChild {
	/** The element holding the rendered sections. */
	el: HTMLElement;
	private engine: PreviewEngine;

	constructor(
		private app: App,
		public file: TFile,
		hostEl: HTMLElement,
	) {
		super(hostEl.createDiv({ cls: "markdown-reading-view test-rendered-note" }));
		this.el = this.containerEl
			.createDiv({ cls: "markdown-preview-view markdown-rendered" })
			.createDiv({ cls: "markdown-preview-sizer" });
		this.engine = new PreviewEngine(app, this.el, this, file.path, true);
	}

	onload(): void {
		// Reading view follows every internal link in the note, a code block's output included,
		// with one listener on the view: it opens `data-href` whatever a handler on the link did
		// (it does not look at defaultPrevented), so a block that also opens its links opens them twice.
		this.registerDomEvent(this.containerEl, "click", (evt) => {
			const link = (evt.target as HTMLElement | null)?.closest?.("a.internal-link");
			const href = link?.getAttribute("data-href");
			if (href) void this.app.workspace.openLinkText(href, this.file.path, Keymap.isModEvent(evt));
		});
		this.registerEvent(
			this.app.vault.on("modify", (f) => {
				if (f === this.file) void this.rerender();
			}),
		);
		this.registerEvent(
			this.app.vault.on("delete", (f) => {
				if (f === this.file) this.unload();
			}),
		);
	}

	/** Re-render from the file's current text (unchanged sections are kept). */
	rerender(): Promise<void> {
		const text = this.app.vault._readSync(this.file.path) ?? "";
		this.engine.sourcePath = this.file.path;
		return scheduler.track(this.engine.render(text));
	}

	onunload(): void {
		this.engine.clear();
		this.containerEl.remove();
	}
}
