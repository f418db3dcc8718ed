/**
 * Test-facing harness: build an app over a vault, load the real plugin class the way Obsidian
 * does, drive it like a user, observe files and DOM.
 *
 *   const app = await createTestApp({ "People/Ada.md": "---\ncadence: monthly\n---\n" });
 *   const plugin = await app.loadPlugin(StayInTouchPlugin, manifest);
 *   app.runCommand("open-sidebar");
 *   await app.settle();
 *
 * Browser-safe: the Node-only fixture loader is imported lazily, only for `{ fixtureDir }`.
 */
import type * as O from "obsidian";
import {
	App,
	MarkdownView,
	Platform,
	resetPlatform,
	scheduler,
	setPlatform,
	TFile,
	VaultStore,
	type AppOptions,
	type Editor,
	type Modal,
	type Plugin,
	type PersistedMetadata,
} from "./obsidian";

export interface TestAppOptions extends AppOptions {
	/** Wait for start-up indexing before returning (default true). With false, caches are null until `settle()`. */
	waitForIndex?: boolean;
	/** Platform flags for this app (reset to desktop defaults otherwise). */
	platform?: Partial<typeof Platform>;
	/** Keep other live test apps (by default creating an app destroys the previous ones). */
	keepOtherApps?: boolean;
	/**
	 * The metadata cache of an earlier session (`app.metadataCache.persist()`; `restart()` passes
	 * it): notes it holds are served from it, stale ones until re-indexed after the layout is ready.
	 */
	cachedMetadata?: PersistedMetadata;
}

export interface RestartOptions {
	/** Files changed on disk while the app was closed (the CLI, sync, another editor): text, or null to delete. */
	whileClosed?: Record<string, string | null>;
	/** How long after the layout is ready the notes changed while closed are re-indexed (ms, default 0). */
	staleDelayMs?: number;
}

export type VaultInput = Record<string, string> | { fixtureDir?: string; files?: Record<string, string> };

/** A plugin class, typed against obsidian.d.ts (as src/ code is) or against this runtime. */
type PluginClass<P> = new (app: any, manifest: any) => P;

/**
 * What `createTestApp` returns: the app as obsidian.d.ts declares it (so objects you get from it
 * fit plugin code typed against "obsidian"), plus the runtime's test extensions.
 */
export type TestApp = O.App & TestAppBase;

const DEFAULT_MANIFEST: O.PluginManifest = {
	id: "test-plugin",
	name: "Test plugin",
	author: "Tests",
	version: "0.0.0",
	minAppVersion: "0.0.0",
	description: "",
};

const liveApps = new Set<TestAppBase>();

/** Build an app over `input` and index it (no `changed` events; `resolved` fires once). */
export async function createTestApp(input: VaultInput = {}, options: TestAppOptions = {}): Promise<TestApp> {
	if (!options.keepOtherApps) destroyAllApps();
	resetPlatform();
	if (options.platform) setPlatform(options.platform);
	let files: Record<string, string>;
	if ("fixtureDir" in input || "files" in input) {
		const { fixtureDir, files: extra } = input as { fixtureDir?: string; files?: Record<string, string> };
		files = {};
		if (fixtureDir) {
			const { loadFixtureDir } = await import("./node-vault");
			files = loadFixtureDir(fixtureDir);
		}
		Object.assign(files, extra ?? {});
	} else {
		files = input as Record<string, string>;
	}
	const app = new TestAppBase(new VaultStore(files), options);
	liveApps.add(app);
	const indexed = app.metadataCache.startInitialIndex(undefined, options.cachedMetadata);
	if (options.waitForIndex !== false) {
		await indexed;
		await scheduler.drain();
	}
	return app as unknown as TestApp;
}

/** Destroy every app created by `createTestApp` (call in `afterEach` if you keep several). */
export function destroyAllApps(): void {
	for (const app of liveApps) app.destroy();
	liveApps.clear();
}

export class TestAppBase extends App {
	/** Plugins loaded through `loadPlugin`, in order (used by `restart`). */
	readonly loaded: Array<{ cls: PluginClass<object>; manifest: Partial<O.PluginManifest> }> = [];

	constructor(
		store: VaultStore,
		readonly options: TestAppOptions,
	) {
		super(store, options);
	}

