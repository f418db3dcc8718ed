import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseDateInput } from "../../src/core/date-input";
import { dayFromYmd, formatDay } from "../../src/core/dates";

/** `YYYY-MM-DD` to a day number. */
function day(iso: string): number {
	const [y, m, d] = iso.split("-").map(Number);
	return dayFromYmd(y, m, d);
}

function read(text: string, today: string): string {
	const parsed = parseDateInput(text, day(today));
	if (!parsed.ok) throw new Error(`expected '${text}' to parse, got: ${parsed.error}`);
	return formatDay(parsed.day);
}

function error(text: string, today = "2026-11-26"): string {
	const parsed = parseDateInput(text, day(today));
	if (parsed.ok) throw new Error(`expected '${text}' to be refused, got: ${formatDay(parsed.day)}`);
	return parsed.error;
}

// 2026-11-26 is a Thursday.
describe("parseDateInput relative to 2026-11-26", () => {
	it.each([
		["today", "2026-11-26"],
		["Today", "2026-11-26"],
		["  now ", "2026-11-26"],
		["yesterday", "2026-11-25"],
		["tomorrow", "2026-11-27"],
		["3 days ago", "2026-11-23"],
		["1 day ago", "2026-11-25"],
		["3d ago", "2026-11-23"],
		["0 days ago", "2026-11-26"],
		["a week ago", "2026-11-19"],
		["2 weeks ago", "2026-11-12"],
		["2w ago", "2026-11-12"],
		["a fortnight ago", "2026-11-12"],
		["1 month ago", "2026-10-26"],
		["3 months ago", "2026-08-26"],
		["an year ago", "2025-11-26"],
		["1 year ago", "2025-11-26"],
		["2 years ago", "2024-11-26"],
		["30 days ago", "2026-10-27"],
		["in 3 days", "2026-11-29"],
		["in a week", "2026-12-03"],
		["in 2 months", "2027-01-26"],
		["2 weeks from now", "2026-12-10"],
		["last week", "2026-11-19"],
		["last month", "2026-10-26"],
		["last year", "2025-11-26"],
		["next week", "2026-12-03"],
		["next month", "2026-12-26"],
		// weekdays: the latest one on or before today; `last` strictly before; `next` strictly after
		["thursday", "2026-11-26"],
		["friday", "2026-11-20"],
		["Monday", "2026-11-23"],
		["fri", "2026-11-20"],
		["on tuesday", "2026-11-24"],
		["last thursday", "2026-11-19"],
		["last wednesday", "2026-11-25"],
		["next thursday", "2026-12-03"],
		["next friday", "2026-11-27"],
		["next wednesday", "2026-12-02"],
		// absolute
		["2026-06-01", "2026-06-01"],
		["2026/6/1", "2026-06-01"],
		["2024-02-29", "2024-02-29"],
		["2026-06-01T23:30", "2026-06-01"],
		// every form a note's date may take
		["Nov 2, 2026", "2026-11-02"],
		["2 November 2026", "2026-11-02"],
		["2nd of November 2026", "2026-11-02"],
		["2026.11.02", "2026-11-02"],
		["Mon, 2 Nov 2026", "2026-11-02"],
		// without a year: the latest such day on or before today, as a weekday is
		["Nov 2", "2026-11-02"],
		["2nd November", "2026-11-02"],
		["nov 26", "2026-11-26"],
		["Nov 27", "2025-11-27"],
		["Dec 25", "2025-12-25"],
		["January 1st", "2026-01-01"],
		["Feb 29", "2024-02-29"],
	])("%s → %s", (text, expected) => {
		expect(read(text, "2026-11-26")).toBe(expected);
	});
});

// 2024-03-31 is a Sunday at a month end in a leap year.
describe("parseDateInput at a month end (2024-03-31)", () => {
	it.each([
		["1 month ago", "2024-02-29"],
		["last month", "2024-02-29"],
		["3 months ago", "2023-12-31"],
		["4 months ago", "2023-11-30"],
		["1 year ago", "2023-03-31"],
		["in 1 month", "2024-04-30"],
		["in 11 months", "2025-02-28"],
		["yesterday", "2024-03-30"],
		["tomorrow", "2024-04-01"],
		["a week ago", "2024-03-24"],
		["sunday", "2024-03-31"],
		["last sunday", "2024-03-24"],
		["saturday", "2024-03-30"],
	])("%s → %s", (text, expected) => {
		expect(read(text, "2024-03-31")).toBe(expected);
	});

	it("crosses a leap day and a year end", () => {
		expect(read("1 year ago", "2024-02-29")).toBe("2023-02-28");
		expect(read("yesterday", "2024-03-01")).toBe("2024-02-29");
		expect(read("tomorrow", "2026-12-31")).toBe("2027-01-01");
		expect(read("1 month ago", "2027-01-31")).toBe("2026-12-31");
	});
});

