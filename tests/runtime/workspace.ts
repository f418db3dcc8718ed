/**
 * The workspace: a root split (main area) and left/right sidebars, each holding tab groups of
 * leaves; one tab per group is visible. A collapsed sidebar and background tabs are hidden
 * (`el.isShown()` is false), like in Obsidian.
 *
 * Facts modelled because they bite:
 * - `onLayoutReady` callbacks are queued until the layout is ready, then run immediately;
 * - clicking inside a leaf makes it the active leaf — after clicking the sidebar,
 *   `getActiveViewOfType(MarkdownView)` is null while `getActiveFile()` is still the last note;
 * - the layout is saved to `.obsidian/workspace.json` (debounced) and restored on start-up;
 *   leaves whose view type is not registered keep their type/state as placeholders and become
 *   real views as soon as a plugin registers the type; background tabs restore deferred;
 * - when a plugin's view type is unregistered (plugin disabled) its leaves stay, as placeholders.
 */
import type * as O from "obsidian";
import type { App } from "./app";
import { Events } from "./events";
import { parseLinktext } from "./markdown";
import { reportHandlerError, scheduler, debounce, type Debouncer } from "./scheduler";
import type { TFile } from "./vault";
import { DeferredView, EmptyView, FileView, MarkdownView, View } from "./views";

let idCounter = 0;
function newId(): string {
	idCounter++;
	return (idCounter.toString(16) + Math.random().toString(16).slice(2)).padEnd(16, "0").slice(0, 16);
}

export abstract class WorkspaceItem extends Events {
	id = newId();
	parent: WorkspaceParent | null = null;
	abstract containerEl: HTMLElement;

	getRoot(): WorkspaceItem {
		let cur: WorkspaceItem = this;
		while (cur.parent) cur = cur.parent;
		return cur;
	}

	getContainer(): WorkspaceContainer {
		const root = this.getRoot();
		return (root instanceof WorkspaceContainer ? root : (root as WorkspaceSidedock).workspace.rootSplit) as WorkspaceContainer;
	}
}

export abstract class WorkspaceParent extends WorkspaceItem {
	children: WorkspaceItem[] = [];
}

export class WorkspaceTabs extends WorkspaceParent {
	containerEl: HTMLElement;
	tabsContainerEl: HTMLElement;
	currentTab = 0;
	declare children: WorkspaceLeaf[];

	constructor(public workspace: Workspace) {
		super();
		this.containerEl = createDiv({ cls: "workspace-tabs" });
		this.tabsContainerEl = this.containerEl.createDiv({ cls: "workspace-tab-container" });
	}

	/** Internal: make `leaf` the visible tab. */
	selectTab(leaf: WorkspaceLeaf): void {
		const i = this.children.indexOf(leaf);
		if (i < 0) return;
		this.currentTab = i;
		this.children.forEach((l, k) => l.containerEl.toggle(k === i));
	}

	addLeaf(leaf: WorkspaceLeaf, index = this.children.length): void {
		leaf.parent = this;
		this.children.splice(index, 0, leaf);
		this.tabsContainerEl.appendChild(leaf.containerEl);
		if (this.children.length === 1) this.selectTab(leaf);
		else leaf.containerEl.toggle(false);
	}

	removeLeaf(leaf: WorkspaceLeaf): void {
		const i = this.children.indexOf(leaf);
		if (i < 0) return;
		this.children.splice(i, 1);
		leaf.containerEl.remove();
		if (this.children.length) this.selectTab(this.children[Math.min(this.currentTab, this.children.length - 1)]);
	}
}

export class WorkspaceSplit extends WorkspaceParent {
	containerEl: HTMLElement;
	direction: O.SplitDirection = "vertical";
	declare children: WorkspaceTabs[];

	constructor(
		public workspace: Workspace,
		cls: string,
	) {
		super();
		this.containerEl = createDiv({ cls: `workspace-split ${cls}` });
	}