	// ----- plugins ----------------------------------------------------------------------------

	/**
	 * Instantiate and load a plugin like Obsidian: `new PluginClass(app, manifest)`, `await
	 * onload()`. During start-up (the first plugin load) it then restores the saved layout
	 * (`.obsidian/workspace.json`) and marks the layout ready, running `onLayoutReady` callbacks.
	 * Pass `{ finishStartup: false }` to load several plugins first, then call `finishStartup()`.
	 */
	async loadPlugin<P extends object>(
		PluginClass: PluginClass<P>,
		manifest: Partial<O.PluginManifest> = {},
		opts: { finishStartup?: boolean; userEnabled?: boolean } = {},
	): Promise<P> {
		const m: O.PluginManifest = { ...DEFAULT_MANIFEST, ...manifest };
		delete m.dir;
		if (this.plugins.plugins[m.id]) throw new Error(`Plugin '${m.id}' is already loaded`);
		const instance = new PluginClass(this, m);
		const plugin = instance as unknown as Plugin;
		this.plugins.manifests[m.id] = m;
		this.plugins.plugins[m.id] = plugin;
		this.plugins.enabledPlugins.add(m.id);
		this.loaded.push({ cls: PluginClass, manifest });
		await plugin.load();
		if (!this.workspace.layoutReady && opts.finishStartup !== false) await this.finishStartup();
		if (opts.userEnabled) plugin.onUserEnable();
		await scheduler.drain();
		return instance;
	}

	/** Restore the saved layout and mark the layout ready (once). */
	async finishStartup(): Promise<void> {
		if (this.workspace.layoutReady) return;
		const raw = this.store.files.get(`${this.vault.configDir}/workspace.json`);
		if (raw) {
			try {
				await this.workspace.changeLayout(JSON.parse(raw));
			} catch (err) {
				console.warn("[obsidian test runtime] could not restore workspace.json:", err);
			}
		}
		this.workspace.markLayoutReady();
	}

	/** Disable a plugin (default: the last one loaded): `unload()`, then let async view closing finish. */
	async unloadPlugin(id?: string): Promise<void> {
		const pluginId = id ?? Object.keys(this.plugins.plugins).pop();
		if (!pluginId) throw new Error("unloadPlugin: no plugin is loaded");
		const plugin = this.plugins.plugins[pluginId];
		if (!plugin) throw new Error(`unloadPlugin: '${pluginId}' is not loaded`);
		plugin.unload();
		delete this.plugins.plugins[pluginId];
		this.plugins.enabledPlugins.delete(pluginId);
		const i = this.loaded.findIndex((l) => (l.manifest.id ?? DEFAULT_MANIFEST.id) === pluginId);
		if (i >= 0) this.loaded.splice(i, 1);
		await scheduler.drain();
	}

	/** Simulate a sync/external edit of a plugin's data.json: write it, then call `onExternalSettingsChange`. */
	async externalSettingsChange(pluginId: string, data: unknown): Promise<void> {
		const plugin = this.plugins.plugins[pluginId] as (Plugin & { onExternalSettingsChange?: () => any }) | undefined;
		if (!plugin) throw new Error(`externalSettingsChange: '${pluginId}' is not loaded`);
		await this.vault.adapter.mkdir(plugin.manifest.dir!);
		await this.vault.adapter.write(`${plugin.manifest.dir}/data.json`, JSON.stringify(data, null, 2));
		const r = plugin.onExternalSettingsChange?.();
		if (r && typeof r.then === "function") await r;
	}

	/**
	 * Run a command by full id ("stay-in-touch:log-interaction") or by its short id
	 * ("log-interaction"). Returns `executeCommandById`'s result (false when a check failed).
	 */
	runCommand(id: string): boolean {
		const all = Object.keys(this.commands.commands);
		let full = id;
		if (!(id in this.commands.commands)) {
			const matches = all.filter((k) => k.endsWith(`:${id}`));
			if (matches.length > 1) throw new Error(`runCommand('${id}') is ambiguous: ${matches.join(", ")}`);
			if (!matches.length) throw new Error(`runCommand('${id}'): no such command; registered: ${all.join(", ") || "(none)"}`);
			full = matches[0];
		}
		return this.commands.executeCommandById(full);
	}

