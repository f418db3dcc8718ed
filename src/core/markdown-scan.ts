/**
 * Structure of a markdown note, as the log reader and the writer both need it: where the
 * frontmatter is, which lines are headings, and which lines are code or comments (and so are
 * never headings or log entries). Everything works on offsets into the original text, so callers
 * can splice without ever re-serialising what they did not mean to change.
 *
 * The scanner is a single forward pass with no regular expressions on the hot path: it runs over
 * every person note at indexing time.
 */

export type Eol = "\n" | "\r\n";

export const BOM = "\uFEFF";

/** The note's line ending, judged by its first line break; `\n` when it has none. */
export function detectEol(text: string): Eol {
	const i = text.indexOf("\n");
	return i > 0 && text.charCodeAt(i - 1) === 13 ? "\r\n" : "\n";
}

export function bomLength(text: string): number {
	return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Where a line's content ends (before `\r\n` or `\n`) and where the next line starts. */
export function lineBounds(text: string, start: number): { end: number; next: number } {
	const nl = text.indexOf("\n", start);
	if (nl === -1) return { end: text.length, next: text.length };
	return { end: nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl, next: nl + 1 };
}

function isSpaceOrTab(code: number): boolean {
	return code === 32 || code === 9;
}

/** True when [start, end) holds only spaces and tabs. */
export function isBlankRange(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) if (!isSpaceOrTab(text.charCodeAt(i))) return false;
	return true;
}

// ---------------------------------------------------------------------------------------------
// Frontmatter

export interface FrontmatterBlock {
	/** Offset of the opening `---` line (1 when the note starts with a BOM). */
	open: number;
	/** First character of the YAML source, just after the opening line break. */
	yamlStart: number;
	/** Start of the closing `---` line; the YAML source is [yamlStart, yamlEnd). */
	yamlEnd: number;
	/** End of the closing line's content (before its line break, if any). */
	closeEnd: number;
}

export type FrontmatterScan =
	| { kind: "none"; bodyStart: number }
	| { kind: "block"; block: FrontmatterBlock; bodyStart: number }
	| { kind: "unclosed"; error: string; bodyStart: number };

/** `---` followed by nothing but spaces and tabs. */
function isDelimiter(text: string, start: number, end: number): boolean {
	if (end - start < 3) return false;
	if (text.charCodeAt(start) !== 45 || text.charCodeAt(start + 1) !== 45 || text.charCodeAt(start + 2) !== 45) return false;
	return isBlankRange(text, start + 3, end);
}

const UNCLOSED = "the frontmatter is not closed (the note starts with a --- line but no closing --- line follows)";

/**
 * Finds the frontmatter the way Obsidian does: the very first line (after an optional BOM) is
 * `---`, and the block runs to the next `---` line (YAML's `...` end marker does not close it for
 * Obsidian, so it does not for us either). An opening line with no closing one
 * is reported, so a writer can refuse rather than guess where the YAML ends.
 */
export function scanFrontmatter(text: string): FrontmatterScan {
	const open = bomLength(text);
	const first = lineBounds(text, open);
	if (!isDelimiter(text, open, first.end)) return { kind: "none", bodyStart: open };
	let pos = first.next;
	while (pos < text.length) {
		const line = lineBounds(text, pos);
		if (isDelimiter(text, pos, line.end)) {
			return {
				kind: "block",
				block: { open, yamlStart: first.next, yamlEnd: pos, closeEnd: line.end },
				bodyStart: line.next,
			};
		}
		pos = line.next;
	}
	return { kind: "unclosed", error: UNCLOSED, bodyStart: open };
}

// ---------------------------------------------------------------------------------------------
// Headings

export interface HeadingSpec {
	/** Level used when the heading has to be created. */
	level: number;
	/** Normalised text used for matching (see `normalizeHeadingText`). */
	key: string;
	/** The heading line to write when the section is missing, e.g. `## Interactions`. */
	line: string;
}

