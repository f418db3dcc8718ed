import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
	addMonths,
	dayFromYmd,
	dayOfWeek,
	formatDay,
	localDay,
	parseDateValue,
	readWrittenDate,
	utcDay,
	weekdayFromName,
	weekdayName,
	ymdFromDay,
} from "../../src/core/dates";
import { d } from "./helpers";

describe("day numbers", () => {
	it("anchors 1970-01-01 at zero and counts leap days", () => {
		expect(dayFromYmd(1970, 1, 1)).toBe(0);
		expect(dayFromYmd(2000, 3, 1) - dayFromYmd(2000, 2, 28)).toBe(2);
		expect(dayFromYmd(1900, 3, 1) - dayFromYmd(1900, 2, 28)).toBe(1);
		expect(formatDay(dayFromYmd(2026, 11, 26))).toBe("2026-11-26");
	});

	it("round-trips every day over four centuries", () => {
		fc.assert(
			fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
				const { year, month, day } = ymdFromDay(n);
				expect(dayFromYmd(year, month, day)).toBe(n);
			}),
		);
	});

	it.each([
		["2024-01-31", 1, "2024-02-29"],
		["2025-01-31", 1, "2025-02-28"],
		["2024-02-29", 12, "2025-02-28"],
		["2026-12-31", 1, "2027-01-31"],
		["2026-03-31", -1, "2026-02-28"],
		["2026-05-31", 18, "2027-11-30"],
	])("%s + %i months = %s", (from, months, to) => {
		expect(formatDay(addMonths(d(from), months))).toBe(to);
	});
});

describe("parseDateValue", () => {
	it.each([
		["2026-11-20", "2026-11-20"],
		[" 2026-1-5 ", "2026-01-05"],
		["2026-11-20T23:30", "2026-11-20"],
		["2026-11-20T23:30:00Z", "2026-11-20"],
		["2026-11-20T00:30:00+05:30", "2026-11-20"],
		["2024-02-29", "2024-02-29"],
	])("reads %j as the date written, in every zone", (input, expected) => {
		const r = parseDateValue(input);
		expect(r).toEqual({ ok: true, day: d(expected) });
	});

	it("reads a YAML Date by its UTC calendar date, never the local one", () => {
		// js-yaml turns an unquoted 2026-11-20 into 2026-11-20T00:00:00Z, which is Nov 19 in Los Angeles.
		expect(parseDateValue(new Date(Date.UTC(2026, 10, 20)))).toEqual({ ok: true, day: d("2026-11-20") });
	});

	it.each([
		["2026-13-45", "'2026-13-45' is not a real calendar date"],
		["2025-02-29", "'2025-02-29' is not a real calendar date"],
		["20/11/2026", "'20/11/2026' puts the day first, which is ambiguous for days up to the 12th; write it as 2026-11-20"],
		["next tuesday", "'next tuesday' is not a date; write it as YYYY-MM-DD"],
		["2026-11-20T25:00", "'2026-11-20T25:00' has an impossible time of day"],
		["", "is empty; write a date as YYYY-MM-DD"],
	])("rejects %j with a message", (input, message) => {
		expect(parseDateValue(input)).toEqual({ ok: false, error: message });
	});

	it("explains wrong types", () => {
		expect(parseDateValue(20261120)).toEqual({ ok: false, error: "20261120 is a number, not a date; write it as YYYY-MM-DD" });
		expect(parseDateValue(["2026-11-20"])).toEqual({ ok: false, error: "a list is not a date; write it as YYYY-MM-DD" });
		expect(parseDateValue({ a: 1 })).toEqual({ ok: false, error: "an object is not a date; write it as YYYY-MM-DD" });
		expect(parseDateValue(new Date("nope"))).toEqual({ ok: false, error: "is not a valid date" });
	});

	it("never throws", () => {
		fc.assert(fc.property(fc.anything(), (v) => void parseDateValue(v)));
		fc.assert(fc.property(fc.string(), (v) => void parseDateValue(v)));
	});
});

/** The day a text reads as, or its error: one string to compare in the tables. */
function read(text: string): string {
	const r = parseDateValue(text);
	return r.ok ? formatDay(r.day) : `error: ${r.error}`;
}

