/**
 * Structure of a markdown note, as the log reader and the writer both need it: which lines are
 * headings, and which lines are code or comments (and so are never headings or log entries).
 *
 * The scanner is a single forward pass with no regular expressions on the hot path: it runs over
 * every person note at indexing time.
 */
import { isThematicBreak, leavesParagraphOpen, listItemTextAt, opensBlock } from "./block-starts";
import {
	ASTERISK,
	BACKTICK,
	COLON,
	CR,
	DIGIT_0,
	DOLLAR,
	EQUALS,
	FIRST_NON_ASCII,
	GREATER_THAN,
	HASH,
	HYPHEN,
	LESS_THAN,
	LOWER_A,
	LOWER_CASE_BIT,
	LOWER_Z,
	PERCENT,
	PIPE,
	SPACE,
	TAB,
	TILDE,
	UNDERSCORE,
	isDigitCode,
	isSpaceOrTab,
} from "./char-codes";
import { headingLevelAt } from "./headings";
import { blockIndent, isBlankRange } from "./text-lines";

export interface ScanLine {
	start: number;
	/** End of the content, before the line break. */
	end: number;
	/** Start of the next line (`text.length` after the last line). */
	next: number;
	/** The line starts outside every code fence and comment (so text inserted before it is visible). */
	cleanStart: boolean;
	/** The line is code, a fence delimiter or a comment: never a heading or a log entry. */
	hidden: boolean;
	/**
	 * Heading level 1-6, 0 when the line is not a (visible) heading. A setext heading is reported
	 * on its underline (`===` or `---`), the line that makes the paragraph above it a heading.
	 */
	heading: number;
	/** Start of the heading's first line: the line itself (ATX), or its paragraph's first line (setext). */
	headingStart: number;
	/** For a setext heading, the end of its paragraph's last line: its text is [headingStart, setextTextEnd). -1 otherwise. */
	setextTextEnd: number;
	/**
	 * Start of the first line of the top-level paragraph this line is part of, -1 when the line is
	 * no such paragraph's line. Only a top-level paragraph can become a setext heading: a list
	 * item's or a quote's cannot take an underline at the document's level.
	 */
	paragraphStart: number;
	/** TABLE_DELIMITER or TABLE_ROW for a table's lines after its header, else NOT_TABLE (the header is a paragraph's first line until the delimiter row comes). */
	table: number;
}

export const NOT_TABLE = 0;
/** `| --- | :-: |`: the line that makes the line above a table's header. */
export const TABLE_DELIMITER = 1;
/** A table's body row: a line with a `|` after the delimiter row, up to a blank line or another block. */
export const TABLE_ROW = 2;

const NO_COMMENT = 0;
const HTML_COMMENT = 1;
const PERCENT_COMMENT = 2;

// What the previous line left open, for setext underlines and lazy continuation lines.
const NO_PARAGRAPH = 0;
/** A paragraph at the document's level: an underline below it makes it a heading. */
const TOP_PARAGRAPH = 1;
/** A paragraph inside a list item or a blockquote: column-0 text continues it lazily. */
const NESTED_PARAGRAPH = 2;

/** A setext underline at `i`: one or more `c` (`=` or `-`), then only spaces and tabs. */
function isUnderlineAt(text: string, i: number, end: number, c: number): boolean {
	while (i < end && text.charCodeAt(i) === c) i++;
	return isBlankRange(text, i, end);
}

/** Whether the list item whose marker starts at `at` (text at `item`) may interrupt a paragraph: not empty, and a bullet or `1.`. */
function interruptsParagraph(text: string, at: number, item: number, end: number): boolean {
	if (item >= end) return false;
	if (!isDigitCode(text.charCodeAt(at))) return true;
	let n = 0;
	for (let i = at; i < item && isDigitCode(text.charCodeAt(i)); i++) n = n * 10 + text.charCodeAt(i) - DIGIT_0;
	return n === 1;
}

