import { describe, expect, it } from "vitest";
import { cellText, COLUMNS, matchesText, relativeDays, type Column } from "../../../src/core/query";
import { byName, people, scheduled, today } from "./fixtures";

describe("relativeDays", () => {
	it.each([
		[0, "today"],
		[1, "yesterday"],
		[-1, "tomorrow"],
		[2, "2 days ago"],
		[13, "13 days ago"],
		[14, "2 weeks ago"],
		[35, "5 weeks ago"],
		[59, "8 weeks ago"],
		[60, "2 months ago"],
		[130, "4 months ago"],
		[364, "12 months ago"],
		[365, "1 year ago"],
		[800, "2 years ago"],
		[-3, "in 3 days"],
		[-21, "in 3 weeks"],
		[-90, "in 3 months"],
		[-400, "in 1 year"],
		[Number.NaN, ""],
		[Number.POSITIVE_INFINITY, ""],
	])("%d → %s", (days, text) => {
		expect(relativeDays(days)).toBe(text);
	});
});

describe("matchesText", () => {
	it("matches a decomposed file name (as macOS writes it) from composed text typed in the filter", () => {
		const jose = scheduled("People/Jose\u0301 Nu\u0301n\u0303ez.md", { cadence: "weekly" }).person;
		expect(matchesText(jose, "Jos\u00e9 n\u00fa\u00f1")).toBe(true);
		expect(matchesText(jose, "jose")).toBe(false);
	});

	function matching(needle: string): string[] {
		return people.filter((p) => matchesText(p.person, needle)).map((p) => p.person.name.split(" ")[0]);
	}

	it.each([
		["ada", ["Ada"]],
		["ADA", ["Ada"]],
		["  lovelace ", ["Ada"]],
		["countess", ["Ada"]],
		["smith", ["Olga"]],
		["#work", ["Ada", "Bob", "Eve", "Hank", "Olga"]],
		["#wo", ["Ada", "Bob", "Eve", "Hank", "Olga"]],
		["#work/", ["Ada", "Eve"]],
		["#acme", []],
		["acme", ["Ada", "Eve"]],
		["friends", ["Carol", "Grace", "Ned"]],
		["ada #work", ["Ada"]],
		["ada #friends", []],
		["zzz", []],
	])("%s", (needle, expected) => {
		expect(matching(needle)).toEqual(expected);
	});

	it("matches everyone for an empty needle", () => {
		expect(matching("")).toHaveLength(people.length);
		expect(matching("   ")).toHaveLength(people.length);
	});
});

describe("cellText", () => {
	it.each<[string, Column, string]>([
		["Ada Lovelace", "name", "Ada Lovelace"],
		["Ada Lovelace", "status", "overdue"],
		["Ada Lovelace", "last contact", "2026-11-12 (2 weeks ago)"],
		["Ada Lovelace", "cadence", "weekly"],
		["Ada Lovelace", "due", "7 days overdue"],
		["Ada Lovelace", "favors", "you owe 1"],
		["Ada Lovelace", "urgency", "2.00"],
		["Ada Lovelace", "tags", "#work, #work/acme"],
		["Ada Lovelace", "folder", "People/Work"],
		["Ada Lovelace", "aliases", "Countess"],
		["Ada Lovelace", "birthday", ""],
		["Ada Lovelace", "problems", ""],
		["Bob Brown", "urgency", "1.23"],
		["Carol King", "cadence", "4–6 weeks"],
		["Carol King", "due", "due 9 days ago"],
		["Dan Day", "due", "due today"],
		["Dan Day", "tags", ""],
		["Eve Early", "due", "due in 5 days"],
		["Eve Early", "birthday", "12-05 (in 9 days)"],
		["Frank Fine", "birthday", "1980-11-26 (today)"],
		["Frank Fine", "favors", "owes you 1"],
		["Frank Fine", "cadence", "every 3 months"],
		["Grace Never", "last contact", "never"],
		["Grace Never", "due", ""],
		["Grace Never", "urgency", ""],
		["Hank Hidden", "due", "snoozed until 2026-12-10"],
		["Ivy Idle", "cadence", ""],
		["Ivy Idle", "due", ""],
		["Ivy Idle", "last contact", "2026-05-01 (6 months ago)"],
		["Jack Jones", "folder", "/"],
		["Kim Problem", "problems", "cadence 'fortnighly' is not a cadence; did you mean fortnightly?"],
		["Leo Logged", "favors", "you owe 1 · owes you 1"],
		["Leo Logged", "last contact", "2026-06-10 (5 months ago)"],
		["Mia Yearly", "last contact", "2025-11-19 (1 year ago)"],
		["Ned Inner", "cadence", "inner (2 weeks)"],
		["Olga Alias", "aliases", "Ola, O. Smith"],
		["Olga Alias", "birthday", "12-20 (in 3 weeks)"],
		["Olga Alias", "due", "due in 3 weeks"],
	])("%s / %s → %s", (name, column, text) => {
		expect(cellText(column, byName(name), today)).toBe(text);
	});

	it("says 1 day, not 1 days", () => {
		const row = scheduled("P/One.md", { cadence: "weekly", last_contact: "2026-11-18" });
		expect(cellText("due", row, today)).toBe("1 day overdue");
		const tomorrow = scheduled("P/Two.md", { cadence: "weekly", last_contact: "2026-11-20" });
		expect(cellText("due", tomorrow, today)).toBe("due tomorrow");
	});

	it("gives text for every column of every person", () => {
		for (const row of people) for (const column of COLUMNS) expect(typeof cellText(column, row, today)).toBe("string");
	});
});
