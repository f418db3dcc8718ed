/**
 * One note from disk, the way the plugin's index sees it: recognised by the same rules,
 * frontmatter through gray-matter, tags from frontmatter and body, the newest log entry.
 */
import { closeSync, constants, openSync, readSync } from "fs";
import { sep } from "path";
import matter from "gray-matter";
import { CORE_SCHEMA, load } from "js-yaml";
import { latestLogDay } from "../core/log-entries";
import { buildPerson, type Person } from "../core/person";
import { compileRecognizer } from "../core/recognition";
import type { Settings } from "../core/settings";
import { frontmatterTags, inlineTags } from "../core/tags";
import { parseSimpleYaml } from "./simple-yaml";

/** The vault folder and what recognising its notes needs. */
export interface VaultContext {
	vault: string;
	settings: Settings;
	templatesFolder: string | null;
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

/**
 * Obsidian's opening line: `---` and nothing else but spaces. gray-matter also reads a language
 * after the fence, and would run `---js` frontmatter through `eval` (the CLI's bundle leaves that
 * engine out too: scripts/build-cli.mjs).
 */
const OPENING_LINE = /^---[ \t]*\r?\n/;

/** Where gray-matter ends the frontmatter: at the first line starting with `---` after the opening one. */
const CLOSE = "\n---";

/** Splits a note into frontmatter data and body; throws with a readable reason when the YAML is broken. */
export function parseNote(text: string): { data: unknown; body: string } {
	const content = text.replace(/^\uFEFF/, "");
	if (!OPENING_LINE.test(content)) return { data: {}, body: content };
	// gray-matter copies whatever it is given into a Buffer first: give it the frontmatter only
	// (up to its own closing marker), which is all it parses, and keep the body from here.
	const close = content.indexOf(CLOSE, 3);
	const head = close === -1 ? content : content.slice(0, close + CLOSE.length);
	// Passing options also disables gray-matter's content cache, which would share `data` between notes.
	const parsed = matter(head, MATTER_OPTIONS);
	const data: Record<string | symbol, unknown> = parsed.data;
	// What gray-matter kept as content (nothing, or the whole head when it saw no frontmatter) and the rest.
	const body = parsed.content + content.slice(head.length);
	// buildPerson explains a list or a single value ("… not a set of properties").
	return { data: NOT_A_MAPPING in data ? data[NOT_A_MAPPING] : data, body };
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Any mention of the person tag or the marker value, case-insensitively; null when both rules are off. */
function mentionsPattern(settings: Settings): RegExp | null {
	const words = [settings.useTag ? settings.personTag : "", settings.useMarker ? settings.markerValue : ""].filter((w) => w.trim() !== "");
	return words.length === 0 ? null : new RegExp(words.map(escapeRegExp).join("|"), "i");
}

/** One note's part in a scan: a person, a reason it was skipped, or nothing (not a person). */
export type NoteOutcome = { person: Person } | { skipped: string } | null;

/** Never follow a link swapped in after the folder was listed (not available on Windows). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads and recognises notes one at a time. Files are read into one reusable
 * buffer: on a 10,000-note vault the reads are most of the time, and a fresh buffer per file
 * showed in the profile.
 */
export class NoteReader {
	private readonly recognize;
	private readonly mentions: RegExp | null;
	private buffer = Buffer.allocUnsafe(1 << 20);
	/** The vault folder with a separator: notes' paths come from the listing, so path.join's normalising is not needed. */
	private readonly root: string;

	constructor(private readonly context: VaultContext) {
		this.root = context.vault.endsWith(sep) ? context.vault : context.vault + sep;
		// Compiled once for the whole vault, as the plugin's index does.
		this.recognize = compileRecognizer({ settings: context.settings, templatesFolder: context.templatesFolder });
		this.mentions = mentionsPattern(context.settings);
	}

	read(path: string): NoteOutcome {
		let text: string;
		try {
			text = this.readText(this.root + path);
		} catch (error) {
			return { skipped: `${path}: cannot be read (${(error as Error).message})` };
		}
		const { recognize, mentions, context } = this;
		// A cheap test that rules most notes out before any YAML is parsed: a person note is in a
		// people folder (the recognizer decides that from the path alone) or its text mentions the
		// person tag or the marker value somewhere.
		if (!recognize(path, null, noTags) && !(mentions?.test(text) ?? false)) return null;
		let note: { data: unknown; body: string };
		try {
			note = parseNote(text);
		} catch (error) {
			// A note we cannot parse may still be a person by folder: say so, never guess.
			if (recognize(path, null, () => inlineTags(text))) return { skipped: `${path}: the frontmatter is not valid YAML: ${firstLine((error as Error).message)}` };
			return null;
		}
		const tags = [...new Set([...frontmatterTags(note.data), ...inlineTags(note.body)])];
		if (!recognize(path, note.data, () => tags)) return null;
		return { person: buildPerson({ path, frontmatter: note.data, tags, lastLogged: latestLogDay(text, context.settings) }, context.settings) };
	}

	private readText(file: string): string {
		const fd = openSync(file, OPEN_FLAGS);
		try {
			let length = 0;
			for (;;) {
				if (length === this.buffer.length) {
					const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
					this.buffer.copy(bigger, 0, 0, length);
					this.buffer = bigger;
				}
				const read = readSync(fd, this.buffer, length, this.buffer.length - length, null);
				if (read === 0) break;
				length += read;
			}
			return this.buffer.toString("utf8", 0, length);
		} finally {
			closeSync(fd);
		}
	}
}

const noTags = (): string[] => [];
