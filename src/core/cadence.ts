/**
 * The cadence parser: how often a person wants to be in touch with someone, written the way
 * people write it (`2w`, `monthly`, `every other week`, `P1M`, a tier name, `4-6 weeks`). The
 * plugin and the CLI both read cadences here, so a note means the same thing everywhere.
 *
 * A cadence is kept as calendar spans (months + days) rather than a day count, because "monthly"
 * from Jan 31 must land on Feb 28/29, not Mar 2. The nominal day counts exist only to compare and
 * rank cadences (urgency, "cadence at most 30 days").
 */
import { addMonths, describeValue, ordinalSuffix, type Day } from "./dates";

/** A calendar span: months (years are 12 months) plus days (weeks are 7 days). */
export interface Span {
	months: number;
	days: number;
}

export interface Cadence {
	/** "due" from here. */
	low: Span;
	/** "overdue" after here; equals low unless a range was written. */
	high: Span;
	isRange: boolean;
	/** Nominal length of low in days: years 365, months 30, weeks 7. */
	lowDays: number;
	highDays: number;
	/** Short human label: "weekly", "every 3 months", "4–6 weeks", "close (1 month)". */
	label: string;
}

export type CadenceParse = { ok: true; cadence: Cadence } | { ok: false; error: string };

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

interface Range {
	low: Span;
	high: Span;
}

interface Unit {
	span: Span;
	/** Plural name, for messages. */
	name: string;
}

const HINT = "try 2w, monthly or every 3 months";

/** Longer than this is a typo, and would push dates out of any sane range. */
const MAX_DAYS = 36500;

/**
 * Text longer than this is no cadence ("every other fortnight" is 21 characters, a tier name a
 * few words): it is refused before it is normalized, looked up or remembered.
 */
const MAX_TEXT_LENGTH = 1000;

const days = (n: number): Span => ({ months: 0, days: n });
const months = (n: number): Span => ({ months: n, days: 0 });

/**
 * Whole-phrase cadences, one spelling each (the exported list). `twice a week` is deliberately
 * missing: a cadence counts whole days, and 3 or 4 days would be a guess.
 */
const PHRASES: readonly (readonly [string, Span])[] = [
	["daily", days(1)],
	["weekly", days(7)],
	// "biweekly" can mean twice a week, but in the contact-keeping sense it is every other week.
	["biweekly", days(14)],
	["fortnightly", days(14)],
	["monthly", months(1)],
	["bimonthly", months(2)],
	["quarterly", months(3)],
	["semiannually", months(6)],
	["biannually", months(6)],
	["twice a year", months(6)],
	["yearly", months(12)],
	["annually", months(12)],
	["half-yearly", months(6)],
	// Twice a month is every 2 weeks: a cadence is whole days or whole months, and 14 days is
	// what people mean (half a month would be 15 days in some months and 14 in others).
	["twice a month", days(14)],
];

/** `bi`, `semi` and `half` are written joined to their word, hyphenated or spaced. */
const PREFIXED_RE = /^(bi|semi|half)-?([a-z]+)$/;

function spellings(word: string): string[] {
	const m = PREFIXED_RE.exec(word);
	return m ? [`${m[1]}${m[2]}`, `${m[1]}-${m[2]}`, `${m[1]} ${m[2]}`] : [word];
}

/** Every accepted spelling of a phrase. Maps keep lookups safe from `constructor` and friends. */
const WORDS = new Map<string, Span>(PHRASES.flatMap(([word, span]) => spellings(word).map((w): [string, Span] => [w, span])));

/**
 * The known cadence words, e.g. for completion and suggestions: one spelling each, though
 * `bi-weekly`, `bi weekly`, `half yearly` and the like parse too.
 */
export const CADENCE_WORDS: readonly string[] = Object.freeze(PHRASES.map(([word]) => word));

/** `one` to `twelve` stand for their number wherever a number is accepted: `every two weeks`. */
const NUMBER_WORDS = new Map<string, number>(
	["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"].map((w, i): [string, number] => [
		w,
		i + 1,
	]),
);

/** `every second week`, `every third month`: only after `every`, and from 2 up. */
const ORDINAL_WORDS = new Map<string, number>(
	["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"].map(
		(w, i): [string, number] => [w, i + 2],
	),
);

const DAY: Unit = { span: days(1), name: "days" };
const WEEK: Unit = { span: days(7), name: "weeks" };
const FORTNIGHT: Unit = { span: days(14), name: "fortnights" };
const MONTH: Unit = { span: months(1), name: "months" };
const QUARTER: Unit = { span: months(3), name: "quarters" };
const YEAR: Unit = { span: months(12), name: "years" };

