/**
 * Headings: the log heading setting, ATX heading lines, and whether a heading's text is the log
 * heading's. Matching runs on every heading of every person note, so it rejects on the first
 * character without allocating.
 */
import {
	ASTERISK,
	COLON,
	DIGIT_0,
	DIGIT_9,
	EQUALS,
	FIRST_NON_ASCII,
	HASH,
	LOWER_A,
	LOWER_CASE_BIT,
	LOWER_Z,
	SPACE,
	TILDE,
	UNDERSCORE,
	UPPER_A,
	UPPER_Z,
	isSpaceOrTab,
} from "./char-codes";
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

/**
 * A heading's words as they are compared: case-insensitive, spaces collapsed, and with what
 * decorates a heading rather than names it set aside, so that `## Interactions 📞`,
 * `## 📞 Interactions`, `## Interactions (2026)`, `## Interactions — 2026` and
 * `## **Interactions**:` all read as `interactions`: emoji, parts without a letter or a digit
 * (`—`, `|`), emphasis marks and a colon around a word, a trailing parenthetical, and a trailing
 * year (`2026`, `2025-2026`) when other words remain. Other words are kept, so `## Interactions
 * with the team` and `## Past interactions` stay different headings. The setting is read the same
 * way; when nothing but decoration is left (a heading `## 2026` or `## 📞`), the whole text counts.
 */
export function normalizeHeadingText(text: string): string {
	const plain = text.trim().replace(/\s+/g, " ").toLowerCase();
	return headingWords(plain) || plain;
}

/** Emoji (and what joins or varies them): decoration, not words. */
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]|\u200d|\ufe0e|\ufe0f|\u20e3/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A year or a span of years closing a heading: `2026`, `2025-2026`, `2025–26`. */
const YEAR_WORD = /^\d{4}(?:[-–—/]\d{2,4})?$/;

function headingWords(plain: string): string {
	let t = plain.replace(EMOJI, " ").trimEnd();
	// A parenthetical running to the end (`(2026)`, `(since 2020)`), unless it is all there is.
	const open = t.endsWith(")") ? t.lastIndexOf("(") : -1;
	if (open > 0) t = t.slice(0, open);
	const words: string[] = [];
	for (const part of t.split(" ")) {
		const word = withoutMarks(part);
		if (WORD_CHAR.test(word)) words.push(word);
	}
	if (words.length > 1 && YEAR_WORD.test(words[words.length - 1])) words.pop();
	return words.join(" ");
}

/** A word without emphasis marks around it and a trailing colon: `**interactions**:` → `interactions`. */
function withoutMarks(word: string): string {
	let start = 0;
	let end = word.length;
	while (start < end && isMark(word.charCodeAt(start))) start++;
	while (end > start && (isMark(word.charCodeAt(end - 1)) || word.charCodeAt(end - 1) === COLON)) end--;
	return start === 0 && end === word.length ? word : word.slice(start, end);
}

function isMark(c: number): boolean {
	return c === ASTERISK || c === UNDERSCORE || c === TILDE || c === EQUALS;
}

/**
 * Reads the heading setting: `## Interactions` → level 2, `Interactions` alone → level 2 too. An
 * ATX closing sequence (`## Interactions ##`) is not part of the text, as in a note: the setting
 * is written as a heading line, and read back the way the note's headings are.
 */
export function parseHeadingSetting(setting: string): HeadingSpec {
	// Read for every note at indexing time, always with the same setting.
	const known = settingCache.get(setting);
	if (known) return known;
	const spec = readHeadingSetting(setting);
	if (settingCache.size > 16) settingCache.clear();
	settingCache.set(setting, spec);
	return spec;
}

const settingCache = new Map<string, HeadingSpec>();

function readHeadingSetting(setting: string): HeadingSpec {
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
 * Whether a heading whose text starts with `c` surely does not normalise to `key`: an ASCII letter
 * or digit starts the normalised words too (nothing before it was set aside), so it must be the
 * key's first character. Anything else (an emoji, `(`, `*`) may be set aside: the slow path decides.
 */
function firstCharDiffers(c: number, key: string): boolean {
	const lower = lowerCode(c);
	const alphanumeric = (lower >= LOWER_A && lower <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9);
	const k = key.charCodeAt(0);
	return alphanumeric && k < FIRST_NON_ASCII && lower !== k;
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
	if (firstCharDiffers(text.charCodeAt(i), key)) return false;
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
	if (firstCharDiffers(text.charCodeAt(i), key)) return false;
	return normalizeHeadingText(text.slice(line.headingStart, line.setextTextEnd)) === key;
}

/**
 * The year a heading names at its end (`Interactions 2026`, `Interactions (2026)`), or null: with
 * one log section a year, a new entry goes to its year's section.
 */
export function headingYear(text: string): number | null {
	const m = /(?:^|[\s(])(\d{4})\)?$/.exec(text.trim());
	return m ? Number(m[1]) : null;
}
