import type { App } from "obsidian";
import { CONFIG_FILES, vaultFacts, type ConfigName, type VaultConfig, type VaultFacts } from "../core/vault-config";

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
	const names = Object.keys(CONFIG_FILES) as ConfigName[];
	const values = await Promise.all(names.map((name) => readConfigJson(app, CONFIG_FILES[name])));
	return vaultFacts(Object.fromEntries(names.map((name, i) => [name, values[i]])) as VaultConfig);
}
