import type { App } from "obsidian";
import type { Clock } from "./clock";
import type { Interactions } from "./interactions";
import type { PeopleIndex } from "./people-index";
import type { SettingsStore } from "./settings-store";

/**
 * What the views, the commands and the public API may use of the plugin: the people, the writes,
 * the settings and the clock. They depend on this and never on the plugin class, so `main.ts`
 * is wiring only and no view can reach into another's state.
 */
export interface PluginContext {
	readonly app: App;
	readonly index: PeopleIndex;
	readonly interactions: Interactions;
	readonly settings: SettingsStore;
	readonly clock: Clock;
}