/** Case-insensitive, surrounding space ignored, inner runs of space collapsed. */
export function normalizeHeadingText(text: string): string {
	return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Reads the heading setting: `## Interactions` → level 2, `Interactions` alone → level 2 too. An
 * ATX closing sequence (`## Interactions ##`) is not part of the text, as in a note: the setting
 * is written as a heading line, and read back the way the note's headings are.
 */
export function parseHeadingSetting(setting: string): HeadingSpec {
	const trimmed = setting.trim();
	let hashes = 0;
	while (hashes < trimmed.length && trimmed.charCodeAt(hashes) === 35) hashes++;
	const rest = trimmed.slice(hashes);
	const text = rest.slice(0, withoutClosingSequence(rest, 0, rest.length)).trim() || "Interactions";
	const level = hashes >= 1 && hashes <= 6 ? hashes : 2;
	return { level, key: normalizeHeadingText(text), line: `${"#".repeat(level)} ${text}` };
}

/** Number of leading spaces when at most 3 (CommonMark block indentation), else -1. */
function blockIndent(text: string, start: number, end: number): number {
	let i = start;
	while (i < end && i - start < 4 && text.charCodeAt(i) === 32) i++;
	const n = i - start;
	if (n > 3 || (i < end && text.charCodeAt(i) === 9)) return -1;
	return n;
}

/** ATX heading level (1-6) of the line, 0 when it is not a heading. */
export function headingLevelAt(text: string, start: number, end: number): number {
	const indent = blockIndent(text, start, end);
	if (indent < 0) return 0;
	let i = start + indent;
	let level = 0;
	while (i < end && text.charCodeAt(i) === 35) {
		level++;
		i++;
	}
	if (level < 1 || level > 6) return 0;
	return i === end || isSpaceOrTab(text.charCodeAt(i)) ? level : 0;
}

/**
 * Where the text [i, end) of an ATX heading ends once trailing space and an optional closing `#`
 * sequence are left out. A closing sequence counts only when preceded by a space (or when it is
 * all there is): `## C#` keeps its `#`.
 */
function withoutClosingSequence(text: string, i: number, end: number): number {
	let e = end;
	while (e > i && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
	let h = e;
	while (h > i && text.charCodeAt(h - 1) === 35) h--;
	if (h < e && (h === i || isSpaceOrTab(text.charCodeAt(h - 1)))) e = h;
	return e;
}

/** Text of a heading line without the `#` marks and an optional closing `#` sequence. */
export function headingTextAt(text: string, start: number, end: number): string {
	let i = start;
	while (i < end && text.charCodeAt(i) === 32) i++;
	while (i < end && text.charCodeAt(i) === 35) i++;
	return text.slice(i, withoutClosingSequence(text, i, end)).trim();
}

/** ASCII lower case of a char code (other codes unchanged). */
function lowerCode(c: number): number {
	return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Whether the heading line [start, end) has the normalised text `key`. Rejects on the first
 * character without allocating, since most headings of a note are not the log heading.
 */
export function headingMatches(text: string, start: number, end: number, key: string): boolean {
	let i = start;
	while (i < end && text.charCodeAt(i) === 32) i++;
	while (i < end && text.charCodeAt(i) === 35) i++;
	while (i < end && isSpaceOrTab(text.charCodeAt(i))) i++;
	if (i >= end) return key === "";
	const c = text.charCodeAt(i);
	const k = key.charCodeAt(0);
	if (c < 128 && k < 128 && lowerCode(c) !== k) return false;
	return normalizeHeadingText(headingTextAt(text, start, end)) === key;
}

// ---------------------------------------------------------------------------------------------
// Block starts (shared by the scanner's paragraph tracking and the log reader)

export function isDigitCode(code: number): boolean {
	return code >= 48 && code <= 57;
}

/**
 * Offset of the text after a list marker (`- `, `* `, `+ `, `1. `, `1) `) at `start`, or -1
 * (`end` for an empty item). The log reader takes only items at column 0 as entries: indented
 * ones belong to an entry above.
 */
export function listItemTextAt(text: string, start: number, end: number): number {
	let i = start;
	const c = text.charCodeAt(i);
	if (c === 45 || c === 42 || c === 43) {
		i++;
	} else if (isDigitCode(c)) {
		while (i < end && i - start < 9 && isDigitCode(text.charCodeAt(i))) i++;
		const d = text.charCodeAt(i);
		if (d !== 46 && d !== 41) return -1;
		i++;
	} else {
		return -1;
	}
	if (i === end) return i;
	const s = text.charCodeAt(i);
	if (s !== 32 && s !== 9) return -1;
	while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
	return i;
}

/** Three or more `-`, `*` or `_` (one kind) with only spaces and tabs between: `---`, `* * *`. */
export function isThematicBreak(text: string, start: number, end: number): boolean {
	const c = text.charCodeAt(start);
	if (c !== 45 && c !== 42 && c !== 95) return false;
	let count = 0;
	for (let i = start; i < end; i++) {
		const k = text.charCodeAt(i);
		if (k === c) count++;
		else if (k !== 32 && k !== 9) return false;
	}
	return count >= 3;
}

/** CommonMark's HTML block kind 6: tags that open a block even inside a paragraph. */
const HTML_BLOCK_TAGS = new Set(
	(
		"address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption " +
		"figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol " +
		"optgroup option p param search section summary table tbody td tfoot th thead title tr track ul"
	).split(" "),
);
/** Kind 1: raw-text elements, opening tags only. */
const RAW_TEXT_TAGS = new Set(["pre", "script", "style", "textarea"]);

/**
 * An HTML block that may interrupt a paragraph starts at the `<` at `start`: kinds 1 to 6
 * (`<div>`, `</table>`, `<pre`, `<?php`, `<!DOCTYPE`, `<![CDATA[`; `<!--` is the scanner's).
 * Any other tag (kind 7: `<span>`, `<https://…>`) is inline text of the paragraph.
 */
export function opensHtmlBlock(text: string, start: number, end: number): boolean {
	let i = start + 1;
	const c = text.charCodeAt(i);
	if (c === 63) return true;
	if (c === 33) {
		const d = text.charCodeAt(i + 1) | 32;
		return (d >= 97 && d <= 122) || text.startsWith("[CDATA[", i + 1);
	}
	const closing = c === 47;
	if (closing) i++;
	const nameStart = i;
	// Tag names are short: stop after 12 characters (a longer run is no block tag).
	while (i < end && i - nameStart < 12) {
		const k = text.charCodeAt(i) | 32;
		if (!((k >= 97 && k <= 122) || (k >= 48 && k <= 57 && i > nameStart))) break;
		i++;
	}
	if (i === nameStart) return false;
	const t = i < end ? text.charCodeAt(i) : 10;
	if (!(t === 10 || t === 32 || t === 9 || t === 62 || (t === 47 && text.charCodeAt(i + 1) === 62))) return false;
	const name = text.slice(nameStart, i).toLowerCase();
	return HTML_BLOCK_TAGS.has(name) || (!closing && t !== 47 && RAW_TEXT_TAGS.has(name));
}

/**
 * A block that ends an open paragraph starts at `start` (besides list items, headings, fences and
 * comments, which the caller knows): a thematic break, a blockquote or an HTML block.
 */
export function opensBlock(text: string, start: number, end: number): boolean {
	const c = text.charCodeAt(start);
	if (c === 62) return true;
	if (c === 60) return opensHtmlBlock(text, start, end);
	return isThematicBreak(text, start, end);
}

/** Whether a visible line whose content starts at `at` leaves a paragraph open (a quote's included). */
export function leavesParagraphOpen(text: string, at: number, end: number): boolean {
	const c = text.charCodeAt(at);
	if (c === 35 && headingLevelAt(text, at, end) !== 0) return false;
	return c === 62 || !opensBlock(text, at, end);
}

// ---------------------------------------------------------------------------------------------
// Line scanner: fences and comments

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
}

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
	for (let i = at; i < item && isDigitCode(text.charCodeAt(i)); i++) n = n * 10 + text.charCodeAt(i) - 48;
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
 * setext heading's text then includes the comment).
 */
export class LineScanner {
	readonly line: ScanLine = { start: 0, end: 0, next: 0, cleanStart: true, hidden: false, heading: 0, headingStart: 0, setextTextEnd: -1, paragraphStart: -1 };
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
	// Next known position of each needle at or after the scan position (-2 unknown, -1 none left).
	private nextHtmlOpen = -2;
	private nextHtmlClose = -2;
	private nextPercent = -2;
	private nextTick = -2;

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
			end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
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
		if ((c0 === 32 || c0 === 96 || c0 === 126) && this.opensFence(start, end)) {
			line.hidden = true;
			this.paragraph = NO_PARAGRAPH;
			if (c0 !== 32) this.inList = false;
			return true;
		}
		if (c0 === 35 || c0 === 32) line.heading = headingLevelAt(text, start, end);
		if (line.heading === 0 && (c0 === 60 || c0 === 37 || c0 === 32 || c0 === 9)) {
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
		this.paragraph = NO_PARAGRAPH;
		// Indentation as a column (a tab to the next multiple of 4), and the first other character.
		let i = start;
		let col = 0;
		let c = c0;
		if (c0 === 32 || c0 === 9) {
			for (; i < end; i++) {
				c = text.charCodeAt(i);
				if (c === 32) col++;
				else if (c === 9) col += 4 - (col % 4);
				else break;
			}
		}
		if (i === end) {
			this.inHtmlBlock = false;
			return;
		}
		if (this.inMath) {
			for (let j = i; j + 1 < end; j++) {
				if (text.charCodeAt(j) === 36 && text.charCodeAt(j + 1) === 36) {
					this.inMath = false;
					break;
				}
			}
			return;
		}
		if (this.inHtmlBlock) return;
		if (line.hidden || line.heading !== 0) {
			// A comment line or an ATX heading; at column 0 it also ends a list.
			if (col === 0) this.inList = false;
			return;
		}
		if (col === 0 && ((c | 32) >= 97 && (c | 32) <= 122 || c >= 128)) {
			// Most lines: text at column 0 (a letter starts no block), a lazy line or a paragraph's.
			if (prev === NESTED_PARAGRAPH) {
				this.paragraph = NESTED_PARAGRAPH;
				return;
			}
			this.inList = false;
			if (prev !== TOP_PARAGRAPH) this.paragraphStart = start;
			this.paragraph = TOP_PARAGRAPH;
			this.paragraphEnd = end;
			line.paragraphStart = this.paragraphStart;
			return;
		}
		const block = col <= 3;
		if (prev === TOP_PARAGRAPH && block && (c === 61 || c === 45) && isUnderlineAt(text, i, end, c)) {
			line.heading = c === 61 ? 1 : 2;
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
			if ((c === 45 || c === 42 || c === 95) && isThematicBreak(text, i, end)) return;
			if (item >= 0) {
				if (prev !== TOP_PARAGRAPH || interruptsParagraph(text, i, item, end)) {
					this.inList = true;
					this.paragraph = item < end && leavesParagraphOpen(text, item, end) ? NESTED_PARAGRAPH : NO_PARAGRAPH;
					return;
				}
				// `2. x` or an empty item cannot interrupt a paragraph: it is the paragraph's text.
			} else if (c === 62) {
				let q = i + 1;
				while (q < end && isSpaceOrTab(text.charCodeAt(q))) q++;
				this.paragraph = q < end && leavesParagraphOpen(text, q, end) ? NESTED_PARAGRAPH : NO_PARAGRAPH;
				return;
			} else {
				this.inHtmlBlock = true;
				return;
			}
		} else if (block && c === 36 && text.charCodeAt(i + 1) === 36) {
			// `$$` math (as Obsidian's cache reads it): to the next line holding `$$`, unless closed here.
			let e = end;
			while (e > i + 2 && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
			this.inMath = !(e - i >= 4 && text.charCodeAt(e - 1) === 36 && text.charCodeAt(e - 2) === 36);
			return;
		}
		if (prev !== TOP_PARAGRAPH) {
			// Four spaces of indentation start code, not a paragraph.
			if (!block) return;
			this.paragraphStart = start;
		}
		this.paragraph = TOP_PARAGRAPH;
		this.paragraphEnd = end;
		line.paragraphStart = this.paragraphStart;
	}

	private find(needle: "<!--" | "-->" | "%%" | "`", from: number): number {
		const cached = needle === "<!--" ? this.nextHtmlOpen : needle === "-->" ? this.nextHtmlClose : needle === "%%" ? this.nextPercent : this.nextTick;
		if (cached === -1 || cached >= from) return cached;
		const found = this.text.indexOf(needle, from);
		if (needle === "<!--") this.nextHtmlOpen = found;
		else if (needle === "-->") this.nextHtmlClose = found;
		else if (needle === "%%") this.nextPercent = found;
		else this.nextTick = found;
		return found;
	}

	private opensFence(start: number, end: number): boolean {
		const text = this.text;
		const indent = blockIndent(text, start, end);
		if (indent < 0) return false;
		const at = start + indent;
		const c = text.charCodeAt(at);
		if (c !== 96 && c !== 126) return false;
		let i = at;
		while (i < end && text.charCodeAt(i) === c) i++;
		const len = i - at;
		if (len < 3) return false;
		// A backtick fence's info string cannot hold a backtick (that would be inline code).
		if (c === 96) {
			for (let j = i; j < end; j++) if (text.charCodeAt(j) === 96) return false;
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
			while (i < end && text.charCodeAt(i) === 96) i++;
			const n = i - tick;
			let close = -1;
			while (i < end) {
				if (text.charCodeAt(i) !== 96) {
					i++;
					continue;
				}
				const runStart = i;
				while (i < end && text.charCodeAt(i) === 96) i++;
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

/**
 * Whether the scanner's current line, a heading, has the normalised text `key`: an ATX heading by
 * its line, a setext heading by its whole paragraph (lines joined by a space, as Obsidian reads it).
 */
export function lineHeadingMatches(text: string, line: ScanLine, key: string): boolean {
	if (line.setextTextEnd < 0) return headingMatches(text, line.start, line.end, key);
	let i = line.headingStart;
	while (i < line.setextTextEnd && isSpaceOrTab(text.charCodeAt(i))) i++;
	const c = text.charCodeAt(i);
	const k = key.charCodeAt(0);
	if (c < 128 && k < 128 && lowerCode(c) !== k) return false;
	return normalizeHeadingText(text.slice(line.headingStart, line.setextTextEnd)) === key;
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

// ---------------------------------------------------------------------------------------------
// The log section

export interface LogSection {
	/** Start of the heading's first line (a setext heading's paragraph included). */
	headingStart: number;
	/** End of the heading's last line's content (a setext heading's underline). */
	headingEnd: number;
	/** Start of the first line after the heading (after a setext heading's underline). */
	contentStart: number;
	/** Start of the next heading of the same or a higher level, or `text.length`. */
	end: number;
	level: number;
}

/**
 * The first heading (any level, ATX or setext) whose text matches the configured log heading,
 * outside code and comments, and its extent.
 */
export function findLogSection(text: string, from: number, headingSetting: string): LogSection | null {
	const spec = parseHeadingSetting(headingSetting);
	const scanner = new LineScanner(text, from);
	const line = scanner.line;
	let found: LogSection | null = null;
	while (scanner.next()) {
		if (line.heading === 0) continue;
		if (found) {
			if (line.heading <= found.level) {
				found.end = line.headingStart;
				return found;
			}
		} else if (lineHeadingMatches(text, line, spec.key)) {
			found = { headingStart: line.headingStart, headingEnd: line.end, contentStart: line.next, end: text.length, level: line.heading };
		}
	}
	return found;
}
