/**
 * A note's lines as offsets into its text: line endings, the BOM, where a line ends, blank ranges
 * and block indentation. Everything works on offsets into the original text, so callers can
 * splice without ever re-serialising what they did not mean to change.
 */
import { BOM_CODE, CR, isSpaceOrTab, SPACE, TAB } from "./char-codes";

export type Eol = "\n" | "\r\n";

export const BOM = "\uFEFF";

/** The note's line ending, judged by its first line break; `\n` when it has none. */
export function detectEol(text: string): Eol {
	const i = text.indexOf("\n");
	return i > 0 && text.charCodeAt(i - 1) === CR ? "\r\n" : "\n";
}

export function bomLength(text: string): number {
	return text.charCodeAt(0) === BOM_CODE ? 1 : 0;
}

/** Where a line's content ends (before `\r\n` or `\n`) and where the next line starts. */
export function lineBounds(text: string, start: number): { end: number; next: number } {
	const nl = text.indexOf("\n", start);
	if (nl === -1) return { end: text.length, next: text.length };
	return { end: nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl, next: nl + 1 };
}

/** True when [start, end) holds only spaces and tabs. */
export function isBlankRange(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) if (!isSpaceOrTab(text.charCodeAt(i))) return false;
	return true;
}

/** Number of leading spaces when at most 3 (CommonMark block indentation), else -1. */
export function blockIndent(text: string, start: number, end: number): number {
	let i = start;
	while (i < end && i - start < 4 && text.charCodeAt(i) === SPACE) i++;
	const n = i - start;
	if (n > 3 || (i < end && text.charCodeAt(i) === TAB)) return -1;
	return n;
}