/** `m` is a month: nobody keeps in touch every few minutes. */
const UNITS = new Map<string, Unit>([
	...["d", "day", "days"].map((u): [string, Unit] => [u, DAY]),
	...["w", "wk", "wks", "week", "weeks"].map((u): [string, Unit] => [u, WEEK]),
	...["fortnight", "fortnights"].map((u): [string, Unit] => [u, FORTNIGHT]),
	...["m", "mo", "mos", "mon", "mth", "mths", "month", "months"].map((u): [string, Unit] => [u, MONTH]),
	...["quarter", "quarters"].map((u): [string, Unit] => [u, QUARTER]),
	...["y", "yr", "yrs", "year", "years"].map((u): [string, Unit] => [u, YEAR]),
]);

/** Words that may appear in a cadence, the vocabulary typos are corrected against. */
const VOCABULARY: readonly string[] = [
	...CADENCE_WORDS.flatMap((w) => w.split(/[^a-z]+/)),
	"every",
	"other",
	"once",
	// Before "to": `every tow weeks` is more likely two than to.
	...NUMBER_WORDS.keys(),
	...ORDINAL_WORDS.keys(),
	"to",
	"semi",
	...UNITS.keys(),
];

const NUMBER = String.raw`([+-]?(?:\d+(?:\.\d*)?|\.\d+))`;
const AMOUNT_RE = new RegExp(`^${NUMBER}\\s*([a-z]*)$`);
const RANGE_RE = new RegExp(`^${NUMBER}\\s*([a-z]*)\\s*(?:-|to)\\s*${NUMBER}\\s*([a-z]*)$`);
const ISO_RE = /^p(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)w)?(?:(\d+)d)?$/;
// A number is `1`, `1.5` or `.5`, each matched one way only: `\d*\.?\d+` could split a run of
// digits at every place, which made `P` and 100,000 digits take seconds.
const ISO_TIME_RE = /^p(?:\d+(?:\.\d+)?[ymwd])*t(?:\d+(?:\.\d+)?[hms])*$/;
const ISO_FRACTION_RE = /^p(?:(?:\d+(?:\.\d+)?|\.\d+)[ymwd])+$/;

/** A tier as configured: the name as the user wrote it and its cadence value. */
interface Tier {
	name: string;
	value: unknown;
}

/** Results per tiers object and text: a vault has thousands of people but a few dozen cadences. */
const memo = new WeakMap<object, Map<string, CadenceParse>>();
const MEMO_LIMIT = 2000;

/** Stands in for a missing tiers argument (`null`, `undefined`), which a WeakMap cannot key. */
const NO_TIERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Reads a cadence from whatever frontmatter holds (string, number, null, list, object, Date…).
 * Never throws; an error message names the value, e.g. `'fortnighly' is not a cadence; did you
 * mean fortnightly?`, so callers can prefix the key. `tiers` `null` or `undefined` means no tiers.
 * Results are shared between calls: treat them as read-only.
 */
export function parseCadence(value: unknown, tiers: Readonly<Record<string, string>> | null | undefined): CadenceParse {
	const owner: object = typeof tiers === "object" && tiers !== null ? tiers : NO_TIERS;
	if (typeof value !== "string" && typeof value !== "number") return parseValue(value, tierTable(owner));
	// Not remembered: a megabyte of text as a key would stay in memory.
	if (typeof value === "string" && value.length > MAX_TEXT_LENGTH) return parseValue(value, tierTable(owner));
	let cache = memo.get(owner);
	if (!cache) memo.set(owner, (cache = new Map<string, CadenceParse>()));
	const key = `${typeof value}:${value}`;
	let result = cache.get(key);
	if (result === undefined) {
		result = parseValue(value, tierTable(owner));
		if (cache.size < MEMO_LIMIT) cache.set(key, result);
	}
	return result;
}

/** Calendar arithmetic: the months first (clamping to the month's end), then the days. */
export function addSpan(day: Day, span: Span): Day {
	return addMonths(day, span.months) + span.days;
}

/** Nominal length in days: a year is 365, a month 30 (so 18 months = 365 + 180). */
export function spanToDays(span: Span): number {
	const years = Math.floor(span.months / 12);
	return years * 365 + (span.months - years * 12) * 30 + span.days;
}

/**
 * Replaces each unknown word of `text` (3+ letters) by the closest word of `vocabulary`, when
 * one is close enough to be a typo. Returns `text` unchanged when nothing was close.
 */
