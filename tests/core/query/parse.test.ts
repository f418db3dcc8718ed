import { describe, expect, it } from "vitest";
import { formatQuery, formatQueryError, parseQuery, type Filter, type Query } from "../../../src/core/query";
import { tiers } from "./fixtures";

const EMPTY: Query = { filters: [], sort: [], group: null, limit: null, columns: null, explain: false };

function parsed(text: string): Query {
	const result = parseQuery(text, { tiers });
	if (!result.ok) throw new Error(result.errors.map(formatQueryError).join("\n"));
	return result.query;
}

function errors(text: string): string[] {
	const result = parseQuery(text, { tiers });
	if (result.ok) throw new Error(`parsed: ${JSON.stringify(result.query)}`);
	return result.errors.map(formatQueryError);
}

function only(text: string): Filter {
	const q = parsed(text);
	expect(q.filters).toHaveLength(1);
	return q.filters[0];
}

describe("filters", () => {
	it.each<[string, Filter]>([
		["overdue", { kind: "status", status: "overdue" }],
		["OVERDUE", { kind: "status", status: "overdue" }],
		["   overdue\t", { kind: "status", status: "overdue" }],
		["due", { kind: "status", status: "due" }],
		["Due", { kind: "status", status: "due" }],
		["due soon", { kind: "status", status: "soon" }],
		["due    SOON", { kind: "status", status: "soon" }],
		["snoozed", { kind: "status", status: "snoozed" }],
		["untracked", { kind: "status", status: "untracked" }],
		["status is overdue", { kind: "status", status: "overdue" }],
		["status is never", { kind: "status", status: "never" }],
		["Status Is OK", { kind: "status", status: "ok" }],
		["status snoozed", { kind: "status", status: "snoozed" }],
		["status is due soon", { kind: "status", status: "soon" }],
		["status is untracked", { kind: "status", status: "untracked" }],
		["status is due", { kind: "status", status: "due" }],
		["status is soon", { kind: "status", status: "soon" }],
		["never contacted", { kind: "never contacted" }],
		["Never  Contacted", { kind: "never contacted" }],
		["due within 2 weeks", { kind: "due within", text: "2 weeks", span: { months: 0, days: 14 } }],
		["due within 10 days", { kind: "due within", text: "10 days", span: { months: 0, days: 10 } }],
		["DUE WITHIN 1 month", { kind: "due within", text: "1 month", span: { months: 1, days: 0 } }],
		["due within 0 days", { kind: "due within", text: "0 days", span: { months: 0, days: 0 } }],
		["due within 0", { kind: "due within", text: "0", span: { months: 0, days: 0 } }],
		["due within 3d", { kind: "due within", text: "3d", span: { months: 0, days: 3 } }],
		["contacted since 2026-06-01", { kind: "contacted", when: "since", date: "2026-06-01" }],
		["Contacted Since 3 months ago", { kind: "contacted", when: "since", date: "3 months ago" }],
		["contacted since yesterday", { kind: "contacted", when: "since", date: "yesterday" }],
		["contacted before 2 weeks ago", { kind: "contacted", when: "before", date: "2 weeks ago" }],
		["contacted before today", { kind: "contacted", when: "before", date: "today" }],
		["tag #work", { kind: "tag", tag: "work" }],
		["tag work", { kind: "tag", tag: "work" }],
		["TAG #Work/Acme", { kind: "tag", tag: "work/acme" }],
		["tag #work/", { kind: "tag", tag: "work" }],
		["folder People", { kind: "folder", folder: "People" }],
		["folder /People/Work/", { kind: "folder", folder: "People/Work" }],
		['folder "My People"', { kind: "folder", folder: "My People" }],
		["Folder my people", { kind: "folder", folder: "my people" }],
		["name includes ada", { kind: "name includes", text: "ada" }],
		["name contains Ada L", { kind: "name includes", text: "Ada L" }],
		['name includes " ada "', { kind: "name includes", text: " ada " }],
		["cadence monthly", { kind: "cadence", text: "monthly", lowDays: 30, highDays: 30 }],
		["Cadence Is 2w", { kind: "cadence", text: "2w", lowDays: 14, highDays: 14 }],
		["cadence close", { kind: "cadence", text: "close", lowDays: 30, highDays: 30 }],
		["cadence 4-6 weeks", { kind: "cadence", text: "4-6 weeks", lowDays: 28, highDays: 42 }],
		["cadence at most 30 days", { kind: "cadence bound", bound: "at most", text: "30 days", days: 30 }],
		["cadence at least 2 weeks", { kind: "cadence bound", bound: "at least", text: "2 weeks", days: 14 }],
		["cadence AT LEAST 1 year", { kind: "cadence bound", bound: "at least", text: "1 year", days: 365 }],
		["cadence at most casual", { kind: "cadence bound", bound: "at most", text: "casual", days: 90 }],
		["has owed favors", { kind: "favors", which: "owed" }],
		["has owed favours", { kind: "favors", which: "owed" }],
		["owes me", { kind: "favors", which: "owed to me" }],
		["has favors", { kind: "favors", which: "any" }],
		["has problems", { kind: "has problems" }],
		["birthday within 30 days", { kind: "birthday within", text: "30 days", span: { months: 0, days: 30 } }],
		["Birthday Within 2 weeks", { kind: "birthday within", text: "2 weeks", span: { months: 0, days: 14 } }],
		["not overdue", { kind: "not", filter: { kind: "status", status: "overdue" } }],
		["NOT tag #work", { kind: "not", filter: { kind: "tag", tag: "work" } }],
		["not contacted since 2026-06-01", { kind: "not", filter: { kind: "contacted", when: "since", date: "2026-06-01" } }],
		["not not snoozed", { kind: "status", status: "snoozed" }],
		["not not not snoozed", { kind: "not", filter: { kind: "status", status: "snoozed" } }],
	])("%s", (text, filter) => {
		expect(only(text)).toEqual(filter);
	});
});

