import { cloneSettings, defaultSettings, migrateSettings, type Settings } from "../core/settings";

/** Where settings live: the plugin's `loadData`/`saveData` (data.json). */
export interface SettingsData {
	loadData(): Promise<unknown>;
	saveData(data: unknown): Promise<void>;
}

/**
 * The plugin's settings: read and migrated from data.json, changed in memory at once (`patch`),
 * written and applied everywhere on `save`. `revision` goes up on every change, so views
 * re-render for a setting even when no note changed.
 */
export class SettingsStore {
	private current: Settings = defaultSettings();
	revision = 0;

	constructor(
		private readonly data: SettingsData,
		/** Runs after every save (the index rebuilds with the new rules). */
		private readonly apply: () => Promise<void>,
	) {}

	get(): Settings {
		return this.current;
	}

	/** (Re)reads data.json: at start-up, and when it changed on disk (synced, edited by hand). */
	async load(): Promise<void> {
		this.current = migrateSettings(await this.data.loadData());
		this.revision += 1;
	}

	/** Changes settings in memory at once; `save` persists and applies them. */
	patch(patch: Partial<Settings>): void {
		this.current = migrateSettings({ ...cloneSettings(this.current), ...patch });
		this.revision += 1;
	}

	/** Writes data.json and applies the settings everywhere (index, sidebar, code blocks, status bar). */
	async save(): Promise<void> {
		await this.data.saveData(this.current);
		await this.apply();
	}
}
