import { describe, expect, it } from "vitest";
import { formatQueryError, parseQuery, runQuery, type Query, type QueryResult } from "../../../src/core/query";
import type { Scheduled } from "../../../src/core/schedule";
import { d } from "../helpers";
import { ctx, people, scheduled, tiers } from "./fixtures";

function run(text: string, rows: readonly Scheduled[] = people, context = ctx): QueryResult {
	const parsed = parseQuery(text, { tiers });
	if (!parsed.ok) throw new Error(parsed.errors.map(formatQueryError).join("\n"));
	return runQuery(parsed.query, rows, context);
}

function names(text: string): string[] {
	return run(text).rows.map((r) => r.person.name.split(" ")[0]);
}

function sortedNames(text: string): string[] {
	return names(text).sort();
}

describe("filters", () => {
	it.each([
		["overdue", ["Ada", "Bob", "Mia", "Ned"]],
		["status is overdue", ["Ada", "Bob", "Mia", "Ned"]],
		["due", ["Carol", "Dan"]],
		["due soon", ["Eve"]],
		["status is never", ["Grace"]],
		["status is ok", ["Frank", "Leo", "Olga"]],
		["snoozed", ["Hank", "Pam"]],
		["untracked", ["Ivy", "Jack", "Kim"]],
		["never contacted", ["Grace", "Jack", "Pam"]],
		["due within 2 weeks", ["Ada", "Bob", "Carol", "Dan", "Eve", "Mia", "Ned"]],
		["due within 0 days", ["Ada", "Bob", "Carol", "Dan", "Mia", "Ned"]],
		["due within 1 month", ["Ada", "Bob", "Carol", "Dan", "Eve", "Mia", "Ned", "Olga"]],
		["contacted since 2026-11-01", ["Ada", "Dan", "Eve", "Kim", "Ned", "Olga"]],
		["not contacted since 2026-11-01", ["Bob", "Carol", "Frank", "Grace", "Hank", "Ivy", "Jack", "Leo", "Mia", "Pam"]],
		["contacted before 2026-11-01", ["Bob", "Carol", "Frank", "Hank", "Ivy", "Leo", "Mia"]],
		["contacted since 3 weeks ago", ["Ada", "Dan", "Ned", "Olga"]],
		["contacted since 1 week ago", ["Dan", "Olga"]],
		["contacted since yesterday", []],
		["contacted since 2026-06-10", ["Ada", "Bob", "Carol", "Dan", "Eve", "Frank", "Hank", "Kim", "Leo", "Ned", "Olga"]],
		["tag #work", ["Ada", "Bob", "Eve", "Hank"]],
		["tag work", ["Ada", "Bob", "Eve", "Hank"]],
		["tag #work/acme", ["Ada", "Eve"]],
		["tag #friends", ["Carol", "Grace", "Ned"]],
		["tag #acme", []],
		["not tag #work", ["Carol", "Dan", "Frank", "Grace", "Ivy", "Jack", "Kim", "Leo", "Mia", "Ned", "Olga", "Pam"]],
		["folder People/Work", ["Ada", "Bob", "Eve", "Hank"]],
		["folder people/work/", ["Ada", "Bob", "Eve", "Hank"]],
		["folder People/Wo", []],
		["folder People/Friends", ["Carol", "Grace", "Ned"]],
		["not folder People", ["Jack"]],
		["name includes ada", ["Ada"]],
		["name includes LOVE", ["Ada"]],
		["name includes countess", ["Ada"]],
		["name includes smith", ["Olga"]],
		["cadence monthly", ["Bob", "Eve", "Grace", "Olga"]],
		["cadence 30 days", ["Bob", "Eve", "Grace", "Olga"]],
		["cadence close", ["Bob", "Eve", "Grace", "Olga"]],
		["cadence weekly", ["Ada", "Dan", "Hank", "Pam"]],
		["cadence inner", ["Ned"]],
		["cadence 4-6 weeks", ["Carol"]],
		["cadence 4 weeks", []],
		["cadence yearly", ["Leo", "Mia"]],
		["cadence at most 2 weeks", ["Ada", "Dan", "Hank", "Ned", "Pam"]],
		["cadence at most 30 days", ["Ada", "Bob", "Carol", "Dan", "Eve", "Grace", "Hank", "Ned", "Olga", "Pam"]],
		["cadence at least 3 months", ["Frank", "Leo", "Mia"]],
		["cadence at least 1 year", ["Leo", "Mia"]],
		["has owed favors", ["Ada", "Leo"]],
		["owes me", ["Frank", "Leo"]],
		["has favors", ["Ada", "Frank", "Leo"]],
		["not has favors", ["Bob", "Carol", "Dan", "Eve", "Grace", "Hank", "Ivy", "Jack", "Kim", "Mia", "Ned", "Olga", "Pam"]],
		["birthday within 30 days", ["Eve", "Frank", "Olga"]],
		["birthday within 1 week", ["Frank"]],
		["birthday within 0 days", ["Frank"]],
		["has problems", ["Kim"]],
		["not not has problems", ["Kim"]],
		["overdue\ntag #work", ["Ada", "Bob"]],
		["overdue; tag #work; not contacted since 2026-11-01", ["Bob"]],
		["tag #work; not overdue; not snoozed", ["Eve"]],
	])("%s", (text, expected) => {
		expect(sortedNames(text)).toEqual(expected);
	});

	it("`not` is the exact complement of every filter", () => {
		for (const filter of [
			"overdue",
			"never contacted",
			"due within 2 weeks",
			"contacted since 2026-11-01",
			"tag #work",
			"cadence at most 30 days",
			"birthday within 30 days",
			"owes me",
		]) {
			const yes = sortedNames(filter);
			const no = sortedNames(`not ${filter}`);
			expect([...yes, ...no].sort()).toEqual(people.map((p) => p.person.name.split(" ")[0]).sort());
			expect(yes.filter((n) => no.includes(n))).toEqual([]);
		}
	});

	it("reads a long run of nots by parity", () => {
		expect(sortedNames(`${"not ".repeat(20001)}overdue`)).toEqual(sortedNames("not overdue"));
		expect(sortedNames(`${"NOT ".repeat(20000)}overdue`)).toEqual(sortedNames("overdue"));
	});

	it("handles a query of thousands of lines", () => {
		expect(sortedNames(Array(5000).fill("overdue").join("\n"))).toEqual(sortedNames("overdue"));
	});

	it("resolves relative dates against the run's today, not the parse's", () => {
		const later = { ...ctx, today: d("2026-12-10") };
		expect(run("contacted since 3 weeks ago", people, later).rows.map((r) => r.person.name)).toEqual(["Dan Day", "Olga Alias"]);
	});

	it("counts months on the calendar for due within", () => {
		const jan31 = d("2027-01-31");
		const rows = [
			scheduled("P/Feb28.md", { cadence: "4 weeks", last_contact: "2027-01-31" }, {}, jan31),
			scheduled("P/Mar1.md", { cadence: "29 days", last_contact: "2027-01-31" }, {}, jan31),
		];
		const result = run("due within 1 month", rows, { ...ctx, today: jan31 });
		expect(result.rows.map((r) => r.person.name)).toEqual(["Feb28"]);
	});

	it("refuses to guess when a stored date no longer reads", () => {
		const query: Query = {
			filters: [{ kind: "not", filter: { kind: "contacted", when: "since", date: "blorp" } }],
			sort: [],
			group: null,
			limit: null,
			columns: null,
			explain: false,
		};
		const result = runQuery(query, people, ctx);
		expect(result.rows).toEqual([]);
		expect(result.total).toBe(0);
		expect(result.errors).toEqual(["'contacted since blorp': 'blorp' is not a date; try today, yesterday, 3 days ago or 2026-11-26"]);
	});

	it("never throws on a malformed query", () => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const bad = [null, {}, { filters: "x" }, { filters: [{ kind: "nonsense" }], sort: [{ by: "age" }] }] as any[];
		for (const query of bad) {
			const result = runQuery(query, people, ctx);
			expect(Array.isArray(result.rows)).toBe(true);
			expect(Array.isArray(result.errors)).toBe(true);
		}
		expect(runQuery(null as never, people, ctx).errors[0]).toMatch(/^the query could not be run/);
		expect(
			runQuery(
				{ filters: [{ kind: "nonsense" }], sort: [], group: null, limit: null, columns: null, explain: false } as never,
				people,
				ctx,
			).errors,
		).toEqual(['unknown filter "nonsense"']);
	});
});

