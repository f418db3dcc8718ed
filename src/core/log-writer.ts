/**
 * The one writer behind "Log interaction", the sidebar buttons, the API and the CLI: note text
 * in, note text out (or an error and no text). Only the inserted entry lines and the changed
 * frontmatter lines differ from the input; every other byte, line endings and BOM included,
 * is carried over untouched.
 */
import { CR } from "./char-codes";
import { compileDailyFormat } from "./daily-format";
import { formatDay, ymdFromDay, type Day } from "./dates";
import { EntryDateReader, formatStyledDate, NO_DATE, type DateStyle } from "./entry-date";
import { FrontmatterDoc, type YamlParse } from "./frontmatter-edit";
import { parseHeadingSetting } from "./headings";
import {
	closeComments,
	CONTINUATION_INDENT,
	entryParts,
	formatEntryDate,
	formatLogEntry,
	formatUndatedEntry,
	oneLine,
	type EntryText,
} from "./log-entry-format";
import { placeEntry, type Place } from "./log-order";
import { scanLogs, type LineEnd, type LogEntry, type LogMiss, type LogScan, type LogTable } from "./log-reader";
import { formatRow, headerCells, isDateTable, rowCellsFor } from "./log-table";
import type { Settings } from "./settings";
import { bomLength, detectEol, isBlankRange, lineBounds, type Eol } from "./text-lines";

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

	const written: EntryText = {
		day: entry.day,
		type: typeof entry.type === "string" ? entry.type : "",
		note: typeof entry.note === "string" ? entry.note : "",
		returned,
		received,
	};
	const insertion = planInsertion(text, doc.bodyStart, written, settings, detectEol(text));
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

