import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
	addSpan,
	CADENCE_WORDS,
	closestWord,
	editDistance,
	fixTypos,
	parseCadence,
	spanToDays,
	type Cadence,
	type Span,
} from "../../src/core/cadence";
import { dayFromYmd, formatDay } from "../../src/core/dates";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

const tiers: Record<string, string> = { ...DEFAULT_SETTINGS.tiers };

/** `YYYY-MM-DD` to a day number. */
function day(iso: string): number {
	const [y, m, d] = iso.split("-").map(Number);
	return dayFromYmd(y, m, d);
}

function ok(value: unknown, tierTable: Record<string, string> = tiers): Cadence {
	const parsed = parseCadence(value, tierTable);
	if (!parsed.ok) throw new Error(`expected ${String(value)} to parse, got: ${parsed.error}`);
	return parsed.cadence;
}

function error(value: unknown, tierTable: Record<string, string> = tiers): string {
	const parsed = parseCadence(value, tierTable);
	if (parsed.ok) throw new Error(`expected ${String(value)} to be refused, got: ${parsed.cadence.label}`);
	return parsed.error;
}

const D = (days: number): Span => ({ months: 0, days });
const M = (months: number): Span => ({ months, days: 0 });

describe("parseCadence: single lengths", () => {
	// [input, span, nominal days, label]
	const cases: [unknown, Span, number, string][] = [
		// bare numbers are days, as text or as a YAML number
		["30", D(30), 30, "every 30 days"],
		[30, D(30), 30, "every 30 days"],
		[7, D(7), 7, "weekly"],
		["1", D(1), 1, "daily"],
		// days
		["3d", D(3), 3, "every 3 days"],
		["3 d", D(3), 3, "every 3 days"],
		["3 days", D(3), 3, "every 3 days"],
		["1 day", D(1), 1, "daily"],
		["10d", D(10), 10, "every 10 days"],
		// weeks
		["2w", D(14), 14, "every 2 weeks"],
		["2 wk", D(14), 14, "every 2 weeks"],
		["2 weeks", D(14), 14, "every 2 weeks"],
		["6 weeks", D(42), 42, "every 6 weeks"],
		["1 week", D(7), 7, "weekly"],
		// months
		["1 month", M(1), 30, "monthly"],
		["3 months", M(3), 90, "every 3 months"],
		["3mo", M(3), 90, "every 3 months"],
		["1m", M(1), 30, "monthly"],
		["18 months", M(18), 545, "every 18 months"],
		["12 months", M(12), 365, "yearly"],
		// years
		["1y", M(12), 365, "yearly"],
		["1 yr", M(12), 365, "yearly"],
		["2 years", M(24), 730, "every 2 years"],
		// every …
		["every 3 months", M(3), 90, "every 3 months"],
		["every week", D(7), 7, "weekly"],
		["every other week", D(14), 14, "every 2 weeks"],
		["every other month", M(2), 60, "every 2 months"],
		["every day", D(1), 1, "daily"],
		["every 10 days", D(10), 10, "every 10 days"],
		["every year", M(12), 365, "yearly"],
		["every fortnight", D(14), 14, "every 2 weeks"],
		["once a month", M(1), 30, "monthly"],
		// words
		["daily", D(1), 1, "daily"],
		["weekly", D(7), 7, "weekly"],
		["biweekly", D(14), 14, "every 2 weeks"],
		["fortnightly", D(14), 14, "every 2 weeks"],
		["monthly", M(1), 30, "monthly"],
		["bimonthly", M(2), 60, "every 2 months"],
		["quarterly", M(3), 90, "every 3 months"],
		["semiannually", M(6), 180, "every 6 months"],
		["semi-annually", M(6), 180, "every 6 months"],
		["biannually", M(6), 180, "every 6 months"],
		["twice a year", M(6), 180, "every 6 months"],
		["yearly", M(12), 365, "yearly"],
		["annually", M(12), 365, "yearly"],
		// ISO 8601 durations
		["P2W", D(14), 14, "every 2 weeks"],
		["P1M", M(1), 30, "monthly"],
		["P1Y6M", M(18), 545, "every 18 months"],
		["P10D", D(10), 10, "every 10 days"],
		["P1Y2M3D", { months: 14, days: 3 }, 428, "every 14 months 3 days"],
		["p1y", M(12), 365, "yearly"],
		// case, spacing
		["  Monthly ", M(1), 30, "monthly"],
		["EVERY  OTHER\tWEEK", D(14), 14, "every 2 weeks"],
		["2W", D(14), 14, "every 2 weeks"],
	];
	it.each(cases)("%j → %j (%i days, %s)", (input, span, nominal, label) => {
		const c = ok(input);
		expect(c.low).toEqual(span);
		expect(c.high).toEqual(span);
		expect(c.isRange).toBe(false);
		expect(c.lowDays).toBe(nominal);
		expect(c.highDays).toBe(nominal);
		expect(c.label).toBe(label);
	});

	it("exports the known words, each of which parses", () => {
		expect(CADENCE_WORDS).toContain("fortnightly");
		expect(CADENCE_WORDS).toContain("twice a year");
		expect(CADENCE_WORDS).toContain("half-yearly");
		expect(CADENCE_WORDS).toContain("twice a month");
		// One spelling each: the hyphenated and spaced forms parse but are not listed.
		expect(CADENCE_WORDS).not.toContain("bi-weekly");
		expect(CADENCE_WORDS.length).toBe(14);
		for (const word of CADENCE_WORDS) expect(parseCadence(word, {}).ok).toBe(true);
	});
});

