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

/** Reads the heading setting: `## Interactions` → level 2, `Interactions` alone → level 2 too. */
export function parseHeadingSetting(setting: string): HeadingSpec {
	const trimmed = setting.trim();
	let hashes = 0;
	while (hashes < trimmed.length && trimmed.charCodeAt(hashes) === 35) hashes++;
	const text = trimmed.slice(hashes).trim() || "Interactions";
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

/** Text of a heading line without the `#` marks and an optional closing `#` sequence. */
export function headingTextAt(text: string, start: number, end: number): string {
	let i = start;
	while (i < end && text.charCodeAt(i) === 32) i++;
	while (i < end && text.charCodeAt(i) === 35) i++;
	let e = end;
	while (e > i && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
	// A closing sequence counts only when preceded by a space: `## C#` keeps its `#`.
	let h = e;
	while (h > i && text.charCodeAt(h - 1) === 35) h--;
	if (h < e && (h === i || isSpaceOrTab(text.charCodeAt(h - 1)))) e = h;
	return text.slice(i, e).trim();
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
	/** ATX heading level 1-6, 0 when the line is not a (visible) heading. */
	heading: number;
}

const NO_COMMENT = 0;
const HTML_COMMENT = 1;
const PERCENT_COMMENT = 2;

/**
 * Walks lines forward, tracking fenced code blocks (``` and ~~~, longer fences, up to 3 spaces of
 * indentation) and comments (HTML `<!-- -->` and Obsidian's `%% %%`, both multi-line). Needle
 * positions are cached and only searched again once passed, so a note is read in linear time even
 * when a marker never occurs.
 */
export class LineScanner {
	readonly line: ScanLine = { start: 0, end: 0, next: 0, cleanStart: true, hidden: false, heading: 0 };
	private pos: number;
	private fenceChar = 0;
	private fenceLen = 0;
	private comment = NO_COMMENT;
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
		this.pos = next;

		if (this.fenceLen > 0) {
			line.hidden = true;
			if (this.closesFence(start, end)) this.fenceLen = 0;
			return true;
		}
		if (this.comment !== NO_COMMENT) {
			line.hidden = true;
			this.walkComments(start, end);
			return true;
		}
		const c0 = start < end ? text.charCodeAt(start) : 0;
		// Only a space, a backtick or a tilde can start a fence; only a space or `#` a heading.
		if ((c0 === 32 || c0 === 96 || c0 === 126) && this.opensFence(start, end)) {
			line.hidden = true;
			return true;
		}
		if (c0 === 35 || c0 === 32) line.heading = headingLevelAt(text, start, end);
		if (line.heading === 0 && (c0 === 60 || c0 === 37 || c0 === 32 || c0 === 9)) {
			let first = start;
			while (first < end && isSpaceOrTab(text.charCodeAt(first))) first++;
			if (text.startsWith("<!--", first) || text.startsWith("%%", first)) line.hidden = true;
		}
		// Most lines hold no comment marker: skip the walk when the next known ones lie beyond.
		const h = this.nextHtmlOpen;
		const q = this.nextPercent;
		if ((h === -1 || h >= end) && (q === -1 || q >= end)) return true;
		this.walkComments(start, end);
		return true;
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

// ---------------------------------------------------------------------------------------------
// The log section

export interface LogSection {
	/** Start of the heading line. */
	headingStart: number;
	/** End of the heading line's content. */
	headingEnd: number;
	/** Start of the first line after the heading. */
	contentStart: number;
	/** Start of the next heading of the same or a higher level, or `text.length`. */
	end: number;
	level: number;
}

/**
 * The first heading (any level) whose text matches the configured log heading, outside code and
 * comments, and its extent.
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
				found.end = line.start;
				return found;
			}
		} else if (headingMatches(text, line.start, line.end, spec.key)) {
			found = { headingStart: line.start, headingEnd: line.end, contentStart: line.next, end: text.length, level: line.heading };
		}
	}
	return found;
}
