/**
 * Views. `View.open` = append the container, `load()` (→ `onload`), then `await onOpen()`;
 * `View.close` = `await onClose()`, then `unload()` (registered events/DOM listeners/intervals
 * are released) and the DOM is removed.
 *
 * `MarkdownView` holds the note in an `Editor`. Editor changes mark the view dirty and
 * `requestSave()` (a 2 s debounce, as in Obsidian's TextFileView) writes them with
 * `vault.modify`; `app.flushEditors()` / `settle()` run it early. When the file changes on
 * disk while open, the editor is updated in place (cursor and undo history survive): if the
 * editor had no unsaved changes it takes the disk text; if it had, the two are merged line by line
 * (three-way, against the last saved text) and a change to the same lines loses (recorded in `app.editorConflicts`).
 */
import type * as O from "obsidian";
import { applyEdits, lineEdits, type TextEdit } from "../../src/core/line-diff";
import type { App } from "./app";
import { Editor } from "./editor";
import { Component } from "./events";
import { LivePreview } from "./live-preview";
import { MarkdownPreviewView } from "./render";
import { debounce, scheduler, type Debouncer } from "./scheduler";
import type { Scope } from "./ui";
import { setIcon } from "./util";
import type { TFile } from "./vault";
import type { WorkspaceLeaf } from "./workspace";

export abstract class View extends Component {
	app: App;
	icon = "";
	navigation = false;
	leaf: WorkspaceLeaf;
	containerEl: HTMLElement;
	scope: Scope | null = null;

	constructor(leaf: WorkspaceLeaf) {
		super();
		this.leaf = leaf;
		this.app = leaf.app;
		this.containerEl = createDiv({ cls: "workspace-leaf-content" });
	}

	protected async onOpen(): Promise<void> {}
	protected async onClose(): Promise<void> {}
	abstract getViewType(): string;
	getState(): Record<string, unknown> {
		return {};
	}
	async setState(_state: unknown, _result: O.ViewStateResult): Promise<void> {}
	getEphemeralState(): Record<string, unknown> {
		return {};
	}
	setEphemeralState(_state: unknown): void {}
	getIcon(): string {
		return this.icon;
	}
	onResize(): void {}
	abstract getDisplayText(): string;
	onPaneMenu(_menu: unknown, _source: string): void {}

	/** Internal: whether this is a runtime placeholder (empty/deferred) rather than a real view. */
	get isPlaceholder(): boolean {
		return false;
	}

	/** Internal: attach and open the view. */
	async _open(parentEl: HTMLElement): Promise<void> {
		this.containerEl.setAttr("data-type", this.getViewType());
		parentEl.appendChild(this.containerEl);
		if (!this.isPlaceholder) this.load();
		await this.onOpen();
		this.leaf._updateHeader();
	}

	/** Internal: close and detach the view. */
	async _close(): Promise<void> {
		try {
			await this.onClose();
		} finally {
			this.unload();
			this.containerEl.remove();
		}
	}
}

export abstract class ItemView extends View {
	headerEl: HTMLElement;
	titleEl: HTMLElement;
	actionsEl: HTMLElement;
	contentEl: HTMLElement;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.headerEl = this.containerEl.createDiv({ cls: "view-header" });
		this.titleEl = this.headerEl.createDiv({ cls: "view-header-title-container" }).createDiv({ cls: "view-header-title" });
		this.actionsEl = this.headerEl.createDiv({ cls: "view-actions" });
		this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
	}

	addAction(icon: string, title: string, callback: (evt: MouseEvent) => any): HTMLElement {
		const el = this.actionsEl.createEl("a", { cls: "clickable-icon view-action", attr: { "aria-label": title } });
		setIcon(el, icon);
		el.addEventListener("click", callback);
		return el;
	}
}

/** The view of a leaf with nothing open ("New tab"). */
export class EmptyView extends ItemView {
	getViewType(): string {
		return "empty";
	}
	getDisplayText(): string {
		return "New tab";
	}
	get isPlaceholder(): boolean {
		return true;
	}
}

/**
 * Stands in for a view that is not loaded: a background tab restored from the layout
 * (`reason: "deferred"`, see `leaf.isDeferred`), or a view whose type no plugin registers
 * (`reason: "unregistered"`, e.g. after the plugin was disabled). It keeps the type and state so
 * the real view can be created later.
 */
export class DeferredView extends ItemView {
	constructor(
		leaf: WorkspaceLeaf,
		readonly type: string,
		readonly state: Record<string, unknown>,
		readonly reason: "deferred" | "unregistered",
	) {
		super(leaf);
		if (reason === "unregistered") this.contentEl.setText("Plugin no longer active");
	}
	getViewType(): string {
		return this.type;
	}
	getDisplayText(): string {
		return this.type;
	}
	getState(): Record<string, unknown> {
		return this.state;
	}
	get isPlaceholder(): boolean {
		return true;
	}
}