describe("presentation instructions", () => {
	it.each<[string, Partial<Query>]>([
		["sort by urgency", { sort: [{ by: "urgency", reverse: false }] }],
		["Sort  By  Last  Contact", { sort: [{ by: "last contact", reverse: false }] }],
		["sort by last_contact reverse", { sort: [{ by: "last contact", reverse: true }] }],
		["sort by due REVERSE", { sort: [{ by: "due", reverse: true }] }],
		["sort by name", { sort: [{ by: "name", reverse: false }] }],
		["sort by cadence", { sort: [{ by: "cadence", reverse: false }] }],
		["sort by birthday", { sort: [{ by: "birthday", reverse: false }] }],
		["sort by due date", { sort: [{ by: "due", reverse: false }] }],
		[
			"sort by due\nsort by name reverse",
			{
				sort: [
					{ by: "due", reverse: false },
					{ by: "name", reverse: true },
				],
			},
		],
		["group by status", { group: "status" }],
		["GROUP BY Tag", { group: "tag" }],
		["group by tags", { group: "tag" }],
		["group by folder", { group: "folder" }],
		["limit 10", { limit: 10 }],
		["LIMIT 1", { limit: 1 }],
		["limit to 5", { limit: 5 }],
		["columns name, last contact, cadence, due, favors", { columns: ["name", "last contact", "cadence", "due", "favors"] }],
		["Columns Name,Status , URGENCY,tags", { columns: ["name", "status", "urgency", "tags"] }],
		["columns folder, birthday, aliases, problems,", { columns: ["folder", "birthday", "aliases", "problems"] }],
		["columns name, name, tag, last_contact", { columns: ["name", "tags", "last contact"] }],
		["explain", { explain: true }],
		["EXPLAIN", { explain: true }],
	])("%s", (text, expected) => {
		expect(parsed(text)).toEqual({ ...EMPTY, ...expected });
	});
});

