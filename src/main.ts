import { MarkdownView, Notice, Plugin, TFile, TFolder, type WorkspaceLeaf } from "obsidian";
import { createApi, type StayInTouchApi } from "./api";
import { localDay, type Day } from "./core/dates";
import { followFolderRename } from "./core/recognition";
import type { LogEntryInput } from "./core/log-writer";
import { cloneSettings, migrateSettings, type Settings } from "./core/settings";
import { Interactions } from "./obsidian/interactions";
import type { WriteOutcome } from "./obsidian/note-writer";
import { PeopleIndex } from "./obsidian/people-index";
import { LogModal } from "./ui/log-modal";
import { PersonPicker } from "./ui/person-picker";
import { registerQueryBlock } from "./ui/query-block";
import { StayInTouchSettingTab } from "./ui/settings-tab";
import { SidebarView, VIEW_TYPE } from "./ui/sidebar-view";
import { StatusBarCount } from "./ui/status-bar";

export default class StayInTouchPlugin extends Plugin {
	settings!: Settings;
	/** Bumped on every settings change so views re-render even when no note changed. */
	settingsRevision = 0;
	index!: PeopleIndex;
	interactions!: Interactions;
	api!: StayInTouchApi;
	/** Set when the plugin is disabled: work that was waiting for the layout is dropped. */
	private unloaded = false;
	/** The clock; tests and benchmarks replace it to inject "today". */
	now: () => Date = () => new Date();

	today(): Day {
		return localDay(this.now());
	}

	async onload(): Promise<void> {
		this.settings = migrateSettings(await this.loadData());
		this.index = this.addChild(new PeopleIndex(this.app, () => this.settings));
		this.interactions = new Interactions(this.app, () => this.settings, () => this.today());
		this.api = createApi(this);

		this.registerView(VIEW_TYPE, (leaf) => new SidebarView(leaf, this));
		this.registerHoverLinkSource(VIEW_TYPE, { display: "Stay in touch", defaultMod: true });
		this.addRibbonIcon("users", "Open stay in touch", () => void this.activateView());
		this.addChild(new StatusBarCount(this));
		this.addSettingTab(new StayInTouchSettingTab(this.app, this));
		registerQueryBlock(this);
		this.addCommands();

		// Statuses move at midnight though no note changed: the sidebar, status bar and query blocks hear
		// of it through the index (one clock for all of them).
		let day = this.today();
		this.registerInterval(
			window.setInterval(() => {
				if (this.today() === day) return;
				day = this.today();
				this.index.dayChanged();
			}, 60 * 1000),
		);

		// Indexing waits for the layout: the metadata cache is complete then, and start-up stays fast.
		// Renaming the people folder in Obsidian must not make everyone in it a stranger: the folder
		// settings follow it, as links do.
		this.registerEvent(
			this.app.vault.on("rename", (file, oldPath) => {
				if (!(file instanceof TFolder)) return;
				const moved = followFolderRename(this.settings, oldPath, file.path);
				if (!moved) return;
				this.patchSettings(moved);
				void this.saveSettings();
				new Notice(`Stay in touch follows the renamed folder: ${oldPath} is now ${file.path}.`);
			}),
		);

		// onLayoutReady cannot be cancelled: a plugin disabled before then must not read the vault.
		this.register(() => (this.unloaded = true));
		this.app.workspace.onLayoutReady(() => {
			if (!this.unloaded) void this.index.rebuild();
		});
	}

	private addCommands(): void {
		this.addCommand({ id: "open-sidebar", name: "Open sidebar", callback: () => void this.activateView() });
		this.addCommand({ id: "log-interaction", name: "Log interaction", callback: () => this.logInteractionCommand() });
		this.addCommand({
			id: "log-interaction-today",
			name: "Log interaction today",
			checkCallback: (checking) => {
				const path = this.activePersonPath();
				if (path === null) return false;
				if (!checking) void this.contactedToday(path);
				return true;
			},
		});
		this.addCommand({
			id: "undo-last-log",
			name: "Undo last log",
			checkCallback: (checking) => {
				if (!this.interactions.canUndo) return false;
				if (!checking) void this.interactions.undoLastLog();
				return true;
			},
		});
		this.addCommand({ id: "find-person", name: "Find person", callback: () => this.findPerson() });
	}

