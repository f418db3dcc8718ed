/**
 * Calendar dates as integer day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar). A day number names a calendar date, not an instant, so time zones and daylight
 * saving can never move it. Everything after parsing is plain integer arithmetic, which keeps
 * luxon out of hot loops.
 */
import { monthFromName } from "./month-names";

/** Integer count of calendar days since 1970-01-01. */
export type Day = number;

export interface Ymd {
	year: number;
	month: number; // 1-12
	day: number; // 1-31
}

/** Day number of a calendar date (Howard Hinnant's days_from_civil). */
export function dayFromYmd(year: number, month: number, day: number): Day {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (month + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** Calendar date of a day number (civil_from_days). */
export function ymdFromDay(dayNumber: Day): Ymd {
	const z = dayNumber + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
	return (
		Number.isInteger(year) &&
		Number.isInteger(month) &&
		Number.isInteger(day) &&
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysInMonth(year, month)
	);
}

/** Calendar arithmetic: Jan 31 + 1 month = Feb 28 (or 29), never Mar 3. */
export function addMonths(dayNumber: Day, months: number): Day {
	if (months === 0) return dayNumber;
	const { year, month, day } = ymdFromDay(dayNumber);
	const index = year * 12 + (month - 1) + months;
	const newYear = Math.floor(index / 12);
	const newMonth = index - newYear * 12 + 1;
	return dayFromYmd(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

function pad(n: number, width: number): string {
	const s = String(Math.abs(n)).padStart(width, "0");
	return n < 0 ? `-${s}` : s;
}

/** A month or a day of the month in two digits: `03`. */
export function pad2(n: number): string {
	return pad(n, 2);
}

/** `YYYY-MM-DD` */
export function formatDay(dayNumber: Day): string {
	const { year, month, day } = ymdFromDay(dayNumber);
	return `${pad(year, 4)}-${pad2(month)}-${pad2(day)}`;
}

/** The local calendar date of an instant: what the user's wall calendar says "today" is. */
export function localDay(instant: Date): Day {
	return dayFromYmd(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

/** The UTC calendar date of an instant: how js-yaml's unquoted dates must be read. */
export function utcDay(instant: Date): Day {
	return dayFromYmd(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
}

export type DateParse = { ok: true; day: Day } | { ok: false; error: string };

/** 0 = Sunday, as `Date.getDay`. */
const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAY_ABBREVIATIONS = new Map<string, number>([
	...WEEKDAY_NAMES.map((name, i): [string, number] => [name.slice(0, 3), i]),
	["tues", 2],
	["thur", 4],
	["thurs", 4],
]);

/** The weekday names people type, lowercase, Sunday first. */
export const WEEKDAYS: readonly string[] = WEEKDAY_NAMES;

/** 0 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function dayOfWeek(day: Day): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** The weekday (0 = Sunday) a word names: `monday`, `Mon`, `tues.`; null otherwise. */
export function weekdayFromName(word: string): number | null {
	const key = word.toLowerCase().replace(/\.$/, "");
	const full = WEEKDAY_NAMES.indexOf(key);
	return full >= 0 ? full : (WEEKDAY_ABBREVIATIONS.get(key) ?? null);
}

/** "Monday" */
export function weekdayName(day: Day): string {
	return capitalized(WEEKDAY_NAMES[dayOfWeek(day)]);
}

/** English month names for messages ("2 November 2026"); reading them is `month-names.ts`'s job. */
const MONTH_NAMES = [
	"January",
	"February",
	"March",
	"April",
	"May",
	"June",
	"July",
	"August",
	"September",
	"October",
	"November",
	"December",
];

function capitalized(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "2 November 2026", or "2 November" without a year: unambiguous whichever order the reader is used to. */
export function spokenDate(year: number | null, month: number, day: number): string {
	const dayMonth = `${day} ${MONTH_NAMES[month - 1]}`;
	return year === null ? dayMonth : `${dayMonth} ${year}`;
}

/**
 * A date as written in text, before it becomes a day number: `date` (with a null year when
 * written without one and that was allowed), `problem` (date-shaped but unusable, worded for the
 * user: ambiguous, impossible, no year) or `none` (not written as a date at all).
 */
export type WrittenDate =
	{ kind: "date"; year: number | null; month: number; day: number } | { kind: "problem"; error: string } | { kind: "none" };

export interface WrittenDateOptions {
	/** `2 November`, `Nov 2nd` are dates without a year (birthdays, typed dates); otherwise a problem. */
	yearless?: boolean;
}

/**
 * The longest text read as a date ("Wednesday, the 30th of September 2026" and an ISO date-time
 * with fractions and an offset fit easily): anything longer is no date, found without scanning it.
 */
const MAX_DATE_LENGTH = 100;

/**
 * Numbers in one of three orders, with one separator (`-`, `/` or `.`) used twice, and an
 * optional time of day: year first (`2026-11-02`, `2026/11/02`, `2026.11.2`, `2026-11-02T23:30+05:00`)
 * or day and month first (`02/11/2026`, which the caller refuses as ambiguous).
 */
const NUMERIC_DATE_RE =
	/^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** `2-Nov-2026`, as spreadsheets write it. */
const DASHED_NAMED_RE = /^(\d{1,2})-([a-z]+\.?)-(\d{4})$/i;

/** A day of the month, bare or as an English ordinal with the right suffix: `2`, `02`, `2nd`, `21st`, `11th`. */
const DAY_WORD_RE = /^(\d{1,2})(st|nd|rd|th)?$/i;

const YEAR_WORD_RE = /^\d{4}$/;

/**
 * Reads the date in `text` as people write it in a note: year first with `-`, `/` or `.`
 * (`2026-11-02`, `2026/11/02`, `2026.11.02`, an ISO date-time: the date as written, whatever its
 * offset, so a value never shifts with the reader's time zone) or with the month's name
 * (`Nov 2, 2026`, `November 2nd 2026`, `2 November 2026`, `2nd of November 2026`, `2-Nov-2026`,
 * optionally after the weekday, which must then be right). Day and month as two numbers
 * (`02/11/2026`, `2.11.2026`) are a problem naming the readings: whichever day of the month, one
 * habit must give one answer, and from the 1st to the 12th it cannot.
 */
export function readWrittenDate(text: string, options: WrittenDateOptions = {}): WrittenDate {
	const trimmed = text.trim();
	if (trimmed.length > MAX_DATE_LENGTH) return NONE;
	const numeric = NUMERIC_DATE_RE.exec(trimmed);
	if (numeric) return numericDate(trimmed, numeric);
	return namedDate(trimmed, options.yearless === true) ?? NONE;
}

const NONE: WrittenDate = { kind: "none" };

function problem(text: string, what: string): WrittenDate {
	return { kind: "problem", error: `'${truncate(text, 60)}' ${what}` };
}

function numericDate(text: string, m: RegExpExecArray): WrittenDate {
	const [first, second, last] = [m[1], m[3], m[4]].map(Number);
	if (m[1].length === 4 && m[4].length <= 2) {
		if (!isValidYmd(first, second, last)) return problem(text, "is not a real calendar date");
		if (m[5] !== undefined && (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7] ?? 0) > 59)) {
			return problem(text, "has an impossible time of day");
		}
		return { kind: "date", year: first, month: second, day: last };
	}
	if (m[1].length <= 2 && m[4].length === 4) return dayMonthProblem(text, first, second, last);
	return NONE;
}

/** `02/11/2026` names both readings; `27/11/2026` says which order it was written in. */
function dayMonthProblem(text: string, a: number, b: number, year: number): WrittenDate {
	const dayFirst = isValidYmd(year, b, a);
	const monthFirst = isValidYmd(year, a, b);
	if (!dayFirst && !monthFirst) return problem(text, "is not a real calendar date");
	if (dayFirst && monthFirst && a !== b) {
		const readings = `${spokenDate(null, b, a)} or ${spokenDate(year, a, b)}`;
		return problem(text, `is ambiguous (${readings}); write it as ${formatYmd(year, b, a)} or ${formatYmd(year, a, b)}`);
	}
	const order = a === b ? "the day or the month" : dayFirst ? "the day" : "the month";
	const iso = dayFirst ? formatYmd(year, b, a) : formatYmd(year, a, b);
	return problem(text, `puts ${order} first, which is ambiguous for days up to the 12th; write it as ${iso}`);
}

function formatYmd(year: number, month: number, day: number): string {
	return formatDay(dayFromYmd(year, month, day));
}

/** The forms with a month's name; null when `text` is none of them. */
function namedDate(text: string, yearless: boolean): WrittenDate | null {
	const dashed = DASHED_NAMED_RE.exec(text);
	const words = dashed ? dashed.slice(1) : text.split(/[\s,]+/);
	const weekday = weekdayFromName(words[0]);
	const parts = dayMonthYear(weekday === null ? words : words.slice(1));
	if (!parts) return null;
	const { year, month, day } = parts;
	if (!isValidYmd(year ?? 2000, month, day)) return problem(text, "is not a real calendar date");
	if (year === null) {
		return yearless ? { kind: "date", year, month, day } : problem(text, `has no year; write it as YYYY-${pad2(month)}-${pad2(day)}`);
	}
	const actual = dayFromYmd(year, month, day);
	if (weekday !== null && dayOfWeek(actual) !== weekday) {
		return problem(
			text,
			`says ${capitalized(WEEKDAY_NAMES[weekday])}, but ${spokenDate(year, month, day)} is a ${weekdayName(actual)}`,
		);
	}
	return { kind: "date", year, month, day };
}

/** `2 November 2026`, `2nd of Nov`, `Nov 2 2026` (commas already gone): the parts, or null. */
function dayMonthYear(words: readonly string[]): { year: number | null; month: number; day: number } | null {
	let day = dayWord(words[0] ?? "");
	let month: number | null;
	let next: number;
	if (day !== null) {
		const of = words[1]?.toLowerCase() === "of" ? 1 : 0;
		month = monthFromName(words[1 + of] ?? "");
		next = 2 + of;
	} else {
		month = monthFromName(words[0] ?? "");
		day = dayWord(words[1] ?? "");
		next = 2;
	}
	if (month === null || day === null) return null;
	if (next === words.length) return { year: null, month, day };
	if (next + 1 === words.length && YEAR_WORD_RE.test(words[next])) return { year: Number(words[next]), month, day };
	return null;
}

/** `2`, `02`, `2nd`, `11th`, `21st`; null for anything else, `2th` and `11st` included. */
function dayWord(word: string): number | null {
	const m = DAY_WORD_RE.exec(word);
	if (!m) return null;
	const n = Number(m[1]);
	if (m[2] === undefined) return n;
	return m[2].toLowerCase() === ordinalSuffix(n) ? n : null;
}

/** The English ordinal suffix of `n`: `st` (1, 21), `nd` (2, 22), `rd` (3, 23), `th` (4, 11–13, 111). */
export function ordinalSuffix(n: number): string {
	const teen = n % 100 >= 11 && n % 100 <= 13;
	return teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
}

/**
 * Reads a date the way it is written in a note (see `readWrittenDate`: `2026-11-02`, an ISO
 * date-time, `2026/11/02`, `Nov 2, 2026`, `2 November 2026`…), or a JS `Date` produced by a YAML
 * parser from an unquoted date (its UTC calendar date). Anything else is an error message.
 */
export function parseDateValue(value: unknown): DateParse {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return { ok: false, error: "is not a valid date" };
		return { ok: true, day: utcDay(value) };
	}
	if (typeof value === "number") {
		return { ok: false, error: `${value} is a number, not a date; write it as YYYY-MM-DD` };
	}
	if (typeof value !== "string") {
		return { ok: false, error: `${describeValue(value)} is not a date; write it as YYYY-MM-DD` };
	}
	const text = value.trim();
	if (text === "") return { ok: false, error: "is empty; write a date as YYYY-MM-DD" };
	const written = readWrittenDate(text);
	if (written.kind === "date" && written.year !== null) return { ok: true, day: dayFromYmd(written.year, written.month, written.day) };
	if (written.kind === "problem") return { ok: false, error: written.error };
	return { ok: false, error: `'${truncate(text, 60)}' is not a date; write it as YYYY-MM-DD` };
}

/** A short, safe description of an arbitrary value for problem messages. */
export function describeValue(value: unknown): string {
	if (value === null || value === undefined) return "an empty value";
	if (Array.isArray(value)) return "a list";
	if (value instanceof Date) return "a date";
	if (typeof value === "object") return "an object";
	if (typeof value === "string") return `'${truncate(value, 60)}'`;
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	return "a value of an unknown kind";
}

export function truncate(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