describe("parseCadence: other spellings mean the same as their equivalent", () => {
	// [input, equivalent, span, nominal days]: the span pins both, so they cannot agree by both being wrong.
	const cases: [string, string, Span, number][] = [
		// hyphenated and spaced prefixes
		["bi-weekly", "biweekly", D(14), 14],
		["bi weekly", "biweekly", D(14), 14],
		["Bi-Weekly", "biweekly", D(14), 14],
		["bi–weekly", "biweekly", D(14), 14], // an en dash is a hyphen
		["bi-monthly", "bimonthly", M(2), 60],
		["bi monthly", "bimonthly", M(2), 60],
		["semi annually", "semiannually", M(6), 180],
		["semi-annually", "semiannually", M(6), 180],
		["bi-annually", "twice a year", M(6), 180],
		["bi annually", "twice a year", M(6), 180],
		["biannually", "twice a year", M(6), 180],
		["half-yearly", "6 months", M(6), 180],
		["half yearly", "6 months", M(6), 180],
		["halfyearly", "6 months", M(6), 180],
		["  HALF-YEARLY ", "6 months", M(6), 180],
		// quarters
		["every quarter", "quarterly", M(3), 90],
		["a quarter", "quarterly", M(3), 90],
		["2 quarters", "6 months", M(6), 180],
		["every other quarter", "6 months", M(6), 180],
		// every / a + one unit
		["every day", "1 day", D(1), 1],
		["every week", "1 week", D(7), 7],
		["every month", "1 month", M(1), 30],
		["every year", "1 year", M(12), 365],
		["a day", "1 day", D(1), 1],
		["a week", "1 week", D(7), 7],
		["a month", "1 month", M(1), 30],
		["A Year", "1 year", M(12), 365],
		["a fortnight", "2 weeks", D(14), 14],
		["once a week", "1 week", D(7), 7],
		// twice a month is every 2 weeks, not half a month
		["twice a month", "2 weeks", D(14), 14],
		["Twice  a month", "2 weeks", D(14), 14],
		// number words
		["one week", "1 week", D(7), 7],
		["two weeks", "2 weeks", D(14), 14],
		["every two weeks", "every 2 weeks", D(14), 14],
		["every six months", "every 6 months", M(6), 180],
		["three months", "3 months", M(3), 90],
		["every Three Months", "3 months", M(3), 90],
		["four days", "4 days", D(4), 4],
		["five years", "5 years", M(60), 1825],
		["seven days", "7 days", D(7), 7],
		["eight weeks", "8 weeks", D(56), 56],
		["nine months", "9 months", M(9), 270],
		["ten days", "10 days", D(10), 10],
		["eleven months", "11 months", M(11), 330],
		["twelve months", "1 year", M(12), 365],
		["two fortnights", "4 weeks", D(28), 28],
		["every other month", "every 2 months", M(2), 60],
		["ten", "10", D(10), 10],
		// ordinals after every
		["every 2nd week", "every other week", D(14), 14],
		["every second week", "every other week", D(14), 14],
		["every third month", "quarterly", M(3), 90],
		["every 3rd month", "quarterly", M(3), 90],
		["every 4th week", "4 weeks", D(28), 28],
		["every 11th day", "11 days", D(11), 11],
		["every 21st day", "3 weeks", D(21), 21],
		["every twelfth month", "yearly", M(12), 365],
	];
	it.each(cases)("%j = %j = %j (%i days)", (input, equivalent, span, nominal) => {
		const c = ok(input);
		expect(c).toEqual(ok(equivalent));
		expect(c.low).toEqual(span);
		expect(c.high).toEqual(span);
		expect(c.isRange).toBe(false);
		expect(c.lowDays).toBe(nominal);
	});

	// [input, equivalent, low, high]
	it.each([
		["four to six weeks", "4-6 weeks", D(28), D(42)],
		["four-six weeks", "4-6 weeks", D(28), D(42)],
		["two-three months", "2-3 months", M(2), M(3)],
		["every two to three weeks", "2-3 weeks", D(14), D(21)],
		["two weeks to one month", "2w-1m", D(14), M(1)],
	])("range %j = %j", (input, equivalent, low, high) => {
		const c = ok(input);
		expect(c).toEqual(ok(equivalent));
		expect(c.low).toEqual(low);
		expect(c.high).toEqual(high);
		expect(c.isRange).toBe(true);
	});

	it("number words and ordinals work in a tier's value", () => {
		expect(ok("old friends", { "old friends": "every six weeks" }).low).toEqual(D(42));
		expect(ok("family", { family: "every 2nd month" }).low).toEqual(M(2));
	});

	it("a tier named like a number word is still the tier", () => {
		expect(ok("two", { two: "5 weeks" }).low).toEqual(D(35));
	});
});