describe("parseDateInput refusals name the input", () => {
	it.each([
		["blorp", "'blorp' is not a date; try today, yesterday, 3 days ago or 2026-11-26"],
		["last blorp", "'last blorp' is not a date; try today, yesterday, 3 days ago or 2026-11-26"],
		["5", "'5' is not a date; try today, yesterday, 3 days ago or 2026-11-26"],
		["yesterady", "'yesterady' is not a date; did you mean yesterday?"],
		["Tommorow", "'Tommorow' is not a date; did you mean tomorrow?"],
		["3 dyas ago", "'3 dyas ago' is not a date; did you mean 3 days ago?"],
		["fridya", "'fridya' is not a date; did you mean friday?"],
		["", "is empty; try today, yesterday, 3 days ago or 2026-11-26"],
		["   ", "is empty; try today, yesterday, 3 days ago or 2026-11-26"],
		["2026-02-30", "'2026-02-30' is not a real calendar date"],
		["2026/2/30", "'2026/2/30' is not a real calendar date"],
		["11/26/2026", "'11/26/2026' puts the month first, which is ambiguous for days up to the 12th; write it as 2026-11-26"],
		["02/11/2026", "'02/11/2026' is ambiguous (2 November or 11 February 2026); write it as 2026-11-02 or 2026-02-11"],
		["Feb 30", "'Feb 30' is not a real calendar date"],
		["Tue, 2 Nov 2026", "'Tue, 2 Nov 2026' says Tuesday, but 2 November 2026 is a Monday"],
		["11-02", "'11-02' is not a date; try today, yesterday, 3 days ago or 2026-11-26"],
		["Nov 2026", "'Nov 2026' is not a date; try today, yesterday, 3 days ago or 2026-11-26"],
		["x".repeat(101), `'${"x".repeat(59)}…' is not a date; try today, yesterday, 3 days ago or 2026-11-26`],
		["99999 years ago", "'99999 years ago' is too far from today"],
	])("%j: %s", (text, message) => {
		expect(error(text)).toBe(message);
	});

	it("puts today's date in the hint", () => {
		expect(error("blorp", "2024-03-31")).toBe("'blorp' is not a date; try today, yesterday, 3 days ago or 2024-03-31");
	});

	it("refuses a non-string without throwing", () => {
		expect(parseDateInput(null as unknown as string, day("2026-11-26"))).toEqual({
			ok: false,
			error: "an empty value is not a date; try today, yesterday, 3 days ago or 2026-11-26",
		});
	});
});

describe("parseDateInput properties", () => {
	it("never throws on any string", () => {
		const text = fc.oneof(
			fc.string(),
			fc.stringMatching(/^(in |last |next )?(\d{1,6}|a|an) ?[a-z]{0,7}( ago| from now)?$/),
			fc.stringMatching(/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/),
		);
		fc.assert(
			fc.property(text, fc.integer({ min: -100000, max: 100000 }), (input, today) => {
				const parsed = parseDateInput(input, today);
				if (parsed.ok) expect(Number.isInteger(parsed.day)).toBe(true);
				else expect(parsed.error).not.toBe("");
			}),
			{ numRuns: 2000 },
		);
	});

	it("`n days ago` is today − n and `in n days` is today + n", () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: -100000, max: 100000 }), (n, today) => {
				expect(parseDateInput(`${n} days ago`, today)).toEqual({ ok: true, day: today - n });
				expect(parseDateInput(`in ${n} days`, today)).toEqual({ ok: true, day: today + n });
			}),
		);
	});

	it("a written ISO date round-trips whatever today is", () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2932896 }), fc.integer({ min: -100000, max: 100000 }), (n, today) => {
				const iso = formatDay(n);
				expect(parseDateInput(iso, today)).toEqual({ ok: true, day: n });
			}),
		);
	});
});