describe("lines", () => {
	it("ANDs the filters in order and skips blank lines and comments", () => {
		const q = parsed("# work people who need me\n\noverdue\n  # indented comment\ntag #work\n#work is a comment too\n");
		expect(q.filters).toEqual([
			{ kind: "status", status: "overdue" },
			{ kind: "tag", tag: "work" },
		]);
	});

	it("splits on ; as well as newlines (LF, CRLF, CR)", () => {
		const q = parsed("overdue; tag #work\r\nsort by urgency\rlimit 3;;");
		expect(q).toEqual({
			...EMPTY,
			filters: [
				{ kind: "status", status: "overdue" },
				{ kind: "tag", tag: "work" },
			],
			sort: [{ by: "urgency", reverse: false }],
			limit: 3,
		});
	});

	it("numbers ;-separated pieces as lines", () => {
		expect(errors("overdue; blah")).toEqual(["line 2: 'blah': not an instruction; try overdue, tag #x, sort by urgency, limit 10 …"]);
		expect(errors("overdue\n\nsort by age")).toEqual([
			"line 3: 'sort by age': can sort by urgency, due, last contact, name, cadence, birthday",
		]);
	});

	it("keeps a comment whole, even with a ; in it", () => {
		expect(parsed("# people I owe; call them first\nowes me")).toEqual({
			...EMPTY,
			filters: [{ kind: "favors", which: "owed to me" }],
		});
		expect(errors("# work; weekly\nsort by age")).toEqual([
			"line 2: 'sort by age': can sort by urgency, due, last contact, name, cadence, birthday",
		]);
	});

	it("reads a ;-piece starting with # as a comment, so a line can end in one", () => {
		expect(parsed("overdue; # the late ones")).toEqual({ ...EMPTY, filters: [{ kind: "status", status: "overdue" }] });
		// The rest of the line is the comment, ; and all, as with a whole-line comment.
		expect(parsed("overdue; # the late ones; call first")).toEqual({ ...EMPTY, filters: [{ kind: "status", status: "overdue" }] });
		expect(errors("overdue; # x; y\nsort by age")).toEqual([
			"line 4: 'sort by age': can sort by urgency, due, last contact, name, cadence, birthday",
		]);
	});

	it("accepts the empty query", () => {
		expect(parsed("")).toEqual(EMPTY);
		expect(parsed("  \n ; \n# nothing")).toEqual(EMPTY);
	});

	it("reports every bad line, not just the first", () => {
		expect(errors("overdu\ntag #work\nlimit 0\nsort by age")).toEqual([
			"line 1: 'overdu': did you mean overdue?",
			"line 3: 'limit 0': limit needs a whole number from 1",
			"line 4: 'sort by age': can sort by urgency, due, last contact, name, cadence, birthday",
		]);
	});

	it("gives structured errors too", () => {
		const result = parseQuery("overdue\nsort by age", { tiers });
		expect(result).toEqual({
			ok: false,
			errors: [{ line: 2, text: "sort by age", message: "can sort by urgency, due, last contact, name, cadence, birthday" }],
		});
	});
});