	// ----- files ------------------------------------------------------------------------------

	/** The text of any file (vault or config), synchronously. Throws if missing. */
	readFile(path: string): string {
		const text = this.store.files.get(path);
		if (text === undefined) throw new Error(`readFile: no file at '${path}'`);
		return text;
	}

	exists(path: string): boolean {
		return this.store.files.has(path) || this.store.folders.has(path);
	}

	/** An external change: `vault.modify` (or `create`, making folders) — like another app editing the file. */
	async writeFile(path: string, text: string): Promise<O.TFile & TFile> {
		const existing = this.vault.getFileByPath(path);
		if (existing) {
			await this.vault.modify(existing, text);
			return existing as O.TFile & TFile;
		}
		const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
		if (dir && !this.vault.getFolderByPath(dir)) await this.vault.createFolder(dir);
		return (await this.vault.create(path, text)) as O.TFile & TFile;
	}

	async deleteFile(path: string): Promise<void> {
		const file = this.vault.getAbstractFileByPath(path);
		if (!file) throw new Error(`deleteFile: no file at '${path}'`);
		await this.vault.delete(file, true);
	}

	async renameFile(from: string, to: string): Promise<void> {
		const file = this.vault.getAbstractFileByPath(from);
		if (!file) throw new Error(`renameFile: no file at '${from}'`);
		await this.vault.rename(file, to);
	}

	/** Every file (vault and config) — feed it to `createTestApp` to "restart" on the same disk. */
	snapshot(): Record<string, string> {
		return this.store.snapshot();
	}

	// ----- workspace --------------------------------------------------------------------------

	/** Open a note in the main area as the active MarkdownView (editing view unless `mode: "preview"`). */
	async openNote(
		path: string,
		opts: { mode?: O.MarkdownViewModeType; newLeaf?: O.PaneType | boolean } = {},
	): Promise<O.MarkdownView & MarkdownView> {
		const file = this.vault.getFileByPath(path);
		if (!file) throw new Error(`openNote: no file at '${path}'`);
		const leaf = this.workspace.getLeaf(opts.newLeaf ?? false);
		await leaf.openFile(file, { active: true, state: opts.mode ? { mode: opts.mode } : undefined });
		await scheduler.drain();
		return leaf.view as unknown as O.MarkdownView & MarkdownView;
	}

	/** The active MarkdownView's editor, if any. */
	get editor(): (O.Editor & Editor) | null {
		return (this.workspace.getActiveViewOfType(MarkdownView)?.editor ?? null) as (O.Editor & Editor) | null;
	}

	/** The top open modal, if any. */
	get activeModal(): Modal | null {
		return this._openModals[this._openModals.length - 1] ?? null;
	}

	/** Notice texts shown since this app was created. */
	noticeMessages(): string[] {
		return this.notices.map((n) => n.message);
	}

	/**
	 * Quit and start again on the same files: flush editors, save the layout, then build a new
	 * app from `snapshot()` and load the same plugins (layout restored, as Obsidian does). The
	 * vault's local storage stays, as it does on the device (`loadLocalStorage`). The
	 * metadata cache persists, as Obsidian's does: a note in `whileClosed` (changed on disk while
	 * the app was closed) keeps its old cache entry until it is re-indexed after the layout is
	 * ready (`staleDelayMs` later), which fires `changed`.
	 */
	async restart(opts: RestartOptions = {}): Promise<TestApp> {
		await this.flushEditors();
		await this.settle();
		if (this.workspace.layoutReady) await this.workspace.saveLayout();
		const files = this.snapshot();
		const cachedMetadata = this.metadataCache.persist();
		for (const [path, text] of Object.entries(opts.whileClosed ?? {})) {
			if (text === null) delete files[path];
			else files[path] = text;
		}
		const plugins = this.loaded.slice();
		const localStorage = new Map(this.localStorage);
		this.destroy();
		liveApps.delete(this);
		const options: TestAppOptions = { ...this.options, cachedMetadata };
		if (opts.staleDelayMs !== undefined) options.staleDelayMs = opts.staleDelayMs;
		const next = await createTestApp(files, options);
		for (const [key, value] of localStorage) next.saveLocalStorage(key, value);
		for (const p of plugins) await next.loadPlugin(p.cls, p.manifest, { finishStartup: false });
		await next.finishStartup();
		await scheduler.drain();
		return next;
	}
}