describe("parseCadence: a missing tiers argument means no tiers", () => {
	// Called directly: the helpers' default argument would turn undefined into the default tiers.
	it.each([null, undefined])("%j tiers: a tier name is refused, not thrown", (missing) => {
		expect(() => parseCadence("inner", missing)).not.toThrow();
		expect(parseCadence("inner", missing)).toEqual({ ok: false, error: "'inner' is not a cadence; try 2w, monthly or every 3 months" });
	});

	it.each([null, undefined])("%j tiers: everything else reads as with no tiers", (missing) => {
		for (const value of ["2w", "every two weeks", "bi-weekly", "montly", "twice a week", 30, ["monthly"], null]) {
			expect(parseCadence(value, missing)).toEqual(parseCadence(value, {}));
		}
		expect(parseCadence("every two weeks", missing)).toMatchObject({ ok: true, cadence: { low: D(14), lowDays: 14 } });
		expect(parseCadence("montly", missing)).toEqual({ ok: false, error: "'montly' is not a cadence; did you mean monthly?" });
	});
});

describe("parseCadence: tiers", () => {
	it.each([
		["inner", D(14), 14, "inner (2 weeks)"],
		["close", M(1), 30, "close (1 month)"],
		["Close", M(1), 30, "close (1 month)"],
		[" CASUAL ", M(3), 90, "casual (3 months)"],
		["distant", M(6), 180, "distant (6 months)"],
		["dormant", M(12), 365, "dormant (1 year)"],
	])("%j → %j (%i days, %s)", (input, span, nominal, label) => {
		const c = ok(input);
		expect(c.low).toEqual(span);
		expect(c.high).toEqual(span);
		expect(c.lowDays).toBe(nominal);
		expect(c.label).toBe(label);
	});

	it("reads a tier defined as a range", () => {
		const c = ok("old friends", { "old friends": "4-6 weeks" });
		expect(c).toEqual({ low: D(28), high: D(42), isRange: true, lowDays: 28, highDays: 42, label: "old friends (4–6 weeks)" });
	});

	it("lets a tier shadow a built-in word", () => {
		expect(ok("monthly", { monthly: "5 weeks" }).low).toEqual(D(35));
	});

	it("without tiers, a tier name is not a cadence", () => {
		expect(error("close", {})).toBe("'close' is not a cadence; try 2w, monthly or every 3 months");
	});

	it("refuses an unknown tier", () => {
		expect(error("besties")).toBe("'besties' is not a cadence; try 2w, monthly or every 3 months");
	});

	it("refuses a tier that refers to another tier, without looping", () => {
		expect(error("best", { ...tiers, best: "inner" })).toBe(
			"tier 'best' refers to tier 'inner'; a tier needs a length like 2w or monthly",
		);
		expect(error("a", { a: "b", b: "a" })).toBe("tier 'a' refers to tier 'b'; a tier needs a length like 2w or monthly");
		expect(error("me", { me: "me" })).toBe("tier 'me' refers to tier 'me'; a tier needs a length like 2w or monthly");
	});

	it("names a tier whose own value is not a cadence", () => {
		expect(error("bad", { bad: "xyz" })).toBe("tier 'bad': 'xyz' is not a cadence; try 2w, monthly or every 3 months");
		expect(error("empty", { empty: "" })).toBe("tier 'empty': is empty; try 2w, monthly or every 3 months");
	});

	it("suggests a tier name for a typo", () => {
		expect(error("clsoe")).toBe("'clsoe' is not a cadence; did you mean close?");
		expect(error("old freinds", { "old friends": "4-6 weeks" })).toBe("'old freinds' is not a cadence; did you mean old friends?");
	});

	it("ignores prototype keys", () => {
		expect(error("constructor", {})).toBe("'constructor' is not a cadence; try 2w, monthly or every 3 months");
		expect(error("__proto__")).toBe("'__proto__' is not a cadence; try 2w, monthly or every 3 months");
	});
});

