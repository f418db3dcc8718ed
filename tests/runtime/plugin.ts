/**
 * `Plugin` and the app registries it writes to: commands (`app.commands`), plugins
 * (`app.plugins`), view types (`app.viewRegistry`). Everything a plugin registers is removed
 * again when it unloads.
 *
 * Commands are stored under `${manifest.id}:${id}` with the name `${manifest.name}: ${name}`
 * (the command object passed to `addCommand` is mutated and returned, as in Obsidian).
 * `executeCommandById` honours `editorCheckCallback` > `editorCallback` > `checkCallback` >
 * `callback`; editor commands need an active MarkdownView in editing mode; a check callback is
 * asked with `checking = true` first and the command only runs when it returns true.
 */
import type * as O from "obsidian";
import type { App } from "./app";
import { Component } from "./events";
import { MarkdownPreviewRenderer, type CodeBlockHandler, type PostProcessorFn } from "./render";
import { counters, scheduler } from "./scheduler";
import type { SettingTab } from "./settings";
import { setIcon } from "./util";
import { MarkdownView, type View } from "./views";
import type { WorkspaceLeaf } from "./workspace";

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

export class ViewRegistry {
	viewByType: Record<string, ViewCreator> = {};
	typeByExtension: Record<string, string> = { md: "markdown" };
	private builtins: Record<string, ViewCreator> = {
		markdown: (leaf) => new MarkdownView(leaf),
	};

	constructor(private app: App) {}

	registerView(type: string, creator: ViewCreator): void {
		if (this.viewByType[type] || this.builtins[type]) throw new Error(`Attempting to register an existing view type "${type}"`);
		this.viewByType[type] = creator;
		scheduler.track(this.app.workspace._onViewRegistered(type));
	}

	unregisterView(type: string): void {
		if (!this.viewByType[type]) return;
		delete this.viewByType[type];
		scheduler.track(this.app.workspace._onViewUnregistered(type));
	}

	registerExtensions(extensions: string[], viewType: string): void {
		for (const ext of extensions) {
			if (this.typeByExtension[ext]) throw new Error(`Attempting to register an existing file extension "${ext}"`);
			this.typeByExtension[ext] = viewType;
		}
	}

	unregisterExtensions(extensions: string[]): void {
		for (const ext of extensions) delete this.typeByExtension[ext];
	}

	getViewCreatorByType(type: string): ViewCreator | undefined {
		return this.viewByType[type] ?? this.builtins[type];
	}

	getTypeByExtension(ext: string): string | undefined {
		return this.typeByExtension[ext];
	}

	/** Test extension: number of view types registered by plugins. */
	get pluginViewTypeCount(): number {
		return Object.keys(this.viewByType).length;
	}
}

export class Commands {
	commands: Record<string, O.Command> = {};

	constructor(private app: App) {}

	addCommand(command: O.Command): void {
		this.commands[command.id] = command;
	}

	removeCommand(id: string): void {
		delete this.commands[id];
	}

	findCommand(id: string): O.Command | undefined {
		return this.commands[id];
	}

	listCommands(): O.Command[] {
		return Object.values(this.commands);
	}

	/** Test extension: the commands the palette would offer right now. */
	listAvailableCommands(): O.Command[] {
		return this.listCommands().filter((c) => this.run(c, true));
	}

	executeCommandById(id: string, evt?: O.UserEvent): boolean {
		const command = this.commands[id];
		if (!command) return false;
		return this.executeCommand(command, evt);
	}

	executeCommand(command: O.Command, evt?: O.UserEvent): boolean {
		this.app.lastEvent = evt ?? null;
		return this.run(command, false);
	}

	private run(c: O.Command, onlyCheck: boolean): boolean {
		const track = (r: unknown) => {
			if (r && typeof (r as Promise<unknown>).then === "function") scheduler.track(r as Promise<unknown>);
			return r;
		};
		if (c.editorCheckCallback || c.editorCallback) {
			const info = this.app.workspace.activeEditor;
			const editor = info?.editor;
			if (!info || !editor) return false;
			if (c.editorCheckCallback) {
				if (!c.editorCheckCallback(true, editor as never, info as never)) return false;
				if (!onlyCheck) track(c.editorCheckCallback(false, editor as never, info as never));
				return true;
			}
			if (!onlyCheck) track(c.editorCallback!(editor as never, info as never));
			return true;
		}
		if (c.checkCallback) {
			if (!c.checkCallback(true)) return false;
			if (!onlyCheck) track(c.checkCallback(false));
			return true;
		}
		if (c.callback) {
			if (!onlyCheck) track(c.callback());
			return true;
		}
		return false;
	}
}

export class Plugins {
	plugins: Record<string, Plugin> = {};
	manifests: Record<string, O.PluginManifest> = {};
	enabledPlugins = new Set<string>();

	getPlugin(id: string): Plugin | null {
		return this.plugins[id] ?? null;
	}
}

export abstract class Plugin extends Component {
	app: App;
	manifest: O.PluginManifest;
	settings?: unknown;

	constructor(app: App, manifest: O.PluginManifest) {
		super();
		this.app = app;
		this.manifest = manifest;
		manifest.dir ??= `${app.vault.configDir}/plugins/${manifest.id}`;
	}

	/** Like Obsidian's plugin manager: marks loaded, awaits `onload()`, then loads children. */
	async load(): Promise<void> {
		if (this._loaded) return;
		this._loaded = true;
		counters.components++;
		await this.onload();
		for (const child of this._children.slice()) child.load();
	}