describe("sorting", () => {
	it("sorts by urgency, everyone without an urgency after by name", () => {
		expect(names("sort by urgency")).toEqual([
			"Hank",
			"Ada",
			"Ned",
			"Carol",
			"Bob",
			"Mia",
			"Dan",
			"Eve",
			"Frank",
			"Leo",
			"Olga",
			"Grace",
			"Ivy",
			"Jack",
			"Kim",
			"Pam",
		]);
	});

	it("defaults to what needs action first: status by status, by urgency within each", () => {
		const byStatus = ["overdue", "due", "soon", "never", "ok", "snoozed", "untracked"].flatMap((status) =>
			names(`status is ${status}\nsort by urgency`),
		);
		expect(names("")).toEqual(byStatus);
		expect(names("")).not.toEqual(names("sort by urgency"));
	});

	it("ranks a weekly friend 7 days late above a yearly contact 7 days late", () => {
		expect(names("overdue")).toEqual(["Ada", "Ned", "Bob", "Mia"]);
		expect(names("overdue\nsort by urgency reverse")).toEqual(["Mia", "Bob", "Ned", "Ada"]);
	});

	it("sorts by name, either way", () => {
		const az = [
			"Ada",
			"Bob",
			"Carol",
			"Dan",
			"Eve",
			"Frank",
			"Grace",
			"Hank",
			"Ivy",
			"Jack",
			"Kim",
			"Leo",
			"Mia",
			"Ned",
			"Olga",
			"Pam",
		];
		expect(names("sort by name")).toEqual(az);
		expect(names("sort by name reverse")).toEqual([...az].reverse());
	});

	it("sorts by due date, people without one last in both directions, ties by name", () => {
		expect(names("sort by due")).toEqual([
			"Hank",
			"Carol",
			"Ada",
			"Mia",
			"Ned",
			"Bob",
			"Dan",
			"Eve",
			"Olga",
			"Frank",
			"Leo",
			"Grace",
			"Ivy",
			"Jack",
			"Kim",
			"Pam",
		]);
		expect(names("sort by due reverse")).toEqual([
			"Leo",
			"Frank",
			"Olga",
			"Eve",
			"Dan",
			"Bob",
			"Ada",
			"Mia",
			"Ned",
			"Carol",
			"Hank",
			"Grace",
			"Ivy",
			"Jack",
			"Kim",
			"Pam",
		]);
	});

	it("sorts by last contact with never contacted as the oldest", () => {
		expect(names("sort by last contact")).toEqual([
			"Grace",
			"Jack",
			"Pam",
			"Mia",
			"Ivy",
			"Leo",
			"Hank",
			"Frank",
			"Bob",
			"Carol",
			"Eve",
			"Kim",
			"Ned",
			"Ada",
			"Dan",
			"Olga",
		]);
		expect(names("sort by last contact reverse")).toEqual([
			"Olga",
			"Dan",
			"Ada",
			"Ned",
			"Eve",
			"Kim",
			"Bob",
			"Carol",
			"Frank",
			"Hank",
			"Leo",
			"Ivy",
			"Mia",
			"Grace",
			"Jack",
			"Pam",
		]);
	});

	it("breaks ties with later sort lines in order", () => {
		expect(names("sort by cadence\nsort by last contact reverse")).toEqual([
			"Dan",
			"Ada",
			"Hank",
			"Pam",
			"Ned",
			"Carol",
			"Olga",
			"Eve",
			"Bob",
			"Grace",
			"Frank",
			"Leo",
			"Mia",
			"Kim",
			"Ivy",
			"Jack",
		]);
		expect(names("sort by cadence reverse; sort by name")).toEqual([
			"Leo",
			"Mia",
			"Frank",
			"Bob",
			"Eve",
			"Grace",
			"Olga",
			"Carol",
			"Ned",
			"Ada",
			"Dan",
			"Hank",
			"Pam",
			"Ivy",
			"Jack",
			"Kim",
		]);
	});

	it("sorts by next birthday", () => {
		expect(names("birthday within 1 year\nsort by birthday")).toEqual(["Frank", "Eve", "Olga"]);
		expect(names("sort by birthday reverse").slice(0, 4)).toEqual(["Olga", "Eve", "Frank", "Ada"]);
	});
});

