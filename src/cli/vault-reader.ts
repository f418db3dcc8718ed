/**
 * Reads a vault folder from disk the way the plugin's index sees it: person notes recognised by
 * the same rules, frontmatter through gray-matter, tags from frontmatter and body, the newest log
 * entry. Symlinks are never followed, so nothing outside the vault is read.
 */
import { lstatSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import matter from "gray-matter";
import { CORE_SCHEMA, load } from "js-yaml";
import { latestLogDay } from "../core/log-entries";
import { buildPerson, type Person } from "../core/person";
import { compileRecognizer } from "../core/recognition";
import { migrateSettings, type Settings } from "../core/settings";
import { frontmatterTags, inlineTags } from "../core/tags";
import { parseSimpleYaml } from "./simple-yaml";

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

function firstLine(message: string): string {
	return message.split("\n")[0].trim();
}

/**
 * YAML the way Obsidian reads properties: the core schema keeps `2026-11-20` a string, so an
 * impossible `2026-13-45` is reported instead of rolling over into a real Date.
 */
export function parseYaml(source: string): unknown {
	return parseSimpleYaml(source) ?? load(source, { schema: CORE_SCHEMA });
}

/** gray-matter wants an object; a frontmatter that is a list or a single value travels boxed. */
const NOT_A_MAPPING = Symbol("frontmatter that is not a mapping");

function yamlEngine(source: string): object {
	const data = parseYaml(source);
	return typeof data === "object" && data !== null && !Array.isArray(data) ? data : { [NOT_A_MAPPING]: data };
}

const MATTER_OPTIONS = { excerpt: false, engines: { yaml: yamlEngine } };

/** Splits a note into frontmatter data and body; throws with a readable reason when the YAML is broken. */
export function parseNote(text: string): { data: unknown; body: string } {
	const content = text.replace(/^\uFEFF/, "");
	if (!content.startsWith("---")) return { data: {}, body: content };
	// Passing options also disables gray-matter's content cache, which would share `data` between notes.
	const parsed = matter(content, MATTER_OPTIONS);
	const data: Record<string | symbol, unknown> = parsed.data;
	// buildPerson explains a list or a single value ("… not a set of properties").
	return { data: NOT_A_MAPPING in data ? data[NOT_A_MAPPING] : data, body: parsed.content };
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Any mention of the person tag or the marker value, case-insensitively; null when both rules are off. */
function mentionsPattern(settings: Settings): RegExp | null {
	const words = [settings.useTag ? settings.personTag : "", settings.useMarker ? settings.markerValue : ""].filter((w) => w.trim() !== "");
	return words.length === 0 ? null : new RegExp(words.map(escapeRegExp).join("|"), "i");
}

export function scanVault(vault: string): VaultScan {
	let stat;
	try {
		stat = lstatSync(vault);
	} catch {
		throw new VaultError(`cannot read the vault folder ${vault}`);
	}
	if (!stat.isDirectory()) throw new VaultError(`${vault} is not a folder`);
	const { settings, templatesFolder } = readVaultSettings(vault);
	// Compiled once for the whole vault, as the plugin's index does.
	const recognize = compileRecognizer({ settings, templatesFolder });
	const noTags = (): string[] => [];
	const people: Person[] = [];
	const skipped: string[] = [];
	const files = listMarkdown(vault);
	const mentions = mentionsPattern(settings);
	for (const path of files) {
		let text: string;
		try {
			text = readFileSync(join(vault, path), "utf8");
		} catch (error) {
			skipped.push(`${path}: cannot be read (${(error as Error).message})`);
			continue;
		}
		// A cheap test that rules most notes out before any YAML is parsed: a person note is in a
		// people folder (the recognizer decides that from the path alone) or its text mentions the
		// person tag or the marker value somewhere.
		if (!recognize(path, null, noTags) && !(mentions?.test(text) ?? false)) continue;
		let note: { data: unknown; body: string };
		try {
			note = parseNote(text);
		} catch (error) {
			// A note we cannot parse may still be a person by folder: say so, never guess.
			if (recognize(path, null, () => inlineTags(text))) skipped.push(`${path}: the frontmatter is not valid YAML: ${firstLine((error as Error).message)}`);
			continue;
		}
		const tags = [...new Set([...frontmatterTags(note.data), ...inlineTags(note.body)])];
		if (!recognize(path, note.data, () => tags)) continue;
		people.push(buildPerson({ path, frontmatter: note.data, tags, lastLogged: latestLogDay(text, settings) }, settings));
	}
	return { settings, people, skipped, notes: files.length };
}