	/** Internal: a new tab group at the end of this split. */
	addTabs(): WorkspaceTabs {
		const tabs = new WorkspaceTabs(this.workspace);
		tabs.parent = this;
		this.children.push(tabs);
		this.containerEl.appendChild(tabs.containerEl);
		return tabs;
	}

	removeTabs(tabs: WorkspaceTabs): void {
		const i = this.children.indexOf(tabs);
		if (i >= 0) this.children.splice(i, 1);
		tabs.containerEl.remove();
	}

	leaves(): WorkspaceLeaf[] {
		return this.children.flatMap((t) => t.children);
	}
}

export abstract class WorkspaceContainer extends WorkspaceSplit {
	abstract win: Window;
	abstract doc: Document;
}

export class WorkspaceRoot extends WorkspaceContainer {
	get win(): Window {
		return window;
	}
	get doc(): Document {
		return document;
	}
}

export class WorkspaceWindow extends WorkspaceContainer {
	get win(): Window {
		return window;
	}
	get doc(): Document {
		return document;
	}
}

export class WorkspaceSidedock extends WorkspaceSplit {
	collapsed = false;
	constructor(workspace: Workspace, cls: string) {
		super(workspace, cls);
	}
	toggle(): void {
		if (this.collapsed) this.expand();
		else this.collapse();
	}
	collapse(): void {
		this.collapsed = true;
		this.containerEl.toggle(false);
		this.workspace._layoutChanged();
	}
	expand(): void {
		this.collapsed = false;
		this.containerEl.toggle(true);
		this.workspace._layoutChanged();
	}
}

export class WorkspaceMobileDrawer extends WorkspaceParent {
	containerEl = createDiv({ cls: "workspace-drawer" });
	collapsed = true;
	expand(): void {
		this.collapsed = false;
	}
	collapse(): void {
		this.collapsed = true;
	}
	toggle(): void {
		this.collapsed = !this.collapsed;
	}
}

export class WorkspaceFloating extends WorkspaceParent {
	containerEl = createDiv({ cls: "workspace-floating" });
}

export class WorkspaceRibbon {
	constructor(public containerEl: HTMLElement) {}
}

export class WorkspaceLeaf extends WorkspaceItem {
	declare parent: WorkspaceTabs | null;
	view: View;
	hoverPopover: unknown = null;
	containerEl: HTMLElement;
	app: App;
	pinned = false;
	group: string | null = null;
	/** Test extension: true once detached. */
	detached = false;
	private ephemeral: unknown = {};

	constructor(app: App) {
		super();
		this.app = app;
		this.containerEl = createDiv({ cls: "workspace-leaf" });
		this.containerEl.addEventListener("mousedown", () => this.app.workspace.setActiveLeaf(this, { focus: true }), true);
		this.view = new EmptyView(this);
		void this.view._open(this.containerEl);
	}

	get isDeferred(): boolean {
		return this.view instanceof DeferredView && this.view.reason === "deferred";
	}

	async loadIfDeferred(): Promise<void> {
		const v = this.view;
		if (v instanceof DeferredView && v.reason === "deferred") await this.setViewState({ type: v.type, state: v.state });
	}

	async open(view: View): Promise<View> {
		await this.swapView(view);
		return view;
	}

	async openFile(file: TFile, openState?: O.OpenViewState): Promise<void> {
		const ws = this.app.workspace;
		const type = file.extension === "md" ? "markdown" : this.app.viewRegistry.getTypeByExtension(file.extension);
		if (!type) throw new Error(`No view registered for .${file.extension} files`);
		const state = { ...(openState?.state ?? {}), file: file.path };
		if (this.view instanceof MarkdownView && type === "markdown") {
			await this.view.setState(state, { history: true });
			if (openState?.eState) this.view.setEphemeralState(openState.eState);
		} else {
			await this.setViewState({ type, state }, openState?.eState);
		}
		const active = openState?.active ?? this.getRoot() === ws.rootSplit;
		if (active) ws.setActiveLeaf(this, { focus: true });
		ws._syncActiveFile();
		ws._layoutChanged();
	}