describe("parseDateValue: unambiguous written forms", () => {
	it.each([
		// Year first, with slashes or dots as with hyphens.
		["2026/11/02", "2026-11-02"],
		["2026.11.02", "2026-11-02"],
		["2026/1/5", "2026-01-05"],
		["2026.1.5", "2026-01-05"],
		["2026/11/02 23:30", "2026-11-02"],
		// The month's name, month first.
		["Nov 2, 2026", "2026-11-02"],
		["November 2, 2026", "2026-11-02"],
		["November 2 2026", "2026-11-02"],
		["nov 2 2026", "2026-11-02"],
		["NOV 2,2026", "2026-11-02"],
		["Nov. 2, 2026", "2026-11-02"],
		["Sept 2, 2026", "2026-09-02"],
		["Sep 2, 2026", "2026-09-02"],
		["May 31, 2026", "2026-05-31"],
		["November 2nd, 2026", "2026-11-02"],
		// Day first.
		["2 Nov 2026", "2026-11-02"],
		["02 Nov 2026", "2026-11-02"],
		["2 November 2026", "2026-11-02"],
		["2 Nov, 2026", "2026-11-02"],
		["2 Nov. 2026", "2026-11-02"],
		["2nd November 2026", "2026-11-02"],
		["2nd of November 2026", "2026-11-02"],
		["2-Nov-2026", "2026-11-02"],
		["02-nov-2026", "2026-11-02"],
		// Ordinals as English writes them.
		["1st May 2026", "2026-05-01"],
		["3rd May 2026", "2026-05-03"],
		["4th May 2026", "2026-05-04"],
		["11th May 2026", "2026-05-11"],
		["12th May 2026", "2026-05-12"],
		["13th May 2026", "2026-05-13"],
		["21st May 2026", "2026-05-21"],
		["22ND May 2026", "2026-05-22"],
		["23rd May 2026", "2026-05-23"],
		["31st May 2026", "2026-05-31"],
		// A weekday in front, when it is the right one (2 November 2026 is a Monday).
		["Mon, 2 Nov 2026", "2026-11-02"],
		["Monday, November 2, 2026", "2026-11-02"],
		["Monday 2 November 2026", "2026-11-02"],
		["mon. 2 Nov 2026", "2026-11-02"],
		["Tues, 3 Nov 2026", "2026-11-03"],
		["Feb 29, 2028", "2028-02-29"],
		["  Nov 2, 2026  ", "2026-11-02"],
	])("%j → %s", (text, expected) => {
		expect(read(text)).toBe(expected);
	});

	it.each([
		// The date as written, whatever the offset: 01:30+05:00 is the day before in UTC, 23:30-08:00 the day after.
		["2026-11-02T23:30:00+05:00", "2026-11-02"],
		["2026-11-02T01:30:00+05:00", "2026-11-02"],
		["2026-11-02T23:30:00-08:00", "2026-11-02"],
		["2026-11-02 23:30", "2026-11-02"],
		["2026-11-02T23:30Z", "2026-11-02"],
		["2026-11-02t23:30z", "2026-11-02"],
		["2026-11-02T23:30:00.123Z", "2026-11-02"],
		["2026-11-02T23:30+0530", "2026-11-02"],
		["2026-11-02T23:30+05", "2026-11-02"],
		["2026-11-02T23:30:00 +05:00", "2026-11-02"],
	])("the date-time %j is %s in every zone", (text, expected) => {
		expect(read(text)).toBe(expected);
	});

	it.each([
		["02/11/2026", "'02/11/2026' is ambiguous (2 November or 11 February 2026); write it as 2026-11-02 or 2026-02-11"],
		["2.11.2026", "'2.11.2026' is ambiguous (2 November or 11 February 2026); write it as 2026-11-02 or 2026-02-11"],
		["2-11-2026", "'2-11-2026' is ambiguous (2 November or 11 February 2026); write it as 2026-11-02 or 2026-02-11"],
		["02/11/2026 10:00", "'02/11/2026 10:00' is ambiguous (2 November or 11 February 2026); write it as 2026-11-02 or 2026-02-11"],
		// One reading only, but the same habit is ambiguous on other days: said, never guessed.
		["27/11/2026", "'27/11/2026' puts the day first, which is ambiguous for days up to the 12th; write it as 2026-11-27"],
		["27.11.2026", "'27.11.2026' puts the day first, which is ambiguous for days up to the 12th; write it as 2026-11-27"],
		["11/27/2026", "'11/27/2026' puts the month first, which is ambiguous for days up to the 12th; write it as 2026-11-27"],
		["05/05/2026", "'05/05/2026' puts the day or the month first, which is ambiguous for days up to the 12th; write it as 2026-05-05"],
		["31/02/2026", "'31/02/2026' is not a real calendar date"],
		["13/13/2026", "'13/13/2026' is not a real calendar date"],
		["2026/02/30", "'2026/02/30' is not a real calendar date"],
		["2026.13.01", "'2026.13.01' is not a real calendar date"],
		["Feb 30, 2026", "'Feb 30, 2026' is not a real calendar date"],
		["Feb 29, 2026", "'Feb 29, 2026' is not a real calendar date"],
		["31 April 2026", "'31 April 2026' is not a real calendar date"],
		["0 Nov 2026", "'0 Nov 2026' is not a real calendar date"],
		["Nov 2", "'Nov 2' has no year; write it as YYYY-11-02"],
		["2nd of November", "'2nd of November' has no year; write it as YYYY-11-02"],
		["Tue, 2 Nov 2026", "'Tue, 2 Nov 2026' says Tuesday, but 2 November 2026 is a Monday"],
		["2026-11-02T24:00", "'2026-11-02T24:00' has an impossible time of day"],
		["2026-11-02T23:60", "'2026-11-02T23:60' has an impossible time of day"],
		["2026-11-02T23:59:60", "'2026-11-02T23:59:60' has an impossible time of day"],
	])("%j is a problem: %s", (text, message) => {
		expect(parseDateValue(text)).toEqual({ ok: false, error: message });
	});

	it.each([
		"Nov 2026",
		"November",
		"2026",
		"Monday",
		"Novem 2, 2026",
		"Nov 2, 26",
		"Nov 2, 20266",
		"2th November 2026",
		"11st May 2026",
		"22th May 2026",
		"the 2nd of November 2026",
		"Nov 2 2026 2027",
		"2 Nov 2026 extra",
		"Nov 2, 2026 10:30",
		"Nov-2-2026",
		"2026-Nov-02",
		"2026 Nov 2",
		"Mon 2026-11-02",
		"2026/11-02",
		"2026.11/02",
		"2026-11-02-",
		"2026/11/02T",
		"2026 11 02",
		"20261102",
		"2026-11",
		"11-02",
		"--11-02",
		"12/11/26",
		"2026-11-02 23:30 extra",
		",Nov 2, 2026",
		"Nov 2, 2026,",
		`2026-11-02${" ".repeat(95)}x`,
	])("%j is no date", (text) => {
		expect(parseDateValue(text)).toEqual({
			ok: false,
			error: `'${text.length > 60 ? `${text.slice(0, 59)}…` : text}' is not a date; write it as YYYY-MM-DD`,
		});
	});

	it("reads a megabyte of text as no date without scanning it", () => {
		const long = `Nov 2, 2026${" x".repeat(500000)}`;
		expect(parseDateValue(long)).toEqual({ ok: false, error: `'${long.slice(0, 59)}…' is not a date; write it as YYYY-MM-DD` });
	});

	it("names the day of a wrong weekday from the calendar", () => {
		// 2024-02-29 was a Thursday, 2000-01-01 a Saturday.
		expect(parseDateValue("Fri, Feb 29, 2024")).toEqual({
			ok: false,
			error: "'Fri, Feb 29, 2024' says Friday, but 29 February 2024 is a Thursday",
		});
		expect(read("Saturday, 1 January 2000")).toBe("2000-01-01");
	});
});

