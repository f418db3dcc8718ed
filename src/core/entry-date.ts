/**
 * The date at the start of a log entry — a list item's text, a date sub-heading's, a table row's
 * first cell — in every form people write one: `2026-11-20`, `2026/11/20`, `2026.11.20`,
 * `20/11/2026`, `20 Nov 2026`, `20th November 2026`, `Nov 20, 2026`, the daily-note format, each
 * bare, bold (`**…**`), italic or linked (`[[…]]`, `[[Daily/…|alias]]`), after a task checkbox.
 *
 * The reader runs on every entry of every person note at indexing time: it looks at a few
 * characters from one offset, never past the line, and allocates only to look up a month word.
 * It tells a date it read from a date-shaped text that is no date (`2026-11-31`, `31 Nov 2026`)
 * and from a numeric date that reads two ways (`02/11/2026`), so those can be reported rather
 * than dropped. A date must be followed by no further digit, and a month word by no further
 * letter: `2026 was a good year`, `20 Novembers ago` and `2026-11-200` are no dates at all.
 */
import {
	ASTERISK,
	CLOSE_BRACKET,
	COMMA,
	DIGIT_0,
	HASH,
	HYPHEN,
	LOWER_A,
	LOWER_CASE_BIT,
	LOWER_Z,
	OPEN_BRACKET,
	PERIOD,
	PIPE,
	SLASH,
	SPACE,
	TAB,
	UNDERSCORE,
	isDigitCode,
} from "./char-codes";
import { digitsAt, formatDailyDate, formatLength, formattedDateAt, hasDay, NO_DAY, validDay, type FormatToken } from "./daily-format";
import { formatDay, pad2, ymdFromDay, type Day } from "./dates";
import { LONGEST_MONTH_NAME, monthFromName } from "./month-names";

/** Nothing date-shaped at the offset. */
export const NO_DATE = 0;
/** A date was read (`day`). */
export const READ = 1;
/** Date-shaped, but no day of the calendar: `2026-11-31`, `2026-13-01`, `31 Nov 2026`. */
export const NOT_REAL = 2;
/** Day and month both 12 or less, and different: `02/11/2026` is 2 November or 11 February. */
export const AMBIGUOUS = 3;
export type DateStatus = typeof NO_DATE | typeof READ | typeof NOT_REAL | typeof AMBIGUOUS;

/** `st`, `nd`, `rd`, `th` side by side, compared by code without making a string. */
const ORDINAL_SUFFIXES = "stndrdth";
/** The first letters of the month words: other words are not looked up. */
const MONTH_INITIALS = "jfmasond";

/** How a date was written: `ymd` (year first, any separator), the daily-note format, month words, or day/month numbers. */
export type DateForm = "ymd" | "daily" | "day-month" | "month-day" | "numeric";

/** Enough of how an entry wrote its date to write another day the same way. */
export interface DateStyle {
	form: DateForm;
	/** `-`, `/` or `.` between a `ymd` date's numbers. */
	separator: string;
	/** `November` rather than `Nov`. */
	longMonth: boolean;
	/** `20th` rather than `20`. */
	ordinal: boolean;
	/** `Nov 20, 2026` rather than `Nov 20 2026`. */
	comma: boolean;
	/** `**`, `__`, `*`, `_` or "" around the date. */
	emphasis: string;
	/** Written as a link; `folder` is the link target's path before the date (`Daily/`). */
	link: boolean;
	folder: string;
}

/** English month names as dates are written back ("November", "Nov"): from the platform, not another copy of the list. */
const MONTH_FORMAT = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" });

function monthName(month: number, long = true): string {
	const name = MONTH_FORMAT.format(Date.UTC(2000, month - 1, 1));
	return long ? name : name.slice(0, 3);
}