	getViewState(): O.ViewState {
		return {
			type: this.view.getViewType(),
			state: this.view.getState(),
			active: this.app.workspace.activeLeaf === this,
			pinned: this.pinned,
		};
	}

	async setViewState(viewState: O.ViewState, eState?: any): Promise<void> {
		const ws = this.app.workspace;
		let view = this.view;
		if (view.getViewType() !== viewState.type || view instanceof DeferredView) {
			const creator = this.app.viewRegistry.getViewCreatorByType(viewState.type);
			const next = creator ? creator(this as never) : new DeferredView(this, viewState.type, viewState.state ?? {}, "unregistered");
			await this.swapView(next);
			view = next;
		}
		if (!(view instanceof DeferredView)) await view.setState(viewState.state ?? {}, { history: false });
		if (eState) view.setEphemeralState(eState);
		if (viewState.pinned !== undefined) this.setPinned(viewState.pinned);
		if (viewState.group) this.setGroupMember(viewState.group as unknown as WorkspaceLeaf);
		if (viewState.active) ws.setActiveLeaf(this, { focus: true });
		this._updateHeader();
		ws._syncActiveFile();
		ws._layoutChanged();
	}

	getEphemeralState(): any {
		return this.view.getEphemeralState() ?? this.ephemeral;
	}

	setEphemeralState(state: any): void {
		this.ephemeral = state;
		this.view.setEphemeralState(state);
	}

	togglePinned(): void {
		this.setPinned(!this.pinned);
	}

	setPinned(pinned: boolean): void {
		this.pinned = pinned;
		this.trigger("pinned-change", pinned);
	}

	setGroupMember(other: WorkspaceLeaf): void {
		other.group ??= newId();
		this.setGroup(other.group);
	}

	setGroup(group: string): void {
		this.group = group;
		this.trigger("group-change", group);
	}

	detach(): void {
		if (this.detached) return;
		this.detached = true;
		const ws = this.app.workspace;
		const tabs = this.parent;
		tabs?.removeLeaf(this);
		if (tabs && !tabs.children.length && tabs.parent) (tabs.parent as WorkspaceSplit).removeTabs(tabs);
		this.containerEl.remove();
		const view = this.view;
		scheduler.track(view._close().catch((err) => reportHandlerError(err, `closing view '${view.getViewType()}'`)));
		ws._onLeafDetached(this);
	}

	getIcon(): string {
		return this.view.getIcon();
	}

	getDisplayText(): string {
		return this.view.getDisplayText();
	}

	onResize(): void {
		this.view.onResize();
	}

	/** Internal: refresh the tab title from the view. */
	_updateHeader(): void {
		const v = this.view as View & { titleEl?: HTMLElement };
		v.titleEl?.setText(v.getDisplayText());
	}

	/** Internal: replace the view (close the old one, open the new one). */
	async swapView(next: View): Promise<void> {
		const old = this.view;
		this.view = next;
		try {
			await old._close();
		} catch (err) {
			reportHandlerError(err, `closing view '${old.getViewType()}'`);
		}
		await next._open(this.containerEl);
	}
}

interface LeafLayout {
	id: string;
	type: "leaf";
	state: { type: string; state: Record<string, unknown> };
	pinned?: boolean;
}
interface TabsLayout {
	id: string;
	type: "tabs";
	currentTab: number;
	children: LeafLayout[];
}
interface SplitLayout {
	id: string;
	type: "split";
	direction: O.SplitDirection;
	collapsed?: boolean;
	children: TabsLayout[];
}
export interface WorkspaceLayout {
	main: SplitLayout;
	left: SplitLayout;
	right: SplitLayout;
	active: string | null;
	lastOpenFiles: string[];
}

