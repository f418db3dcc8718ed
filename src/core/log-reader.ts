/**
 * Reading the interaction log: how dated entries (ours or hand-written) are found under the log
 * heading. Reading runs over every person note at indexing time, so it is one forward pass over
 * offsets with no backtracking regular expressions, linear in the note's length.
 *
 * An entry is one of:
 * - a list item at column 0 whose text starts with a date (`entry-date.ts` lists the forms);
 * - a sub-heading deeper than the log heading whose text starts with a date (`### 2026-11-20`):
 *   it dates what is under it, so an undated list item there counts as that day too;
 * - a table row whose first cell starts with a date (not the header or delimiter row).
 * A date-shaped start that is no date (`- 2026-11-31 …`, `- 02/11/2026 …`) is a problem, reported.
 * Every section under a heading that matches the setting is read (`## Interactions (2025)` and
 * `## Interactions (2026)` both), each ending at the next heading of its level or a higher one.
 */
import { leavesParagraphOpen, listItemTextAt, opensBlock } from "./block-starts";
import { BACKSLASH, HASH, LF, PIPE, SPACE, TAB } from "./char-codes";
import { compileDailyFormat } from "./daily-format";
import type { Day } from "./dates";
import { EntryDateReader, NO_DATE, READ } from "./entry-date";
import { scanFrontmatter } from "./frontmatter-bounds";
import { headingTextAt, headingYear, lineHeadingMatches, parseHeadingSetting } from "./headings";
import { LineScanner, TABLE_DELIMITER, TABLE_ROW, type ScanLine } from "./line-scanner";
import type { LogSection } from "./log-section";
import type { Settings } from "./settings";
import { bomLength, isBlankRange } from "./text-lines";

export type LogSettings = Pick<Settings, "logHeading" | "dailyNoteFormat">;

/** A line and where the line after it starts: what an entry is inserted after. */
export interface LineEnd {
	end: number;
	next: number;
}

export type EntryKind = "item" | "heading" | "row";

/** A table in the log section: where its header and delimiter rows are, and its last line so far. */
export interface LogTable {
	headerStart: number;
	delimiterStart: number;
	last: LineEnd;
}

export interface LogEntry {
	kind: EntryKind;
	/** Start of the entry's first line (a setext heading's paragraph). */
	start: number;
	/** End of the content of its last line (for an item, its last non-blank line). */
	end: number;
	/** Start of the line after that. */
	next: number;
	/** Its date: written on it, or, for an undated item or row under a date sub-heading, the sub-heading's. */
	day: Day | null;
	/** The date is the sub-heading's, not written on the entry. */
	inherited: boolean;
	/** No code fence or comment is left open after the entry. */
	safeAfter: boolean;
	/** Under a date sub-heading (the sub-heading's own entries): never a place for another day's entry. */
	inDate: boolean;
	/** Start of the innermost sub-heading without a date above it (a year, a topic), -1 when none. */
	group: number;
	/** Where reading its date started, and the end of that text (the line, or a table cell). */
	textStart: number;
	textEnd: number;
	/** A sub-heading's level (0 for other entries). */
	level: number;
	/** A date sub-heading's part of the note: its last line after which nothing is left open. */
	partLast: LineEnd | null;
	/** A row's table. */
	table: LogTable | null;
}