describe("errors", () => {
	it.each([
		["overdu", "line 1: 'overdu': did you mean overdue?"],
		["ovrdue", "line 1: 'ovrdue': did you mean overdue?"],
		["snozed", "line 1: 'snozed': did you mean snoozed?"],
		["tga #work", "line 1: 'tga #work': did you mean tag #work?"],
		["sort bye urgency", "line 1: 'sort bye urgency': did you mean sort by urgency?"],
		["sortby name", "line 1: 'sortby name': did you mean sort by name?"],
		["due soo", "line 1: 'due soo': did you mean due soon?"],
		["due withing 2 weeks", "line 1: 'due withing 2 weeks': did you mean due within 2 weeks?"],
		["not overdu", "line 1: 'not overdu': did you mean not overdue?"],
		["cadence at mots 30 days", "line 1: 'cadence at mots 30 days': did you mean cadence at most 30 days?"],
		["owes mee", "line 1: 'owes mee': did you mean owes me?"],
		["contacted", "line 1: 'contacted': did you mean contacted since DATE or contacted before DATE?"],
		["not contacted", "line 1: 'not contacted': did you mean not contacted since DATE or not contacted before DATE?"],
		["sort by name desc", "line 1: 'sort by name desc': sort by name takes only reverse after it, e.g. sort by name reverse"],
		[
			"sort by last contact descending",
			"line 1: 'sort by last contact descending': sort by last contact takes only reverse after it, e.g. sort by last contact reverse",
		],
		["tag #work,", "line 1: 'tag #work,': tag needs one tag, e.g. tag #work"],
		["tag #work,#home", "line 1: 'tag #work,#home': tag needs one tag, e.g. tag #work"],
		["tag #work.acme", "line 1: 'tag #work.acme': tag needs one tag, e.g. tag #work"],
		["not limi", "line 1: 'not limi': not an instruction; try overdue, tag #x, sort by urgency, limit 10 …"],
		["has", "line 1: 'has': did you mean has owed favors, has favors or has problems?"],
		["cadence at", "line 1: 'cadence at': did you mean cadence at most 30 days or cadence at least 2 weeks?"],
		["blah", "line 1: 'blah': not an instruction; try overdue, tag #x, sort by urgency, limit 10 …"],
		["overdue now", "line 1: 'overdue now': overdue takes nothing after it"],
		["explain please", "line 1: 'explain please': explain takes nothing after it"],
		["limit 0", "line 1: 'limit 0': limit needs a whole number from 1"],
		["limit x", "line 1: 'limit x': limit needs a whole number from 1"],
		["limit -3", "line 1: 'limit -3': limit needs a whole number from 1"],
		["limit 2.5", "line 1: 'limit 2.5': limit needs a whole number from 1"],
		["limit 99999999999999999999", "line 1: 'limit 99999999999999999999': limit needs a whole number from 1"],
		["limit", "line 1: 'limit': limit needs a whole number from 1"],
		["sort by age", "line 1: 'sort by age': can sort by urgency, due, last contact, name, cadence, birthday"],
		["sort by", "line 1: 'sort by': can sort by urgency, due, last contact, name, cadence, birthday"],
		["sort by reverse", "line 1: 'sort by reverse': can sort by urgency, due, last contact, name, cadence, birthday"],
		["group by x", "line 1: 'group by x': can group by status, tag, folder"],
		["group by", "line 1: 'group by': can group by status, tag, folder"],
		[
			"columns name, age",
			"line 1: 'columns name, age': 'age' is not a column; columns are name, status, last contact, cadence, due, favors, urgency, tags, folder, birthday, aliases, problems, rhythm",
		],
		[
			"columns , ,",
			"line 1: 'columns , ,': columns needs a list; columns are name, status, last contact, cadence, due, favors, urgency, tags, folder, birthday, aliases, problems, rhythm",
		],
		["not", "line 1: 'not': not needs a filter after it, e.g. not snoozed"],
		["not not", "line 1: 'not not': not needs a filter after it, e.g. not snoozed"],
		["not sort by name", "line 1: 'not sort by name': not can only come before a filter, e.g. not snoozed"],
		["not limit 3", "line 1: 'not limit 3': not can only come before a filter, e.g. not snoozed"],
		["contacted since blorp", "line 1: 'contacted since blorp': 'blorp' is not a date; try today, yesterday, 3 days ago or 2026-06-01"],
		["contacted since 2026-02-30", "line 1: 'contacted since 2026-02-30': '2026-02-30' is not a real calendar date"],
		["contacted since yesterdya", "line 1: 'contacted since yesterdya': 'yesterdya' is not a date; did you mean yesterday?"],
		["contacted since", "line 1: 'contacted since': contacted since needs a date, e.g. 2026-06-01 or 3 months ago"],
		["contacted before", "line 1: 'contacted before': contacted before needs a date, e.g. 2026-06-01 or 3 months ago"],
		["cadence fortnighly", "line 1: 'cadence fortnighly': 'fortnighly' is not a cadence; did you mean fortnightly?"],
		["cadence", "line 1: 'cadence': cadence needs a cadence, e.g. cadence monthly"],
		["cadence at most", "line 1: 'cadence at most': cadence at most needs a length of time; try 10 days, 2 weeks or 1 month"],
		["cadence at least 4-6 weeks", "line 1: 'cadence at least 4-6 weeks': '4-6 weeks' is a range; give one length, like 2 weeks"],
		["due within x", "line 1: 'due within x': 'x' is not a length of time; try 10 days, 2 weeks or 1 month"],
		["due within", "line 1: 'due within': due within needs a length of time; try 10 days, 2 weeks or 1 month"],
		["due within -2 days", "line 1: 'due within -2 days': '-2 days' is negative; a cadence is at least 1 day"],
		["birthday within soon", "line 1: 'birthday within soon': 'soon' is not a length of time; try 10 days, 2 weeks or 1 month"],
		[
			"status is weird",
			"line 1: 'status is weird': 'weird' is not a status; status is one of overdue, due, soon, never, ok, snoozed, untracked, ignored or problem",
		],
		["status is", "line 1: 'status is': status is one of overdue, due, soon, never, ok, snoozed, untracked, ignored or problem"],
		["tag", "line 1: 'tag': tag needs one tag, e.g. tag #work"],
		["tag #", "line 1: 'tag #': tag needs one tag, e.g. tag #work"],
		["tag #a #b", "line 1: 'tag #a #b': tag needs one tag, e.g. tag #work"],
		["folder", "line 1: 'folder': folder needs a folder path, e.g. folder People/Work"],
		["folder /", "line 1: 'folder /': folder needs a folder path, e.g. folder People/Work"],
		['name includes ""', "line 1: 'name includes \"\"': name includes needs some text, e.g. name includes ada"],
	])("%s", (text, message) => {
		expect(errors(text)).toEqual([message]);
	});

	it.each([
		["limit 1\nlimit 2", "line 2: 'limit 2': limit is already given on line 1; keep one"],
		["group by tag; overdue; group by status", "line 3: 'group by status': group by is already given on line 1; keep one"],
		["columns name\ncolumns due", "line 2: 'columns due': columns is already given on line 1; keep one"],
	])("refuses a repeated %s", (text, message) => {
		expect(errors(text)).toEqual([message]);
	});

	it("reads order by as sort by (rather than guessing folder by …)", () => {
		expect(parsed("order by name\nOrder By due reverse").sort).toEqual([
			{ by: "name", reverse: false },
			{ by: "due", reverse: true },
		]);
	});

	it("allows repeated sort lines and explain", () => {
		expect(parsed("explain\nexplain").explain).toBe(true);
		expect(parsed("sort by due\nsort by due").sort).toHaveLength(2);
	});

	it("truncates a very long line in the message but keeps it whole in the structure", () => {
		const long = `blah ${"x".repeat(200)}`;
		const result = parseQuery(long, { tiers });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.errors[0].text).toBe(long);
			expect(formatQueryError(result.errors[0]).length).toBeLessThan(200);
		}
	});

	it("never throws on junk arguments", () => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const p = parseQuery as any;
		expect(p(undefined, { tiers }).ok).toBe(false);
		expect(p(42, undefined).ok).toBe(false);
		expect(p("cadence close", null)).toEqual({
			ok: false,
			errors: [{ line: 1, text: "cadence close", message: "'close' is not a cadence; try 2w, monthly or every 3 months" }],
		});
		expect(p("overdue", {}).ok).toBe(true);
	});

	it("uses the tiers it is given", () => {
		expect(only("cadence close")).toMatchObject({ lowDays: 30 });
		const result = parseQuery("cadence close", { tiers: { close: "2 months" } });
		expect(result.ok && result.query.filters[0]).toMatchObject({ lowDays: 60 });
	});
});