	onload(): Promise<void> | void {}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => any): HTMLElement {
		const el = this.app.dom.ribbonActionsEl.createDiv({
			cls: "side-dock-ribbon-action clickable-icon",
			attr: { "aria-label": title, "data-tooltip-position": "right" },
		});
		setIcon(el, icon);
		el.addEventListener("click", (evt) => {
			const r = callback(evt);
			if (r && typeof r.then === "function") scheduler.track(r);
		});
		this.register(() => el.remove());
		return el;
	}

	addStatusBarItem(): HTMLElement {
		const cls = `status-bar-item plugin-${this.manifest.id.toLowerCase().replace(/[^_a-z0-9-]/g, "-")}`;
		const el = this.app.dom.statusBarEl.createDiv({ cls });
		this.register(() => el.remove());
		return el;
	}

	addCommand(command: O.Command): O.Command {
		command.id = `${this.manifest.id}:${command.id}`;
		command.name = `${this.manifest.name}: ${command.name}`;
		this.app.commands.addCommand(command);
		const id = command.id;
		this.register(() => this.app.commands.removeCommand(id));
		return command;
	}

	removeCommand(commandId: string): void {
		this.app.commands.removeCommand(`${this.manifest.id}:${commandId}`);
	}

	addSettingTab(settingTab: SettingTab): void {
		this.app.setting.addSettingTab(settingTab);
		this.register(() => this.app.setting.removeSettingTab(settingTab));
	}

	registerView(type: string, viewCreator: ViewCreator): void {
		this.app.viewRegistry.registerView(type, viewCreator);
		this.register(() => this.app.viewRegistry.unregisterView(type));
	}

	registerHoverLinkSource(id: string, info: O.HoverLinkSource): void {
		this.app.workspace.registerHoverLinkSource(id, info);
		this.register(() => this.app.workspace.unregisterHoverLinkSource(id));
	}

	registerExtensions(extensions: string[], viewType: string): void {
		this.app.viewRegistry.registerExtensions(extensions, viewType);
		this.register(() => this.app.viewRegistry.unregisterExtensions(extensions));
	}

	registerMarkdownPostProcessor(postProcessor: PostProcessorFn, sortOrder?: number): PostProcessorFn {
		MarkdownPreviewRenderer.registerPostProcessor(postProcessor, sortOrder);
		this.register(() => MarkdownPreviewRenderer.unregisterPostProcessor(postProcessor));
		return postProcessor;
	}

	registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockHandler, sortOrder?: number): PostProcessorFn {
		if (MarkdownPreviewRenderer.codeBlockPostProcessors[language]) {
			throw new Error(`Attempting to register a code block processor for "${language}" twice`);
		}
		const pp: PostProcessorFn = MarkdownPreviewRenderer.createCodeBlockPostProcessor(language, handler);
		MarkdownPreviewRenderer.codeBlockPostProcessors[language] = handler;
		MarkdownPreviewRenderer.registerPostProcessor(pp, sortOrder ?? -100);
		this.register(() => {
			MarkdownPreviewRenderer.unregisterPostProcessor(pp);
			if (MarkdownPreviewRenderer.codeBlockPostProcessors[language] === handler)
				delete MarkdownPreviewRenderer.codeBlockPostProcessors[language];
		});
		return pp;
	}

	registerBasesView(_viewId: string, _registration: unknown): boolean {
		return false;
	}

	registerEditorExtension(extension: unknown): void {
		const list = this.app.workspace.editorExtensions;
		list.push(extension);
		this.register(() => {
			const i = list.indexOf(extension);
			if (i >= 0) list.splice(i, 1);
		});
	}

	registerObsidianProtocolHandler(action: string, handler: O.ObsidianProtocolHandler): void {
		this.app._protocolHandlers.set(action, handler);
		this.register(() => {
			if (this.app._protocolHandlers.get(action) === handler) this.app._protocolHandlers.delete(action);
		});
	}

	registerEditorSuggest(editorSuggest: unknown): void {
		const list = this.app.workspace.editorSuggests;
		list.push(editorSuggest);
		this.register(() => {
			const i = list.indexOf(editorSuggest);
			if (i >= 0) list.splice(i, 1);
		});
	}

	registerCliHandler(command: string, description: string, flags: unknown, handler: (params: unknown) => unknown): void {
		if (this.app._cliHandlers.has(command)) throw new Error(`CLI command "${command}" is already registered`);
		this.app._cliHandlers.set(command, { description, flags, handler });
		this.register(() => this.app._cliHandlers.delete(command));
	}

	/** `data.json` in the plugin folder, parsed; null when absent (or unreadable). */
	async loadData(): Promise<any> {
		const path = `${this.manifest.dir}/data.json`;
		const adapter = this.app.vault.adapter;
		if (!(await adapter.exists(path))) return null;
		try {
			return JSON.parse(await adapter.read(path));
		} catch {
			return null;
		}
	}

	/** Writes `data.json` (pretty-printed JSON) in the plugin folder. */
	async saveData(data: any): Promise<void> {
		const adapter = this.app.vault.adapter;
		await adapter.mkdir(this.manifest.dir!);
		await adapter.write(`${this.manifest.dir}/data.json`, JSON.stringify(data, null, 2));
	}

	onUserEnable(): void {}
}
