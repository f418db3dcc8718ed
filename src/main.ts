import { Plugin } from "obsidian";
import { createApi, type StayInTouchApi } from "./api";
import { Clock } from "./obsidian/clock";
import { addDigestToDailyNote } from "./obsidian/daily-digest";
import type { PluginContext } from "./obsidian/context";
import { followFolderRenames } from "./obsidian/folder-follow";
import { Interactions } from "./obsidian/interactions";
import { PeopleIndex } from "./obsidian/people-index";
import { SettingsStore } from "./obsidian/settings-store";
import { registerCommands } from "./ui/commands";
import { registerImportCommands } from "./ui/import-commands";
import { registerQueryBlock } from "./ui/query-block";
import { StayInTouchSettingTab } from "./ui/settings-tab";
import { activateSidebar, SidebarView, VIEW_TYPE } from "./ui/sidebar-view";
import { StatusBarCount } from "./ui/status-bar";
import { noticeWhatCameDue, rememberOpenToday } from "./ui/startup-notice";

/** Lifecycle wiring only: each part gets the narrow context, none gets the plugin. */
export default class StayInTouchPlugin extends Plugin {
	ctx!: PluginContext;
	api!: StayInTouchApi;
	/** Set when the plugin is disabled: work that was waiting for the layout is dropped. */
	private unloaded = false;
	/** Where "today" comes from; tests and benchmarks replace it. */
	now: () => Date = () => new Date();

	async onload(): Promise<void> {
		// Saved settings apply everywhere through the index: it rebuilds, and every view hears of it.
		// A setting switched on (the digest in the daily note) applies at once too.
		const settings = new SettingsStore(this, async (): Promise<void> => {
			await index.rebuild();
			if (!this.unloaded) void addDigestToDailyNote(ctx);
		});
		await settings.load();
		const clock = new Clock(() => this.now());
		const index: PeopleIndex = this.addChild(new PeopleIndex(this.app, () => settings.get()));
		const interactions = new Interactions(
			this.app,
			() => settings.get(),
			() => clock.today(),
		);
		const ctx: PluginContext = { app: this.app, index, interactions, settings, clock };
		this.ctx = ctx;
		this.api = createApi(ctx);

		this.registerView(VIEW_TYPE, (leaf) => new SidebarView(leaf, ctx));
		this.registerHoverLinkSource(VIEW_TYPE, { display: "Stay in touch", defaultMod: true });
		this.addRibbonIcon("users", "Open stay in touch", () => void activateSidebar(this.app));
		this.addChild(new StatusBarCount(ctx, this.addStatusBarItem()));
		this.addSettingTab(new StayInTouchSettingTab(this.app, this, ctx));
		registerQueryBlock(this, ctx);
		registerCommands(this, ctx);
		registerImportCommands(this, ctx);
		// Set once the start-up notice has compared with the last day the vault was open: from then
		// on the vault is open today, at every midnight and until it unloads.
		let noticed = false;
		this.register(() => {
			if (noticed) rememberOpenToday(ctx);
		});
		clock.watchMidnight(this, () => {
			index.dayChanged();
			if (noticed) rememberOpenToday(ctx);
			void addDigestToDailyNote(ctx);
		});
		followFolderRenames(this, ctx);

		// Indexing waits for the layout: the metadata cache is complete then, and start-up stays fast.
		// onLayoutReady cannot be cancelled: a plugin disabled before then must not read the vault.
		this.register(() => (this.unloaded = true));
		this.app.workspace.onLayoutReady(() => {
			if (this.unloaded) return;
			void index.rebuild().then(() => {
				if (this.unloaded) return;
				noticeWhatCameDue(ctx);
				noticed = true;
				void addDigestToDailyNote(ctx);
			});
			// Today's daily note created after start-up (start-up replays no creates) gets the digest then.
			this.registerEvent(this.app.vault.on("create", (file) => void addDigestToDailyNote(ctx, file)));
		});
	}

	/** `data.json` changed on disk (synced from another device, edited by hand): apply it without a restart. */
	async onExternalSettingsChange(): Promise<void> {
		await this.ctx.settings.load();
		// Before the layout is ready the build to come reads the new settings; reading the vault now
		// would go against building once, after start-up.
		if (this.app.workspace.layoutReady && !this.unloaded) {
			await this.ctx.index.rebuild();
			void addDigestToDailyNote(this.ctx);
		}
	}
}