describe("parseCadence: ranges", () => {
	// [input, low, high, lowDays, highDays, label]
	it.each([
		["4-6 weeks", D(28), D(42), 28, 42, "4–6 weeks"],
		["4–6 weeks", D(28), D(42), 28, 42, "4–6 weeks"],
		["4 — 6 weeks", D(28), D(42), 28, 42, "4–6 weeks"],
		["4 to 6 weeks", D(28), D(42), 28, 42, "4–6 weeks"],
		["4w-6w", D(28), D(42), 28, 42, "4–6 weeks"],
		["4 weeks - 6 weeks", D(28), D(42), 28, 42, "4–6 weeks"],
		["2w-1m", D(14), M(1), 14, 30, "2 weeks–1 month"],
		["10-14", D(10), D(14), 10, 14, "10–14 days"],
		["2-3 months", M(2), M(3), 60, 90, "2–3 months"],
		["6-18 months", M(6), M(18), 180, 545, "6–18 months"],
		["1-2 years", M(12), M(24), 365, 730, "1–2 years"],
		["every 4-6 weeks", D(28), D(42), 28, 42, "4–6 weeks"],
		["4w-1m", D(28), M(1), 28, 30, "4 weeks–1 month"],
	])("%j → %j..%j", (input, low, high, lowDays, highDays, label) => {
		const c = ok(input);
		expect(c.low).toEqual(low);
		expect(c.high).toEqual(high);
		expect(c.isRange).toBe(true);
		expect(c.lowDays).toBe(lowDays);
		expect(c.highDays).toBe(highDays);
		expect(c.label).toBe(label);
	});
});

