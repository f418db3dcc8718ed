/**
 * The one writer behind "Log interaction", the sidebar buttons, the API and the CLI: note text
 * in, note text out (or an error and no text). Only the inserted entry lines and the changed
 * frontmatter lines differ from the input; every other byte, line endings and BOM included,
 * is carried over untouched.
 */
import { CR } from "./char-codes";
import { formatDay, type Day } from "./dates";
import { FrontmatterDoc, type YamlParse } from "./frontmatter-edit";
import { parseHeadingSetting } from "./headings";
import { CONTINUATION_INDENT, formatLogEntry, oneLine } from "./log-entry-format";
import { scanLog, type LogItem, type LogMiss } from "./log-reader";
import type { Settings } from "./settings";
import { bomLength, detectEol, isBlankRange, type Eol } from "./text-lines";

export type { YamlParse };

export interface LogEntryInput {
	/** Date of the interaction. */
	day: Day;
	/** Interaction type, e.g. "call"; "" for a bare contact. */
	type: string;
	/** Free text; may be "" or several lines. */
	note: string;
	/** Favors I now owe them → owed_favors, written as "YYYY-MM-DD: text" with today's date. */
	addOwed?: string[];
	/** Favors they now owe me → owed_to_me. */
	addOwedToMe?: string[];
	/** Favors I returned: removed from owed_favors; the entry says "favor returned: X". */
	resolveOwed?: string[];
	/** Favors they returned: removed from owed_to_me; the entry says "favor received: X". */
	resolveOwedToMe?: string[];
}

export type WriteResult = { ok: true; text: string } | { ok: false; error: string };

interface Insertion {
	at: number;
	text: string;
}

function favorList(list: unknown): string[] {
	if (!Array.isArray(list)) return [];
	return list
		.filter((s): s is string => typeof s === "string")
		.map(oneLine)
		.filter((s) => s !== "");
}

/**
 * Logs an interaction: a dated list item under the log heading (in date order; the section is
 * created when missing), `last_contact` raised to the entry's date if later, favors added or
 * resolved. Frontmatter that is unclosed, not YAML or not a mapping, a `last_contact` that is not
 * a date, or a favor to resolve that is not there: an error, and the note is not touched.
 */
export function applyLog(text: string, entry: LogEntryInput, settings: Settings, today: Day, parseYaml: YamlParse): WriteResult {
	if (!Number.isInteger(entry.day)) return { ok: false, error: "the interaction has no valid date" };
	if (!Number.isInteger(today)) return { ok: false, error: "today's date is not valid" };
	// A future date would push last contact ahead and hide the person from Overdue until then.
	if (entry.day > today) return { ok: false, error: `${formatDay(entry.day)} is in the future; log an interaction once it happened` };
	const opened = FrontmatterDoc.open(text, parseYaml);
	if (!opened.ok) return opened;
	const doc = opened.doc;
	const keys = settings.keys;

	// The date first, so a new frontmatter lists last_contact before any favors.
	const dateError = doc.setDate(keys.lastContact, entry.day, "max");
	if (dateError) return { ok: false, error: dateError };
	const returned: string[] = [];
	for (const favor of favorList(entry.resolveOwed)) {
		const r = doc.removeFromList(keys.owedFavors, favor);
		if (!r.ok) return { ok: false, error: `cannot mark "${favor}" as returned: ${r.error}` };
		returned.push(r.removed);
	}
	const received: string[] = [];
	for (const favor of favorList(entry.resolveOwedToMe)) {
		const r = doc.removeFromList(keys.owedToMe, favor);
		if (!r.ok) return { ok: false, error: `cannot mark "${favor}" as received: ${r.error}` };
		received.push(r.removed);
	}
	for (const favor of favorList(entry.addOwed)) {
		const error = doc.addToList(keys.owedFavors, `${formatDay(today)}: ${favor}`);
		if (error) return { ok: false, error };
	}
	for (const favor of favorList(entry.addOwedToMe)) {
		const error = doc.addToList(keys.owedToMe, `${formatDay(today)}: ${favor}`);
		if (error) return { ok: false, error };
	}
	const fm = doc.finish();
	if (!fm.ok) return fm;

	const lines = formatLogEntry(
		{
			day: entry.day,
			type: typeof entry.type === "string" ? entry.type : "",
			note: typeof entry.note === "string" ? entry.note : "",
			returned,
			received,
		},
		settings,
	);
	const insertion = planInsertion(text, doc.bodyStart, entry.day, lines, settings, detectEol(text));
	// The frontmatter lies before the body, so both splices apply to the original offsets.
	return {
		ok: true,
		text: text.slice(0, fm.from) + fm.text + text.slice(fm.to, insertion.at) + insertion.text + text.slice(insertion.at),
	};
}

/** Sets a top-level date key surgically ("Snooze", "Contacted today"); an unreadable value is an error. */
export function setFrontmatterDate(text: string, configuredKey: string, day: Day, parseYaml: YamlParse): WriteResult {
	if (!Number.isInteger(day)) return { ok: false, error: "the date is not valid" };
	const opened = FrontmatterDoc.open(text, parseYaml);
	if (!opened.ok) return opened;
	const error = opened.doc.setDate(configuredKey, day, "set");
	if (error) return { ok: false, error };
	return splice(text, opened.doc);
}

/** Removes a top-level key and its value lines (un-snooze); a missing key changes nothing. */
export function removeFrontmatterKey(text: string, configuredKey: string, parseYaml: YamlParse): WriteResult {
	const opened = FrontmatterDoc.open(text, parseYaml);
	if (!opened.ok) return opened;
	const error = opened.doc.removeKey(configuredKey);
	if (error) return { ok: false, error };
	return splice(text, opened.doc);
}

