/**
 * Calendar dates as integer day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar). A day number names a calendar date, not an instant, so time zones and daylight
 * saving can never move it. Everything after parsing is plain integer arithmetic, which keeps
 * luxon out of hot loops.
 */

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

const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$)/i;

/**
 * Reads a date the way it is written in a note: `YYYY-MM-DD`, an ISO date-time (the date as
 * written, so a value never shifts with the reader's time zone), or a JS `Date` produced by a
 * YAML parser from an unquoted date (its UTC calendar date). Anything else is an error message.
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
	const m = DATE_RE.exec(text);
	if (!m) {
		if (/^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/.test(text)) {
			return { ok: false, error: `'${truncate(text, 60)}' is ambiguous (day-first or month-first?); write it as YYYY-MM-DD` };
		}
		return { ok: false, error: `'${truncate(text, 60)}' is not a date; write it as YYYY-MM-DD` };
	}
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	if (!isValidYmd(year, month, day)) return { ok: false, error: `'${truncate(text, 60)}' is not a real calendar date` };
	if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) {
		return { ok: false, error: `'${truncate(text, 60)}' has an impossible time of day` };
	}
	return { ok: true, day: dayFromYmd(year, month, day) };
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
