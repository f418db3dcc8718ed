/**
 * The daily note date format (tokens YYYY, MM, DD, `[literal]` and punctuation): a day written in
 * it, and a date read in it (`entry-date.ts` reads the other forms), without allocating.
 */
import { DIGIT_0, isDigitCode } from "./char-codes";
import { dayFromYmd, formatDay, pad2, ymdFromDay, type Day } from "./dates";

export type FormatToken = "Y" | "M" | "D" | { literal: string };

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
export const NO_DAY: Day = Number.NaN;

export function hasDay(day: Day): boolean {
	return !Number.isNaN(day);
}

/** The number written with `count` digits at `at`, or -1. */
export function digitsAt(text: string, at: number, count: number, end: number): number {
	if (at + count > end) return -1;
	let n = 0;
	for (let i = at; i < at + count; i++) {
		const c = text.charCodeAt(i) - DIGIT_0;
		if (c < 0 || c > 9) return -1;
		n = n * 10 + c;
	}
	return n;
}

/** Day number of a real calendar date, else NO_DAY. Inlined validity check: this runs per entry. */
export function validDay(y: number, m: number, d: number): Day {
	if (m < 1 || m > 12 || d < 1) return NO_DAY;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	const max = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
	return d > max ? NO_DAY : dayFromYmd(y, m, d);
}

// Dates are matched without allocating: a match returns the day (or NO_DAY) and its length is fixed
// by the format, so callers know where it ends.

/** How many characters a date in the format takes. */
export function formatLength(tokens: FormatToken[]): number {
	let n = 0;
	for (const t of tokens) n += t === "Y" ? 4 : typeof t === "object" ? t.literal.length : 2;
	return n;
}

/** A date in the daily-note format at `at` (`formatLength(tokens)` characters), or NO_DAY. */
export function formattedDateAt(text: string, at: number, end: number, tokens: FormatToken[]): Day {
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
