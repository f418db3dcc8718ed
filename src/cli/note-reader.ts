/**
 * One note from disk, the way the plugin's index sees it: recognised by the same rules,
 * frontmatter through gray-matter, tags from frontmatter and body, the newest log entry.
 */
import { closeSync, constants, openSync, readSync } from "fs";
import { sep } from "path";
import matter from "gray-matter";
import { CORE_SCHEMA, load } from "js-yaml";
import { frontmatterError, isBlankOrComments } from "../core/frontmatter-edit";
import { readLogDates } from "../core/log-reader";
import { countedLinkpaths } from "../core/mentions";
import { noteLinks } from "../core/note-links";
import type { JournalNote } from "../core/vault-mentions";
import { scanFrontmatter } from "../core/frontmatter-bounds";
import { personFromNote } from "../core/note-person";
import type { Day } from "../core/dates";
import type { Person } from "../core/person";
import type { Rules } from "../core/rules";
import type { Settings } from "../core/settings";
import { frontmatterTags, inlineTags } from "../core/tags";
import { escapeRegExp } from "../core/text";
import { parseSimpleYaml } from "./simple-yaml";

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
 * Why a note's frontmatter cannot be read, worded as the plugin words it under "Needs attention"
 * ("the frontmatter is not closed (…)", "the frontmatter is not valid YAML: …").
 */
export class UnreadableFrontmatter extends Error {}

/**
 * The block's YAML: `source` is the frontmatter between its `---` lines, as the plugin reads it
 * (core/frontmatter-edit.ts); a value that is not a mapping is returned as it is.
 */
function parseBlock(source: string): unknown {
	if (isBlankOrComments(source)) return {};
	// gray-matter ends the frontmatter at the first line starting with `---` (so at `--- #person`
	// or `----` too), where Obsidian only ends it at a `---` line: it would cut such a block short,
	// so that block goes to the same YAML parser without it. A leading line break stands for the
	// opening line, as in what gray-matter hands its engine, so errors name the same lines.
	if (source.startsWith("---") || source.includes("\n---")) return parseYaml(`\n${source}`);
	// Exactly the block between `---` lines, so gray-matter finds the same end. Passing options
	// also disables its content cache, which would share `data` between notes.
	const data: Record<string | symbol, unknown> = matter(`---\n${source}---`, MATTER_OPTIONS).data;
	return NOT_A_MAPPING in data ? data[NOT_A_MAPPING] : data;
}

/**
 * Splits a note into frontmatter data and body, finding the frontmatter by Obsidian's rules (the
 * core's `scanFrontmatter`, as the writer does): it opens with a first line `---` and nothing else
 * but spaces (so `---js` is no frontmatter and is never evaluated) and closes at the next such
 * line. Throws an `UnreadableFrontmatter` when the YAML is broken or when a block that looks
 * like frontmatter is never closed (the plugin's own check and message); an unclosed `---` that
 * is only a horizontal rule starting the note is no frontmatter, as in the plugin.
 */
export function parseNote(text: string): { data: unknown; body: string } {
	const content = text.replace(/^\uFEFF/, "");
	const scan = scanFrontmatter(content);
	if (scan.kind === "none") return { data: {}, body: content };
	if (scan.kind === "unclosed") {
		const problem = frontmatterError(content, parseYaml);
		if (problem !== null) throw new UnreadableFrontmatter(problem);
		return { data: {}, body: content };
	}
	let data: unknown;
	try {
		data = parseBlock(content.slice(scan.block.yamlStart, scan.block.yamlEnd));
	} catch (error) {
		throw new UnreadableFrontmatter(
			`the frontmatter is not valid YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`,
		);
	}
	// buildPerson explains a list or a single value ("… not a set of properties").
	return { data, body: content.slice(scan.bodyStart) };
}

/** Any mention of the person tag or the marker value, case-insensitively; null when both rules are off. */
function mentionsPattern(settings: Settings): RegExp | null {
	const words = [settings.useTag ? settings.personTag : "", settings.useMarker ? settings.markerValue : ""].filter(
		(w) => w.trim() !== "",
	);
	return words.length === 0 ? null : new RegExp(words.map(escapeRegExp).join("|"), "i");
}

/**
 * One note's part in a scan: the person it is (with `unreadable`, why its frontmatter cannot be
 * read, as the plugin lists such a person), the journal note it is, why it was skipped (it could
 * not be read at all), or nothing.
 */