export class EntryDateReader {
	status: DateStatus = NO_DATE;
	/** The day read (READ), else NO_DAY. */
	day: Day = NO_DAY;
	/** The date's text is [from, to): what a problem message quotes. */
	from = 0;
	to = 0;
	/** An AMBIGUOUS date's two readings. */
	dayFirst: Day = NO_DAY;
	monthFirst: Day = NO_DAY;
	// How the date was written (see DateStyle), kept as plain fields: set on every read, copied only when asked.
	private form: DateForm = "ymd";
	private separator = HYPHEN;
	private longMonth = false;
	private ordinal = false;
	private comma = false;
	private emphasisFrom = 0;
	private emphasisTo = 0;
	private linkFrom = -1;
	/** End of the digits or letters the last `numberAt` / `monthAt` read. */
	private cursor = 0;

	/** The daily-note format, unless it is `YYYY-MM-DD`, which `yearFirst` reads anyway. */
	private readonly tokens: FormatToken[] | null;

	constructor(tokens: FormatToken[] | null) {
		this.tokens = tokens && !isIsoFormat(tokens) ? tokens : null;
	}

	/**
	 * Reads the date at the start of an entry's text [i, end): after an optional task checkbox
	 * (`[ ]`, `[x]`, any one character), optional emphasis marks and an optional link. Returns
	 * (and keeps in `status`) what was found.
	 */
	read(text: string, i: number, end: number): DateStatus {
		this.linkFrom = -1;
		i = afterCheckbox(text, i, end);
		const marks = emphasisLength(text, i, end);
		this.emphasisFrom = i;
		this.emphasisTo = i + marks;
		i += marks;
		if (text.charCodeAt(i) === OPEN_BRACKET && text.charCodeAt(i + 1) === OPEN_BRACKET) return this.readLink(text, i + 2, end);
		return this.readDate(text, i, end);
	}

	/** The message for a NOT_REAL or AMBIGUOUS read, worded like the plugin's other problems; null otherwise. */
	problem(text: string): string | null {
		const written = text.slice(this.from, this.to);
		if (this.status === NOT_REAL) return `log entry '${written}' is not a real calendar date`;
		if (this.status !== AMBIGUOUS) return null;
		const a = ymdFromDay(this.dayFirst);
		const b = ymdFromDay(this.monthFirst);
		const readings = `${a.day} ${monthName(a.month)} or ${b.day} ${monthName(b.month)} ${a.year}`;
		return `log entry '${written}' is ambiguous (${readings}); write it as ${formatDay(this.dayFirst)} or ${formatDay(this.monthFirst)}`;
	}

	/** How the last date read was written. */
	style(text: string): DateStyle {
		const link = this.linkFrom >= 0;
		return {
			form: this.form,
			separator: String.fromCharCode(this.separator),
			longMonth: this.longMonth,
			ordinal: this.ordinal,
			comma: this.comma,
			emphasis: text.slice(this.emphasisFrom, this.emphasisTo),
			link,
			folder: link ? text.slice(this.linkFrom, this.from) : "",
		};
	}

	/**
	 * A link's target [from, `|` `#` or `]]`) must be a date as a whole: in the daily-note format
	 * (which may hold folders, `YYYY/MM/YYYY-MM-DD`), any form above, or such a date after the
	 * daily notes folder (`Daily/2026-11-20`). `[[2026-11-20 notes]]` is a note's name, no date.
	 */
	private readLink(text: string, from: number, end: number): DateStatus {
		let targetEnd = from;
		while (targetEnd < end) {
			const c = text.charCodeAt(targetEnd);
			if (c === PIPE || c === HASH || (c === CLOSE_BRACKET && text.charCodeAt(targetEnd + 1) === CLOSE_BRACKET)) break;
			targetEnd++;
		}
		if (targetEnd >= end) return this.none(from);
		this.linkFrom = from;
		if (this.tokens && targetEnd - from === formatLength(this.tokens)) {
			const d = formattedDateAt(text, from, targetEnd, this.tokens);
			if (hasDay(d)) return this.found(d, from, targetEnd, "daily");
		}
		if (this.wholeDate(text, from, targetEnd) !== NO_DATE) return this.status;
		// Searched back only within the target: a search over the whole note would cost a pass per entry.
		let segment = targetEnd;
		while (segment > from && text.charCodeAt(segment - 1) !== SLASH) segment--;
		if (segment > from && this.wholeDate(text, segment, targetEnd) !== NO_DATE) return this.status;
		return this.none(from);
	}