export interface LogScan {
	section: LogSection;
	/** The year the log heading names (`## Interactions (2026)`), else null. */
	year: number | null;
	/** Every entry in order (undated list items and rows included; sub-headings only with a date). */
	entries: LogEntry[];
	/**
	 * Visible list items at column 0 in the section (sub-headings included), in order, each with
	 * its indented lines and its lazy continuation lines (see `scanLogs`).
	 */
	items: LogEntry[];
	tables: LogTable[];
	/** The last non-blank line of the section (the heading when there is none) after which nothing is left open. */
	lastSafe: LineEnd;
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

/** An open sub-heading of the section, for what is under it. */
interface OpenHeading {
	level: number;
	start: number;
	/** Its date, when it is a date sub-heading. */
	day: Day | null;
	/** Its entry (a date sub-heading's, when entries are kept). */
	entry: LogEntry | null;
}

/**
 * One pass over the note from `from`, with one `LineScanner`: finds each section under a heading
 * matching the setting (any level, outside code and comments) and the entries in it. A reader
 * that only wants the dates (`days` given) keeps no entry objects: it runs over every person
 * note, and a 1 MB log has tens of thousands of entries.
 */
class LogReader {
	private readonly scanner: LineScanner;
	private readonly line: ScanLine;
	private readonly key: string;
	private readonly dates: EntryDateReader;
	/** The scanner stands on a heading that ended a section: look at it before moving on. */
	private resume = false;
	/** Start of the line that opened the fence or comment still open, while looking for a heading. */
	private openedAt = -1;
	/** The problems already reported: each message once, however many lines share it. */
	private readonly reported = new Set<string>();

	// The section being read.
	private scan: LogScan | null = null;
	/** An item is open: its indented and lazy lines are its own. */
	private inItem = false;
	/** The open item's entry (when entries are kept). */
	private item: LogEntry | null = null;
	/** A fence or comment opened inside an item keeps the lines up to its end in that item. */
	private blockInItem = false;
	/** The item's last line left a paragraph open, so column-0 text can continue it lazily. */
	private paragraphOpen = false;
	/** The last non-blank line after which nothing is left open (numbers: this runs per line). */
	private lastEnd = 0;
	private lastNext = 0;
	/** The same before the current top-level paragraph, which an underline may yet make a heading. */
	private beforeEnd = 0;
	private beforeNext = 0;
	private headings: OpenHeading[] = [];
	/** The innermost open date sub-heading's day, and the innermost open other sub-heading's start. */
	private dateDay: Day | null = null;
	private group = -1;
	private table: LogTable | null = null;
	private inTable = false;
	private previousStart = 0;

	constructor(
		private readonly text: string,
		from: number,
		settings: LogSettings,
		/** Where problem messages go; null when nobody reads them. */
		private readonly problems: string[] | null,
		/** Where the dates go when no entries are kept; null to keep entries. */
		private readonly days: Day[] | null,
	) {
		this.scanner = new LineScanner(text, from);
		this.line = this.scanner.line;
		this.key = parseHeadingSetting(settings.logHeading).key;
		this.dates = new EntryDateReader(compileDailyFormat(settings.dailyNoteFormat));
	}

	/** Every log section, in order; `miss` learns how the note ends when there is none. */
	readAll(miss?: LogMiss): LogScan[] {
		const scans: LogScan[] = [];
		while (this.findHeading()) scans.push(this.readSection());
		if (scans.length === 0 && miss) {
			miss.endsClean = this.scanner.clean;
			miss.openedAt = this.scanner.clean ? -1 : this.openedAt;
		}
		return scans;
	}

	/**
	 * Moves to the next heading that matches the setting; false at the end of the note. A heading
	 * whose line opens a comment left open (`## Interactions <!--`) heads nothing anyone can see:
	 * entries under it would be hidden, so it is not the log's.
	 */
	private findHeading(): boolean {
		const { line, scanner } = this;
		if (this.resume) {
			this.resume = false;
			if (scanner.clean && lineHeadingMatches(this.text, line, this.key)) return true;
		}
		while (scanner.next()) {
			if (line.heading !== 0 && scanner.clean && lineHeadingMatches(this.text, line, this.key)) return true;
			if (line.cleanStart) this.openedAt = scanner.clean ? -1 : line.start;
		}
		return false;
	}

