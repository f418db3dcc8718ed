/**
 * `App`: wires vault, metadata cache, workspace, file manager, keymap, command/plugin/view
 * registries and the settings window, and builds the app's DOM (ribbon, workspace, status bar)
 * inside `document.body`.
 *
 * Members marked "test extension" are not Obsidian API; tests use them to drive and observe.
 */
import type * as O from "obsidian";
import { globalListenerCount } from "./dom";
import { Events } from "./events";
import { getFrontMatterInfo, parseNote, parseYaml, stringifyYaml } from "./markdown";
import { MetadataCache } from "./metadata";
import { Commands, Plugins, ViewRegistry } from "./plugin";
import { MarkdownPreviewRenderer, RenderedNote } from "./render";
import { counters, handlerErrors, scheduler } from "./scheduler";
import { SettingsWindow, type SettingTab } from "./settings";
import { getOpenMenu, Keymap, Modal, noticeLog, Scope, type NoticeRecord } from "./ui";
import { TAbstractFile, TFile, TFolder, Vault, VaultStore } from "./vault";
import { TextFileView, type EditorConflict } from "./views";
import { Workspace } from "./workspace";

export interface AppOptions {
	vaultName?: string;
	/** Delay between a file change and its re-index, in ms (default 0 = next macrotask). */
	indexDelayMs?: number;
	/** How long after the layout is ready notes changed while the app was closed are re-indexed (ms, default 0). */
	staleDelayMs?: number;
}

export class FileManager {
	constructor(private app: App) {}

	getNewFileParent(_sourcePath: string, _newFilePath?: string): TFolder {
		return this.app.vault.getRoot();
	}