export function fixTypos(text: string, vocabulary: readonly string[]): string {
	const known = new Set(vocabulary);
	return text.replace(/[a-z]+/g, (word) => (word.length < 3 || known.has(word) ? word : (closestWord(word, vocabulary) ?? word)));
}

/** The closest candidate within typo distance (≤ 2 edits and ≤ a third of the length), if any. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
	const allowed = Math.min(2, Math.max(1, Math.floor(word.length / 3)));
	let best: string | undefined;
	let bestDistance = allowed + 1;
	for (const candidate of candidates) {
		const d = editDistance(word, candidate, allowed);
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return best;
}

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions ("clsoe" → "close"
 * is 1). Beyond `max` the exact number does not matter: `max + 1` is returned at once when the
 * lengths alone differ by more, so a long word costs nothing against a short keyword, and the
 * table is at most (shorter length + max) × shorter length.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let prev2: number[] = [];
	let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row: number[] = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
			row.push(d);
		}
		prev2 = prev;
		prev = row;
	}
	return prev[b.length];
}

/** Tiers by normalized name. `null` means tiers may not be used (inside a tier's own value). */
type Tiers = Map<string, Tier> | null;

function tierTable(tiers: unknown): Map<string, Tier> {
	const table = new Map<string, Tier>();
	if (typeof tiers !== "object" || tiers === null) return table;
	for (const [name, value] of Object.entries(tiers)) {
		const key = normalize(name);
		if (key !== "") table.set(key, { name: name.trim(), value });
	}
	return table;
}

function parseValue(value: unknown, tiers: Tiers): CadenceParse {
	if (value === null || value === undefined) return fail(`is empty; ${HINT}`);
	if (typeof value === "number") return fromRange(amount(value, DAY, String(value)));
	if (typeof value !== "string") return fail(`${describeValue(value)} is not a cadence; ${HINT}`);
	const text = value.trim();
	if (text === "") return fail(`is empty; ${HINT}`);
	if (text.length > MAX_TEXT_LENGTH) return fail(`${describeValue(text)} is too long to be a cadence; ${HINT}`);
	const norm = normalize(text);
	// Tiers first: a user who names a tier "monthly" means their own definition.
	const tier = tiers?.get(norm);
	if (tier) return fromTier(tier, tiers);
	const parsed = parseExpression(norm, describeValue(text));
	if (parsed) return fromRange(parsed);
	return fail(`${describeValue(text)} is not a cadence; ${suggestion(norm, tiers)}`);
}

/** Lowercase, one space between words, every dash a hyphen. */
function normalize(text: string): string {
	return text
		.trim()
		.toLowerCase()
		.replace(/[\u2012-\u2015\u2212]/g, "-")
		.replace(/\s+/g, " ");
}

/**
 * A tier's own value is read with the same grammar, but without tiers: a tier naming another
 * tier could loop, and one level of naming is all anyone needs.
 */
function fromTier(tier: Tier, tiers: Tiers): CadenceParse {
	const parsed = parseValue(tier.value, null);
	if (parsed.ok) {
		const { low, high, isRange } = parsed.cadence;
		return { ok: true, cadence: { ...parsed.cadence, label: `${tier.name} (${isRange ? rangeLabel(low, high) : phrase(low)})` } };
	}
	const other = typeof tier.value === "string" ? tiers?.get(normalize(tier.value)) : undefined;
	if (other) return fail(`tier '${tier.name}' refers to tier '${other.name}'; a tier needs a length like 2w or monthly`);
	return fail(`tier '${tier.name}': ${parsed.error}`);
}

/**
 * The grammar proper, on normalized text. `undefined` means "not a cadence at all" (the caller
 * adds a suggestion); an error result means the shape was recognized but the numbers are wrong.
 */
function parseExpression(norm: string, shown: string): Result<Range> | undefined {
	const word = WORDS.get(norm);
	if (word) return single(word);
	const text = numberWordsAsDigits(norm);
	const every = /^every (other )?(.+)$/.exec(text);
	if (every) return parseEvery(every[2], every[1] !== undefined, shown);
	// `a month`, `once a month`; `once an hour` is no cadence (no such unit).
	const once = /^(?:once )?an? ([a-z]+)$/.exec(text);
	if (once) return UNITS.has(once[1]) ? amount(1, UNITS.get(once[1]) as Unit, shown) : undefined;
	if (text.startsWith("p")) return parseIso(text, shown);
	return parseRange(text, shown) ?? parseAmount(text, shown);
}