function splice(text: string, doc: FrontmatterDoc): WriteResult {
	const fm = doc.finish();
	if (!fm.ok) return fm;
	return { ok: true, text: text.slice(0, fm.from) + fm.text + text.slice(fm.to) };
}

/**
 * Where the entry goes: before the first entry that should follow it in the configured order,
 * else after the section's last list item (else its last line), never inside a code fence or a
 * comment. A missing section is created at the end of the note.
 */
function planInsertion(text: string, bodyStart: number, day: Day, lines: string[], settings: Settings, eol: Eol): Insertion {
	const miss: LogMiss = { endsClean: true, openedAt: -1 };
	const scan = scanLog(text, bodyStart, settings, miss);
	if (!scan) return createSection(text, bodyStart, lines, settings, eol, miss);
	const oldestFirst = settings.logOrder !== "newest-first";
	const items = scan.items;
	for (let k = 0; k < items.length; k++) {
		const item = items[k];
		if (item.day === null) continue;
		// Oldest first: a same-day entry goes after the existing ones; newest first mirrors that.
		if (oldestFirst ? item.day > day : item.day <= day) {
			// The entry goes right above `item`, so it joins item's list: numbered after the item above
			// only when that one is in the same list.
			const above = k > 0 ? items[k - 1] : null;
			const entry =
				above && sameList(text, above, item) ? inListOf(text, above, "after", lines) : inListOf(text, item, "before", lines);
			return { at: item.start, text: entry.join(eol) + eol };
		}
	}
	const last = items[items.length - 1];
	const after = last && last.safeAfter;
	const insertion = insertAfterLine(after ? last : scan.lastSafe, after ? inListOf(text, last, "after", lines) : lines, eol);
	// Right above a setext heading's paragraph, the entry would take that paragraph as a lazy
	// continuation line and its underline would become a thematic break: a blank line keeps the heading.
	if (scan.setextStarts.includes(insertion.at)) insertion.text += eol;
	return insertion;
}

/** `-`, `*`, `+`, or the delimiter of a numbered item (`.`, `)`): what decides whether two items share a list. */
function listMarker(text: string, item: LogItem): string {
	const numbered = /^\d{1,9}([.)])/.exec(text.slice(item.start, item.start + 11));
	return numbered ? `1${numbered[1]}` : text[item.start];
}

/** Consecutive items of one list: the same kind of marker and nothing but blank lines between them. */
function sameList(text: string, above: LogItem, below: LogItem): boolean {
	return listMarker(text, above) === listMarker(text, below) && isBlankRange(text, above.next, below.start);
}

/**
 * The entry written as an item of its neighbour's list: markdown starts a new list when the
 * bullet character or the list type changes, so a `- ` entry among `* ` entries would split the
 * log into two lists, and one among `1.` items would break the numbering. A numbered entry takes
 * the number after its neighbour's (the same number when it goes first; markdown renumbers the
 * rest), and its further lines are indented to its text so they stay inside it.
 */
function inListOf(text: string, item: LogItem, place: "before" | "after", lines: string[]): string[] {
	const bullet = text[item.start];
	if (bullet === "-") return lines;
	if (bullet === "*" || bullet === "+") return [bullet + lines[0].slice(1), ...lines.slice(1)];
	const numbered = /^(\d{1,9})([.)])/.exec(text.slice(item.start, item.start + 10));
	if (!numbered) return lines;
	const next = Number(numbered[1]) + (place === "after" ? 1 : 0);
	// A list number has at most nine digits; past that the same number still continues the list.
	const marker = `${String(next).length > 9 ? numbered[1] : next}${numbered[2]} `;
	const indent = " ".repeat(marker.length);
	return [marker + lines[0].slice(2), ...lines.slice(1).map((line) => indent + line.slice(CONTINUATION_INDENT.length))];
}

function insertAfterLine(line: { end: number; next: number }, lines: string[], eol: Eol): Insertion {
	// The last line of a note without a final newline: start a line, and still end without one.
	if (line.next === line.end) return { at: line.end, text: eol + lines.join(eol) };
	return { at: line.next, text: lines.join(eol) + eol };
}

function createSection(text: string, bodyStart: number, lines: string[], settings: Settings, eol: Eol, miss: LogMiss): Insertion {
	const heading = parseHeadingSetting(settings.logHeading).line;
	const block = [heading, "", ...lines].join(eol);
	// Text appended after a fence or comment left open would vanish into it: in that case the
	// section goes just before the line that opened it.
	const openedAt = miss.openedAt;
	if (!miss.endsClean && openedAt >= 0) {
		const blankBefore = openedAt === bodyStart || isBlankLineBefore(text, openedAt);
		return { at: openedAt, text: (blankBefore ? "" : eol) + block + eol + eol };
	}
	const atLineStart = text.length === bomLength(text) || text.endsWith("\n");
	let prefix = atLineStart ? "" : eol;
	if (text.length > bodyStart && !lastLineBlank(text)) prefix += eol;
	return { at: text.length, text: prefix + block + (atLineStart ? eol : "") };
}

/** Whether the line before the line starting at `lineStart` is blank. */
function isBlankLineBefore(text: string, lineStart: number): boolean {
	const prevStart = text.lastIndexOf("\n", lineStart - 2) + 1;
	let end = lineStart - 1;
	if (end > prevStart && text.charCodeAt(end - 1) === CR) end--;
	return isBlankRange(text, prevStart, end);
}

/** Whether the note's last line (the one a new section would follow) is blank. */
function lastLineBlank(text: string): boolean {
	const end = text.endsWith("\n") ? text.length - 1 : text.length;
	const start = text.lastIndexOf("\n", end - 1) + 1;
	const contentEnd = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
	return isBlankRange(text, start, contentEnd);
}