describe("limit", () => {
	it("keeps the first N after sorting and counts every match", () => {
		const result = run("sort by urgency\nlimit 3");
		expect(result.rows.map((r) => r.person.name)).toEqual(["Hank Hidden", "Ada Lovelace", "Ned Inner"]);
		expect(result.total).toBe(16);
		expect(run("overdue\nlimit 2")).toMatchObject({ total: 4 });
		expect(run("overdue\nlimit 100").rows).toHaveLength(4);
	});

	it("gives the same rows as sorting everything and cutting", () => {
		for (const sort of ["", "sort by name reverse", "sort by due", "sort by last contact", "sort by cadence; sort by birthday"]) {
			const all = names(sort);
			for (const n of [1, 2, 5, 15, 16]) expect(names(`${sort}\nlimit ${n}`)).toEqual(all.slice(0, n));
		}
	});
});

describe("groups", () => {
	function groups(text: string): [string, string[]][] {
		return (run(text).groups ?? []).map((g) => [g.key, g.rows.map((r) => r.person.name.split(" ")[0])]);
	}

	it("groups by status in the status order, sorted inside", () => {
		expect(groups("group by status")).toEqual([
			["overdue", ["Ada", "Ned", "Bob", "Mia"]],
			["due", ["Carol", "Dan"]],
			["soon", ["Eve"]],
			["never", ["Grace"]],
			["ok", ["Frank", "Leo", "Olga"]],
			["snoozed", ["Hank", "Pam"]],
			["untracked", ["Ivy", "Jack", "Kim"]],
		]);
	});

	it("puts a person under each of their tags, the untagged last", () => {
		expect(groups("group by tag\nsort by name")).toEqual([
			["#friends", ["Carol", "Grace"]],
			["#friends/close", ["Ned"]],
			["#person", ["Ivy"]],
			["#work", ["Ada", "Bob", "Hank"]],
			["#work/acme", ["Ada", "Eve"]],
			["#workshop", ["Olga"]],
			["(no tag)", ["Dan", "Frank", "Jack", "Kim", "Leo", "Mia", "Pam"]],
		]);
	});

	it("groups by folder, the vault root first", () => {
		expect(groups("group by folder\nsort by name")).toEqual([
			["/", ["Jack"]],
			["People", ["Dan", "Frank", "Ivy", "Kim", "Leo", "Mia", "Olga", "Pam"]],
			["People/Friends", ["Carol", "Grace", "Ned"]],
			["People/Work", ["Ada", "Bob", "Hank"]],
			["People/Work/Acme", ["Eve"]],
		]);
	});

	it("applies the limit before grouping", () => {
		const result = run("group by status\nsort by urgency\nlimit 3");
		expect(result.total).toBe(16);
		expect(result.groups?.map((g) => [g.key, g.rows.length])).toEqual([
			["overdue", 2],
			["snoozed", 1],
		]);
	});

	it("has no groups without group by", () => {
		expect(run("overdue").groups).toBeNull();
	});
});