export class Workspace extends Events {
	leftSplit: WorkspaceSidedock;
	rightSplit: WorkspaceSidedock;
	rootSplit: WorkspaceRoot;
	leftRibbon: WorkspaceRibbon;
	rightRibbon: WorkspaceRibbon;
	activeLeaf: WorkspaceLeaf | null = null;
	containerEl: HTMLElement;
	layoutReady = false;
	requestSaveLayout: Debouncer<[], Promise<void>>;
	/** Test extension: every `trigger('hover-link', …)` payload. */
	hoverLinkLog: unknown[] = [];
	/** Registered with `plugin.registerHoverLinkSource`. */
	hoverLinkSources: Record<string, O.HoverLinkSource> = {};
	/** Registered with `plugin.registerEditorExtension`. */
	editorExtensions: unknown[] = [];
	/** Registered with `plugin.registerEditorSuggest`. */
	editorSuggests: unknown[] = [];

	private layoutReadyCallbacks: Array<() => any> = [];
	private lastActiveFile: TFile | null = null;
	private mostRecentRootLeaf: WorkspaceLeaf | null = null;
	private recentFiles: string[] = [];
	private layoutChange: Debouncer<[], void>;

	constructor(
		public app: App,
		ribbonEl: HTMLElement,
	) {
		super();
		this.containerEl = createDiv({ cls: "workspace" });
		this.leftSplit = new WorkspaceSidedock(this, "mod-horizontal mod-sidedock mod-left-split");
		this.rootSplit = new WorkspaceRoot(this, "mod-vertical mod-root");
		this.rightSplit = new WorkspaceSidedock(this, "mod-horizontal mod-sidedock mod-right-split");
		this.containerEl.append(this.leftSplit.containerEl, this.rootSplit.containerEl, this.rightSplit.containerEl);
		this.leftRibbon = new WorkspaceRibbon(ribbonEl);
		this.rightRibbon = new WorkspaceRibbon(createDiv());
		this.layoutChange = debounce(() => this.trigger("layout-change"), 0);
		this.requestSaveLayout = debounce(() => scheduler.track(this.saveLayout()), 2000);
	}

	get activeEditor(): O.MarkdownFileInfo | null {
		const view = this.activeLeaf?.view;
		return view instanceof MarkdownView && view.getMode() === "source" ? (view as unknown as O.MarkdownFileInfo) : null;
	}

	// ----- layout ready -----------------------------------------------------------------------

	onLayoutReady(callback: () => any): void {
		if (this.layoutReady) callback();
		else this.layoutReadyCallbacks.push(callback);
	}

	/** Test-facing: the app finished loading its layout; queued `onLayoutReady` callbacks run now. */
	markLayoutReady(): void {
		if (this.layoutReady) return;
		this.layoutReady = true;
		for (const cb of this.layoutReadyCallbacks.splice(0)) {
			try {
				const r = cb();
				if (r && typeof r.then === "function") scheduler.track(Promise.resolve(r));
			} catch (err) {
				reportHandlerError(err, "onLayoutReady callback");
			}
		}
		this._layoutChanged();
	}

	// ----- leaves -----------------------------------------------------------------------------

	private newLeafIn(split: WorkspaceSplit, newGroup: boolean): WorkspaceLeaf {
		const tabs = newGroup || !split.children.length ? split.addTabs() : split.children[split.children.length - 1];
		const leaf = new WorkspaceLeaf(this.app);
		tabs.addLeaf(leaf);
		return leaf;
	}

	getLeaf(newLeaf?: O.PaneType | boolean, _direction?: O.SplitDirection): WorkspaceLeaf {
		if (newLeaf === "split") return this.newLeafIn(this.rootSplit, true);
		if (newLeaf === true || newLeaf === "tab" || newLeaf === "window") return this.newLeafIn(this.rootSplit, false);
		const recent = this.getMostRecentLeaf();
		if (recent && !recent.pinned && (recent.view.navigation || recent.view instanceof EmptyView)) return recent;
		return this.newLeafIn(this.rootSplit, false);
	}