	/** A date filling [from, end) exactly, else NO_DATE. */
	private wholeDate(text: string, from: number, end: number): DateStatus {
		return this.readDate(text, from, end) !== NO_DATE && this.to === end ? this.status : this.none(from);
	}

	/** A date in any form at `i`. */
	private readDate(text: string, i: number, end: number): DateStatus {
		const c = text.charCodeAt(i);
		if (isDigitCode(c)) {
			const yearFirst = this.yearFirst(text, i, end);
			if (yearFirst === READ) return yearFirst;
			if (this.dailyFormat(text, i, end)) return READ;
			if (yearFirst === NOT_REAL) return yearFirst;
			const numeric = this.yearLast(text, i, end);
			return numeric !== NO_DATE ? numeric : this.dayMonth(text, i, end);
		}
		if (this.dailyFormat(text, i, end)) return READ;
		return isMonthInitial(c) ? this.monthDay(text, i, end) : this.none(i);
	}

	/** `2026-11-20`, `2026/11/20`, `2026.11.20` (month and day may have one digit): year first is never ambiguous. */
	private yearFirst(text: string, i: number, end: number): DateStatus {
		const year = digitsAt(text, i, 4, end);
		const separator = text.charCodeAt(i + 4);
		if (year < 0 || (separator !== HYPHEN && separator !== SLASH && separator !== PERIOD)) return this.none(i);
		const month = this.numberAt(text, i + 5, end);
		if (month < 0 || text.charCodeAt(this.cursor) !== separator) return this.none(i);
		const day = this.numberAt(text, this.cursor + 1, end);
		if (day < 0 || this.digitFollows(text, end)) return this.none(i);
		this.separator = separator;
		return this.result(validDay(year, month, day), i, "ymd");
	}

	/** The daily-note format, when it is not ISO (which `yearFirst` read). */
	private dailyFormat(text: string, i: number, end: number): boolean {
		if (!this.tokens) return false;
		const d = formattedDateAt(text, i, end, this.tokens);
		if (!hasDay(d)) return false;
		this.found(d, i, i + formatLength(this.tokens), "daily");
		return true;
	}

	/**
	 * `20/11/2026`, `11/20/2026`, `20.11.2026`, `20-11-2026`: read when only one order makes a date
	 * (or both give the same day), AMBIGUOUS when both do (`02/11/2026`), NOT_REAL when neither does.
	 */
	private yearLast(text: string, i: number, end: number): DateStatus {
		const first = this.numberAt(text, i, end);
		const separator = text.charCodeAt(this.cursor);
		if (first < 0 || (separator !== HYPHEN && separator !== SLASH && separator !== PERIOD)) return this.none(i);
		const second = this.numberAt(text, this.cursor + 1, end);
		if (second < 0 || text.charCodeAt(this.cursor) !== separator) return this.none(i);
		const yearAt = this.cursor + 1;
		const year = digitsAt(text, yearAt, 4, end);
		this.cursor = yearAt + 4;
		if (year < 0 || this.digitFollows(text, end)) return this.none(i);
		const dayFirst = validDay(year, second, first);
		const monthFirst = validDay(year, first, second);
		if (hasDay(dayFirst) && hasDay(monthFirst) && dayFirst !== monthFirst) {
			this.dayFirst = dayFirst;
			this.monthFirst = monthFirst;
			return this.settle(AMBIGUOUS, NO_DAY, i, "numeric");
		}
		return this.result(hasDay(dayFirst) ? dayFirst : monthFirst, i, "numeric");
	}

	/** `20 Nov 2026`, `20th November 2026`, `20. November 2026`, `20 Nov, 2026`. */
	private dayMonth(text: string, i: number, end: number): DateStatus {
		const day = this.numberAt(text, i, end);
		if (day < 0) return this.none(i);
		let at = this.afterOrdinal(text, this.cursor, end);
		if (!this.ordinal && text.charCodeAt(at) === PERIOD) at++;
		const month = this.monthAt(text, afterSpaces(text, at, end, 1), end);
		if (month < 0) return this.none(i);
		return this.yearAfter(text, this.cursor, end, month, day, i, "day-month");
	}

