/**
 * Dates as a person types them in the log modal or a query: `today`, `yesterday`, `3 days ago`,
 * `in 2 weeks`, `last friday`, `2026-06-01`, and every form a note's date may take (`Nov 2, 2026`,
 * `2026/11/02`…), with or without the year (`Nov 2`). "Today" is passed in, never read from the
 * clock, so the same text means the same day in tests, in the CLI and in every time zone.
 */
import { addSpan, closestWord, fixTypos, parseCadence, type Span } from "./cadence";
import {
	addMonths,
	dayFromYmd,
	dayOfWeek,
	describeValue,
	formatDay,
	isValidYmd,
	readWrittenDate,
	weekdayFromName,
	WEEKDAYS,
	ymdFromDay,
	type DateParse,
	type Day,
} from "./dates";

const NAMED = new Map<string, number>([
	["today", 0],
	["now", 0],
	["yesterday", -1],
	["tomorrow", 1],
]);

/** Words a date input may contain, the vocabulary typos are corrected against. */
const VOCABULARY: readonly string[] = [
	...NAMED.keys(),
	...WEEKDAYS,
	"ago",
	"in",
	"from",
	"last",
	"next",
	"day",
	"days",
	"week",
	"weeks",
	"fortnight",
	"fortnights",
	"month",
	"months",
	"year",
	"years",
];

/** Longer than any date anyone types: refused before any work, however long the text is. */
const MAX_INPUT_LENGTH = 100;

const COUNT = String.raw`(\d+|an?|one)`;
const AGO_RE = new RegExp(`^${COUNT} ?([a-z]+) ago$`);
const IN_RE = new RegExp(`^in ${COUNT} ?([a-z]+)$`);
const FROM_NOW_RE = new RegExp(`^${COUNT} ?([a-z]+) from now$`);

/**
 * Reads what a person typed for a date. Relative months and years are calendar arithmetic
 * (`1 month ago` on Mar 31 is Feb 28/29). Never throws; an error names the input, e.g. `'blorp' is
 * not a date; try today, yesterday, 3 days ago or 2026-11-26`.
 */
export function parseDateInput(text: string, today: Day): DateParse {
	const hint = `try today, yesterday, 3 days ago or ${formatDay(today)}`;
	if (typeof text !== "string") return { ok: false, error: `${describeValue(text)} is not a date; ${hint}` };
	const trimmed = text.trim();
	if (trimmed === "") return { ok: false, error: `is empty; ${hint}` };
	if (trimmed.length > MAX_INPUT_LENGTH) return { ok: false, error: `${describeValue(trimmed)} is not a date; ${hint}` };
	const norm = trimmed.toLowerCase().replace(/\s+/g, " ");
	const relative = parseRelative(norm, today);
	if (relative) return relative;
	const written = readWrittenDate(trimmed, { yearless: true });
	if (written.kind === "date") {
		const { year, month, day } = written;
		return { ok: true, day: year === null ? latestOnOrBefore(month, day, today) : dayFromYmd(year, month, day) };
	}
	// A date-like input gets the precise complaint ("not a real calendar date", "ambiguous").
	if (written.kind === "problem") return { ok: false, error: written.error };
	return { ok: false, error: `${describeValue(trimmed)} is not a date; ${suggestion(norm, today) ?? hint}` };
}

/**
 * `Nov 2` typed without a year is the latest Nov 2 on or before today, as a weekday is: people
 * log what already happened. Feb 29 goes back to the latest leap year.
 */
function latestOnOrBefore(month: number, day: number, today: Day): Day {
	let year = ymdFromDay(today).year;
	while (!isValidYmd(year, month, day) || dayFromYmd(year, month, day) > today) year--;
	return dayFromYmd(year, month, day);
}

/** All the forms relative to today; `undefined` when the text is none of them. */
function parseRelative(norm: string, today: Day): DateParse | undefined {
	const named = NAMED.get(norm);
	if (named !== undefined) return { ok: true, day: today + named };
	const ago = AGO_RE.exec(norm);
	if (ago) return shifted(ago[1], ago[2], -1, today, norm);
	const ahead = IN_RE.exec(norm) ?? FROM_NOW_RE.exec(norm);
	if (ahead) return shifted(ahead[1], ahead[2], 1, today, norm);
	const lastNext = /^(last|next) ([a-z]+)$/.exec(norm);
	if (lastNext && weekdayFromName(lastNext[2]) === null) return shifted("1", lastNext[2], lastNext[1] === "last" ? -1 : 1, today, norm);
	return parseWeekday(norm, today);
}

/** `count` `unit`s before (-1) or after (+1) today; the units are the cadence parser's. */
function shifted(count: string, unit: string, direction: 1 | -1, today: Day, norm: string): DateParse | undefined {
	const n = /^\d+$/.test(count) ? Number(count) : 1;
	if (n === 0) return { ok: true, day: today };
	// `1 x` parses as a cadence only when x is a unit (d, weeks, mo…): `3 weekly ago` is no date.
	if (!parseCadence(`1 ${unit}`, {}).ok) return undefined;
	const span = parseCadence(`${n} ${unit}`, {});
	if (!span.ok) return { ok: false, error: `${describeValue(norm)} is too far from today` };
	return { ok: true, day: direction === 1 ? addSpan(today, span.cadence.low) : subtractSpan(today, span.cadence.low) };
}

/** The mirror of addSpan: months back (clamping to the month's end), then the days. */
function subtractSpan(day: Day, span: Span): Day {
	return addMonths(day, -span.months) - span.days;
}

/**
 * `friday` is the latest Friday on or before today (people log what already happened);
 * `last friday` is strictly before today and `next friday` strictly after.
 */
function parseWeekday(norm: string, today: Day): DateParse | undefined {
	const m = /^(?:(last|next|on) )?([a-z]+)$/.exec(norm);
	const target = m ? weekdayFromName(m[2]) : null;
	if (!m || target === null) return undefined;
	if (m[1] === "next") return { ok: true, day: today + ((target - dayOfWeek(today) + 7) % 7 || 7) };
	const back = (dayOfWeek(today) - target + 7) % 7;
	return { ok: true, day: today - (m[1] === "last" && back === 0 ? 7 : back) };
}

/** "did you mean yesterday?" when correcting typos gives something that parses. */
function suggestion(norm: string, today: Day): string | undefined {
	if (norm.length > 60) return undefined;
	const fixed = fixTypos(norm, VOCABULARY);
	if (fixed !== norm && parseRelative(fixed, today)?.ok) return `did you mean ${fixed}?`;
	const close = closestWord(norm, [...NAMED.keys(), ...WEEKDAYS]);
	return close ? `did you mean ${close}?` : undefined;
}