export type NoteOutcome =
	| { person: Person | null; journal: JournalNote | null; unreadable: string | null }
	| { skipped: { path: string; reason: string } }
	| null;

/** A frontmatter that may hold `date:`: only then can a note outside the journal folders be a journal note. */
function mayHaveDateProperty(text: string): boolean {
	const scan = scanFrontmatter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	return scan.kind === "block" && /(^|\n)[ \t]*["']?date["']?[ \t]*:/i.test(text.slice(scan.block.yamlStart, scan.block.yamlEnd));
}

const NO_LOG = { days: [], problems: [] };

/** Never follow a link swapped in after the folder was listed (not available on Windows). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads and recognises notes one at a time. Files are read into one reusable
 * buffer: on a 10,000-note vault the reads are most of the time, and a fresh buffer per file
 * showed in the profile.
 */
export class NoteReader {
	private readonly mentions: RegExp | null;
	private readonly logWord: RegExp;
	private buffer = Buffer.allocUnsafe(1 << 20);
	/** The vault folder with a separator: notes' paths come from the listing, so path.join's normalising is not needed. */
	private readonly root: string;

	constructor(
		vault: string,
		private readonly rules: Rules,
	) {
		this.root = vault.endsWith(sep) ? vault : vault + sep;
		this.mentions = mentionsPattern(rules.settings);
		this.logWord = new RegExp(escapeRegExp(rules.logHeadingKey.split(" ")[0]), "i");
	}

	read(path: string): NoteOutcome {
		let text: string;
		try {
			text = this.readText(this.root + path);
		} catch (error) {
			return { skipped: { path, reason: `cannot be read (${(error as Error).message})` } };
		}
		const { rules, mentions } = this;
		const recognize = rules.recognize;
		const journal = rules.journal;
		// Cheap tests that rule most notes out before any YAML is parsed: a person note is in a
		// people folder (the recognizer decides that from the path alone) or its text mentions the
		// person tag or the marker value somewhere; a journal note is in a journal folder, or says
		// `date:` in its frontmatter.
		const maybePerson = recognize(path, null, noTags) || (mentions?.test(text) ?? false);
		const pathDay = journal.enabled ? journal.dayOf(path, null) : null;
		// A person note's frontmatter is parsed anyway; only another note is looked at for `date:` first.
		const maybeDated =
			pathDay === null && journal.enabled && rules.settings.countDatedNotes && (maybePerson || mayHaveDateProperty(text));
		if (!maybePerson && pathDay === null && !maybeDated) return null;
		const journalNote = (day: Day | null) => (day === null ? null : { path, day, linkpaths: journalLinkpaths(text) });
		// A daily note that is no person needs nothing from its frontmatter: its name gave its day.
		if (!maybePerson && !maybeDated) return { person: null, journal: journalNote(pathDay), unreadable: null };
		let note: { data: unknown; body: string };
		let unreadable: string | null = null;
		try {
			note = parseNote(text);
		} catch (error) {
			// The reason reads as the plugin's (parseNote throws an UnreadableFrontmatter).
			unreadable = firstLine((error as Error).message);
			note = { data: null, body: text };
		}
		const day = pathDay ?? (maybeDated && unreadable === null ? journal.dayOf(path, note.data) : null);
		if (!maybePerson) return { person: null, journal: journalNote(day), unreadable: null };
		let tags: string[] | null = null;
		// The plugin reads a note's log only when its cached headings hold the log heading; a note
		// without the heading's first word has none either.
		const log = this.logWord.test(text) ? readLogDates(text, rules.settings) : NO_LOG;
		const person = personFromNote(
			{
				path,
				frontmatter: unreadable === null ? note.data : null,
				// A note we cannot parse may still be a person by folder or inline tag, as in the plugin.
				tags: () => (tags ??= unreadable === null ? [...frontmatterTags(note.data), ...inlineTags(note.body)] : inlineTags(text)),
				logDays: log.days,
				logProblems: log.problems,
				frontmatterError: unreadable,
			},
			rules,
		);
		return { person, journal: journalNote(day), unreadable: person && unreadable };
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

/** The links of a journal note that count as contact (core/mentions.ts's rule, on the text's links). */
function journalLinkpaths(text: string): string[] {
	const { links, silent } = noteLinks(text);
	return countedLinkpaths(links, silent);
}
