/**
 * Interaction log entries: how one is written, and how dated entries (ours or hand-written) are
 * found under the log heading. Reading runs over every person note at indexing time, so it is
 * one forward pass over offsets with no backtracking regular expressions.
 */
import { dayFromYmd, formatDay, pad2, ymdFromDay, type Day } from "./dates";
import { bomLength, isBlankRange, isDigitCode, LineScanner, leavesParagraphOpen, lineHeadingMatches, listItemTextAt, openCommentAt, opensBlock, parseHeadingSetting, scanFrontmatter, type LogSection } from "./markdown-scan";
import type { Settings } from "./settings";

/** The separator between an entry's parts: an em dash, as in `- 2026-11-26 — call: …`. */
export const ENTRY_SEPARATOR = " — ";

/** Continuation lines of a multi-line note are indented under the list item's text. */
export const CONTINUATION_INDENT = "  ";

// ---------------------------------------------------------------------------------------------
// Daily note date format (tokens YYYY, MM, DD, `[literal]` and punctuation)

type FormatToken = "Y" | "M" | "D" | { literal: string };

const formatCache = new Map<string, FormatToken[] | null>();

/**
 * Compiles a daily-note format. Only YYYY, MM and DD are understood (plus bracketed literals and
 * non-letters); any other letter could be a moment/luxon token we would get wrong, so such a
 * format is reported as unsupported (null) and callers fall back to `YYYY-MM-DD`.
 */
export function compileDailyFormat(format: string): FormatToken[] | null {
	const cached = formatCache.get(format);
	if (cached !== undefined) return cached;
	const tokens: FormatToken[] = [];
	const seen = new Set<string>();
	let ok = true;
	let i = 0;
	const literal = (s: string) => {
		const last = tokens[tokens.length - 1];
		if (last !== undefined && typeof last === "object") last.literal += s;
		else tokens.push({ literal: s });
	};
	while (i < format.length && ok) {
		if (format.startsWith("YYYY", i)) {
			tokens.push("Y");
			seen.add("Y");
			i += 4;
		} else if (format.startsWith("MM", i)) {
			tokens.push("M");
			seen.add("M");
			i += 2;
		} else if (format.startsWith("DD", i)) {
			tokens.push("D");
			seen.add("D");
			i += 2;
		} else if (format[i] === "[") {
			const close = format.indexOf("]", i + 1);
			if (close < 0) ok = false;
			else {
				literal(format.slice(i + 1, close));
				i = close + 1;
			}
		} else if (/[A-Za-z]/.test(format[i])) {
			ok = false;
		} else {
			literal(format[i]);
			i++;
		}
	}
	const result = ok && seen.size === 3 ? tokens : null;
	formatCache.set(format, result);
	return result;
}

/** A day in the daily-note format (ISO when the format is unsupported). */
export function formatDailyDate(day: Day, format: string): string {
	const tokens = compileDailyFormat(format);
	if (!tokens) return formatDay(day);
	const { year, month, day: d } = ymdFromDay(day);
	let out = "";
	for (const t of tokens) {
		if (t === "Y") out += String(year).padStart(4, "0");
		else if (t === "M") out += pad2(month);
		else if (t === "D") out += pad2(d);
		else out += t.literal;
	}
	return out;
}

/** "No date here": NaN, because every integer, negative ones before 1970 included, is a real day. */
const NO_DAY: Day = Number.NaN;

function hasDay(day: Day): boolean {
	return !Number.isNaN(day);
}


/** The number written with `count` digits at `at`, or -1. */
function digitsAt(text: string, at: number, count: number, end: number): number {
	if (at + count > end) return -1;
	let n = 0;
	for (let i = at; i < at + count; i++) {
		const c = text.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		n = n * 10 + c;
	}
	return n;
}

/** Day number of a real calendar date, else NO_DAY. Inlined validity check: this runs per entry. */
function validDay(y: number, m: number, d: number): Day {
	if (m < 1 || m > 12 || d < 1) return NO_DAY;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	const max = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
	return d > max ? NO_DAY : dayFromYmd(y, m, d);
}

