import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addMonths, dayFromYmd, formatDay, localDay, parseDateValue, utcDay, ymdFromDay } from "../../src/core/dates";
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
		["20/11/2026", "'20/11/2026' is ambiguous (day-first or month-first?); write it as YYYY-MM-DD"],
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