/**
 * Walks lines forward, tracking fenced code blocks (``` and ~~~, longer fences, up to 3 spaces of
 * indentation) and comments (HTML `<!-- -->` and Obsidian's `%% %%`, both multi-line). Needle
 * positions are cached and only searched again once passed, so a note is read in linear time even
 * when a marker never occurs.
 *
 * Headings are ATX (`## Title`) and setext (a paragraph, then a line of `=` for level 1 or `-`
 * for level 2, up to 3 spaces of indentation and trailing space allowed). An underline arrives
 * after its heading's text, so the scanner remembers the open top-level paragraph (where it
 * started, where its last line ended) and reports the heading on the underline. CommonMark's
 * rules for which line may take an underline are followed: not a blank line, a heading, a
 * thematic break, a fence, a comment line or a list item's or blockquote's paragraph (`- item`
 * then `---` is an item and a thematic break; `---` after a blank line is a thematic break; a
 * lazy continuation line of an item is the item's). Simplified, as in Obsidian's cache model
 * (tests/runtime/markdown.ts): a list continues over any indented line (not only lines indented
 * to the item's content), an HTML block (kinds 1-6; kind 7 is read as text) runs to the next
 * blank line, and a comment opened inside a paragraph continues it to the comment's end (a
 * setext heading's text then includes the comment). Tables are the model's too: a delimiter row
 * under a paragraph's first line holding a `|` starts one, and it runs over the lines holding a
 * `|` (a heading ends it, which the model does not see).
 */
export class LineScanner {
	readonly line: ScanLine = {
		start: 0,
		end: 0,
		next: 0,
		cleanStart: true,
		hidden: false,
		heading: 0,
		headingStart: 0,
		setextTextEnd: -1,
		paragraphStart: -1,
		table: NOT_TABLE,
	};
	private pos: number;
	private fenceChar = 0;
	private fenceLen = 0;
	private comment = NO_COMMENT;
	/** Where the comment still open began. */
	private commentAt = -1;
	private paragraph = NO_PARAGRAPH;
	private paragraphStart = 0;
	private paragraphEnd = 0;
	/** A list is open: indented lines belong to it. */
	private inList = false;
	private inHtmlBlock = false;
	private inMath = false;
	/** The previous line started a top-level paragraph and holds a `|`: a delimiter row below makes it a table's header. */
	private tableHeader = false;
	private inTable = false;
	// Next known position of each needle at or after the scan position (-2 unknown, -1 none left).
	private nextHtmlOpen = -2;
	private nextHtmlClose = -2;
	private nextPercent = -2;
	private nextTick = -2;
	private nextPipe = -2;

	constructor(
		private readonly text: string,
		from: number,
		private readonly limit: number = text.length,
	) {
		this.pos = from;
	}

	/** True when the scan is outside every fence and comment after the current line. */
	get clean(): boolean {
		return this.fenceLen === 0 && this.comment === NO_COMMENT;
	}

	/** Offset of the `%%` or `<!--` that opened the comment still open after the current line, else -1. */
	get openComment(): number {
		return this.comment === NO_COMMENT ? -1 : this.commentAt;
	}

	/** Moves to the next line; false at the end. */
	next(): boolean {
		const text = this.text;
		const start = this.pos;
		if (start >= this.limit) return false;
		// Inlined line bounds: this runs once per line of every person note.
		const nl = text.indexOf("\n", start);
		let end: number;
		let next: number;
		if (nl < 0) {
			end = next = text.length;
		} else {
			next = nl + 1;
			end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
		}
		const line = this.line;
		line.start = start;
		line.end = end;
		line.next = next;
		line.cleanStart = this.fenceLen === 0 && this.comment === NO_COMMENT;
		line.hidden = false;
		line.heading = 0;
		line.headingStart = start;
		line.setextTextEnd = -1;
		line.paragraphStart = -1;
		line.table = NOT_TABLE;
		this.pos = next;

		if (this.fenceLen > 0) {
			line.hidden = true;
			this.paragraph = NO_PARAGRAPH;
			if (this.closesFence(start, end)) this.fenceLen = 0;
			return true;
		}
		if (this.comment !== NO_COMMENT) {
			line.hidden = true;
			// A comment opened inside a paragraph leaves it open (up to a blank line), as the item's
			// paragraph in `scanLog`; one opened by a comment line already closed it.
			if (isBlankRange(text, start, end)) this.paragraph = NO_PARAGRAPH;
			else if (this.paragraph === TOP_PARAGRAPH) this.paragraphEnd = end;
			this.walkComments(start, end);
			return true;
		}
		const c0 = start < end ? text.charCodeAt(start) : 0;
		// Only a space, a backtick or a tilde can start a fence; only a space or `#` a heading.
		if ((c0 === SPACE || c0 === BACKTICK || c0 === TILDE) && this.opensFence(start, end)) {
			line.hidden = true;
			this.paragraph = NO_PARAGRAPH;
			if (c0 !== SPACE) this.inList = false;
			return true;
		}
		if (c0 === HASH || c0 === SPACE) line.heading = headingLevelAt(text, start, end);
		if (line.heading === 0 && (c0 === LESS_THAN || c0 === PERCENT || c0 === SPACE || c0 === TAB)) {
			let first = start;
			while (first < end && isSpaceOrTab(text.charCodeAt(first))) first++;
			if (text.startsWith("<!--", first) || text.startsWith("%%", first)) line.hidden = true;
		}
		this.trackBlocks(start, end, c0);
		// Most lines hold no comment marker: skip the walk when the next known ones lie beyond.
		const h = this.nextHtmlOpen;
		const q = this.nextPercent;
		if ((h === -1 || h >= end) && (q === -1 || q >= end)) return true;
		this.walkComments(start, end);
		return true;
	}