describe("parseCadence: refusals name the value", () => {
	const hint = "try 2w, monthly or every 3 months";
	it.each([
		["fortnighly", "'fortnighly' is not a cadence; did you mean fortnightly?"],
		["montly", "'montly' is not a cadence; did you mean monthly?"],
		["Wekly", "'Wekly' is not a cadence; did you mean weekly?"],
		["2 weeeks", "'2 weeeks' is not a cadence; did you mean 2 weeks?"],
		["every other weke", "'every other weke' is not a cadence; did you mean every other week?"],
		["semi-anually", "'semi-anually' is not a cadence; did you mean semi-annually?"],
		["bi-wekly", "'bi-wekly' is not a cadence; did you mean bi-weekly?"],
		["hafl yearly", "'hafl yearly' is not a cadence; did you mean half yearly?"],
		["every quater", "'every quater' is not a cadence; did you mean every quarter?"],
		["every thre months", "'every thre months' is not a cadence; did you mean every three months?"],
		["every tow weeks", "'every tow weeks' is not a cadence; did you mean every two weeks?"],
		["every thrid month", "'every thrid month' is not a cadence; did you mean every third month?"],
		["twice a monht", "'twice a monht' is not a cadence; did you mean twice a month?"],
		// Twice a week would be every 3.5 days: a cadence counts whole days, so no guess.
		["twice a week", `'twice a week' is not a cadence; ${hint}`],
		["Twice a Week", `'Twice a Week' is not a cadence; ${hint}`],
		["twice a weke", `'twice a weke' is not a cadence; ${hint}`],
		["every 1st week", `'every 1st week' is not a cadence; ${hint}`],
		["every first month", `'every first month' is not a cadence; ${hint}`],
		["every 3nd week", `'every 3nd week' is not a cadence; ${hint}`],
		["every other two weeks", `'every other two weeks' is not a cadence; ${hint}`],
		["twofold weeks", `'twofold weeks' is not a cadence; ${hint}`],
		["thirteen weeks", `'thirteen weeks' is not a cadence; ${hint}`],
		["2.five weeks", `'2.five weeks' is not a cadence; ${hint}`],
		["an hour", `'an hour' is not a cadence; ${hint}`],
		["zero weeks", `'zero weeks' is not a cadence; ${hint}`],
		["1.5 quarters", "'1.5 quarters' is not a whole number of quarters"],
		["xyz", `'xyz' is not a cadence; ${hint}`],
		["sometimes", `'sometimes' is not a cadence; ${hint}`],
		["2026-01-01", `'2026-01-01' is not a cadence; ${hint}`],
		["every other 2 weeks", `'every other 2 weeks' is not a cadence; ${hint}`],
		["0", "'0' is zero; a cadence is at least 1 day"],
		[0, "0 is zero; a cadence is at least 1 day"],
		["0 weeks", "'0 weeks' is zero; a cadence is at least 1 day"],
		["P0D", "'P0D' is zero; a cadence is at least 1 day"],
		["-3", "'-3' is negative; a cadence is at least 1 day"],
		[-3, "-3 is negative; a cadence is at least 1 day"],
		[2.5, "2.5 is not a whole number of days"],
		["2.5", "'2.5' is not a whole number of days"],
		["1.5 years", "'1.5 years' is not a whole number of years; try 18 months"],
		["1.5 fortnights", "'1.5 fortnights' is not a whole number of fortnights; try 21d"],
		["PT5H", "'PT5H' has a time part; a cadence counts whole days, like P1D or P2W"],
		["P1DT2H", "'P1DT2H' has a time part; a cadence counts whole days, like P1D or P2W"],
		["P1.5M", "'P1.5M' has a fraction; use whole numbers, like P2W or P1M"],
		["P", `'P' is not a cadence; ${hint}`],
		["6-4 weeks", "'6-4 weeks' is backwards; write the shorter end first, like 4-6 weeks"],
		["1m-2w", "'1m-2w' is backwards; write the shorter end first, like 4-6 weeks"],
		["4-4 weeks", "'4-4 weeks' has two equal ends; write just 4 weeks"],
		["1m-30d", "'1m-30d' has two equal ends; write just 1 month"],
		["0-2 weeks", "'0-2 weeks' is zero; a cadence is at least 1 day"],
		["100000 years", "'100000 years' is too long; a cadence is at most 100 years"],
		[1e21, "1e+21 is too long; a cadence is at most 100 years"],
		[Number.NaN, `NaN is not a cadence; ${hint}`],
		[[], `a list is not a cadence; ${hint}`],
		[["monthly"], `a list is not a cadence; ${hint}`],
		[{}, `an object is not a cadence; ${hint}`],
		[true, `true is not a cadence; ${hint}`],
		[new Date(Date.UTC(2026, 0, 1)), `a date is not a cadence; ${hint}`],
		["", `is empty; ${hint}`],
		["   ", `is empty; ${hint}`],
		[null, `is empty; ${hint}`],
		[undefined, `is empty; ${hint}`],
	])("%j: %s", (input, message) => {
		expect(error(input)).toBe(message);
	});

	it("truncates a very long value in its message", () => {
		const message = error("x".repeat(500));
		expect(message.length).toBeLessThan(120);
		expect(message).toBe(`'${"x".repeat(59)}…' is not a cadence; try 2w, monthly or every 3 months`);
	});
});