	getUnpinnedLeaf(): WorkspaceLeaf {
		return this.getLeaf(false);
	}

	splitActiveLeaf(_direction?: O.SplitDirection): WorkspaceLeaf {
		return this.getLeaf("split");
	}

	createLeafInParent(parent: WorkspaceSplit, index: number): WorkspaceLeaf {
		const tabs = parent.addTabs();
		const leaf = new WorkspaceLeaf(this.app);
		tabs.addLeaf(leaf, index);
		return leaf;
	}

	createLeafBySplit(leaf: WorkspaceLeaf, _direction?: O.SplitDirection, _before?: boolean): WorkspaceLeaf {
		const split = (leaf.getRoot() as WorkspaceSplit) ?? this.rootSplit;
		return this.newLeafIn(split, true);
	}

	async duplicateLeaf(leaf: WorkspaceLeaf, leafType?: O.PaneType | boolean | O.SplitDirection): Promise<WorkspaceLeaf> {
		const copy = this.getLeaf(leafType === "split" ? "split" : "tab");
		await copy.setViewState(leaf.getViewState());
		return copy;
	}

	openPopoutLeaf(_data?: unknown): WorkspaceLeaf {
		return this.newLeafIn(this.rootSplit, true);
	}

	moveLeafToPopout(_leaf: WorkspaceLeaf, _data?: unknown): never {
		throw new Error("Popout windows are not supported in the test runtime");
	}

	getLeftLeaf(split: boolean): WorkspaceLeaf | null {
		return this.newLeafIn(this.leftSplit, split);
	}

	getRightLeaf(split: boolean): WorkspaceLeaf | null {
		return this.newLeafIn(this.rightSplit, split);
	}

	async ensureSideLeaf(
		type: string,
		side: O.Side,
		options: { active?: boolean; split?: boolean; reveal?: boolean; state?: any } = {},
	): Promise<WorkspaceLeaf> {
		const split = side === "left" ? this.leftSplit : this.rightSplit;
		let leaf = this.getLeavesOfType(type).find((l) => l.getRoot() === split);
		if (!leaf) {
			leaf = this.newLeafIn(split, !!options.split);
			await leaf.setViewState({ type, state: options.state, active: options.active });
		}
		if (options.reveal ?? true) await this.revealLeaf(leaf);
		return leaf;
	}

	setActiveLeaf(leaf: WorkspaceLeaf, params?: { focus?: boolean } | boolean, _focus?: boolean): void {
		if (leaf.detached) return;
		leaf.parent?.selectTab(leaf);
		if (this.activeLeaf === leaf) return;
		this.activeLeaf?.containerEl.removeClass("mod-active");
		this.activeLeaf = leaf;
		leaf.containerEl.addClass("mod-active");
		if (leaf.getRoot() === this.rootSplit) this.mostRecentRootLeaf = leaf;
		this.trigger("active-leaf-change", leaf);
		this._syncActiveFile();
		this._layoutChanged();
		void params;
	}

	getLeafById(id: string): WorkspaceLeaf | null {
		let found: WorkspaceLeaf | null = null;
		this.iterateAllLeaves((l) => {
			if (l.id === id) found = l;
		});
		return found;
	}

	getGroupLeaves(group: string): WorkspaceLeaf[] {
		const out: WorkspaceLeaf[] = [];
		this.iterateAllLeaves((l) => {
			if (l.group === group) out.push(l);
		});
		return out;
	}

	getMostRecentLeaf(_root?: WorkspaceParent): WorkspaceLeaf | null {
		const leaf = this.mostRecentRootLeaf;
		if (leaf && !leaf.detached) return leaf;
		return this.rootSplit.leaves()[0] ?? null;
	}

	getActiveViewOfType<T>(type: abstract new (...args: any[]) => T): T | null {
		const view: unknown = this.activeLeaf?.view;
		return view instanceof type ? (view as T) : null;
	}

