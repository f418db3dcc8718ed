/**
 * Block starts, shared by the scanner's paragraph tracking and the log reader: list items,
 * thematic breaks, blockquotes and HTML blocks, which end an open paragraph (and so a log entry's
 * lazy continuation lines).
 */
import {
	ASTERISK,
	CLOSE_PAREN,
	DIGIT_0,
	DIGIT_9,
	EXCLAMATION,
	GREATER_THAN,
	HASH,
	HYPHEN,
	isDigitCode,
	LESS_THAN,
	LF,
	LOWER_A,
	LOWER_CASE_BIT,
	LOWER_Z,
	PERIOD,
	PLUS,
	QUESTION,
	SLASH,
	SPACE,
	TAB,
	UNDERSCORE,
} from "./char-codes";
import { headingLevelAt } from "./headings";

/**
 * Offset of the text after a list marker (`- `, `* `, `+ `, `1. `, `1) `) at `start`, or -1
 * (`end` for an empty item). The log reader takes only items at column 0 as entries: indented
 * ones belong to an entry above.
 */
export function listItemTextAt(text: string, start: number, end: number): number {
	let i = start;
	const c = text.charCodeAt(i);
	if (c === HYPHEN || c === ASTERISK || c === PLUS) {
		i++;
	} else if (isDigitCode(c)) {
		while (i < end && i - start < 9 && isDigitCode(text.charCodeAt(i))) i++;
		const d = text.charCodeAt(i);
		if (d !== PERIOD && d !== CLOSE_PAREN) return -1;
		i++;
	} else {
		return -1;
	}
	if (i === end) return i;
	const s = text.charCodeAt(i);
	if (s !== SPACE && s !== TAB) return -1;
	while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
	return i;
}

/** Three or more `-`, `*` or `_` (one kind) with only spaces and tabs between: `---`, `* * *`. */
export function isThematicBreak(text: string, start: number, end: number): boolean {
	const c = text.charCodeAt(start);
	if (c !== HYPHEN && c !== ASTERISK && c !== UNDERSCORE) return false;
	let count = 0;
	for (let i = start; i < end; i++) {
		const k = text.charCodeAt(i);
		if (k === c) count++;
		else if (k !== SPACE && k !== TAB) return false;
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
	if (c === QUESTION) return true;
	if (c === EXCLAMATION) {
		const d = text.charCodeAt(i + 1) | LOWER_CASE_BIT;
		return (d >= LOWER_A && d <= LOWER_Z) || text.startsWith("[CDATA[", i + 1);
	}
	const closing = c === SLASH;
	if (closing) i++;
	const nameStart = i;
	// Tag names are short: stop after 12 characters (a longer run is no block tag).
	while (i < end && i - nameStart < 12) {
		const k = text.charCodeAt(i) | LOWER_CASE_BIT;
		if (!((k >= LOWER_A && k <= LOWER_Z) || (k >= DIGIT_0 && k <= DIGIT_9 && i > nameStart))) break;
		i++;
	}
	if (i === nameStart) return false;
	const t = i < end ? text.charCodeAt(i) : LF;
	if (!(t === LF || t === SPACE || t === TAB || t === GREATER_THAN || (t === SLASH && text.charCodeAt(i + 1) === GREATER_THAN)))
		return false;
	const name = text.slice(nameStart, i).toLowerCase();
	return HTML_BLOCK_TAGS.has(name) || (!closing && t !== SLASH && RAW_TEXT_TAGS.has(name));
}

/**
 * A block that ends an open paragraph starts at `start` (besides list items, headings, fences and
 * comments, which the caller knows): a thematic break, a blockquote or an HTML block.
 */
export function opensBlock(text: string, start: number, end: number): boolean {
	const c = text.charCodeAt(start);
	if (c === GREATER_THAN) return true;
	if (c === LESS_THAN) return opensHtmlBlock(text, start, end);
	return isThematicBreak(text, start, end);
}

/** Whether a visible line whose content starts at `at` leaves a paragraph open (a quote's included). */
export function leavesParagraphOpen(text: string, at: number, end: number): boolean {
	const c = text.charCodeAt(at);
	if (c === HASH && headingLevelAt(text, at, end) !== 0) return false;
	return c === GREATER_THAN || !opensBlock(text, at, end);
}