	/** Reads the section whose heading the scanner stands on, up to the next heading of its level or a higher one. */
	private readSection(): LogScan {
		const { text, line, scanner } = this;
		const section: LogSection = {
			headingStart: line.headingStart,
			headingEnd: line.end,
			contentStart: line.next,
			end: text.length,
			level: line.heading,
		};
		const headingText =
			line.setextTextEnd >= 0 ? text.slice(line.headingStart, line.setextTextEnd) : headingTextAt(text, line.start, line.end);
		const scan: LogScan = {
			section,
			year: headingYear(headingText),
			entries: [],
			items: [],
			tables: [],
			lastSafe: { end: line.end, next: line.next },
			setextStarts: [],
		};
		this.startSection(scan);
		while (scanner.next()) {
			if (line.setextTextEnd >= 0) scan.setextStarts.push(line.headingStart);
			if (line.heading !== 0 && line.heading <= section.level) {
				section.end = line.headingStart;
				if (line.setextTextEnd >= 0) {
					// The paragraph above the underline is the next heading's text, not the log's.
					this.lastEnd = this.beforeEnd;
					this.lastNext = this.beforeNext;
				}
				this.resume = true;
				break;
			}
			this.readLine();
			if (line.start < line.end && scanner.clean && !isBlankRange(text, line.start, line.end)) {
				this.lastEnd = line.end;
				this.lastNext = line.next;
			}
			this.previousStart = line.start;
		}
		this.closeHeadings(0, false);
		scan.lastSafe = { end: this.lastEnd, next: this.lastNext };
		return scan;
	}

	private startSection(scan: LogScan): void {
		this.scan = scan;
		this.endItem();
		this.lastEnd = this.beforeEnd = scan.lastSafe.end;
		this.lastNext = this.beforeNext = scan.lastSafe.next;
		this.headings = [];
		this.dateDay = null;
		this.group = -1;
		this.table = null;
		this.inTable = false;
	}

	/** One line inside the section. */
	private readLine(): void {
		const { text, line } = this;
		const { start, end } = line;
		const c0 = start < end ? text.charCodeAt(start) : LF;
		const indented = c0 === SPACE || c0 === TAB;
		const blank = start === end || (indented && isBlankRange(text, start, end));
		if (line.heading !== 0 && !(this.inItem && indented && line.setextTextEnd < 0)) {
			// (An indented ATX heading right under an item is the item's.)
			this.subHeading();
		} else if (line.table !== 0) {
			this.tableLine();
		} else if (line.paragraphStart >= 0) {
			// A paragraph at the document's level belongs to no item.
			if (line.paragraphStart === start) {
				this.beforeEnd = this.lastEnd;
				this.beforeNext = this.lastNext;
			}
			this.endItem();
		} else if (this.inItem && this.blockInItem && !line.cleanStart) {
			// Inside a fence or comment of the item: an inline comment keeps the paragraph as it was,
			// and a block one was opened by a line that already closed it.
			this.extendItem();
		} else if (!line.hidden && line.heading === 0 && !indented && !blank) {
			this.columnZero();
		} else if (blank) {
			// A blank line neither ends an item nor belongs to it unless indented text follows.
			this.paragraphOpen = false;
		} else if (this.inItem && indented) {
			this.extendItem();
			this.paragraphOpen = !line.hidden && line.heading === 0 && leavesParagraphOpen(text, skipSpaces(text, start, end), end);
		} else {
			this.endItem();
		}
	}

	/**
	 * Text at column 0 starts an item, continues the current one's open paragraph (a lazy
	 * continuation line: markdown renders `- 2026-01-01 — call` then `more about it` as one item),
	 * or ends it: a list marker, a thematic break, a blockquote or an HTML block starts a block.
	 */
	private columnZero(): void {
		const { text, line } = this;
		const { start, end } = line;
		const block = opensBlock(text, start, end);
		const at = block ? -1 : listItemTextAt(text, start, end);
		if (this.inItem && this.paragraphOpen && !block && at < 0) {
			this.extendItem();
			return;
		}
		this.endItem();
		if (at < 0) return;
		this.inItem = true;
		this.item = this.entry("item", start, at, end);
		if (this.item) this.scan?.items.push(this.item);
		this.blockInItem = !this.scanner.clean;
		this.paragraphOpen = at < end && leavesParagraphOpen(text, at, end);
	}

	private extendItem(): void {
		const { line, item } = this;
		this.blockInItem = !this.scanner.clean;
		if (!item) return;
		item.end = line.end;
		item.next = line.next;
		item.safeAfter = this.scanner.clean;
	}

