/**
 * Reads a vault folder from disk: its settings, its notes (see `note-reader.ts`), the people among
 * them. Symlinks are never followed, so nothing outside the vault is read.
 */
import { lstatSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Person } from "../core/person";
import { migrateSettings, type Settings } from "../core/settings";
import { NoteReader, type VaultContext } from "./note-reader";

export interface VaultScan {
	settings: Settings;
	people: Person[];
	/** Notes that could not be read or parsed: "People/Bob.md: …". */
	skipped: string[];
	/** Markdown files looked at. */
	notes: number;
}

export class VaultError extends Error {}

function readJson(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, "utf8")) as unknown;
	} catch {
		return null;
	}
}

/** The plugin's own settings when the vault has them, and the templates folder to exclude. */
export function readVaultSettings(vault: string): { settings: Settings; templatesFolder: string | null } {
	const settings = migrateSettings(readJson(join(vault, ".obsidian", "plugins", "stay-in-touch", "data.json")));
	const templates = readJson(join(vault, ".obsidian", "templates.json")) as { folder?: unknown } | null;
	const folder = templates && typeof templates.folder === "string" && templates.folder.trim() !== "" ? templates.folder : null;
	return { settings, templatesFolder: folder };
}

/** Every markdown file below `dir`, as vault paths with `/`; dot-folders (.obsidian, .trash) skipped. */
export function listMarkdown(vault: string): string[] {
	const out: string[] = [];
	const walk = (dir: string, prefix: string) => {
		let entries;
		try {
			entries = readdirSync(dir, { withFileTypes: true });
		} catch {
			return;
		}
		for (const entry of entries) {
			if (entry.name.startsWith(".")) continue;
			// Dirent reports a symlink as a symlink, never as what it points to: skip it.
			if (entry.isSymbolicLink()) continue;
			if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
			else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) out.push(prefix + entry.name);
		}
	};
	walk(vault, "");
	return out.sort();
}

export function scanVault(vault: string): VaultScan {
	let stat;
	try {
		stat = lstatSync(vault);
	} catch {
		throw new VaultError(`cannot read the vault folder ${vault}`);
	}
	if (!stat.isDirectory()) throw new VaultError(`${vault} is not a folder`);
	const context: VaultContext = { vault, ...readVaultSettings(vault) };
	const files = listMarkdown(vault);
	const reader = new NoteReader(context);
	const people: Person[] = [];
	const skipped: string[] = [];
	for (const path of files) {
		const outcome = reader.read(path);
		if (outcome === null) continue;
		if ("person" in outcome) people.push(outcome.person);
		else skipped.push(outcome.skipped);
	}
	return { settings: context.settings, people, skipped, notes: files.length };
}