describe("limits on long text", () => {
	it("refuses a line over 1,000 characters before reading it", () => {
		expect(errors(`name includes ${"x".repeat(1000)}`)).toEqual([
			`line 1: 'name includes ${"x".repeat(65)}…': the line is 1,014 characters long; an instruction is at most 1,000`,
		]);
		expect(parsed(`name includes ${"x".repeat(900)}`).filters).toHaveLength(1);
	});

	it("counts a run of nots by parity, not as length", () => {
		expect(only(`${"not ".repeat(20_000)}overdue`)).toEqual({ kind: "status", status: "overdue" });
		expect(errors(`${"not ".repeat(20_001)}overdu`)).toEqual([
			`line 1: '${"not ".repeat(20).slice(0, 79)}…': did you mean not overdue?`,
		]);
		expect(errors("not not overdu")).toEqual(["line 1: 'not not overdu': did you mean not not overdue?"]);
	});

	it("lists twenty mistakes, then says more were left out", () => {
		const list = errors(Array(5000).fill("blorp").join("\n"));
		expect(list).toHaveLength(21);
		expect(list[19]).toMatch(/^line 20: 'blorp': /);
		expect(list[20]).toBe("more mistakes from line 21 on are not listed; fix these first");
	});

	it("refuses a query over 100,000 characters before reading it", () => {
		expect(errors("overdue\n".repeat(20_000))).toEqual(["the query is 160,000 characters long; a query is at most 100,000"]);
		expect(parsed("overdue\n".repeat(12_000)).filters).toHaveLength(12_000);
	});

	it("reads tags and folders ending in a megabyte of slashes", () => {
		expect(errors(`tag #a${"/".repeat(1_000_000)}b`)).toHaveLength(1);
		expect(only(`tag #work${"/".repeat(900)}`)).toEqual({ kind: "tag", tag: "work" });
		expect(only(`folder /People${"/".repeat(900)}`)).toEqual({ kind: "folder", folder: "People" });
	});
});