// Dates are matched without allocating: a match returns the day (or NO_DAY) and its length is fixed
// by the format, so callers know where it ends.

/** `YYYY-MM-DD` at `at` (10 characters), a real date, not followed by another digit; or NO_DAY. */
function isoDateAt(text: string, at: number, end: number): Day {
	if (at + 10 > end || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return NO_DAY;
	if (at + 10 < end && isDigitCode(text.charCodeAt(at + 10))) return NO_DAY;
	const y = digitsAt(text, at, 4, end);
	const m = digitsAt(text, at + 5, 2, end);
	const d = digitsAt(text, at + 8, 2, end);
	return y < 0 || m < 0 || d < 0 ? NO_DAY : validDay(y, m, d);
}

function formatLength(tokens: FormatToken[]): number {
	let n = 0;
	for (const t of tokens) n += t === "Y" ? 4 : typeof t === "object" ? t.literal.length : 2;
	return n;
}

/** A date in the daily-note format at `at` (`formatLength(tokens)` characters), or NO_DAY. */
function formattedDateAt(text: string, at: number, end: number, tokens: FormatToken[]): Day {
	let year = -1;
	let month = -1;
	let day = -1;
	let i = at;
	for (const t of tokens) {
		if (typeof t === "object") {
			if (i + t.literal.length > end || !text.startsWith(t.literal, i)) return NO_DAY;
			i += t.literal.length;
			continue;
		}
		const width = t === "Y" ? 4 : 2;
		const n = digitsAt(text, i, width, end);
		if (n < 0) return NO_DAY;
		// A format may repeat a token (`YYYY/YYYY-MM-DD`): every occurrence must agree.
		if (t === "Y") {
			if (year >= 0 && year !== n) return NO_DAY;
			year = n;
		} else if (t === "M") {
			if (month >= 0 && month !== n) return NO_DAY;
			month = n;
		} else {
			if (day >= 0 && day !== n) return NO_DAY;
			day = n;
		}
		i += width;
	}
	if (i < end && isDigitCode(text.charCodeAt(i))) return NO_DAY;
	return validDay(year, month, day);
}

/** A date filling [at, end) exactly: a link target such as `2026-11-20` or `Daily/2026-11-20`. */
function wholeDate(text: string, at: number, end: number, tokens: FormatToken[] | null): Day {
	if (end - at === 10) {
		const iso = isoDateAt(text, at, end);
		if (hasDay(iso)) return iso;
	}
	if (tokens && end - at === formatLength(tokens)) {
		const d = formattedDateAt(text, at, end, tokens);
		if (hasDay(d)) return d;
	}
	// A link may carry the daily notes folder: use the last path segment.
	const slash = text.lastIndexOf("/", end - 1);
	return slash >= at ? wholeDate(text, slash + 1, end, tokens) : NO_DAY;
}

// ---------------------------------------------------------------------------------------------
// Reading entries

/** The date at the start of an item's text (offset `i`), or NO_DAY. */
function itemDay(text: string, i: number, end: number, tokens: FormatToken[] | null): Day {
	if (i >= end) return NO_DAY;
	// A task checkbox before the date.
	if (text.charCodeAt(i) === 91 && i + 3 <= end && text.charCodeAt(i + 2) === 93) {
		const box = text.charCodeAt(i + 1);
		if (box === 32 || box === 120 || box === 88) {
			i += 3;
			while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
		}
	}
	if (text.charCodeAt(i) === 91 && text.charCodeAt(i + 1) === 91) {
		const targetStart = i + 2;
		for (let k = targetStart; k < end; k++) {
			const c = text.charCodeAt(k);
			if (c === 124 || c === 35 || (c === 93 && text.charCodeAt(k + 1) === 93)) return wholeDate(text, targetStart, k, tokens);
		}
		return NO_DAY;
	}
	const iso = isoDateAt(text, i, end);
	if (hasDay(iso) || !tokens) return iso;
	return formattedDateAt(text, i, end, tokens);
}

/**
 * The date of a log entry line [start, end): `- 2026-11-20 …`, `* 2026-11-20`, `- 2026-11-20: …`,
 * `- [[2026-11-20]] …`, `- [[2026-11-20|Nov 20]]`, `- [ ] 2026-11-20 …`, or the daily-note format.
 * Impossible dates (2026-02-30) are not dates. Null when the line is not a dated entry.
 */
export function entryDayAt(text: string, start: number, end: number, dailyNoteFormat: string): Day | null {
	const i = listItemTextAt(text, start, end);
	if (i < 0) return null;
	const d = itemDay(text, i, end, compileDailyFormat(dailyNoteFormat));
	return hasDay(d) ? d : null;
}

/** One entry line, for tests and simple callers. */
export function parseEntryDay(line: string, dailyNoteFormat = "YYYY-MM-DD"): Day | null {
	return entryDayAt(line, 0, line.length, dailyNoteFormat);
}

export interface LogItem {
	/** Start of the item's first line. */
	start: number;
	/** End of the content of its last non-blank line. */
	end: number;
	/** Start of the line after its last non-blank line. */
	next: number;
	day: Day | null;
	/** No code fence or comment is left open after the item. */
	safeAfter: boolean;
}

export interface LogScan {
	section: LogSection;
	/**
	 * Visible list items at column 0 in the section (sub-headings included), in order, each with
	 * its indented lines and its lazy continuation lines (see `scanLog`).
	 */
	items: LogItem[];
	/** The last non-blank line of the section (the heading when there is none) after which nothing is left open. */
	lastSafe: { end: number; next: number };
	/**
	 * Starts of the setext headings in the section and of the one ending it: a list item written
	 * right above one would take its paragraph as a lazy continuation line and undo the heading.
	 */
	setextStarts: number[];
}

/** When the log heading is missing: whether the note ends inside a fence or comment, and where it opened. */
export interface LogMiss {
	endsClean: boolean;
	/** Start of the line that opened the fence or comment still open at the end (-1 when clean). */
	openedAt: number;
}

/**
 * One pass from `from`: finds the log section (first matching heading at any level, outside
 * code and comments) and the list items in it with their dates. When there is no section and
 * `miss` is given, it is filled in for a writer that has to create one.
 *
 * An item runs over its indented lines and over lazy continuation lines: text at column 0 right
 * after a line of the item's open paragraph (no blank line between) that starts no block of its
 * own, so that markdown renders it as part of the item (`- 2026-01-01 — call` then `more about
 * it`). A list marker, a heading, a fence, a comment, a thematic break, a blockquote or an HTML
 * block start ends the item instead, and so does any text after a blank line (a paragraph of the
 * document, which an underline may make a setext heading: the section then ends where that
 * paragraph starts).
 */
export function scanLog(text: string, from: number, settings: Pick<Settings, "logHeading" | "dailyNoteFormat">, miss?: LogMiss): LogScan | null {
	const spec = parseHeadingSetting(settings.logHeading);
	const tokens = compileDailyFormat(settings.dailyNoteFormat);
	const scanner = new LineScanner(text, from);
	const line = scanner.line;
	let scan: LogScan | null = null;
	let openedAt = -1;
	while (scanner.next()) {
		if (line.heading !== 0 && lineHeadingMatches(text, line, spec.key)) {
			scan = {
				section: { headingStart: line.headingStart, headingEnd: line.end, contentStart: line.next, end: text.length, level: line.heading },
				items: [],
				lastSafe: { end: line.end, next: line.next },
				setextStarts: [],
			};
			break;
		}
		if (line.cleanStart) openedAt = scanner.clean ? -1 : line.start;
	}
	if (!scan) {
		if (miss) {
			miss.endsClean = scanner.clean;
			miss.openedAt = scanner.clean ? -1 : openedAt;
		}
		return null;
	}
	const { section, items } = scan;
	let item: LogItem | null = null;
	// A fence or comment opened inside an item keeps the lines up to its end in that item.
	let blockInItem = false;
	// The item's last line left a paragraph open, so column-0 text can continue it lazily.
	let paragraphOpen = false;
	let lastSafeEnd = line.end;
	let lastSafeNext = line.next;
	// The last safe line before the current top-level paragraph, which an underline may yet make a heading.
	let beforeParagraphEnd = lastSafeEnd;
	let beforeParagraphNext = lastSafeNext;
	while (scanner.next()) {
		const { start, end } = line;
		if (line.setextTextEnd >= 0) scan.setextStarts.push(line.headingStart);
		if (line.heading !== 0 && line.heading <= section.level) {
			section.end = line.headingStart;
			if (line.setextTextEnd >= 0) {
				// The paragraph above the underline is the next heading's text, not the log's.
				lastSafeEnd = beforeParagraphEnd;
				lastSafeNext = beforeParagraphNext;
			}
			break;
		}
		const c0 = start < end ? text.charCodeAt(start) : 10;
		const indented = c0 === 32 || c0 === 9;
		const blank = start === end || (indented && isBlankRange(text, start, end));
		if (line.paragraphStart >= 0) {
			// A paragraph at the document's level belongs to no item.
			if (line.paragraphStart === start) {
				beforeParagraphEnd = lastSafeEnd;
				beforeParagraphNext = lastSafeNext;
			}
			item = null;
			blockInItem = false;
			paragraphOpen = false;
		} else if (item && blockInItem && !line.cleanStart) {
			// Inside a fence or comment of the item: an inline comment keeps the paragraph as it was,
			// and a block one was opened by a line that already closed it.
			extend(item, end, line.next, scanner.clean);
			blockInItem = !scanner.clean;
		} else if (!line.hidden && line.heading === 0 && !indented && !blank) {
			// Text at column 0 starts an item, continues the current one's open paragraph, or ends it.
			const block = opensBlock(text, start, end);
			const at = block ? -1 : listItemTextAt(text, start, end);
			if (item && paragraphOpen && !block && at < 0) {
				extend(item, end, line.next, scanner.clean);
				blockInItem = !scanner.clean;
			} else {
				item = at < 0 ? null : newItem(text, start, at, end, tokens, line.next, scanner.clean);
				if (item) items.push(item);
				blockInItem = item !== null && !scanner.clean;
				paragraphOpen = item !== null && at < end && leavesParagraphOpen(text, at, end);
			}
		} else if (blank) {
			// A blank line neither ends an item nor belongs to it unless indented text follows.
			paragraphOpen = false;
		} else if (item && indented) {
			extend(item, end, line.next, scanner.clean);
			blockInItem = !scanner.clean;
			let first = start;
			while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
			paragraphOpen = !line.hidden && line.heading === 0 && leavesParagraphOpen(text, first, end);
		} else {
			item = null;
			blockInItem = false;
			paragraphOpen = false;
		}
		if (!blank && scanner.clean) {
			lastSafeEnd = end;
			lastSafeNext = line.next;
		}
	}
	scan.lastSafe = { end: lastSafeEnd, next: lastSafeNext };
	return scan;
}

function newItem(text: string, start: number, at: number, end: number, tokens: FormatToken[] | null, next: number, clean: boolean): LogItem {
	const d = itemDay(text, at, end, tokens);
	return { start, end, next, day: hasDay(d) ? d : null, safeAfter: clean };
}

function extend(item: LogItem, end: number, next: number, clean: boolean): void {
	item.end = end;
	item.next = next;
	item.safeAfter = clean;
}

/**
 * The newest dated entry under the log heading, or null. Hand-written entries count; entries in
 * code fences or comments and impossible dates do not.
 */
export function latestLogDay(text: string, settings: Settings): Day | null {
	const fm = scanFrontmatter(text);
	const from = fm.kind === "block" ? fm.bodyStart : bomLength(text);
	const scan = scanLog(text, from, settings);
	if (!scan) return null;
	let latest: Day | null = null;
	for (const item of scan.items) {
		if (item.day !== null && (latest === null || item.day > latest)) latest = item.day;
	}
	return latest;
}

// ---------------------------------------------------------------------------------------------
// Writing entries

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
