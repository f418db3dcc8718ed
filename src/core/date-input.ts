/**
 * Dates as a person types them in the log modal or a query: `today`, `yesterday`, `3 days ago`,
 * `in 2 weeks`, `last friday`, `2026-06-01`. "Today" is passed in, never read from the clock, so
 * the same text means the same day in tests, in the CLI and in every time zone.
 */
import { addSpan, closestWord, fixTypos, parseCadence, type Span } from "./cadence";
import { addMonths, describeValue, formatDay, parseDateValue, type DateParse, type Day } from "./dates";

const NAMED = new Map<string, number>([
	["today", 0],
	["now", 0],
	["yesterday", -1],
	["tomorrow", 1],
]);

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAY_ABBREVIATIONS = new Map<string, number>([
	["sun", 0],
	["mon", 1],
	["tue", 2],
	["tues", 2],
	["wed", 3],
	["thu", 4],
	["thur", 4],
	["thurs", 4],
	["fri", 5],
	["sat", 6],
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
	const norm = trimmed.toLowerCase().replace(/\s+/g, " ");
	const relative = parseRelative(norm, today);
	if (relative) return relative;
	// Slashes are unambiguous when the year comes first.
	const iso = /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(trimmed) ? trimmed.replace(/\//g, "-") : trimmed;
	const parsed = parseDateValue(iso);
	if (parsed.ok) return parsed;
	// A date-like input gets the precise complaint ("not a real calendar date", "ambiguous").
	if (/^\d/.test(trimmed) && /\d[-./]\d/.test(trimmed)) return { ok: false, error: parsed.error.replace(iso, trimmed) };
	return { ok: false, error: `${describeValue(trimmed)} is not a date; ${suggestion(norm, today) ?? hint}` };
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
	if (lastNext && weekday(lastNext[2]) === undefined) return shifted("1", lastNext[2], lastNext[1] === "last" ? -1 : 1, today, norm);
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
	const target = m ? weekday(m[2]) : undefined;
	if (!m || target === undefined) return undefined;
	if (m[1] === "next") return { ok: true, day: today + ((target - dayOfWeek(today) + 7) % 7 || 7) };
	const back = (dayOfWeek(today) - target + 7) % 7;
	return { ok: true, day: today - (m[1] === "last" && back === 0 ? 7 : back) };
}

function weekday(word: string): number | undefined {
	const full = WEEKDAYS.indexOf(word);
	return full >= 0 ? full : WEEKDAY_ABBREVIATIONS.get(word);
}

/** 0 = Sunday. Day 0 (1970-01-01) was a Thursday. */
function dayOfWeek(day: Day): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** "did you mean yesterday?" when correcting typos gives something that parses. */
function suggestion(norm: string, today: Day): string | undefined {
	if (norm.length > 60) return undefined;
	const fixed = fixTypos(norm, VOCABULARY);
	if (fixed !== norm && parseRelative(fixed, today)?.ok) return `did you mean ${fixed}?`;
	const close = closestWord(norm, [...NAMED.keys(), ...WEEKDAYS]);
	return close ? `did you mean ${close}?` : undefined;
}
