/**
 * What the vault's own configuration (the `.obsidian` folder) says that changes which notes are
 * people and which are journal notes. The plugin reads the files through the vault adapter, the
 * CLI from disk; both hand the parsed JSON to `vaultFacts`, so they agree on what it means.
 */
import type { JournalSource } from "./settings";

/** Facts about the vault that recognising people and journal notes depends on, besides our own settings. */
export interface VaultFacts {
	/**
	 * Template folders: the Templates core plugin's (while it is enabled) and Templater's (while
	 * it is enabled). Excluded when no excluded folders are configured: a template is no person.
	 */
	templatesFolders: string[];
	/** The Daily notes core plugin's folder and format, while it is enabled. */
	dailyNotes: JournalSource | null;
}

export const NO_VAULT_FACTS: Readonly<VaultFacts> = { templatesFolders: [], dailyNotes: null };

/** The configuration files, below the config folder (`.obsidian`). */
export const CONFIG_FILES = {
	corePlugins: "core-plugins.json",
	communityPlugins: "community-plugins.json",
	templates: "templates.json",
	dailyNotes: "daily-notes.json",
	templater: "plugins/templater-obsidian/data.json",
} as const;

export type ConfigName = keyof typeof CONFIG_FILES;

/** Parsed JSON of each configuration file; null when missing or unreadable. */
export type VaultConfig = Record<ConfigName, unknown>;

function field(json: unknown, name: string): string | null {
	const value = (json as Record<string, unknown> | null)?.[name];
	return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/**
 * Whether a plugin is on. core-plugins.json is `{ "templates": true, … }` (Obsidian 1.x) or a
 * list of the enabled ids (older vaults); community-plugins.json is a list. A vault without the
 * file (a folder never opened in Obsidian, a synced copy without it) counts as on, so a templates
 * folder the vault names is still kept out.
 */
function enabled(list: unknown, id: string): boolean {
	if (Array.isArray(list)) return list.includes(id);
	if (typeof list === "object" && list !== null) return (list as Record<string, unknown>)[id] === true;
	return true;
}

/** Obsidian's daily-notes.json leaves the default format out. */
const DAILY_DEFAULT_FORMAT = "YYYY-MM-DD";

export function vaultFacts(config: VaultConfig): VaultFacts {
	const templatesFolders: string[] = [];
	const core = field(config.templates, "folder");
	if (core !== null && enabled(config.corePlugins, "templates")) templatesFolders.push(core);
	const templater = field(config.templater, "templates_folder");
	if (templater !== null && enabled(config.communityPlugins, "templater-obsidian")) templatesFolders.push(templater);
	// Without its file the Daily notes plugin still writes to the vault root, in the default format;
	// we only trust it when the vault says it is on.
	const dailyOn = typeof config.corePlugins === "object" && config.corePlugins !== null && enabled(config.corePlugins, "daily-notes");
	const dailyNotes = dailyOn
		? { folder: field(config.dailyNotes, "folder") ?? "", format: field(config.dailyNotes, "format") ?? DAILY_DEFAULT_FORMAT }
		: null;
	return { templatesFolders, dailyNotes };
}