/** Sets a top-level key to a text surgically (triage sets `cadence`); the rest of the note is untouched. */
export function setFrontmatterText(text: string, configuredKey: string, value: string, parseYaml: YamlParse): WriteResult {
	const opened = FrontmatterDoc.open(text, parseYaml);
	if (!opened.ok) return opened;
	const error = opened.doc.setText(configuredKey, value);
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
 * Where the entry goes and in what form. The log's own order places it (`log-order.ts`); the
 * entry next to that place decides the form, so the log keeps its shape:
 * - beside a list item: a list item of that list (its marker, `- 2026-11-26 — call: …`);
 * - beside a date sub-heading (`### 2026-11-20`): a new sub-heading of the same level and date
 *   style with the entry as an item under it, since an item placed between two sub-headings would
 *   sit inside the upper one, another day's; into the sub-heading of its own day when there is
 *   one. Under a sub-heading, the item leaves out the date the heading gives (`- call: …`) unless
 *   the items there carry their own dates;
 * - beside a table row: a row of that table, in its columns (`log-table.ts`).
 * A log with no dated entry takes a list item after its last item (or line); an empty table
 * headed `Date` takes a row. Nothing is ever written inside a code fence or a comment; a missing
 * section is created at the end of the note. Among several sections under the log heading, the
 * one naming the entry's year (`## Interactions (2026)`) takes it, else the nearest year's, else
 * the first.
 */
function planInsertion(text: string, bodyStart: number, entry: EntryText, settings: Settings, eol: Eol): Insertion {
	const miss: LogMiss = { endsClean: true, openedAt: -1 };
	const scans = scanLogs(text, bodyStart, settings, miss);
	if (scans.length === 0) return createSection(text, bodyStart, formatLogEntry(entry, settings), settings, eol, miss);
	const scan = sectionFor(scans, entry.day);
	return keepSetext(scan, placed(text, scan, entry, settings, eol), eol);
}

/** The insertion in the section, by the neighbour `log-order.ts` chose. */
function placed(text: string, scan: LogScan, entry: EntryText, settings: Settings, eol: Eol): Insertion {
	const place = placeEntry(scan.entries, entry.day, settings.logOrder);
	const at = place.at;
	if (at === null) return anywhere(text, scan, entry, settings, eol);
	if (at.kind === "row" && at.table) return rowBeside(text, scan, place, at.table, entry, settings, eol);
	if (at.kind === "heading" && place.side === "into") return underHeading(text, scan, at, entry, settings, eol);
	if (at.kind === "heading") return newHeading(text, scan, place, entry, settings, eol);
	return itemBeside(text, scan, place, formatLogEntry(entry, settings), eol);
}

/** The section that takes an entry: the one naming its year, else the nearest year's (the later on a tie), else the first. */
function sectionFor(scans: LogScan[], day: Day): LogScan {
	const year = ymdFromDay(day).year;
	let best: LogScan | null = null;
	let bestDistance = Infinity;
	for (const scan of scans) {
		if (scan.year === null) continue;
		const distance = Math.abs(scan.year - year);
		if (distance < bestDistance || (distance === bestDistance && scan.year > year)) {
			best = scan;
			bestDistance = distance;
		}
	}
	return best ?? scans[0];
}

/** As a list item right above the entry that follows it, or after the entry that precedes it (and the undated items that go with it). */
function itemBeside(text: string, scan: LogScan, place: Place, lines: string[], eol: Eol): Insertion {
	const at = place.at as LogEntry;
	const items = scan.items;
	if (place.side === "before") {
		// The entry goes right above `at`, so it joins at's list: numbered after the item above
		// only when that one is in the same list.
		const k = items.indexOf(at);
		const above = k > 0 ? items[k - 1] : null;
		const entry = above && sameList(text, above, at) ? inListOf(text, above, "after", lines) : inListOf(text, at, "before", lines);
		return { at: at.start, text: entry.join(eol) + eol };
	}
	return afterItem(text, scan, lastOfRun(items, at), lines, eol);
}

/**
 * The last item of `from`'s run: the undated items after it in the same group (no sub-heading
 * between) belong with it, as they did before the log was ordered this way.
 */
function lastOfRun(items: LogEntry[], from: LogEntry): LogEntry {
	let last = from;
	for (let k = items.indexOf(from) + 1; k < items.length; k++) {
		const item = items[k];
		if (item.day !== null || item.inDate || item.group !== from.group) break;
		last = item;
	}
	return last;
}

/** After `item` in its list, or, when a fence or comment is left open in it, after the section's last safe line. */
function afterItem(text: string, scan: LogScan, item: LogEntry | null, lines: string[], eol: Eol): Insertion {
	const after = item !== null && item.safeAfter;
	return insertAfterLine(after ? item : scan.lastSafe, after ? inListOf(text, item, "after", lines) : lines, eol);
}

/**
 * Right above a setext heading's paragraph, an entry would take that paragraph as a lazy
 * continuation line and its underline would become a thematic break: a blank line keeps the heading.
 */
function keepSetext(scan: LogScan, insertion: Insertion, eol: Eol): Insertion {
	if (scan.setextStarts.includes(insertion.at) && !insertion.text.endsWith(eol + eol)) insertion.text += eol;
	return insertion;
}

/** A log without a dated entry: a row of an empty table headed `Date`, else after the last item or line. */
function anywhere(text: string, scan: LogScan, entry: EntryText, settings: Settings, eol: Eol): Insertion {
	const table = scan.tables.find((t) => isDateTable(text, t));
	if (table) {
		const cells = rowCellsFor(headerCells(text, table), formatEntryDate(entry.day, settings), entryParts(entry));
		return insertAfterLine(table.last, closeComments([formatRow(text, table.headerStart, cells)]), eol);
	}
	const items = scan.items;
	return afterItem(text, scan, items.length > 0 ? items[items.length - 1] : null, formatLogEntry(entry, settings), eol);
}

/** A row of `table` right above or below the row at `place`, its date written as that row's is. */
function rowBeside(text: string, scan: LogScan, place: Place, table: LogTable, entry: EntryText, settings: Settings, eol: Eol): Insertion {
	const at = place.at as LogEntry;
	const date = formatStyledDate(entry.day, dateStyle(text, at, settings), settings.dailyNoteFormat);
	const row = closeComments([formatRow(text, at.start, rowCellsFor(headerCells(text, table), date, entryParts(entry)))]);
	if (place.side === "before") return { at: at.start, text: row[0] + eol };
	return insertAfterLine(at.safeAfter ? at : scan.lastSafe, row, eol);
}

/** How the entry `at` wrote its date. */
function dateStyle(text: string, at: LogEntry, settings: Settings): DateStyle {
	const reader = new EntryDateReader(compileDailyFormat(settings.dailyNoteFormat));
	reader.read(text, at.textStart, at.textEnd);
	return reader.style(text);
}

/** The items inside a date sub-heading's part. */
function itemsUnder(scan: LogScan, heading: LogEntry): LogEntry[] {
	const end = heading.partLast?.next ?? heading.next;
	return scan.items.filter((item) => item.inDate && item.start > heading.start && item.start < end);
}

/**
 * The entry as an item under a date sub-heading: dated like the items already there (undated
 * when there are none); dated anyway when it has nothing to say but its date, or when its text
 * would read as another date.
 */
function headingItemLines(items: LogEntry[], entry: EntryText, settings: Settings): string[] {
	const dated = items.length > 0 && !items[items.length - 1].inherited;
	const undated = dated ? null : formatUndatedEntry(entry);
	if (undated === null) return formatLogEntry(entry, settings);
	const reader = new EntryDateReader(compileDailyFormat(settings.dailyNoteFormat));
	return reader.read(undated[0], 2, undated[0].length) === NO_DATE ? undated : formatLogEntry(entry, settings);
}

/** Into the sub-heading of the entry's own day: after its last item, else after its last line. */
function underHeading(text: string, scan: LogScan, heading: LogEntry, entry: EntryText, settings: Settings, eol: Eol): Insertion {
	const items = itemsUnder(scan, heading);
	const lines = headingItemLines(items, entry, settings);
	const last = items.length > 0 ? items[items.length - 1] : null;
	if (last && last.safeAfter) return insertAfterLine(last, inListOf(text, last, "after", lines), eol);
	return insertAfterLine(heading.partLast ?? heading, lines, eol);
}

/**
 * A new date sub-heading like the one at `place.at` (level, date style, a blank line before it
 * and after its heading line when that one has them), with the entry under it; a bare contact is
 * the heading alone.
 */
function newHeading(text: string, scan: LogScan, place: Place, entry: EntryText, settings: Settings, eol: Eol): Insertion {
	const like = place.at as LogEntry;
	const date = formatStyledDate(entry.day, dateStyle(text, like, settings), settings.dailyNoteFormat);
	const items = itemsUnder(scan, like);
	const undated = items.length === 0 || items[0].inherited;
	const body = undated && formatUndatedEntry(entry) === null ? [] : headingItemLines(items.slice(0, 1), entry, settings);
	const gap = body.length > 0 && like.next < text.length && isBlankLine(text, like.next) ? [""] : [];
	const block = [`${"#".repeat(like.level)} ${date}`, ...gap, ...body];
	const spaced = like.start > scan.section.contentStart && isBlankLineBefore(text, like.start);
	if (place.side === "before") return { at: like.start, text: block.join(eol) + eol + (spaced ? eol : "") };
	return insertAfterLine(like.partLast ?? like, spaced ? ["", ...block] : block, eol);
}

/** Whether the line starting at `start` is blank. */
function isBlankLine(text: string, start: number): boolean {
	return isBlankRange(text, start, lineBounds(text, start).end);
}

/** `-`, `*`, `+`, or the delimiter of a numbered item (`.`, `)`): what decides whether two items share a list. */
function listMarker(text: string, item: LogEntry): string {
	const numbered = /^\d{1,9}([.)])/.exec(text.slice(item.start, item.start + 11));
	return numbered ? `1${numbered[1]}` : text[item.start];
}

/** Consecutive items of one list: the same kind of marker and nothing but blank lines between them. */
function sameList(text: string, above: LogEntry, below: LogEntry): boolean {
	return listMarker(text, above) === listMarker(text, below) && isBlankRange(text, above.next, below.start);
}

/**
 * The entry written as an item of its neighbour's list: markdown starts a new list when the
 * bullet character or the list type changes, so a `- ` entry among `* ` entries would split the
 * log into two lists, and one among `1.` items would break the numbering. A numbered entry takes
 * the number after its neighbour's (the same number when it goes first; markdown renumbers the
 * rest), and its further lines are indented to its text so they stay inside it.
 */
function inListOf(text: string, item: LogEntry, place: "before" | "after", lines: string[]): string[] {
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

function insertAfterLine(line: LineEnd, lines: string[], eol: Eol): Insertion {
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