/**
 * `two weeks` → `2 weeks`, `four-six weeks` → `4-6 weeks`: a number word counts when it stands
 * alone between spaces, hyphens and the ends (`twofold`, `2.five` stay as they are).
 */
function numberWordsAsDigits(norm: string): string {
	return norm.replace(/[a-z]+/g, (word: string, at: number) => {
		const n = NUMBER_WORDS.get(word);
		if (n === undefined) return word;
		const before = at === 0 ? " " : norm[at - 1];
		const after = at + word.length === norm.length ? " " : norm[at + word.length];
		return (before === " " || before === "-") && (after === " " || after === "-") ? String(n) : word;
	});
}

/** `every week`, `every other month`, `every 3 months`, `every 4-6 weeks`, `every 2nd week`. */
function parseEvery(rest: string, other: boolean, shown: string): Result<Range> | undefined {
	const unit = UNITS.get(rest);
	if (unit) return amount(other ? 2 : 1, unit, shown);
	if (other) return undefined;
	const space = rest.indexOf(" ");
	const nth = space > 0 ? ordinal(rest.slice(0, space)) : undefined;
	const nthUnit = nth === undefined ? undefined : UNITS.get(rest.slice(space + 1));
	if (nth !== undefined && nthUnit) return amount(nth, nthUnit, shown);
	return parseRange(rest, shown) ?? parseAmount(rest, shown);
}

/** `second`…`twelfth`, or `2nd`, `3rd`, `4th`, `11th`, `21st` with the right suffix; from 2 up. */
function ordinal(word: string): number | undefined {
	const named = ORDINAL_WORDS.get(word);
	if (named !== undefined) return named;
	const m = /^(\d+)(st|nd|rd|th)$/.exec(word);
	if (!m) return undefined;
	const n = Number(m[1]);
	return n >= 2 && m[2] === ordinalSuffix(n) ? n : undefined;
}

/** `30`, `3d`, `2 weeks`, `18 months`, `-3` (recognized, then rejected). */
function parseAmount(norm: string, shown: string): Result<Range> | undefined {
	const m = AMOUNT_RE.exec(norm);
	if (!m) return undefined;
	const unit = m[2] === "" ? DAY : UNITS.get(m[2]);
	return unit ? amount(Number(m[1]), unit, shown) : undefined;
}

/** `4-6 weeks`, `4 to 6 weeks`, `4w-6w`, `2w-1m`: a missing unit is taken from the other end. */
function parseRange(norm: string, shown: string): Result<Range> | undefined {
	const m = RANGE_RE.exec(norm);
	if (!m) return undefined;
	const lowUnit = m[2] || m[4];
	const highUnit = m[4] || m[2];
	const lowU = lowUnit === "" ? DAY : UNITS.get(lowUnit);
	const highU = highUnit === "" ? DAY : UNITS.get(highUnit);
	if (!lowU || !highU) return undefined;
	const low = amount(Number(m[1]), lowU, shown);
	if (!low.ok) return low;
	const high = amount(Number(m[3]), highU, shown);
	if (!high.ok) return high;
	const lowDays = spanToDays(low.value.low);
	const highDays = spanToDays(high.value.low);
	if (lowDays > highDays) return { ok: false, error: `${shown} is backwards; write the shorter end first, like 4-6 weeks` };
	if (lowDays === highDays) return { ok: false, error: `${shown} has two equal ends; write just ${phrase(low.value.low)}` };
	return { ok: true, value: { low: low.value.low, high: high.value.low } };
}

/** `P2W`, `P1M`, `P1Y6M`, `P1Y2M3D`. Time parts are refused: a cadence counts whole days. */
function parseIso(norm: string, shown: string): Result<Range> | undefined {
	if (ISO_TIME_RE.test(norm)) return { ok: false, error: `${shown} has a time part; a cadence counts whole days, like P1D or P2W` };
	if (ISO_FRACTION_RE.test(norm) && !ISO_RE.test(norm))
		return { ok: false, error: `${shown} has a fraction; use whole numbers, like P2W or P1M` };
	const m = ISO_RE.exec(norm);
	if (!m || norm === "p") return undefined;
	const [y, mo, w, d] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
	return checked({ months: y * 12 + mo, days: w * 7 + d }, shown);
}

