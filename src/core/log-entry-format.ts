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

/**
 * The entry's lines, without line endings: `- 2026-11-26 — call: Talked about her move.`, then
 * any further lines of the note indented under the item. Blank lines inside the note are left out
 * so the item stays one tight list item.
 */
export function formatLogEntry(entry: EntryText, settings: Pick<Settings, "linkDates" | "dailyNoteFormat">): string[] {
	let head = `- ${formatEntryDate(entry.day, settings)}`;
	const type = oneLine(entry.type);
	if (type) head += `${ENTRY_SEPARATOR}${type}`;
	const noteLines = entry.note
		.split(/\r\n|\r|\n/)
		.map((l) => l.trimEnd())
		.filter((l) => l.trim() !== "");
	if (noteLines.length > 0) head += `${type ? ": " : ENTRY_SEPARATOR}${noteLines[0].trim()}`;
	for (const favor of entry.returned ?? []) head += `${ENTRY_SEPARATOR}favor returned: ${oneLine(favor)}`;
	for (const favor of entry.received ?? []) head += `${ENTRY_SEPARATOR}favor received: ${oneLine(favor)}`;
	const lines = [head];
	for (const l of noteLines.slice(1)) lines.push(CONTINUATION_INDENT + escapeContinuation(l));
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
function closeComments(lines: string[]): string[] {
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