	getActiveFile(): TFile | null {
		const view = this.activeLeaf?.view;
		if (view instanceof FileView && view.file) return view.file;
		return this.lastActiveFile && !this.lastActiveFile.deleted ? this.lastActiveFile : null;
	}

	iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => any): void {
		for (const leaf of this.rootSplit.leaves()) callback(leaf);
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => any): void {
		for (const split of [this.rootSplit, this.leftSplit, this.rightSplit]) for (const leaf of split.leaves()) callback(leaf);
	}

	getLeavesOfType(viewType: string): WorkspaceLeaf[] {
		const out: WorkspaceLeaf[] = [];
		this.iterateAllLeaves((leaf) => {
			if (leaf.view.getViewType() === viewType) out.push(leaf);
		});
		return out;
	}

	detachLeavesOfType(viewType: string): void {
		for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
	}

	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		const root = leaf.getRoot();
		if (root instanceof WorkspaceSidedock && root.collapsed) root.expand();
		leaf.parent?.selectTab(leaf);
		await leaf.loadIfDeferred();
		this._layoutChanged();
	}

	getLastOpenFiles(): string[] {
		return this.recentFiles.slice(0, 10);
	}

	updateOptions(): void {}

	handleLinkContextMenu(_menu: unknown, _linktext: string, _sourcePath: string, _leaf?: WorkspaceLeaf): boolean {
		return false;
	}

	async openLinkText(
		linktext: string,
		sourcePath: string,
		newLeaf?: O.PaneType | boolean,
		openViewState?: O.OpenViewState,
	): Promise<void> {
		const { path, subpath } = parseLinktext(linktext.trim());
		const vault = this.app.vault;
		let file = path ? this.app.metadataCache.getFirstLinkpathDest(path, sourcePath) : vault.getFileByPath(sourcePath);
		if (!file) {
			// Obsidian creates the note when an unresolved link is opened.
			const target = /\.[^/]+$/.test(path) ? path : `${path}.md`;
			file = await vault.create(target, "");
		}
		const leaf = this.getLeaf(newLeaf);
		await leaf.openFile(file, {
			active: true,
			...openViewState,
			eState: { ...(openViewState?.eState ?? {}), ...(subpath ? { subpath } : {}) },
		});
	}

	trigger(name: string, ...data: unknown[]): void {
		if (name === "hover-link") this.hoverLinkLog.push(data[0]);
		super.trigger(name, ...data);
	}

	/** Registered by plugins; shown in the Page preview settings in Obsidian. */
	registerHoverLinkSource(id: string, info: O.HoverLinkSource): void {
		this.hoverLinkSources[id] = info;
	}

	unregisterHoverLinkSource(id: string): void {
		delete this.hoverLinkSources[id];
	}

	// ----- layout persistence -----------------------------------------------------------------

	getLayout(): WorkspaceLayout {
		const split = (s: WorkspaceSplit): SplitLayout => ({
			id: s.id,
			type: "split",
			direction: s.direction,
			...(s instanceof WorkspaceSidedock ? { collapsed: s.collapsed } : {}),
			children: s.children.map((t) => ({
				id: t.id,
				type: "tabs",
				currentTab: t.currentTab,
				children: t.children.map((l) => ({
					id: l.id,
					type: "leaf",
					state: { type: l.view.getViewType(), state: l.view.getState() },
					...(l.pinned ? { pinned: true } : {}),
				})),
			})),
		});
		return {
			main: split(this.rootSplit),
			left: split(this.leftSplit),
			right: split(this.rightSplit),
			active: this.activeLeaf?.id ?? null,
			lastOpenFiles: this.recentFiles.slice(0, 10),
		};
	}

	/** Replace every leaf with the ones described by `layout` (the shape `getLayout()` returns). */
	async changeLayout(layout: any): Promise<void> {
		const l = layout as WorkspaceLayout;
		this.iterateAllLeaves((leaf) => leaf.detach());
		this.activeLeaf = null;
		this.mostRecentRootLeaf = null;
		this.recentFiles = [...(l.lastOpenFiles ?? [])];
		const restoreSplit = async (split: WorkspaceSplit, data: SplitLayout | undefined) => {
			if (!data) return;
			if (split instanceof WorkspaceSidedock) {
				if (data.collapsed) split.collapse();
				else split.expand();
			}
			for (const t of data.children ?? []) {
				const tabs = split.addTabs();
				const current = Math.min(t.currentTab ?? 0, Math.max(0, (t.children?.length ?? 1) - 1));
				for (const [i, leafData] of (t.children ?? []).entries()) {
					const leaf = new WorkspaceLeaf(this.app);
					leaf.id = leafData.id ?? leaf.id;
					tabs.addLeaf(leaf);
					if (leafData.pinned) leaf.pinned = true;
					const { type, state } = leafData.state ?? { type: "empty", state: {} };
					if (type === "empty") continue;
					if (i === current) await leaf.setViewState({ type, state });
					else await leaf.swapView(new DeferredView(leaf, type, state ?? {}, "deferred"));
				}
				const cur = tabs.children[current];
				if (cur) tabs.selectTab(cur);
			}
		};
		await restoreSplit(this.rootSplit, l.main);
		await restoreSplit(this.leftSplit, l.left);
		await restoreSplit(this.rightSplit, l.right);
		const active = l.active ? this.getLeafById(l.active) : null;
		if (active) this.setActiveLeaf(active, { focus: true });
		this._layoutChanged();
	}

	/** Write the layout to `.obsidian/workspace.json` now (Obsidian debounces this). */
	async saveLayout(): Promise<void> {
		const dir = this.app.vault.configDir;
		await this.app.vault.adapter.mkdir(dir);
		await this.app.vault.adapter.write(`${dir}/workspace.json`, JSON.stringify(this.getLayout(), null, 2));
	}

	// ----- internals --------------------------------------------------------------------------

	/** Internal: a layout change happened (fires `layout-change` soon, saves the layout later). */
	_layoutChanged(): void {
		this.layoutChange();
		if (this.layoutReady) this.requestSaveLayout();
	}

	/** Internal: fire `file-open` when the active file changed. */
	_syncActiveFile(): void {
		const leaf = this.activeLeaf;
		if (!leaf || leaf.getRoot() !== this.rootSplit) return;
		const file = leaf.view instanceof FileView ? leaf.view.file : null;
		if (file === this.lastActiveFile) return;
		this.lastActiveFile = file;
		if (file) this.recentFiles = [file.path, ...this.recentFiles.filter((p) => p !== file.path)].slice(0, 10);
		this.trigger("file-open", file);
	}

	/** Internal. */
	_onLeafDetached(leaf: WorkspaceLeaf): void {
		if (this.mostRecentRootLeaf === leaf) this.mostRecentRootLeaf = null;
		if (this.activeLeaf === leaf) {
			this.activeLeaf = null;
			const next = this.getMostRecentLeaf();
			if (next) this.setActiveLeaf(next, { focus: true });
			else this.trigger("active-leaf-change", null);
		}
		this._layoutChanged();
	}

	/** Internal: a plugin registered `type` — turn placeholders of that type into real views. */
	async _onViewRegistered(type: string): Promise<void> {
		const leaves = this.getLeavesOfType(type).filter((l) => l.view instanceof DeferredView && l.view.reason === "unregistered");
		for (const leaf of leaves) {
			const v = leaf.view as DeferredView;
			await leaf.setViewState({ type: v.type, state: v.state });
		}
	}

	/** Internal: `type` was unregistered — its leaves stay, as placeholders keeping the state. */
	async _onViewUnregistered(type: string): Promise<void> {
		for (const leaf of this.getLeavesOfType(type)) {
			if (leaf.view instanceof DeferredView) continue;
			await leaf.swapView(new DeferredView(leaf, type, leaf.view.getState(), "unregistered"));
		}
	}
}