	/** `Nov 20, 2026`, `November 20th 2026`. */
	private monthDay(text: string, i: number, end: number): DateStatus {
		const month = this.monthAt(text, i, end);
		if (month < 0) return this.none(i);
		const day = this.numberAt(text, afterSpaces(text, this.cursor, end, 1), end);
		if (day < 0) return this.none(i);
		return this.yearAfter(text, this.afterOrdinal(text, this.cursor, end), end, month, day, i, "month-day");
	}

	/** The `, 2026` or ` 2026` that ends a date written with a month word. */
	private yearAfter(text: string, at: number, end: number, month: number, day: number, from: number, form: DateForm): DateStatus {
		this.comma = text.charCodeAt(at) === COMMA;
		const yearAt = afterSpaces(text, this.comma ? at + 1 : at, end, 1);
		const year = yearAt < 0 ? -1 : digitsAt(text, yearAt, 4, end);
		this.cursor = yearAt + 4;
		if (year < 0 || this.digitFollows(text, end)) return this.none(from);
		return this.result(validDay(year, month, day), from, form);
	}

	/** A one- or two-digit number at `at` (not three), its end in `cursor`; -1 when there is none. */
	private numberAt(text: string, at: number, end: number): number {
		if (at < 0 || at >= end || !isDigitCode(text.charCodeAt(at))) return -1;
		let n = text.charCodeAt(at) - DIGIT_0;
		let i = at + 1;
		if (i < end && isDigitCode(text.charCodeAt(i))) n = n * 10 + text.charCodeAt(i++) - DIGIT_0;
		if (i < end && isDigitCode(text.charCodeAt(i))) return -1;
		this.cursor = i;
		return n;
	}

	/** The month a word at `at` names (`Nov`, `nov.`, `November`, `Sept`), its end in `cursor`; -1 otherwise. */
	private monthAt(text: string, at: number, end: number): number {
		if (at < 0) return -1;
		let i = at;
		let key = 0;
		while (i < end && i - at <= LONGEST_MONTH_NAME && isLetter(text.charCodeAt(i))) {
			key = key * 27 + (text.charCodeAt(i) | LOWER_CASE_BIT) - LOWER_A + 1;
			i++;
		}
		const length = i - at;
		if (length < 3 || length > LONGEST_MONTH_NAME) return -1;
		const month = monthByKey(key, text, at, i);
		if (month < 0) return -1;
		// Four letters are a full name (June, July) except for Sept.
		this.longMonth = length > 4 || (length === 4 && month !== 9);
		this.cursor = text.charCodeAt(i) === PERIOD ? i + 1 : i;
		return month;
	}

	/** After `st`, `nd`, `rd` or `th` at `at` (any case), setting `ordinal`; else `at`. */
	private afterOrdinal(text: string, at: number, end: number): number {
		const a = text.charCodeAt(at) | LOWER_CASE_BIT;
		const b = text.charCodeAt(at + 1) | LOWER_CASE_BIT;
		let pair = false;
		for (let k = 0; k < ORDINAL_SUFFIXES.length && !pair; k += 2) {
			pair = ORDINAL_SUFFIXES.charCodeAt(k) === a && ORDINAL_SUFFIXES.charCodeAt(k + 1) === b;
		}
		this.ordinal = pair && at + 2 <= end && !isLetter(text.charCodeAt(at + 2));
		return this.ordinal ? at + 2 : at;
	}

	private digitFollows(text: string, end: number): boolean {
		return this.cursor < end && isDigitCode(text.charCodeAt(this.cursor));
	}

	/** READ when `day` is a day, NOT_REAL when the shape was a date's but the numbers are not, ending at `cursor`. */
	private result(day: Day, from: number, form: DateForm): DateStatus {
		return hasDay(day) ? this.found(day, from, this.cursor, form) : this.settle(NOT_REAL, NO_DAY, from, form);
	}

	private found(day: Day, from: number, to: number, form: DateForm): DateStatus {
		this.cursor = to;
		return this.settle(READ, day, from, form);
	}

