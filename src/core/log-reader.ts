/**
 * Reading the interaction log: how dated entries (ours or hand-written) are found under the log
 * heading. Reading runs over every person note at indexing time, so it is one forward pass over
 * offsets with no backtracking regular expressions.
 */
import { leavesParagraphOpen, listItemTextAt, opensBlock } from "./block-starts";
import { CLOSE_BRACKET, HASH, LF, LOWER_X, OPEN_BRACKET, PIPE, SPACE, TAB, UPPER_X } from "./char-codes";
import { compileDailyFormat, formattedDateAt, hasDay, isoDateAt, NO_DAY, wholeDate, type FormatToken } from "./daily-format";
import type { Day } from "./dates";
import { scanFrontmatter } from "./frontmatter-bounds";
import { lineHeadingMatches, parseHeadingSetting } from "./headings";
import { LineScanner } from "./line-scanner";
import type { LogSection } from "./log-section";
import type { Settings } from "./settings";
import { bomLength, isBlankRange } from "./text-lines";

/** The date at the start of an item's text (offset `i`), or NO_DAY. */
function itemDay(text: string, i: number, end: number, tokens: FormatToken[] | null): Day {
	if (i >= end) return NO_DAY;
	// A task checkbox before the date.
	if (text.charCodeAt(i) === OPEN_BRACKET && i + 3 <= end && text.charCodeAt(i + 2) === CLOSE_BRACKET) {
		const box = text.charCodeAt(i + 1);
		if (box === SPACE || box === LOWER_X || box === UPPER_X) {
			i += 3;
			while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
		}
	}
	if (text.charCodeAt(i) === OPEN_BRACKET && text.charCodeAt(i + 1) === OPEN_BRACKET) {
		const targetStart = i + 2;
		for (let k = targetStart; k < end; k++) {
			const c = text.charCodeAt(k);
			if (c === PIPE || c === HASH || (c === CLOSE_BRACKET && text.charCodeAt(k + 1) === CLOSE_BRACKET))
				return wholeDate(text, targetStart, k, tokens);
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
export function scanLog(
	text: string,
	from: number,
	settings: Pick<Settings, "logHeading" | "dailyNoteFormat">,
	miss?: LogMiss,
): LogScan | null {
	const spec = parseHeadingSetting(settings.logHeading);
	const tokens = compileDailyFormat(settings.dailyNoteFormat);
	const scanner = new LineScanner(text, from);
	const line = scanner.line;
	let scan: LogScan | null = null;
	let openedAt = -1;
	while (scanner.next()) {
		if (line.heading !== 0 && lineHeadingMatches(text, line, spec.key)) {
			scan = {
				section: {
					headingStart: line.headingStart,
					headingEnd: line.end,
					contentStart: line.next,
					end: text.length,
					level: line.heading,
				},
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
		const c0 = start < end ? text.charCodeAt(start) : LF;
		const indented = c0 === SPACE || c0 === TAB;
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
			while (first < end && (text.charCodeAt(first) === SPACE || text.charCodeAt(first) === TAB)) first++;
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

function newItem(
	text: string,
	start: number,
	at: number,
	end: number,
	tokens: FormatToken[] | null,
	next: number,
	clean: boolean,
): LogItem {
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
