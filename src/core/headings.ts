/**
 * Headings: the log heading setting, ATX heading lines, and whether a heading's text is the log
 * heading's. Matching runs on every heading of every person note, so it rejects on the first
 * character without allocating.
 */
import { FIRST_NON_ASCII, HASH, isSpaceOrTab, LOWER_CASE_BIT, SPACE, UPPER_A, UPPER_Z } from "./char-codes";
import type { ScanLine } from "./line-scanner";
import { blockIndent } from "./text-lines";

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
	while (hashes < trimmed.length && trimmed.charCodeAt(hashes) === HASH) hashes++;
	const rest = trimmed.slice(hashes);
	const text = rest.slice(0, withoutClosingSequence(rest, 0, rest.length)).trim() || "Interactions";
	const level = hashes >= 1 && hashes <= 6 ? hashes : 2;
	return { level, key: normalizeHeadingText(text), line: `${"#".repeat(level)} ${text}` };
}

/** ATX heading level (1-6) of the line, 0 when it is not a heading. */
export function headingLevelAt(text: string, start: number, end: number): number {
	const indent = blockIndent(text, start, end);
	if (indent < 0) return 0;
	let i = start + indent;
	let level = 0;
	while (i < end && text.charCodeAt(i) === HASH) {
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
	while (h > i && text.charCodeAt(h - 1) === HASH) h--;
	if (h < e && (h === i || isSpaceOrTab(text.charCodeAt(h - 1)))) e = h;
	return e;
}

/** Text of a heading line without the `#` marks and an optional closing `#` sequence. */
export function headingTextAt(text: string, start: number, end: number): string {
	let i = start;
	while (i < end && text.charCodeAt(i) === SPACE) i++;
	while (i < end && text.charCodeAt(i) === HASH) i++;
	return text.slice(i, withoutClosingSequence(text, i, end)).trim();
}

/** ASCII lower case of a char code (other codes unchanged). */
function lowerCode(c: number): number {
	return c >= UPPER_A && c <= UPPER_Z ? c + LOWER_CASE_BIT : c;
}

/**
 * Whether the heading line [start, end) has the normalised text `key`. Rejects on the first
 * character without allocating, since most headings of a note are not the log heading.
 */
export function headingMatches(text: string, start: number, end: number, key: string): boolean {
	let i = start;
	while (i < end && text.charCodeAt(i) === SPACE) i++;
	while (i < end && text.charCodeAt(i) === HASH) i++;
	while (i < end && isSpaceOrTab(text.charCodeAt(i))) i++;
	if (i >= end) return key === "";
	const c = text.charCodeAt(i);
	const k = key.charCodeAt(0);
	if (c < FIRST_NON_ASCII && k < FIRST_NON_ASCII && lowerCode(c) !== k) return false;
	return normalizeHeadingText(headingTextAt(text, start, end)) === key;
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
	if (c < FIRST_NON_ASCII && k < FIRST_NON_ASCII && lowerCode(c) !== k) return false;
	return normalizeHeadingText(text.slice(line.headingStart, line.setextTextEnd)) === key;
}