describe("columns and explain", () => {
	it("reports the default or the chosen columns", () => {
		expect(run("overdue").columns).toEqual(["name", "status", "last contact", "cadence", "due"]);
		expect(run("columns name, favors, birthday").columns).toEqual(["name", "favors", "birthday"]);
	});

	it("explains each instruction only when asked", () => {
		expect(run("overdue").explanation).toBeNull();
		const result = run(
			"overdue\ntag #work\nnot contacted since 3 months ago\ndue within 2 weeks\nsort by urgency\ngroup by tag\nlimit 10\ncolumns name, due\nexplain",
		);
		expect(result.explanation).toEqual([
			"overdue — status overdue: past the due date (past the high end of a range)",
			"tag #work — tagged #work or a tag inside it (#work/…)",
			"not contacted since 3 months ago — not (last contact on or after 2026-08-26)",
			"due within 2 weeks — has a due date on or before 2026-12-10, overdue included, snoozed excluded",
			"sort by urgency — most urgent first; no value last",
			"(then by name)",
			"group by tag — one group per tag; someone with several tags appears under each, untagged under (no tag)",
			"limit 10 — the first 10 after sorting; the total still counts every match",
			"columns — name, due",
		]);
	});

	it("explains defaults and every filter", () => {
		expect(run("explain").explanation).toEqual([
			"(no filters) — every person",
			"(default sort) — most urgent first, then longer overdue, then by name",
			"(default columns) — name, status, last contact, cadence, due",
		]);
		const text = [
			"due",
			"due soon",
			"status is never",
			"status is ok",
			"snoozed",
			"untracked",
			"never contacted",
			"contacted before 2026-01-01",
			"folder People",
			"name includes ada",
			"cadence 4-6 weeks",
			"cadence monthly",
			"cadence at least 1 week",
			"has owed favors",
			"owes me",
			"has favors",
			"birthday within 1 month",
			"has problems",
			"explain",
		].join("\n");
		expect(run(text).explanation?.slice(0, -2)).toEqual([
			"due — status due: due today, or inside a cadence range (overdue and soon not included)",
			"due soon — status soon: due within the next 7 days",
			"status is never — status never: has a cadence but no contact recorded",
			"status is ok — status ok: has a cadence and is not due yet",
			"snoozed — status snoozed: snoozed until after today",
			"untracked — status untracked: no cadence",
			"never contacted — no contact recorded at all, with or without a cadence",
			"contacted before 2026-01-01 — last contact before 2026-01-01; never contacted excluded",
			"folder People — in the folder People or its subfolders (any case)",
			'name includes ada — the name or an alias contains "ada" (any case)',
			"cadence 4-6 weeks — cadence of 28–42 days (counting a month as 30 days, a year as 365)",
			"cadence monthly — cadence of 30 days (counting a month as 30 days, a year as 365)",
			"cadence at least 1 week — cadence (its low end) of at least 7 days; no cadence excluded",
			"has owed favors — you owe them a favor",
			"owes me — they owe you a favor",
			"has favors — a favor open either way",
			"birthday within 1 month — birthday between 2026-11-26 and 2026-12-26",
			"has problems — a value could not be understood, or a date is after today",
		]);
	});
});

describe("name includes across Unicode compositions", () => {
	it("finds a decomposed file name (as macOS writes it) from composed text, and the other way round", () => {
		const rows = [
			scheduled("People/Jose\u0301 Nu\u0301n\u0303ez.md", { cadence: "weekly" }),
			scheduled("People/Zo\u00eb.md", { cadence: "weekly", aliases: ["Zo\u00eb B"] }),
		];
		expect(run("name includes jos\u00e9", rows).rows.map((r) => r.person.path)).toEqual(["People/Jose\u0301 Nu\u0301n\u0303ez.md"]);
		expect(run("name includes zoe\u0308 b", rows).rows.map((r) => r.person.path)).toEqual(["People/Zo\u00eb.md"]);
	});
});