describe("addSpan: calendar arithmetic", () => {
	it.each([
		["2026-01-31", M(1), "2026-02-28"],
		["2024-01-31", M(1), "2024-02-29"],
		["2024-02-29", M(12), "2025-02-28"],
		["2024-02-29", M(48), "2028-02-29"],
		["2026-12-31", M(1), "2027-01-31"],
		["2026-03-31", M(1), "2026-04-30"],
		["2026-08-31", M(3), "2026-11-30"],
		["2026-05-31", M(18), "2027-11-30"],
		["2026-11-26", M(18), "2028-05-26"],
		["2026-12-25", D(14), "2027-01-08"],
		["2024-02-28", D(1), "2024-02-29"],
		["2026-01-31", { months: 1, days: 3 }, "2026-03-03"],
	])("%s + %j = %s", (from, span, to) => {
		expect(formatDay(addSpan(day(from), span))).toBe(to);
	});

	it("matches what parsing gives", () => {
		expect(formatDay(addSpan(day("2024-01-31"), ok("monthly").low))).toBe("2024-02-29");
		expect(formatDay(addSpan(day("2024-02-29"), ok("1y").low))).toBe("2025-02-28");
		expect(formatDay(addSpan(day("2026-11-26"), ok("P1Y2M3D").low))).toBe("2028-01-29");
	});
});

describe("spanToDays", () => {
	it.each([
		[D(1), 1],
		[D(14), 14],
		[M(1), 30],
		[M(11), 330],
		[M(12), 365],
		[M(18), 545],
		[M(24), 730],
		[{ months: 13, days: 2 }, 397],
	])("%j = %i days", (span, n) => {
		expect(spanToDays(span)).toBe(n);
	});
});

describe("typo helpers", () => {
	it("finds the closest word within a small distance", () => {
		expect(closestWord("fortnighly", CADENCE_WORDS)).toBe("fortnightly");
		expect(closestWord("yaerly", CADENCE_WORDS)).toBe("yearly");
		expect(closestWord("banana", CADENCE_WORDS)).toBeUndefined();
		expect(closestWord("xyz", ["y"])).toBeUndefined();
	});

	it("fixes only unknown words of three letters or more", () => {
		expect(fixTypos("every 3 monts", ["every", "months"])).toBe("every 3 months");
		expect(fixTypos("3 mx", ["months"])).toBe("3 mx");
		expect(fixTypos("nothing close", ["months"])).toBe("nothing close");
	});
});

