/**
 * Reads a vault folder from disk: its settings, its notes (see `note-reader.ts`), the people among
 * them. No link to a note or a folder of notes is followed, so no note outside the vault is read
 * or written (the vault folder itself may be a link, and so may its `.obsidian` folder, whose
 * settings are read where it points: a shared settings folder is a common setup).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import type { Person } from "../core/person";
import { compileRules, type Rules } from "../core/rules";
import { migrateSettings, type Settings } from "../core/settings";
import { CONFIG_FILES, vaultFacts, type ConfigName, type VaultConfig, type VaultFacts } from "../core/vault-config";
import { withVaultMentions, type JournalNote } from "../core/vault-mentions";
import { NoteReader } from "./note-reader";

export interface VaultScan {
	settings: Settings;
	/** The settings compiled with what the vault's configuration says (core/rules.ts). */
	rules: Rules;
	people: Person[];
	/** Notes that could not be read at all, and folders that could not be listed: "People/Bob.md: …", "People/Family/: …". */
	skipped: string[];
	/** Notes that are no person to write to, and why: files that could not be read at all, and people whose frontmatter cannot be read (listed with status "problem"). */
	unreadable: { path: string; reason: string }[];
	/** Markdown files looked at. */
	notes: number;
	/** Why the vault's plugin settings (data.json) are there but could not be used; the defaults were. */
	settingsError: string | null;
}

export class VaultError extends Error {}

/** A JSON file's content; `null` when there is no such file; an error message when it is there but unreadable. */
function readJsonFile(path: string): { value: unknown } | { error: string } | null {
	let text: string;
	try {
		text = readFileSync(path, "utf8");
	} catch (error) {
		return (error as { code?: unknown } | null)?.code === "ENOENT" ? null : { error: reason(error) };
	}
	try {
		return { value: JSON.parse(text.replace(/^\uFEFF/, "")) as unknown };
	} catch (error) {
		return { error: `not valid JSON: ${reason(error)}` };
	}
}

function readJson(path: string): unknown {
	const read = readJsonFile(path);
	return read !== null && "value" in read ? read.value : null;
}

const SETTINGS_FILE = ".obsidian/plugins/stay-in-touch/data.json";

/**
 * The plugin's own settings when the vault has them, and what the vault's configuration says
 * (the template folders to exclude, the daily notes' folder and format). A settings file that is there but cannot be read is not
 * silently replaced by the defaults: the reason comes back as `settingsError` (the defaults are
 * used, and the CLI says so).
 */
export function readVaultSettings(vault: string): { settings: Settings; facts: VaultFacts; settingsError: string | null } {
	const read = readJsonFile(join(vault, ...SETTINGS_FILE.split("/")));
	const settings = migrateSettings(read !== null && "value" in read ? read.value : null);
	const settingsError = read !== null && "error" in read ? `${SETTINGS_FILE} cannot be read (${read.error}); using the defaults` : null;
	const config = Object.fromEntries(
		(Object.keys(CONFIG_FILES) as ConfigName[]).map((name) => [
			name,
			readJson(join(vault, ".obsidian", ...CONFIG_FILES[name].split("/"))),
		]),
	);
	const facts = vaultFacts(config as VaultConfig);
	return { settings, facts, settingsError };
}

/** Why a folder could not be read, in the system's words without the path: `EACCES: permission denied`. */
function reason(error: unknown): string {
	const text = (error instanceof Error ? error.message : String(error)).split("\n")[0].trim();
	const syscall = (error as { syscall?: unknown } | null)?.syscall;
	const cut = typeof syscall === "string" ? text.lastIndexOf(`, ${syscall} `) : -1;
	return cut > 0 ? text.slice(0, cut) : text;
}

/**
 * Every markdown file below `vault`, as vault paths with `/`, sorted; dot-folders (.obsidian,
 * .trash) skipped. A subfolder that cannot be listed is passed to `unreadable` ("People/" and why),
 * so the people in it are reported rather than silently missing; the vault folder itself failing
 * to list is a VaultError.
 */
export function listMarkdown(vault: string, unreadable: (folder: string, reason: string) => void = () => {}): string[] {
	const out: string[] = [];
	const walk = (dir: string, prefix: string) => {
		let entries;
		try {
			entries = readdirSync(dir, { withFileTypes: true });
		} catch (error) {
			if (prefix === "") throw new VaultError(`cannot read the vault folder ${vault} (${reason(error)})`);
			unreadable(prefix, reason(error));
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
		// The folder the user names may itself be a link (~/Notes into a synced folder): follow it,
		// and only it; nothing inside the vault is followed (listMarkdown, NoteReader).
		stat = statSync(vault);
	} catch (error) {
		throw new VaultError(`cannot read the vault folder ${vault} (${reason(error)})`);
	}
	if (!stat.isDirectory()) throw new VaultError(`${vault} is not a folder`);
	const { settings, facts, settingsError } = readVaultSettings(vault);
	const rules = compileRules(settings, facts);
	const skipped: string[] = [];
	const files = listMarkdown(vault, (folder, why) => skipped.push(`${folder}: cannot be read (${why})`));
	const reader = new NoteReader(vault, rules);
	const people: Person[] = [];
	const journals: JournalNote[] = [];
	const unreadable: VaultScan["unreadable"] = [];
	for (const path of files) {
		const outcome = reader.read(path);
		if (outcome === null) continue;
		if ("skipped" in outcome) {
			skipped.push(`${outcome.skipped.path}: ${outcome.skipped.reason}`);
			unreadable.push(outcome.skipped);
			continue;
		}
		if (outcome.person) people.push(outcome.person);
		if (outcome.journal) journals.push(outcome.journal);
		// A person whose frontmatter cannot be read is listed (status "problem"); `log` names why it refuses.
		if (outcome.unreadable !== null) unreadable.push({ path, reason: outcome.unreadable });
	}
	return { settings, rules, people: withVaultMentions(people, journals, files), skipped, unreadable, notes: files.length, settingsError };
}