describe("readWrittenDate: the parts, for readers of their own (birthdays)", () => {
	it("gives the year, month and day as written", () => {
		expect(readWrittenDate("2 November 2026")).toEqual({ kind: "date", year: 2026, month: 11, day: 2 });
		expect(readWrittenDate("1815-12-10")).toEqual({ kind: "date", year: 1815, month: 12, day: 10 });
	});

	it("reads the month's name without a year when asked, Feb 29 included", () => {
		expect(readWrittenDate("Dec 10", { yearless: true })).toEqual({ kind: "date", year: null, month: 12, day: 10 });
		expect(readWrittenDate("10th of December", { yearless: true })).toEqual({ kind: "date", year: null, month: 12, day: 10 });
		expect(readWrittenDate("Feb 29", { yearless: true })).toEqual({ kind: "date", year: null, month: 2, day: 29 });
		expect(readWrittenDate("Feb 30", { yearless: true })).toEqual({ kind: "problem", error: "'Feb 30' is not a real calendar date" });
	});

	it("leaves numbers without a year to the caller (a birthday's MM-DD)", () => {
		expect(readWrittenDate("12-10", { yearless: true })).toEqual({ kind: "none" });
		expect(readWrittenDate("--12-10", { yearless: true })).toEqual({ kind: "none" });
		expect(readWrittenDate("10/12", { yearless: true })).toEqual({ kind: "none" });
	});
});

describe("weekdays", () => {
	it("counts from a Thursday at day 0", () => {
		expect(dayOfWeek(0)).toBe(4);
		expect(dayOfWeek(-1)).toBe(3);
		expect(weekdayName(dayFromYmd(2026, 11, 2))).toBe("Monday");
	});

	it.each([
		["sunday", 0],
		["Mon", 1],
		["tues", 2],
		["Tue.", 2],
		["WED", 3],
		["thurs", 4],
		["thu", 4],
		["friday", 5],
		["sat", 6],
		["satur", null],
		["", null],
	])("%j is %s", (word, expected) => {
		expect(weekdayFromName(word)).toBe(expected);
	});
});

describe("local and UTC days", () => {
	it("localDay is the wall-calendar date in the current zone", () => {
		const noonLocal = new Date(2026, 2, 29, 12, 0, 0); // Europe and NZ DST change around here
		expect(formatDay(localDay(noonLocal))).toBe("2026-03-29");
		const justAfterMidnight = new Date(2026, 10, 1, 0, 5);
		expect(formatDay(localDay(justAfterMidnight))).toBe("2026-11-01");
	});

	it("utcDay ignores the local zone", () => {
		expect(formatDay(utcDay(new Date(Date.UTC(2026, 11, 31, 23, 59))))).toBe("2026-12-31");
	});
});