	private endItem(): void {
		this.inItem = false;
		this.item = null;
		this.blockInItem = false;
		this.paragraphOpen = false;
	}

	/**
	 * A sub-heading: it ends the parts of the sub-headings at its level or deeper, and starts its
	 * own, which is a date's when its text starts with a date.
	 */
	private subHeading(): void {
		const { text, line } = this;
		this.endItem();
		this.table = null;
		const level = line.heading;
		this.closeHeadings(level, line.setextTextEnd >= 0);
		const setext = line.setextTextEnd >= 0;
		const textStart = setext ? skipSpaces(text, line.headingStart, line.setextTextEnd) : atxTextStart(text, line.start, line.end);
		const textEnd = setext ? line.setextTextEnd : line.end;
		const day = this.readDate(textStart, textEnd);
		let entry: LogEntry | null = null;
		if (day !== null) {
			entry = this.record("heading", line.headingStart, textStart, textEnd, day, false);
			if (entry) {
				entry.level = level;
				entry.partLast = { end: line.end, next: line.next };
			}
		}
		this.headings.push({ level, start: line.headingStart, day, entry });
		this.updateContext();
	}

	/**
	 * Closes the open sub-headings at `level` or deeper (all for 0): their parts end with the last
	 * safe line before the current one (before its paragraph when it underlines one).
	 */
	private closeHeadings(level: number, setext: boolean): void {
		const open = this.headings;
		while (open.length > 0 && open[open.length - 1].level >= level) {
			const closed = open.pop();
			if (closed?.entry)
				closed.entry.partLast = setext
					? { end: this.beforeEnd, next: this.beforeNext }
					: { end: this.lastEnd, next: this.lastNext };
		}
		this.updateContext();
	}

	private updateContext(): void {
		this.dateDay = null;
		this.group = -1;
		for (let k = this.headings.length - 1; k >= 0; k--) {
			const h = this.headings[k];
			if (h.day !== null && this.dateDay === null) this.dateDay = h.day;
			if (h.day === null && this.group < 0) this.group = h.start;
		}
	}

	/** A table's delimiter row (the line above is its header) or a body row, an entry when its first cell starts with a date. */
	private tableLine(): void {
		const { text, line } = this;
		this.endItem();
		if (line.table === TABLE_DELIMITER) {
			this.inTable = true;
			this.table = null;
			if (this.days !== null) return;
			this.table = { headerStart: this.previousStart, delimiterStart: line.start, last: { end: line.end, next: line.next } };
			this.scan?.tables.push(this.table);
			return;
		}
		if (line.table !== TABLE_ROW || !this.inTable) return;
		// The table's last line a row may follow: never one that leaves a comment open.
		if (this.table && this.scanner.clean) this.table.last = { end: line.end, next: line.next };
		const cell = firstCellStart(text, line.start, line.end);
		const row = this.entry("row", line.start, cell, cellEnd(text, cell, line.end));
		if (row) row.table = this.table;
	}

	/** An item or a row: dated by its own text, else by the date sub-heading it is under. */
	private entry(kind: EntryKind, start: number, textStart: number, textEnd: number): LogEntry | null {
		const own = this.readDate(textStart, textEnd);
		const inherited = own === null && this.dateDay !== null;
		return this.record(kind, start, textStart, textEnd, inherited ? this.dateDay : own, inherited);
	}

	/** Keeps the entry (or only its day, when entries are not kept). */
	private record(
		kind: EntryKind,
		start: number,
		textStart: number,
		textEnd: number,
		day: Day | null,
		inherited: boolean,
	): LogEntry | null {
		if (this.days !== null) {
			if (day !== null) this.days.push(day);
			return null;
		}
		const line = this.line;
		const entry: LogEntry = {
			kind,
			start,
			end: line.end,
			next: line.next,
			day,
			inherited,
			safeAfter: this.scanner.clean,
			inDate: this.dateDay !== null,
			group: this.group,
			textStart,
			textEnd,
			level: 0,
			partLast: null,
			table: null,
		};
		this.scan?.entries.push(entry);
		return entry;
	}

