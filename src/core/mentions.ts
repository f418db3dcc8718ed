/**
 * Mentions: a journal note (core/journal.ts) that links a person counts as contact on the note's
 * day. One rule decides which links count, for the plugin (links, sections and list items from
 * Obsidian's metadata cache) and the CLI (the same facts read from the text by
 * core/note-links.ts): not a link inside code or math, a comment, a quote or callout, or a task
 * that is not done (`- [ ]` is an intention; `- [x]` happened); embeds (`![[…]]`) and frontmatter
 * links are no links here. `MentionIndex` keeps, per journal note, the people it mentions, so a
 * changed note updates just the people it mentions, before and after.
 */
import type { Day } from "./dates";
import { foldText } from "./text";

export interface Mention {
	day: Day;
	/** The journal note. */
	path: string;
}

/** A link in a note: its target as written (`Ada Lovelace`, `People/Ada.md#Work`, `Ada^abc`) and where it starts. */
export interface LinkAt {
	link: string;
	offset: number;
}

/** A part of a note whose links are no contact. */
export interface Span {
	start: number;
	end: number;
}

/** The shape of Obsidian's `SectionCache` and `ListItemCache` this rule reads (core does not import obsidian). */
interface Positioned {
	position: { start: { offset: number }; end: { offset: number } };
}

export interface SectionLike extends Positioned {
	type: string;
}

export interface ListItemLike extends Positioned {
	/** `" "` for `- [ ]`, `"x"` for `- [x]`, other characters for custom statuses, absent for a plain item. */
	task?: string;
}

/** Sections whose links are no contact: code and math, comments, quotes and callouts, frontmatter. */
const SILENT_SECTIONS = new Set(["code", "math", "comment", "blockquote", "callout", "yaml"]);

/** A task counts only when done: `[ ]` is an intention, `[-]` was cancelled, `[>]` moved on, `[/]` is under way. */
function isDone(task: string): boolean {
	return task === "x" || task === "X";
}

/** The spans of a note, from its cached sections and list items, whose links are no contact. */
export function silentSpans(sections: readonly SectionLike[] | undefined, listItems: readonly ListItemLike[] | undefined): Span[] {
	const spans: Span[] = [];
	for (const s of sections ?? [])
		if (SILENT_SECTIONS.has(s.type)) spans.push({ start: s.position.start.offset, end: s.position.end.offset });
	for (const item of listItems ?? []) {
		if (item.task !== undefined && !isDone(item.task)) spans.push({ start: item.position.start.offset, end: item.position.end.offset });
	}
	return spans;
}

/** A link's note part: `Ada Lovelace#Work`, `Ada Lovelace^abc` and `Ada Lovelace.md` → `Ada Lovelace`. */
export function linkpathOf(link: string): string {
	let end = link.length;
	for (let i = 0; i < link.length; i++) {
		const c = link[i];
		if (c === "#" || c === "^" || c === "|") {
			end = i;
			break;
		}
	}
	const path = link.slice(0, end).trim();
	return path.toLowerCase().endsWith(".md") ? path.slice(0, -3) : path;
}

/** The one rule: the link paths of the links outside every silent span (each path once). */
export function countedLinkpaths(links: readonly LinkAt[], silent: readonly Span[]): string[] {
	const out = new Set<string>();
	for (const link of links) {
		const at = link.offset;
		if (silent.some((s) => at >= s.start && at < s.end)) continue;
		const path = linkpathOf(link.link);
		if (path !== "") out.add(path);
	}
	return [...out];
}

/**
 * What a link that resolves to no note stands for: its last path segment, folded. Such a link can
 * still name a person by an alias (`[[Ada]]` for Ada Lovelace, whose note lists `aliases: [Ada]`).
 */
export function unresolvedKey(linkpath: string): string {
	return `?${foldText(linkpath.slice(linkpath.lastIndexOf("/") + 1).trim())}`;
}

/**
 * Journal notes and whom they mention. A note's targets are what its counted links resolve to:
 * a note's path, or `unresolvedKey` when no note has that name (the adapter resolves, as Obsidian
 * resolves links: by path, then by name nearest the linking note).
 */
export class MentionIndex {
	private readonly notes = new Map<string, { day: Day; targets: readonly string[] }>();
	private readonly byTarget = new Map<string, Set<string>>();

	get size(): number {
		return this.notes.size;
	}

	has(path: string): boolean {
		return this.notes.has(path);
	}

	/** Records a journal note (or, with `day` null, that it is none); returns the targets before and after. */
	set(path: string, day: Day | null, targets: readonly string[]): string[] {
		const before = this.delete(path);
		if (day === null) return before;
		this.notes.set(path, { day, targets });
		for (const target of targets) {
			let notes = this.byTarget.get(target);
			if (!notes) this.byTarget.set(target, (notes = new Set()));
			notes.add(path);
		}
		return before.length === 0 ? [...targets] : [...new Set([...before, ...targets])];
	}

	/** Forgets a note; returns the targets it had. */
	delete(path: string): string[] {
		const old = this.notes.get(path);
		if (!old) return [];
		this.notes.delete(path);
		for (const target of old.targets) {
			const notes = this.byTarget.get(target);
			notes?.delete(path);
			if (notes?.size === 0) this.byTarget.delete(target);
		}
		return [...old.targets];
	}

	/** The journal notes whose links point at `target` (to resolve them again when files move). */
	notesFor(target: string): readonly string[] {
		return [...(this.byTarget.get(target) ?? [])];
	}

	/**
	 * The mentions of the person at `path`, newest first: notes linking the note itself, and notes
	 * whose unresolved links name one of `keys` (the person's aliases that no one else has).
	 */
	mentionsOf(path: string, keys: readonly string[]): Mention[] {
		const found = new Set(this.byTarget.get(path));
		for (const key of keys) for (const note of this.byTarget.get(key) ?? []) found.add(note);
		found.delete(path);
		const mentions: Mention[] = [];
		for (const note of found) {
			const entry = this.notes.get(note);
			if (entry) mentions.push({ day: entry.day, path: note });
		}
		return mentions.sort((a, b) => b.day - a.day || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}
}

/** The `unresolvedKey`s of a person's aliases that no one else has: links by them name this person. */
export function ownAliasKeys(aliases: readonly string[], owners: (key: string) => number): string[] {
	return aliases.map(unresolvedKey).filter((key) => owners(key) === 1);
}