export abstract class FileView extends ItemView {
	allowNoFile = false;
	file: TFile | null = null;
	navigation = true;

	getDisplayText(): string {
		return this.file ? this.file.basename : "No file";
	}

	onload(): void {
		this.registerEvent(
			this.app.vault.on("rename", (file) => {
				if (file === this.file) void this.onRename(file as TFile);
			}),
		);
		this.registerEvent(
			this.app.vault.on("delete", (file) => {
				if (file === this.file) this.leaf.detach();
			}),
		);
	}

	getState(): Record<string, unknown> {
		return { file: this.file ? this.file.path : null };
	}

	async setState(state: any, result: O.ViewStateResult): Promise<void> {
		const path = state?.file;
		if (typeof path === "string") {
			const file = this.app.vault.getFileByPath(path);
			if (file && file !== this.file) await this.loadFile(file);
		}
		await super.setState(state, result);
	}

	/** Internal: switch to another file. */
	async loadFile(file: TFile): Promise<void> {
		if (this.file) await this.onUnloadFile(this.file);
		this.file = file;
		await this.onLoadFile(file);
		this.leaf._updateHeader();
	}

	async onLoadFile(_file: TFile): Promise<void> {}
	async onUnloadFile(_file: TFile): Promise<void> {}
	async onRename(_file: TFile): Promise<void> {
		this.leaf._updateHeader();
	}
	canAcceptExtension(_extension: string): boolean {
		return false;
	}

	async _close(): Promise<void> {
		if (this.file) await this.onUnloadFile(this.file);
		await super._close();
	}
}

export abstract class EditableFileView extends FileView {}

export abstract class TextFileView extends EditableFileView {
	data = "";
	requestSave: Debouncer<[], void>;
	/** Internal: the text last read from or written to disk. */
	lastSavedData: string | null = null;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.requestSave = debounce(() => void scheduler.track(this.save()), 2000);
	}

	onload(): void {
		super.onload();
		this.registerEvent(
			this.app.vault.on("modify", (file) => {
				if (file === this.file) this.onDiskChange();
			}),
		);
	}

	async onLoadFile(file: TFile): Promise<void> {
		const data = await this.app.vault.read(file);
		this.data = data;
		this.lastSavedData = data;
		this.setViewData(data, true);
	}

	async onUnloadFile(_file: TFile): Promise<void> {
		this.requestSave.cancel();
		await this.save();
	}

	async save(clear?: boolean): Promise<void> {
		const file = this.file;
		if (!file || file.deleted) return;
		const data = this.getViewData();
		this.data = data;
		if (data !== this.lastSavedData) {
			this.lastSavedData = data;
			await this.app.vault.modify(file, data);
		}
		if (clear) this.clear();
	}

	/** Internal: whether the view has changes not yet written. */
	get isDirty(): boolean {
		return this.lastSavedData !== null && this.getViewData() !== this.lastSavedData;
	}

	/** Internal: the file changed on disk (not through this view). */
	protected onDiskChange(): void {
		const disk = this.app.vault._readSync(this.file!.path);
		if (disk === undefined || disk === this.lastSavedData) return;
		if (!this.isDirty) this.setViewData(disk, false);
		this.lastSavedData = disk;
		this.data = this.getViewData();
	}

	abstract getViewData(): string;
	abstract setViewData(data: string, clear: boolean): void;
	abstract clear(): void;
}

/** Single-range diff: the smallest [from, to) of `a` to replace with `insert` to get `b`. */
export function diffRange(a: string, b: string): { from: number; to: number; insert: string } | null {
	if (a === b) return null;
	let start = 0;
	const max = Math.min(a.length, b.length);
	while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
		endA--;
		endB--;
	}
	return { from: start, to: endA, insert: b.slice(start, endB) };
}

export interface EditorConflict {
	path: string;
	base: string;
	editor: string;
	disk: string;
}