/** `n` of `unit`, refused unless a whole positive number of at most MAX_DAYS. */
function amount(n: number, unit: Unit, shown: string): Result<Range> {
	if (!Number.isFinite(n)) return { ok: false, error: `${shown} is not a cadence; ${HINT}` };
	if (!Number.isInteger(n)) return { ok: false, error: `${shown} is not a whole number of ${unit.name}${wholeHint(n, unit)}` };
	if (n === 0) return { ok: false, error: `${shown} is zero; a cadence is at least 1 day` };
	if (n < 0) return { ok: false, error: `${shown} is negative; a cadence is at least 1 day` };
	return checked({ months: n * unit.span.months, days: n * unit.span.days }, shown);
}

/** 1.5 years is 18 months and 1.5 fortnights 21 days: say so rather than just refusing. */
function wholeHint(n: number, unit: Unit): string {
	if (unit.span.months > 0 && Number.isInteger(n * unit.span.months)) return `; try ${n * unit.span.months} months`;
	if (unit.span.days > 1 && Number.isInteger(n * unit.span.days)) return `; try ${n * unit.span.days}d`;
	return "";
}

function checked(span: Span, shown: string): Result<Range> {
	if (span.months === 0 && span.days === 0) return { ok: false, error: `${shown} is zero; a cadence is at least 1 day` };
	if (spanToDays(span) > MAX_DAYS) return { ok: false, error: `${shown} is too long; a cadence is at most 100 years` };
	return single(span);
}

function single(span: Span): Result<Range> {
	return { ok: true, value: { low: span, high: span } };
}

function fromRange(parsed: Result<Range>): CadenceParse {
	if (!parsed.ok) return parsed;
	const { low, high } = parsed.value;
	const isRange = low.months !== high.months || low.days !== high.days;
	return {
		ok: true,
		cadence: {
			low: { ...low },
			high: { ...high },
			isRange,
			lowDays: spanToDays(low),
			highDays: spanToDays(high),
			label: isRange ? rangeLabel(low, high) : spanLabel(low),
		},
	};
}

function fail(error: string): CadenceParse {
	return { ok: false, error };
}

/** "did you mean fortnightly?" when a fix of the typos parses, else the generic hint. */
function suggestion(norm: string, tiers: Tiers): string {
	if (norm.length > 60) return HINT;
	const tierNames = tiers ? [...tiers.keys()] : [];
	const fixed = fixTypos(norm, [...VOCABULARY, ...tierNames.flatMap((name) => [name, ...name.split(/[^a-z]+/)])]);
	const closeTier = tierNames.length > 0 ? closestWord(norm, tierNames) : undefined;
	if (closeTier) return `did you mean ${tiers?.get(closeTier)?.name ?? closeTier}?`;
	if (fixed !== norm && (tiers?.has(fixed) || parseExpression(fixed, "")?.ok)) return `did you mean ${fixed}?`;
	return HINT;
}

/** "weekly", "every 2 weeks", "monthly", "every 18 months", "yearly", "every 10 days". */
function spanLabel(span: Span): string {
	if (span.months === 0 && span.days === 1) return "daily";
	if (span.months === 0 && span.days === 7) return "weekly";
	if (span.months === 1 && span.days === 0) return "monthly";
	if (span.months === 12 && span.days === 0) return "yearly";
	return `every ${phrase(span)}`;
}

/** "4–6 weeks", "2–3 months", "10–14 days"; mixed units spell out both ends: "2 weeks–1 month". */
function rangeLabel(low: Span, high: Span): string {
	const unit = sharedUnit(low, high);
	if (unit) return `${count(low, unit)}–${count(high, unit)} ${unit.name}`;
	return `${phrase(low)}–${phrase(high)}`;
}

function sharedUnit(low: Span, high: Span): Unit | undefined {
	return [YEAR, MONTH, WEEK, DAY].find((unit) => count(low, unit) !== undefined && count(high, unit) !== undefined);
}

/** How many whole `unit`s the span is, if it is exactly that. */
function count(span: Span, unit: Unit): number | undefined {
	const size = unit.span.months > 0 ? unit.span.months : unit.span.days;
	const value = unit.span.months > 0 ? span.months : span.days;
	const other = unit.span.months > 0 ? span.days : span.months;
	return other === 0 && value % size === 0 ? value / size : undefined;
}

/** "1 month", "2 weeks", "1 year", "10 days", "1 month 3 days". */
function phrase(span: Span): string {
	const parts: string[] = [];
	if (span.months > 0) parts.push(span.months % 12 === 0 ? plural(span.months / 12, "year") : plural(span.months, "month"));
	if (span.days > 0) parts.push(span.months === 0 && span.days % 7 === 0 ? plural(span.days / 7, "week") : plural(span.days, "day"));
	return parts.join(" ");
}

function plural(n: number, unit: string): string {
	return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