describe("properties", () => {
	const tierTables = fc.oneof(
		fc.constant(tiers),
		fc.constant({}),
		fc.constant(null),
		fc.constant(undefined),
		fc.dictionary(fc.string(), fc.string()),
	);

	it("never throws, whatever frontmatter holds", () => {
		fc.assert(
			fc.property(fc.anything(), tierTables, (value, t) => {
				const parsed = parseCadence(value, t);
				expect(typeof parsed.ok).toBe("boolean");
			}),
		);
	});

	it("never throws on any string, and a success is positive and ordered", () => {
		const text = fc.oneof(
			fc.string(),
			fc.stringMatching(
				/^(every )?(other )?\d{0,3} ?(d|w|m|y|days?|weeks?|months?|years?|mo|wk|yr)?( ?(-|–|to) ?\d{0,3} ?(d|w|m|y|weeks?|months?))?$/,
			),
			fc.stringMatching(
				/^(every |once |twice )?(other |an? )?(one|two|six|twelve|second|3rd|\d{1,3}(st|nd|rd|th))? ?(bi|semi|half)?[- ]?(days?|weeks?|quarters?|months?|years?|weekly|monthly|yearly|annually)?$/,
			),
			fc.stringMatching(/^P(\d{1,2}Y)?(\d{1,2}M)?(\d{1,2}W)?(\d{1,2}D)?(T\d{1,2}H)?$/),
		);
		fc.assert(
			fc.property(text, (value) => {
				const parsed = parseCadence(value, tiers);
				if (parsed.ok) {
					expect(parsed.cadence.lowDays).toBeGreaterThan(0);
					expect(parsed.cadence.lowDays).toBeLessThanOrEqual(parsed.cadence.highDays);
					expect(parsed.cadence.isRange).toBe(parsed.cadence.lowDays < parsed.cadence.highDays);
					expect(parsed.cadence.label).not.toBe("");
				} else {
					expect(parsed.error).not.toBe("");
				}
			}),
			{ numRuns: 2000 },
		);
	});

	it("addSpan moves every day forward by every valid span", () => {
		const spans = fc
			.record({ months: fc.integer({ min: 0, max: 1200 }), days: fc.integer({ min: 0, max: 36500 }) })
			.filter((s) => s.months + s.days > 0);
		fc.assert(
			fc.property(fc.integer({ min: -200000, max: 200000 }), spans, (d, span) => {
				const to = addSpan(d, span);
				expect(to).toBeGreaterThan(d);
				// A month is 28–31 days, so the result stays within those bounds.
				expect(to - d).toBeGreaterThanOrEqual(span.months * 28 + span.days);
				expect(to - d).toBeLessThanOrEqual(span.months * 31 + span.days);
			}),
		);
	});

	it("addSpan moves forward for every span the parser produces", () => {
		const inputs = fc.oneof(
			fc.constantFrom(...CADENCE_WORDS, ...Object.keys(tiers), "P1Y6M", "2w-1m", "18 months"),
			fc.integer({ min: 1, max: 400 }).map((n) => `${n} months`),
		);
		fc.assert(
			fc.property(fc.integer({ min: -200000, max: 200000 }), inputs, (d, input) => {
				const c = ok(input);
				expect(addSpan(d, c.low)).toBeGreaterThan(d);
				expect(addSpan(d, c.high)).toBeGreaterThanOrEqual(addSpan(d, c.low));
			}),
		);
	});

	it("`${n}d` is n days", () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10000 }), (n) => {
				const c = ok(`${n}d`);
				expect(c.low).toEqual(D(n));
				expect(c.lowDays).toBe(n);
				expect(ok(n).lowDays).toBe(n);
			}),
		);
	});

	it("`${n} months` is n calendar months", () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1200 }), (n) => {
				const c = ok(`${n} months`);
				expect(c.low).toEqual(M(n));
				expect(c.lowDays).toBe(Math.floor(n / 12) * 365 + (n % 12) * 30);
			}),
		);
	});
});

describe("long text", () => {
	it("refuses text over 1,000 characters unread, naming its start", () => {
		const spaced = `1${" ".repeat(100_000)}x`;
		expect(error(spaced)).toBe(`'1${" ".repeat(58)}…' is too long to be a cadence; try 2w, monthly or every 3 months`);
		expect(error(`P${"1".repeat(1_000_000)}D`)).toBe(
			`'P${"1".repeat(58)}…' is too long to be a cadence; try 2w, monthly or every 3 months`,
		);
		// Surrounding space is not counted: a value is trimmed first.
		expect(ok(`${" ".repeat(5000)}weekly${" ".repeat(5000)}`).label).toBe("weekly");
	});

	it.each([
		[`P${"1".repeat(990)}X`, `'P${"1".repeat(58)}…' is not a cadence; try 2w, monthly or every 3 months`],
		[`P${"1.".repeat(495)}D`, `'P${"1.".repeat(29)}…' is not a cadence; try 2w, monthly or every 3 months`],
		["P.5D", "'P.5D' has a fraction; use whole numbers, like P2W or P1M"],
		["P1.5Y2M", "'P1.5Y2M' has a fraction; use whole numbers, like P2W or P1M"],
		["P1.Y", "'P1.Y' is not a cadence; try 2w, monthly or every 3 months"],
	])("reads ISO durations in one pass: %#", (text, message) => {
		expect(error(text)).toBe(message);
	});
});

describe("editDistance", () => {
	it.each([
		["close", "close", 0],
		["clsoe", "close", 1],
		["clos", "close", 1],
		["weekyl", "weekly", 1],
		["fortnighly", "fortnightly", 1],
		["", "abc", 3],
	])("%j to %j is %i", (a, b, n) => {
		expect(editDistance(a, b)).toBe(n);
		expect(editDistance(b, a)).toBe(n);
	});

	it("stops at the bound: a megabyte against a keyword is one comparison of lengths", () => {
		expect(editDistance("x".repeat(1_000_000), "close", 2)).toBe(3);
		expect(editDistance("abcdef", "abc", 2)).toBe(3);
		expect(editDistance("abcdef", "abc", 3)).toBe(3);
	});
});