	async activateView(): Promise<void> {
		const { workspace } = this.app;
		let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_TYPE)[0] ?? null;
		if (!leaf) {
			leaf = workspace.getRightLeaf(false);
			if (!leaf) return;
			await leaf.setViewState({ type: VIEW_TYPE, active: true });
		}
		await workspace.revealLeaf(leaf);
	}

	/** The active note's path when it is a person note. */
	activePersonPath(): string | null {
		const file = this.app.workspace.getActiveViewOfType(MarkdownView)?.file ?? this.app.workspace.getActiveFile();
		return file && this.index.get(file.path) ? file.path : null;
	}

	private logInteractionCommand(): void {
		const path = this.activePersonPath();
		if (path !== null) {
			this.openLogModal(path);
			return;
		}
		new PersonPicker(this.app, this.index.scheduled(this.today()), "Log an interaction with…", (picked) => this.openLogModal(picked.person.path)).open();
	}

	private findPerson(): void {
		new PersonPicker(this.app, this.index.scheduled(this.today()), "Find a person…", (picked) => {
			void this.app.workspace.openLinkText(picked.person.path, "", false);
		}).open();
	}

	openLogModal(path: string): void {
		const person = this.index.get(path);
		const file = this.app.vault.getFileByPath(path);
		if (!person || !file) return;
		// The form holds the file, not its path: Obsidian moves the same TFile when the note is
		// renamed while the form is open, and the entry must still land.
		new LogModal(this.app, person, this.settings, this.today(), (entry) => void this.write(file.path, file, (f) => this.interactions.log(f, entry))).open();
	}

	async logInteraction(path: string, entry: LogEntryInput): Promise<WriteOutcome> {
		return this.write(path, this.app.vault.getFileByPath(path), (file) => this.interactions.log(file, entry));
	}

	async contactedToday(path: string): Promise<boolean> {
		return (await this.write(path, this.app.vault.getFileByPath(path), (file) => this.interactions.contactedToday(file))).ok;
	}

	async snooze(path: string, until: Day): Promise<boolean> {
		return (await this.write(path, this.app.vault.getFileByPath(path), (file) => this.interactions.snooze(file, until))).ok;
	}

	/** A write to a note that is gone (deleted while a form or menu was open) says so rather than nothing. */
	private async write(path: string, file: TFile | null, action: (file: TFile) => Promise<WriteOutcome>): Promise<WriteOutcome> {
		if (file === null || this.app.vault.getFileByPath(file.path) !== file) {
			new Notice(`Nothing was written: ${path} no longer exists.`);
			return { ok: false, error: `${path} does not exist` };
		}
		return action(file);
	}

	/** Changes settings in memory at once; `saveSettings` persists and applies them. */
	patchSettings(patch: Partial<Settings>): void {
		this.settings = migrateSettings({ ...cloneSettings(this.settings), ...patch });
		this.settingsRevision += 1;
	}

	/** `data.json` changed on disk (synced from another device, edited by hand): apply it without a restart. */
	async onExternalSettingsChange(): Promise<void> {
		this.settings = migrateSettings(await this.loadData());
		this.settingsRevision += 1;
		// Before the layout is ready the build to come reads the new settings; reading the vault now
		// would go against building once, after start-up.
		if (this.app.workspace.layoutReady && !this.unloaded) await this.index.rebuild();
	}

	/** Saves settings and applies them everywhere (index, sidebar, code blocks, status bar). */
	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
		await this.index.rebuild();
	}
}