describe("formatQuery", () => {
	it("writes the canonical form", () => {
		const q = parsed(
			[
				"OVERDUE",
				"status is soon",
				"status  is never",
				"status ok",
				"Never Contacted",
				"due within  2 weeks",
				"contacted since 3 months ago",
				"not   contacted before 2026-01-01",
				"tag Work",
				'folder "/People/"',
				'name contains " x"',
				"cadence is monthly",
				"cadence at most 30d",
				"has owed favours",
				"owes me",
				"has favors",
				"birthday within 1 month",
				"has problems",
				"sort by Last_Contact Reverse",
				"sort by urgency",
				"group by tags",
				"limit to 5",
				"columns name,due",
				"explain",
			].join("\n"),
		);
		expect(formatQuery(q)).toBe(
			[
				"overdue",
				"due soon",
				"status is never",
				"status is ok",
				"never contacted",
				"due within 2 weeks",
				"contacted since 3 months ago",
				"not contacted before 2026-01-01",
				"tag #work",
				"folder People",
				'name includes " x"',
				"cadence monthly",
				"cadence at most 30d",
				"has owed favors",
				"owes me",
				"has favors",
				"birthday within 1 month",
				"has problems",
				"sort by last contact reverse",
				"sort by urgency",
				"group by tag",
				"limit 5",
				"columns name, due",
				"explain",
			].join("\n"),
		);
		expect(parsed(formatQuery(q))).toEqual(q);
	});

	it("keeps a tier called 'is' readable", () => {
		const result = parseQuery("cadence is is", { tiers: { is: "2 weeks" } });
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(formatQuery(result.query)).toBe("cadence is is");
			expect(parseQuery(formatQuery(result.query), { tiers: { is: "2 weeks" } })).toEqual(result);
		}
	});

	it("quotes values that would not survive unquoted", () => {
		for (const folder of ['"x"', " x", "x "]) {
			const q: Query = {
				...EMPTY,
				filters: [
					{ kind: "folder", folder },
					{ kind: "name includes", text: folder },
				],
			};
			expect(parsed(formatQuery(q))).toEqual(q);
		}
	});
});