	/** Renames and rewrites wiki links to the file in other notes (Obsidian's default). */
	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		const vault = this.app.vault;
		const oldPath = file.path;
		const oldBasename = file instanceof TFile ? file.basename : file.name;
		const linkers: TFile[] = [];
		if (file instanceof TFile && file.extension === "md") {
			for (const f of vault.getMarkdownFiles()) {
				if (f === file) continue;
				const text = vault._readSync(f.path) ?? "";
				if (text.includes("[[")) linkers.push(f);
			}
		}
		const resolvesToOld = (link: string, source: TFile) => {
			const l = link.toLowerCase();
			const noExt = oldPath.replace(/\.md$/, "").toLowerCase();
			if (l === noExt || l === oldPath.toLowerCase()) return true;
			if (l === oldBasename.toLowerCase()) {
				const dest = this.app.metadataCache.getFirstLinkpathDest(link, source.path);
				return !dest || dest === file;
			}
			return false;
		};
		const targets = linkers.filter((f) => {
			const { cache } = parseNote(vault._readSync(f.path) ?? "");
			return (cache.links ?? []).some((l) => resolvesToOld(l.link.split("#")[0], f));
		});
		await vault.rename(file, newPath);
		if (!(file instanceof TFile)) return;
		for (const f of targets) {
			await vault.process(f, (text) =>
				text.replace(
					/(!?)\[\[([^\[\]|#]+)(#[^\[\]|]*)?(\|[^\[\]]*)?\]\]/g,
					(m, bang: string, target: string, sub = "", alias = "") => {
						if (!resolvesToOld(target.trim(), f)) return m;
						return `${bang}[[${this.app.metadataCache.fileToLinktext(file, f.path)}${sub}${alias}]]`;
					},
				),
			);
		}
	}

	async promptForDeletion(file: TAbstractFile): Promise<boolean> {
		await this.trashFile(file);
		return true;
	}

	async trashFile(file: TAbstractFile): Promise<void> {
		await this.app.vault.trash(file, true);
	}

	generateMarkdownLink(file: TFile, sourcePath: string, subpath?: string, alias?: string): string {
		const linktext = this.app.metadataCache.fileToLinktext(file, sourcePath, file.extension === "md");
		const embed = file.extension !== "md" && /^(png|jpe?g|gif|svg|webp|bmp|pdf|mp3|mp4|wav|ogg|webm)$/i.test(file.extension) ? "!" : "";
		return `${embed}[[${linktext}${subpath ?? ""}${alias ? `|${alias}` : ""}]]`;
	}

	/**
	 * Like Obsidian: parses the frontmatter, lets `fn` mutate it, and re-serialises the WHOLE
	 * block (comments, quoting and list style are lost). Throws on invalid YAML.
	 */
	async processFrontMatter(file: TFile, fn: (frontmatter: any) => void, options?: O.DataWriteOptions): Promise<void> {
		await this.app.vault.process(
			file,
			(text) => {
				const info = getFrontMatterInfo(text);
				const data = (info.exists ? parseYaml(info.frontmatter) : null) ?? {};
				fn(data);
				const yaml = Object.keys(data).length ? stringifyYaml(data) : "";
				if (info.exists) return text.slice(0, info.from) + yaml + text.slice(info.to);
				return yaml ? `---\n${yaml}---\n${text}` : text;
			},
			options,
		);
	}

	async getAvailablePathForAttachment(filename: string, _sourcePath?: string): Promise<string> {
		const dot = filename.lastIndexOf(".");
		const base = dot > 0 ? filename.slice(0, dot) : filename;
		const ext = dot > 0 ? filename.slice(dot) : "";
		let candidate = filename;
		for (let i = 1; this.app.vault.getAbstractFileByPath(candidate); i++) candidate = `${base} ${i}${ext}`;
		return candidate;
	}
}

export class SecretStorage extends Events {
	private secrets = new Map<string, string>();
	setSecret(id: string, secret: string): void {
		if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`Invalid secret id "${id}"`);
		this.secrets.set(id, secret);
	}
	getSecret(id: string): string | null {
		return this.secrets.get(id) ?? null;
	}
	listSecrets(): string[] {
		return [...this.secrets.keys()];
	}
}

export interface DebugCounts {
	vaultHandlers: number;
	metadataHandlers: number;
	workspaceHandlers: number;
	leafHandlers: number;
	intervals: number;
	domListeners: number;
	globalListeners: number;
	components: number;
	views: number;
	viewTypes: number;
	ribbonItems: number;
	statusBarItems: number;
	commands: number;
	settingTabs: number;
	codeBlockProcessors: number;
	postProcessors: number;
	editorExtensions: number;
	editorSuggests: number;
	protocolHandlers: number;
	hoverLinkSources: number;
	openModals: number;
	openMenus: number;
	pendingTimers: number;
}

export class App {
	keymap: Keymap;
	scope: Scope;
	workspace: Workspace;
	vault: Vault;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	lastEvent: O.UserEvent | null = null;
	renderContext = { hoverPopover: null };
	secretStorage = new SecretStorage();
	/** Obsidian internals that plugins commonly reach for. */
	plugins = new Plugins();
	commands: Commands;
	setting: SettingsWindow;
	viewRegistry: ViewRegistry;

	/** Test extension: the app's DOM. */
	dom: { rootEl: HTMLElement; ribbonActionsEl: HTMLElement; statusBarEl: HTMLElement; hostEl: HTMLElement };
	/** Test extension: editor/disk conflicts the open views could not merge. */
	editorConflicts: EditorConflict[] = [];
	/** Internal. */
	_openModals: Modal[] = [];
	_protocolHandlers = new Map<string, O.ObsidianProtocolHandler>();
	_cliHandlers = new Map<string, { description: string; flags: unknown; handler: (params: unknown) => unknown }>();
	/** The vault's local storage (per device: `restart()` carries it over). */
	protected localStorage = new Map<string, unknown>();
	private noticeStart = noticeLog.length;
	private errorStart = handlerErrors.length;
	private destroyed = false;

	constructor(
		readonly store: VaultStore,
		options: AppOptions = {},
	) {
		this.scope = new Scope();
		this.keymap = new Keymap(this.scope);
		this.vault = new Vault(store, options.vaultName ?? "Test vault");
		this.metadataCache = new MetadataCache(this.vault);
		if (options.indexDelayMs !== undefined) this.metadataCache.indexDelayMs = options.indexDelayMs;
		if (options.staleDelayMs !== undefined) this.metadataCache.staleDelayMs = options.staleDelayMs;
		this.fileManager = new FileManager(this);
		this.commands = new Commands(this);
		this.viewRegistry = new ViewRegistry(this);

		const rootEl = createDiv({ cls: "app-container" });
		const main = rootEl.createDiv({ cls: "horizontal-main-container" });
		const ribbon = main.createDiv({ cls: "workspace-ribbon side-dock-ribbon mod-left" });
		const ribbonActionsEl = ribbon.createDiv({ cls: "side-dock-actions" });
		this.workspace = new Workspace(this, ribbon);
		// Obsidian re-checks the notes that changed while it was closed once it has loaded: until
		// then their persisted (stale) cache is what plugins see.
		this.workspace.onLayoutReady(() => this.metadataCache.reindexStale());
		main.appendChild(this.workspace.containerEl);
		const statusBarEl = rootEl.createDiv({ cls: "status-bar" });
		const hostEl = rootEl.createDiv({ cls: "test-render-host" });
		this.dom = { rootEl, ribbonActionsEl, statusBarEl, hostEl };
		this.setting = new SettingsWindow(() => document.body);
		document.body.appendChild(rootEl);
		this.keymap.attach(document);
	}

	isDarkMode(): boolean {
		return document.body.classList.contains("theme-dark");
	}

	loadLocalStorage(key: string): any | null {
		return this.localStorage.has(key) ? this.localStorage.get(key) : null;
	}

	saveLocalStorage(key: string, data: unknown | null): void {
		if (data === null || data === undefined) this.localStorage.delete(key);
		else this.localStorage.set(key, data);
	}

	// ----- test extensions --------------------------------------------------------------------

	/**
	 * Test extension: run every pending runtime job (indexing, debounces, autosave, layout save,
	 * re-renders) until idle, then throw if an event handler threw meanwhile (see `takeErrors`).
	 */
	async settle(options: { allowErrors?: boolean } = {}): Promise<void> {
		await scheduler.settle();
		if (!options.allowErrors) {
			const errors = handlerErrors.slice(this.errorStart);
			if (errors.length) {
				this.errorStart = handlerErrors.length;
				const first = errors[0];
				const err = new Error(
					`${errors.length} error(s) thrown in event handlers; first: ${first instanceof Error ? (first.stack ?? first.message) : String(first)}`,
				);
				(err as Error & { errors: unknown[] }).errors = errors;
				throw err;
			}
		}
	}

	/** Test extension: advance the virtual clock by `ms`, running the jobs that fall due. */
	async tick(ms: number): Promise<void> {
		await scheduler.tick(ms);
	}

	/** Test extension: errors thrown by event handlers since the last call (and clear them). */
	takeErrors(): unknown[] {
		const errors = handlerErrors.slice(this.errorStart);
		this.errorStart = handlerErrors.length;
		return errors;
	}

	/** Test extension: write every open editor's unsaved text to the vault now. */
	async flushEditors(): Promise<void> {
		const views: TextFileView[] = [];
		this.workspace.iterateAllLeaves((leaf) => {
			if (leaf.view instanceof TextFileView) views.push(leaf.view);
		});
		for (const v of views) {
			v.requestSave.cancel();
			await v.save();
		}
	}

	/** Test extension: render a note in reading view (code-block processors run); live until `unload()`. */
	async renderNote(path: string): Promise<RenderedNote> {
		const file = this.vault.getFileByPath(path);
		if (!file) throw new Error(`renderNote: no file at '${path}'`);
		const rendered = new RenderedNote(this, file, this.dom.hostEl);
		rendered.load();
		await rendered.rerender();
		return rendered;
	}

	/** Test extension: open a setting tab as the settings window does. */
	openSettingTab(tab: SettingTab | O.SettingTab): HTMLElement {
		this.setting.openTab(tab as SettingTab);
		return tab.containerEl;
	}

	/** Test extension: notices shown since this app was created. */
	get notices(): NoticeRecord[] {
		return noticeLog.slice(this.noticeStart);
	}

	/** Test extension: the modals currently open (last = top). */
	get openModals(): Modal[] {
		return this._openModals.slice();
	}

	/** Test extension: open an `obsidian://<action>?…` URL through the registered handler. */
	openObsidianUrl(url: string): boolean {
		const u = new URL(url);
		const action = u.hostname || u.pathname.replace(/^\/+/, "");
		const handler = this._protocolHandlers.get(action);
		if (!handler) return false;
		const params: Record<string, string> = { action };
		u.searchParams.forEach((v, k) => (params[k] = v));
		handler(params as O.ObsidianProtocolData);
		return true;
	}

	/** Test extension: live resources, for leak checks (compare before load / after unload). */
	debugCounts(): DebugCounts {
		let leafHandlers = 0;
		let views = 0;
		this.workspace.iterateAllLeaves((leaf) => {
			leafHandlers += leaf.listenerCount();
			if (!leaf.view.isPlaceholder) views++;
		});
		return {
			vaultHandlers: this.vault.listenerCount(),
			metadataHandlers: this.metadataCache.listenerCount(),
			workspaceHandlers: this.workspace.listenerCount(),
			leafHandlers,
			intervals: counters.intervals,
			domListeners: counters.domListeners,
			globalListeners: globalListenerCount(),
			components: counters.components,
			views,
			viewTypes: this.viewRegistry.pluginViewTypeCount,
			ribbonItems: this.dom.ribbonActionsEl.children.length,
			statusBarItems: this.dom.statusBarEl.children.length,
			commands: Object.keys(this.commands.commands).length,
			settingTabs: this.setting.pluginTabs.length,
			codeBlockProcessors: Object.keys(MarkdownPreviewRenderer.codeBlockPostProcessors).length,
			postProcessors: MarkdownPreviewRenderer.postProcessors.length,
			editorExtensions: this.workspace.editorExtensions.length,
			editorSuggests: this.workspace.editorSuggests.length,
			protocolHandlers: this._protocolHandlers.size,
			hoverLinkSources: Object.keys(this.workspace.hoverLinkSources).length,
			openModals: this._openModals.length,
			openMenus: getOpenMenu() ? 1 : 0,
			pendingTimers: scheduler.pendingCount,
		};
	}

	/** Test extension: tear the app down (unload plugins, close modals, remove DOM). */
	destroy(): void {
		if (this.destroyed) return;
		this.destroyed = true;
		for (const plugin of Object.values(this.plugins.plugins)) plugin.unload();
		this.plugins.plugins = {};
		this.plugins.enabledPlugins.clear();
		for (const m of this._openModals.slice()) m.close();
		getOpenMenu()?.hide();
		this.setting.close();
		this.workspace.requestSaveLayout.cancel();
		this.workspace.iterateAllLeaves((leaf) => leaf.detach());
		this.keymap.detach();
		this.dom.rootEl.remove();
	}

	get isDestroyed(): boolean {
		return this.destroyed;
	}
}
