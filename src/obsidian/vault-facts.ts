import type { App } from "obsidian";
import { TEMPLATES_CONFIG, templatesFolderOf, type VaultFacts } from "../core/vault-config";

/** A JSON file in the vault's config folder; null when it is missing or unreadable. */
async function readConfigJson(app: App, name: string): Promise<unknown> {
	const path = `${app.vault.configDir}/${name}`;
	try {
		if (!(await app.vault.adapter.exists(path))) return null;
		return JSON.parse(await app.vault.adapter.read(path)) as unknown;
	} catch {
		return null;
	}
}

/** What the vault's own configuration says that recognising people depends on (see core/vault-config.ts). */
export async function readVaultFacts(app: App): Promise<VaultFacts> {
	return { templatesFolder: templatesFolderOf(await readConfigJson(app, TEMPLATES_CONFIG)) };
}