// ---------------------------------------------------------------------------------------------
// DOM helpers: drive the UI as a user would
// ---------------------------------------------------------------------------------------------

export interface KeyMods {
	/** Cmd on macOS, Ctrl elsewhere (follows `Platform.isMacOS`). */
	mod?: boolean;
	ctrl?: boolean;
	meta?: boolean;
	shift?: boolean;
	alt?: boolean;
}

export interface ClickMods extends KeyMods {
	/** 0 = left (default), 1 = middle, 2 = right. */
	button?: number;
}

function modFlags(mods: KeyMods) {
	return {
		ctrlKey: !!mods.ctrl || (!!mods.mod && !Platform.isMacOS),
		metaKey: !!mods.meta || (!!mods.mod && Platform.isMacOS),
		shiftKey: !!mods.shift,
		altKey: !!mods.alt,
	};
}

/** Set the text of an input/textarea/contenteditable and fire `input` (as typing does). */
export function type(el: Element, text: string, opts: { append?: boolean } = {}): void {
	const target = el as HTMLInputElement;
	if (typeof target.focus === "function") target.focus();
	if ("value" in target && (el.tagName === "INPUT" || el.tagName === "TEXTAREA")) target.value = opts.append ? target.value + text : text;
	else el.textContent = opts.append ? (el.textContent ?? "") + text : text;
	el.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Set a value on an input/select and fire `input` and `change` (dropdowns, sliders, dates). */
export function setValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string | number): void {
	el.value = String(value);
	el.dispatchEvent(new Event("input", { bubbles: true }));
	el.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Press a key: `keydown` then `keyup` on `target` (default: the focused element). Returns the keydown event. */
export function pressKey(target: Element | Document | null, key: string, mods: KeyMods = {}): KeyboardEvent {
	const t = target ?? document.activeElement ?? document.body;
	const init: KeyboardEventInit = {
		key,
		code: key.length === 1 ? `Key${key.toUpperCase()}` : key,
		bubbles: true,
		cancelable: true,
		...modFlags(mods),
	};
	const down = new KeyboardEvent("keydown", init);
	t.dispatchEvent(down);
	t.dispatchEvent(new KeyboardEvent("keyup", init));
	return down;
}

/** Click: `mousedown`, `mouseup`, then `click` (or `auxclick` for the middle button). Returns the click event. */
export function click(el: Element, mods: ClickMods = {}): MouseEvent {
	const init: MouseEventInit = { bubbles: true, cancelable: true, button: mods.button ?? 0, ...modFlags(mods) };
	el.dispatchEvent(new MouseEvent("mousedown", init));
	el.dispatchEvent(new MouseEvent("mouseup", init));
	const evt = new MouseEvent(init.button === 1 ? "auxclick" : init.button === 2 ? "contextmenu" : "click", init);
	el.dispatchEvent(evt);
	return evt;
}

/** Move the mouse over an element (`mouseover`, `mouseenter`, `mousemove`). */
export function hover(el: Element, mods: KeyMods = {}): MouseEvent {
	const init: MouseEventInit = { bubbles: true, cancelable: true, ...modFlags(mods) };
	const over = new MouseEvent("mouseover", init);
	el.dispatchEvent(over);
	el.dispatchEvent(new MouseEvent("mouseenter", { ...init, bubbles: false }));
	el.dispatchEvent(new MouseEvent("mousemove", init));
	return over;
}

/** Collapse whitespace in an element's text. */
export function textOf(el: Element | null | undefined): string {
	return (el?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** Elements under `root` whose own text (whitespace-collapsed) equals `text` / matches the regex; innermost first. */
export function findAllByText(root: ParentNode, text: string | RegExp, selector = "*"): HTMLElement[] {
	const hits = Array.from(root.querySelectorAll<HTMLElement>(selector)).filter((el) => {
		const t = textOf(el);
		return typeof text === "string" ? t === text : text.test(t);
	});
	return hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)));
}

export function findByText(root: ParentNode, text: string | RegExp, selector = "*"): HTMLElement | null {
	return findAllByText(root, text, selector)[0] ?? null;
}
