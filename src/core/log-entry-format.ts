/**
 * Interaction log entries: how one is written. An entry must stay one dated list item under the
 * log heading for every reader, so its further lines are indented and escaped, and it never
 * leaves a comment open.
 */
import { formatDailyDate } from "./daily-format";
import { formatDay, type Day } from "./dates";
import { openCommentAt } from "./line-scanner";
import type { Settings } from "./settings";

/** The separator between an entry's parts: an em dash, as in `- 2026-11-26 — call: …`. */
export const ENTRY_SEPARATOR = " — ";

/** Continuation lines of a multi-line note are indented under the list item's text. */
export const CONTINUATION_INDENT = "  ";

export interface EntryText {
	day: Day;
	type: string;
	note: string;
	/** Favors I returned: "favor returned: X". */
	returned?: readonly string[];
	/** Favors they returned to me: "favor received: X". */
	received?: readonly string[];
}

/** Collapses line breaks and surrounding space: a type or favor is one line of the item. */
export function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** Only `-` or only `=`: under a line of text that is a setext heading underline. */
function isUnderline(text: string): boolean {
	const t = text.trimEnd();
	if (t === "") return false;
	const c = t[0];
	if (c !== "-" && c !== "=") return false;
	for (const ch of t) if (ch !== c) return false;
	return true;
}

/**
 * A continuation line must stay inside the item: one that would open a heading or a code fence
 * (and so end the log for every reader) gets a backslash, which markdown renders as nothing.
 */
function escapeContinuation(line: string): string {
	const lead = line.length - line.trimStart().length;
	const rest = line.slice(lead);
	if (rest.startsWith("#") || rest.startsWith("```") || rest.startsWith("~~~") || isUnderline(rest)) {
		return `${line.slice(0, lead)}\\${rest}`;
	}
	return line;
}

/** The entry's date as written: `2026-11-26`, or `[[2026-11-26]]` in the daily-note format. */
export function formatEntryDate(day: Day, settings: Pick<Settings, "linkDates" | "dailyNoteFormat">): string {
	return settings.linkDates ? `[[${formatDailyDate(day, settings.dailyNoteFormat)}]]` : formatDay(day);
}

/** The note's non-blank lines, without trailing space. */
function noteLines(note: string): string[] {
	return note
		.split(/\r\n|\r|\n/)
		.map((l) => l.trimEnd())
		.filter((l) => l.trim() !== "");
}

/** What an entry says besides its date, in parts: its type, its note's lines, and the favors it settles. */
export interface EntryParts {
	type: string;
	note: string[];
	/** `favor returned: X`, `favor received: Y`. */
	favors: string[];
}

export function entryParts(entry: EntryText): EntryParts {
	return {
		type: oneLine(entry.type),
		note: noteLines(entry.note),
		favors: [
			...(entry.returned ?? []).map((f) => `favor returned: ${oneLine(f)}`),
			...(entry.received ?? []).map((f) => `favor received: ${oneLine(f)}`),
		],
	};
}

/** The note's first line and the favors, as one line: `Talked about her move — favor returned: intro`. */
export function noteAndFavors(parts: EntryParts, firstLine = parts.note[0]): string {
	return [...(firstLine === undefined ? [] : [firstLine.trim()]), ...parts.favors].join(ENTRY_SEPARATOR);
}

/**
 * What follows the date on the entry's first line, "" for a bare contact: `call: Talked about her
 * move.`, `call`, `Talked about her move.`, `call — favor returned: intro to Sam`.
 */
export function entrySummary(parts: EntryParts): string {
	const note = parts.note.length > 0 ? parts.note[0].trim() : "";
	const head = parts.type && note ? `${parts.type}: ${note}` : parts.type || note;
	return [...(head ? [head] : []), ...parts.favors].join(ENTRY_SEPARATOR);
}

/**
 * The entry's lines, without line endings: `- 2026-11-26 — call: Talked about her move.`, then
 * any further lines of the note indented under the item. Blank lines inside the note are left out
 * so the item stays one tight list item.
 */
export function formatLogEntry(entry: EntryText, settings: Pick<Settings, "linkDates" | "dailyNoteFormat">): string[] {
	const parts = entryParts(entry);
	const summary = entrySummary(parts);
	return itemLines(`${formatEntryDate(entry.day, settings)}${summary ? ENTRY_SEPARATOR + summary : ""}`, parts);
}

/**
 * The entry as an item under a sub-heading that already gives its date: `- call: Talked about
 * her move.`; null for a bare contact, which has nothing to say besides the date.
 */
export function formatUndatedEntry(entry: EntryText): string[] | null {
	const parts = entryParts(entry);
	const summary = entrySummary(parts);
	return summary ? itemLines(summary, parts) : null;
}

/** `- ` and the first line, then the note's further lines indented under it, never leaving a comment open. */
function itemLines(first: string, parts: EntryParts): string[] {
	const lines = [`- ${first}`];
	for (const l of parts.note.slice(1)) lines.push(CONTINUATION_INDENT + escapeContinuation(l));
	return closeComments(lines);
}

/**
 * The entry must not open a comment it does not close: Obsidian hides everything after an
 * unmatched `%%` or `<!--` (to the end of the note), entries written later included. Such an
 * opener gets a backslash inside it: `%\%` and `<\!--` render as `%%` and `<!--` (a backslash
 * before ASCII punctuation is a markdown escape and is not shown), and neither is a comment marker
 * any more: Obsidian, this scanner and the test runtime's model all look for the two characters
 * side by side. A backslash before the marker (`\%%`) is not relied on: Obsidian is not known to
 * honour escapes in comment markers, and neither model does. Markers that pair up (`%%hidden%%`,
 * one opened on a line and closed on a later one) are the user's comments and stay as written;
 * markers inside inline code are text and stay too.
 */
export function closeComments(lines: string[]): string[] {
	let text = lines.join("\n");
	let at = openCommentAt(text);
	if (at < 0) return lines;
	while (at >= 0) {
		// Nothing after an unmatched opener closes it: for `%%` no other `%%` follows (it would
		// close it), and every later `<!--` is unmatched too, so those are escaped in one go (an
		// opener at a time would rescan the entry once per opener). A few rounds at most: an
		// escaped opener may uncover one of the other kind that it was hiding.
		const tail = text.slice(at);
		text = text.slice(0, at) + (tail.startsWith("%%") ? `%\\%${tail.slice(2)}` : tail.replaceAll("<!--", "<\\!--"));
		at = openCommentAt(text);
	}
	return text.split("\n");
}
