/**
 * What the vault's own configuration (the `.obsidian` folder) says that changes which notes are
 * people. The plugin reads the files through the vault adapter, the CLI from disk; both hand the
 * parsed JSON to these functions, so they agree on what it means.
 */

/** Facts about the vault that recognising people depends on, besides our own settings. */
export interface VaultFacts {
	/** The Templates core plugin's folder: excluded when no excluded folders are configured. */
	templatesFolder: string | null;
}

/** Before the configuration is read: nothing excluded but what the settings say. */
export const NO_VAULT_FACTS: Readonly<VaultFacts> = { templatesFolder: null };

/** The vault-relative paths of the configuration files these facts come from, below the config folder. */
export const TEMPLATES_CONFIG = "templates.json";

/** `templates.json` → its folder, when it names one. */
export function templatesFolderOf(templatesJson: unknown): string | null {
	const folder = (templatesJson as { folder?: unknown } | null)?.folder;
	return typeof folder === "string" && folder.trim() !== "" ? folder : null;
}