export class MarkdownView extends TextFileView {
	editor: Editor;
	previewMode: MarkdownPreviewView;
	currentMode: unknown;
	hoverPopover: unknown = null;
	sourceEl: HTMLElement;
	/** Test extension: the editing view's rendered code blocks (`live-preview.ts`). */
	livePreview: LivePreview;
	private mode: O.MarkdownViewModeType = "source";
	/** Test hook: builds each new view's editor in `sourceEl` (the browser tests put CodeMirror 6 here). */
	static createEditor: (sourceEl: HTMLElement) => Editor = (sourceEl) => new Editor("", sourceEl.createDiv({ cls: "cm-editor" }));

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.icon = "document";
		this.contentEl.addClass("markdown-view");
		this.sourceEl = this.contentEl.createDiv({ cls: "markdown-source-view mod-cm6 is-live-preview" });
		this.editor = MarkdownView.createEditor(this.sourceEl);
		this.editor.onChange = (origin) => this.onEditorChange(origin);
		this.livePreview = this.addChild(
			new LivePreview(
				this.sourceEl,
				() => this.editor.getValue(),
				() => this.file?.path ?? "",
			),
		);
		this.previewMode = new MarkdownPreviewView(this.app, () => this.file, this.contentEl.createDiv());
		this.previewMode.containerEl.hide();
		this.addChild(this.previewMode);
		this.currentMode = this.editor;
	}

	getViewType(): string {
		return "markdown";
	}

	getMode(): O.MarkdownViewModeType {
		return this.mode;
	}

	getViewData(): string {
		return this.editor.getValue();
	}

	setViewData(data: string, clear: boolean): void {
		if (clear) {
			this.editor.reset(data);
			this.livePreview.update(true);
			if (this.mode === "preview") this.previewMode.set(data, true);
		} else {
			const d = diffRange(this.editor.getValue(), data);
			if (d) this.editor.dispatch([d], { origin: "setViewData" });
		}
		this.data = data;
	}

	clear(): void {
		this.editor.reset("");
		this.livePreview.update(true);
		this.previewMode.clear();
	}

	getState(): Record<string, unknown> {
		return { ...super.getState(), mode: this.mode, source: false };
	}

	async setState(state: any, result: O.ViewStateResult): Promise<void> {
		// The mode first: a note opened in reading view is not rendered in the editing view first.
		if (state?.mode === "preview" || state?.mode === "source") this.showMode(state.mode);
		await super.setState(state, result);
		if (state?.mode === "preview" || state?.mode === "source") await this.setMode(state.mode);
	}

	showSearch(_replace?: boolean): void {}

	canAcceptExtension(extension: string): boolean {
		return extension === "md";
	}

	/** Test extension: switch between editing ("source") and reading ("preview") view. */
	async setMode(mode: O.MarkdownViewModeType): Promise<void> {
		this.showMode(mode);
		if (mode === "preview") await this.previewMode.renderNow(this.editor.getValue());
	}

	/** Shows one view and hides the other; Live Preview renders only while the editing view shows. */
	private showMode(mode: O.MarkdownViewModeType): void {
		this.mode = mode;
		if (mode === "preview") {
			this.sourceEl.hide();
			this.previewMode.containerEl.show();
			this.currentMode = this.previewMode;
			this.livePreview.setActive(false);
		} else {
			this.previewMode.containerEl.hide();
			this.sourceEl.show();
			this.currentMode = this.editor;
			this.livePreview.setActive(true);
		}
	}

	private onEditorChange(origin: string): void {
		this.data = this.editor.getValue();
		if (origin !== "external") this.requestSave();
		this.livePreview.update();
		const ws = this.app.workspace;
		ws.trigger("editor-change", this.editor, this);
		if (this.file) ws.trigger("quick-preview", this.file, this.data);
		if (this.mode === "preview") this.previewMode.set(this.data, false);
	}

	protected onDiskChange(): void {
		const file = this.file!;
		const disk = this.app.vault._readSync(file.path);
		const base = this.lastSavedData;
		if (disk === undefined || disk === base) return;
		const ours = this.editor.getValue();
		this.lastSavedData = disk;
		if (ours === disk) return;
		if (base === null || ours === base) {
			const d = diffRange(ours, disk);
			if (d) this.editor.dispatch([d], { origin: "external" });
			this.data = this.editor.getValue();
			return;
		}
		// Unsaved edits and an external change: a line-level three-way merge, as Obsidian merges
		// a file changed on disk into an editor with unsaved changes. Each side may change several
		// places; they merge when no line is changed by both.
		const merged = mergeLines(base, ours, disk);
		if (merged !== null) {
			const changes = lineEdits(ours, merged).map((e) => ({ from: e.from, to: e.to, insert: e.text }));
			if (changes.length > 0) this.editor.dispatch(changes, { origin: "external" });
			this.data = this.editor.getValue();
			this.requestSave();
		} else {
			this.app.editorConflicts.push({ path: file.path, base, editor: ours, disk });
			this.requestSave();
		}
	}
}

/**
 * Both sides' line edits applied to `base`, or null when they touch the same lines (or insert at
 * the same place): then the editor keeps its text and the conflict is recorded.
 */
export function mergeLines(base: string, ours: string, theirs: string): string | null {
	const mine = lineEdits(base, ours);
	const other = lineEdits(base, theirs);
	const clash = (a: TextEdit, b: TextEdit) =>
		(a.from < b.to && b.from < a.to) ||
		a.from === b.from ||
		(a.from === a.to && a.from > b.from && a.from < b.to) ||
		(b.from === b.to && b.from > a.from && b.from < a.to);
	if (mine.some((m) => other.some((o) => clash(m, o)))) return null;
	return applyEdits(
		base,
		[...mine, ...other].sort((a, b) => a.from - b.from),
	);
}