	private settle(status: DateStatus, day: Day, from: number, form: DateForm): DateStatus {
		this.status = status;
		this.day = day;
		this.from = from;
		this.to = this.cursor;
		this.form = form;
		return status;
	}

	private none(at: number): DateStatus {
		this.status = NO_DATE;
		this.day = NO_DAY;
		this.from = this.to = at;
		return NO_DATE;
	}
}

function isIsoFormat(tokens: FormatToken[]): boolean {
	const [y, dash1, m, dash2, d] = tokens;
	const dash = (t: FormatToken | undefined) => typeof t === "object" && t.literal === "-";
	return tokens.length === 5 && y === "Y" && dash(dash1) && m === "M" && dash(dash2) && d === "D";
}

/** After a task checkbox (`[ ]`, `[x]`, `[-]`: any one character) and the space after it; else `i`. */
function afterCheckbox(text: string, i: number, end: number): number {
	if (i + 3 > end || text.charCodeAt(i) !== OPEN_BRACKET || text.charCodeAt(i + 2) !== CLOSE_BRACKET) return i;
	const box = text.charCodeAt(i + 1);
	if (box === OPEN_BRACKET || box === CLOSE_BRACKET) return i;
	return afterSpaces(text, i + 3, end, 0);
}

/** `**` or `__` (2), `*` or `_` before a non-space (1), else 0. */
function emphasisLength(text: string, i: number, end: number): number {
	const c = text.charCodeAt(i);
	if (c !== ASTERISK && c !== UNDERSCORE) return 0;
	if (text.charCodeAt(i + 1) === c) return 2;
	const next = text.charCodeAt(i + 1);
	return i + 1 < end && next !== SPACE && next !== TAB ? 1 : 0;
}

/** After at least `min` spaces or tabs from `at`; -1 when there are fewer. */
function afterSpaces(text: string, at: number, end: number, min: number): number {
	let i = at;
	while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
	return i - at >= min ? i : -1;
}

/**
 * Words already looked up, by their letters read as a number (base 27, case folded; nine letters
 * fit): a log writes the same few month words thousands of times, and this looks them up without
 * making a string. Bounded, since every word starting a list item with a month's initial is asked.
 */
const MONTH_WORDS = new Map<number, number>();
const MONTH_WORDS_KEPT = 2000;

function monthByKey(key: number, text: string, from: number, to: number): number {
	const known = MONTH_WORDS.get(key);
	if (known !== undefined) return known;
	const month = monthFromName(text.slice(from, to)) ?? -1;
	if (MONTH_WORDS.size < MONTH_WORDS_KEPT) MONTH_WORDS.set(key, month);
	return month;
}

function isLetter(c: number): boolean {
	const lower = c | LOWER_CASE_BIT;
	return lower >= LOWER_A && lower <= LOWER_Z;
}

function isMonthInitial(c: number): boolean {
	return isLetter(c) && MONTH_INITIALS.includes(String.fromCharCode(c | LOWER_CASE_BIT));
}

/** `day` written as `style` says (the daily-note format for `daily`; ISO for day/month numbers, which could read two ways). */
export function formatStyledDate(day: Day, style: DateStyle, dailyNoteFormat: string): string {
	const { year, month, day: date } = ymdFromDay(day);
	const name = monthName(month, style.longMonth);
	const ordinal = style.ordinal ? ordinalSuffix(date) : "";
	const yyyy = String(year).padStart(4, "0");
	let written: string;
	if (style.form === "ymd") written = [yyyy, pad2(month), pad2(date)].join(style.separator);
	else if (style.form === "daily") written = formatDailyDate(day, dailyNoteFormat);
	else if (style.form === "day-month") written = `${date}${ordinal} ${name} ${yyyy}`;
	else if (style.form === "month-day") written = `${name} ${date}${ordinal}${style.comma ? "," : ""} ${yyyy}`;
	else written = formatDay(day);
	if (style.link) written = `[[${style.folder}${written}]]`;
	return `${style.emphasis}${written}${style.emphasis}`;
}

function ordinalSuffix(n: number): string {
	if (n % 100 >= 11 && n % 100 <= 13) return "th";
	return n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
}