	/**
	 * Follows the block structure a setext underline depends on (see the class comment): sets the
	 * line's `paragraphStart`, or its `heading` when it underlines the open top-level paragraph.
	 */
	private trackBlocks(start: number, end: number, c0: number): void {
		const text = this.text;
		const line = this.line;
		const prev = this.paragraph;
		const header = this.tableHeader;
		this.paragraph = NO_PARAGRAPH;
		this.tableHeader = false;
		// Indentation as a column (a tab to the next multiple of 4), and the first other character.
		let i = start;
		let col = 0;
		let c = c0;
		if (c0 === SPACE || c0 === TAB) {
			for (; i < end; i++) {
				c = text.charCodeAt(i);
				if (c === SPACE) col++;
				else if (c === TAB) col += 4 - (col % 4);
				else break;
			}
		}
		if (i === end) {
			this.inHtmlBlock = false;
			this.inTable = false;
			return;
		}
		if (this.inMath) {
			for (let j = i; j + 1 < end; j++) {
				if (text.charCodeAt(j) === DOLLAR && text.charCodeAt(j + 1) === DOLLAR) {
					this.inMath = false;
					break;
				}
			}
			return;
		}
		if (this.inHtmlBlock) return;
		if (line.hidden || line.heading !== 0) {
			// A comment line or an ATX heading; at column 0 it also ends a list (and any heading ends a table).
			if (col === 0) this.inList = false;
			this.inTable = false;
			return;
		}
		if (this.tableLine(start, end, i, header && prev === TOP_PARAGRAPH && col <= 3)) return;
		if (col === 0 && (((c | LOWER_CASE_BIT) >= LOWER_A && (c | LOWER_CASE_BIT) <= LOWER_Z) || c >= FIRST_NON_ASCII)) {
			// Most lines: text at column 0 (a letter starts no block), a lazy line or a paragraph's.
			if (prev === NESTED_PARAGRAPH) {
				this.paragraph = NESTED_PARAGRAPH;
				return;
			}
			this.inList = false;
			if (prev !== TOP_PARAGRAPH) this.startParagraph(start, end);
			this.paragraph = TOP_PARAGRAPH;
			this.paragraphEnd = end;
			line.paragraphStart = this.paragraphStart;
			return;
		}
		const block = col <= 3;
		if (prev === TOP_PARAGRAPH && block && (c === EQUALS || c === HYPHEN) && isUnderlineAt(text, i, end, c)) {
			line.heading = c === EQUALS ? 1 : 2;
			line.headingStart = this.paragraphStart;
			line.setextTextEnd = this.paragraphEnd;
			return;
		}
		if (this.inList && col > 0) {
			// Inside the list: a nested item, an item's text or its continuation.
			const item = listItemTextAt(text, i, end);
			const at = item < 0 ? i : item;
			this.paragraph = at < end && leavesParagraphOpen(text, at, end) ? NESTED_PARAGRAPH : NO_PARAGRAPH;
			return;
		}
		const item = block ? listItemTextAt(text, i, end) : -1;
		const opens = block && (item >= 0 || opensBlock(text, i, end));
		if (prev === NESTED_PARAGRAPH && !opens) {
			// A lazy continuation line of an item's or a quote's paragraph.
			this.paragraph = NESTED_PARAGRAPH;
			return;
		}
		this.inList = false;
		if (opens) {
			// A thematic break comes before a list item: `- - -` is a break.
			if ((c === HYPHEN || c === ASTERISK || c === UNDERSCORE) && isThematicBreak(text, i, end)) return;
			if (item >= 0) {
				if (prev !== TOP_PARAGRAPH || interruptsParagraph(text, i, item, end)) {
					this.inList = true;
					this.paragraph = item < end && leavesParagraphOpen(text, item, end) ? NESTED_PARAGRAPH : NO_PARAGRAPH;
					return;
				}
				// `2. x` or an empty item cannot interrupt a paragraph: it is the paragraph's text.
			} else if (c === GREATER_THAN) {
				let q = i + 1;
				while (q < end && isSpaceOrTab(text.charCodeAt(q))) q++;
				this.paragraph = q < end && leavesParagraphOpen(text, q, end) ? NESTED_PARAGRAPH : NO_PARAGRAPH;
				return;
			} else {
				this.inHtmlBlock = true;
				return;
			}
		} else if (block && c === DOLLAR && text.charCodeAt(i + 1) === DOLLAR) {
			// `$$` math (as Obsidian's cache reads it): to the next line holding `$$`, unless closed here.
			let e = end;
			while (e > i + 2 && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
			this.inMath = !(e - i >= 4 && text.charCodeAt(e - 1) === DOLLAR && text.charCodeAt(e - 2) === DOLLAR);
			return;
		}
		if (prev !== TOP_PARAGRAPH) {
			// Four spaces of indentation start code, not a paragraph.
			if (!block) return;
			this.startParagraph(start, end);
		}
		this.paragraph = TOP_PARAGRAPH;
		this.paragraphEnd = end;
		line.paragraphStart = this.paragraphStart;
	}

	private find(needle: "<!--" | "-->" | "%%" | "`" | "|", from: number): number {
		const cached =
			needle === "<!--"
				? this.nextHtmlOpen
				: needle === "-->"
					? this.nextHtmlClose
					: needle === "%%"
						? this.nextPercent
						: needle === "`"
							? this.nextTick
							: this.nextPipe;
		if (cached === -1 || cached >= from) return cached;
		const found = this.text.indexOf(needle, from);
		if (needle === "<!--") this.nextHtmlOpen = found;
		else if (needle === "-->") this.nextHtmlClose = found;
		else if (needle === "%%") this.nextPercent = found;
		else if (needle === "`") this.nextTick = found;
		else this.nextPipe = found;
		return found;
	}

	/** A top-level paragraph starts at `start`: with a `|` in it, it may be a table's header. */
	private startParagraph(start: number, end: number): void {
		this.paragraphStart = start;
		this.tableHeader = this.holdsPipe(start, end);
	}

	private holdsPipe(start: number, end: number): boolean {
		const pipe = this.find("|", start);
		return pipe >= 0 && pipe < end;
	}

	/**
	 * A table's line, as Obsidian's cache reads tables: a delimiter row under a header (the first
	 * line of a top-level paragraph, holding a `|`), then every line holding a `|` up to a blank
	 * line, a heading or a line without one. Its rows are no paragraph: no underline makes a
	 * heading of them, and no list item takes them as lazy lines.
	 */
	private tableLine(start: number, end: number, first: number, mayBeDelimiter: boolean): boolean {
		const line = this.line;
		if (this.inTable && this.holdsPipe(start, end)) {
			line.table = TABLE_ROW;
		} else if (mayBeDelimiter && isDelimiterRow(this.text, first, end)) {
			line.table = TABLE_DELIMITER;
			this.inTable = true;
		} else {
			this.inTable = false;
			return false;
		}
		this.inList = false;
		return true;
	}

	private opensFence(start: number, end: number): boolean {
		const text = this.text;
		const indent = blockIndent(text, start, end);
		if (indent < 0) return false;
		const at = start + indent;
		const c = text.charCodeAt(at);
		if (c !== BACKTICK && c !== TILDE) return false;
		let i = at;
		while (i < end && text.charCodeAt(i) === c) i++;
		const len = i - at;
		if (len < 3) return false;
		// A backtick fence's info string cannot hold a backtick (that would be inline code).
		if (c === BACKTICK) {
			for (let j = i; j < end; j++) if (text.charCodeAt(j) === BACKTICK) return false;
		}
		this.fenceChar = c;
		this.fenceLen = len;
		return true;
	}

	private closesFence(start: number, end: number): boolean {
		const text = this.text;
		const indent = blockIndent(text, start, end);
		if (indent < 0) return false;
		let i = start + indent;
		const at = i;
		while (i < end && text.charCodeAt(i) === this.fenceChar) i++;
		return i - at >= this.fenceLen && isBlankRange(text, i, end);
	}

	/** Follows comment openers and closers through [from, end), updating the comment state. */
	private walkComments(from: number, end: number): void {
		const text = this.text;
		let p = from;
		while (p < end) {
			if (this.comment === NO_COMMENT) {
				const o = this.findOpener(p, end);
				if (o < 0) return;
				this.commentAt = o;
				p = o + (text.startsWith("<!--", o) ? 4 : 2);
			} else {
				const html = this.comment === HTML_COMMENT;
				const c = this.find(html ? "-->" : "%%", p);
				const len = html ? 3 : 2;
				if (c < 0 || c + len > end) return;
				this.comment = NO_COMMENT;
				p = c + len;
			}
		}
	}

	/** The next comment opener in [p, end) that is not inside an inline code span; sets the state. */
	private findOpener(p: number, end: number): number {
		const text = this.text;
		for (;;) {
			const h = this.find("<!--", p);
			const q = this.find("%%", p);
			const hIn = h >= 0 && h + 4 <= end;
			const qIn = q >= 0 && q + 2 <= end;
			if (!hIn && !qIn) return -1;
			const o = hIn && (!qIn || h < q) ? h : q;
			const tick = this.find("`", p);
			if (tick < 0 || tick >= o) {
				this.comment = o === h && hIn ? HTML_COMMENT : PERCENT_COMMENT;
				return o;
			}
			// Skip the code span that starts at `tick` (a run of n backticks closed by exactly n).
			let i = tick;
			while (i < end && text.charCodeAt(i) === BACKTICK) i++;
			const n = i - tick;
			let close = -1;
			while (i < end) {
				if (text.charCodeAt(i) !== BACKTICK) {
					i++;
					continue;
				}
				const runStart = i;
				while (i < end && text.charCodeAt(i) === BACKTICK) i++;
				if (i - runStart === n) {
					close = i;
					break;
				}
			}
			// Unmatched backticks are literal text: carry on after them.
			p = close < 0 ? tick + n : close;
			if (p >= end) return -1;
		}
	}
}

/** `| --- | :-: |`, `---|---`, `:--`: cells of dashes with optional colons, between optional outer pipes. */
function isDelimiterRow(text: string, i: number, end: number): boolean {
	if (text.charCodeAt(i) === PIPE) i++;
	let cells = 0;
	for (;;) {
		while (i < end && isSpaceOrTab(text.charCodeAt(i))) i++;
		if (i >= end) return cells > 0;
		if (text.charCodeAt(i) === COLON) i++;
		const dashes = i;
		while (i < end && text.charCodeAt(i) === HYPHEN) i++;
		if (i === dashes) return false;
		if (text.charCodeAt(i) === COLON) i++;
		while (i < end && isSpaceOrTab(text.charCodeAt(i))) i++;
		cells++;
		if (i >= end) return true;
		if (text.charCodeAt(i) !== PIPE) return false;
		i++;
	}
}

/**
 * Offset of the `%%` or `<!--` that opens a comment still open at the end of `text`, read as the
 * scanner reads a note (markers in inline code and in fences are text), or -1 when none is.
 */
export function openCommentAt(text: string): number {
	const scanner = new LineScanner(text, 0);
	while (scanner.next()) {
		// Only the last line's state matters; the loop just walks there.
	}
	return scanner.openComment;
}