	/** The date starting [start, end), or null; a date-shaped text that is no date is reported. */
	private readDate(start: number, end: number): Day | null {
		const status = this.dates.read(this.text, start, end);
		if (status === READ) return this.dates.day;
		if (status !== NO_DATE && this.problems) {
			const problem = this.dates.problem(this.text);
			if (problem !== null && !this.reported.has(problem)) {
				this.reported.add(problem);
				this.problems.push(problem);
			}
		}
		return null;
	}
}

/** Where an ATX heading's text starts: after its indentation, its `#` marks and the space after them. */
function atxTextStart(text: string, start: number, end: number): number {
	let i = skipSpaces(text, start, end);
	while (i < end && text.charCodeAt(i) === HASH) i++;
	return skipSpaces(text, i, end);
}

function skipSpaces(text: string, i: number, end: number): number {
	while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
	return i;
}

/** Where a table row's first cell's text starts: after indentation, a leading `|` and spaces. */
export function firstCellStart(text: string, start: number, end: number): number {
	const i = skipSpaces(text, start, end);
	return text.charCodeAt(i) === PIPE ? skipSpaces(text, i + 1, end) : i;
}

/** Where the cell starting at `i` ends: at the next `|` not escaped with a backslash, or the line's end. */
export function cellEnd(text: string, i: number, end: number): number {
	while (i < end) {
		const c = text.charCodeAt(i);
		if (c === PIPE) return i;
		i += c === BACKSLASH ? 2 : 1;
	}
	return end;
}

/**
 * The log sections from `from` (the body's start) and their entries, in one pass. When there is
 * none and `miss` is given, it is filled in for a writer that has to create one.
 *
 * An item runs over its indented lines and over lazy continuation lines: text at column 0 right
 * after a line of the item's open paragraph (no blank line between) that starts no block of its
 * own, so that markdown renders it as part of the item (`- 2026-01-01 — call` then `more about
 * it`). A list marker, a heading, a fence, a comment, a thematic break, a blockquote, a table or
 * an HTML block start ends the item instead, and so does any text after a blank line (a paragraph
 * of the document, which an underline may make a setext heading: the section then ends where that
 * paragraph starts).
 */
export function scanLogs(text: string, from: number, settings: LogSettings, miss?: LogMiss): LogScan[] {
	return new LogReader(text, from, settings, null, null).readAll(miss);
}

/** The first log section from `from`, or null. */
export function scanLog(text: string, from: number, settings: LogSettings, miss?: LogMiss): LogScan | null {
	return scanLogs(text, from, settings, miss)[0] ?? null;
}

export interface LogDates {
	days: Day[];
	problems: string[];
}

/**
 * Every readable entry date under the log heading, in the note's order (duplicates kept: an
 * undated item under `### 2026-11-20` repeats that day), and the problems of the entry lines
 * whose date cannot be read, each message once. Entries in code fences or comments do not count.
 */
export function readLogDates(text: string, settings: LogSettings): LogDates {
	const fm = scanFrontmatter(text);
	const from = fm.kind === "block" ? fm.bodyStart : bomLength(text);
	const problems: string[] = [];
	const days: Day[] = [];
	new LogReader(text, from, settings, problems, days).readAll();
	return { days, problems };
}

/** The newest dated entry under the log heading, or null (see `readLogDates`). */
export function latestLogDay(text: string, settings: LogSettings): Day | null {
	let latest: Day | null = null;
	for (const day of readLogDates(text, settings).days) if (latest === null || day > latest) latest = day;
	return latest;
}

/** The date of one entry line (`- 2026-11-20 …`, any form `entry-date.ts` reads), or null: for tests and simple callers. */
export function parseEntryDay(line: string, dailyNoteFormat = "YYYY-MM-DD"): Day | null {
	const i = listItemTextAt(line, 0, line.length);
	if (i < 0) return null;
	const reader = new EntryDateReader(compileDailyFormat(dailyNoteFormat));
	return reader.read(line, i, line.length) === READ ? reader.day : null;
}
