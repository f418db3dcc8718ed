/**
 * Writing into a log as the user keeps it (issue #16, points 2 and 3): the order is read from the
 * entries already there, and a new entry takes the form of its neighbours — a list item, a date
 * sub-heading, a table row.
 */
import fc from "fast-check";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { formatDay, type Day } from "../../src/core/dates";
import { isAnchor, logDirection } from "../../src/core/log-order";
import { readLogDates, scanLogs } from "../../src/core/log-reader";
import { applyLog, type LogEntryInput } from "../../src/core/log-writer";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { surgicalViolations } from "../reliability/roundtrip";
import { parseNote } from "../runtime/markdown";
import { d } from "./helpers";

const TODAY = d("2026-12-30");
/** Later than every date logged here, so only the body changes. */
const FM = "---\nlast_contact: 2027-01-01\n---\n";

interface Options {
	type?: string;
	note?: string;
	settings?: Partial<Settings>;
}

/** The whole note after logging `date` into `text`. */
function logNote(text: string, date: string, { type = "call", note = "", settings = {} }: Options = {}): string {
	const entry: LogEntryInput = { day: d(date), type, note };
	const r = applyLog(text, entry, { ...defaultSettings(), ...settings }, TODAY, load);
	if (!r.ok) throw new Error(r.error);
	return r.text;
}

/** The body after logging `date` into `FM + body`. */
function log(body: string, date: string, options: Options = {}): string {
	const text = logNote(FM + body, date, options);
	expect(text.startsWith(FM)).toBe(true);
	return text.slice(FM.length);
}

/** Logs each date in turn. */
function logAll(body: string, dates: string[], options: Options = {}): string {
	return dates.reduce((text, date) => log(text, date, options), body);
}

const lines = (...l: string[]) => `${l.join("\n")}\n`;

/** `body` with `added` lines put before its line `at` (counted from 0). */
function withLines(body: string, at: number, ...added: string[]): string {
	const all = body.split("\n");
	all.splice(at, 0, ...added);
	return all.join("\n");
}

describe("the order is the log's own", () => {
	it("keeps a newest-first log newest first, whatever the setting (the issue's example)", () => {
		const kept = lines("## Interactions", "- 2026-11-20 — a", "- 2026-10-05 — b", "- 2026-09-01 — c");
		expect(logAll(kept, ["2026-10-20", "2026-12-02"])).toBe(
			lines(
				"## Interactions",
				"- 2026-12-02 — call",
				"- 2026-11-20 — a",
				"- 2026-10-20 — call",
				"- 2026-10-05 — b",
				"- 2026-09-01 — c",
			),
		);
	});

	it("keeps an oldest-first log oldest first with the setting newest-first", () => {
		const kept = lines("## Interactions", "- 2026-09-01 — c", "- 2026-11-20 — a");
		expect(log(kept, "2026-10-05", { settings: { logOrder: "newest-first" } })).toBe(
			lines("## Interactions", "- 2026-09-01 — c", "- 2026-10-05 — call", "- 2026-11-20 — a"),
		);
	});

	it.each([
		["no entry", [], "oldest-first", 1],
		["no entry", [], "newest-first", -1],
		["one entry", ["2026-01-01"], "newest-first", -1],
		["one day twice", ["2026-01-01", "2026-01-01"], "oldest-first", 1],
		["ascending", ["2026-01-01", "2026-01-01", "2026-02-01"], "newest-first", 1],
		["descending", ["2026-02-01", "2026-01-01", "2026-01-01"], "oldest-first", -1],
		["unsorted", ["2026-02-01", "2026-01-01", "2026-03-01"], "oldest-first", 0],
		["unsorted, the other way", ["2026-01-01", "2026-03-01", "2026-02-01"], "newest-first", 0],
	] as const)("reads %s (setting %s) as %i", (_, days, setting, want) => {
		expect(logDirection(days.map(d), setting)).toBe(want);
	});

	it("puts an entry at the end of an unsorted log", () => {
		const kept = lines(
			"## Interactions",
			"- 2026-11-20 — a",
			"- 2026-09-01 — b",
			"- 2026-10-05 — c",
			"- an undated line",
			"",
			"## Notes",
		);
		expect(log(kept, "2026-10-01")).toBe(withLines(kept, 5, "- 2026-10-01 — call"));
	});

	it.each([
		["after that day's entries going forward", ["- 2026-11-01 — a", "- 2026-11-20 — b", "- 2026-11-20 — c", "- 2026-12-01 — d"], 4],
		["above them going back", ["- 2026-12-01 — d", "- 2026-11-20 — c", "- 2026-11-20 — b", "- 2026-11-01 — a"], 2],
	])("puts a same-day entry %s", (_, entries, at) => {
		const kept = lines("## Interactions", ...entries);
		expect(log(kept, "2026-11-20", { note: "new" })).toBe(withLines(kept, at, "- 2026-11-20 — call: new"));
	});

	it("orders by the dates however they are written", () => {
		const kept = lines("## Interactions", "- **20 Nov 2026** — a", "- Oct 5, 2026 — b", "- [[2026-09-01]] — c");
		expect(log(kept, "2026-10-20")).toBe(
			lines("## Interactions", "- **20 Nov 2026** — a", "- 2026-10-20 — call", "- Oct 5, 2026 — b", "- [[2026-09-01]] — c"),
		);
	});

	it("places by dated entries only: an unreadable date neither orders the log nor is moved", () => {
		const kept = lines("## Interactions", "- 2026-12-01 — a", "- 2026-11-31 — typo", "- 2026-10-01 — b");
		expect(log(kept, "2026-11-15")).toBe(
			lines("## Interactions", "- 2026-12-01 — a", "- 2026-11-31 — typo", "- 2026-11-15 — call", "- 2026-10-01 — b"),
		);
	});

	it("keeps an undated item after the entry it follows, and stops at a sub-heading", () => {
		const kept = lines("## Interactions", "- 2026-01-01 — a", "  more", "- met at a party", "### Gift ideas", "- a book");
		expect(log(kept, "2026-02-01")).toBe(
			lines("## Interactions", "- 2026-01-01 — a", "  more", "- met at a party", "- 2026-02-01 — call", "### Gift ideas", "- a book"),
		);
	});

	const months = lines("## Interactions", "### October", "- 2026-10-30 — a", "### November", "- 2026-11-25 — b");
	const years = lines("## Interactions", "### 2026", "- 2026-03-01 — a", "### 2025", "- 2025-12-30 — b");
	it.each([
		["its month's", months, "2026-11-02", 4],
		["its month's, going back", months, "2026-10-31", 3],
		["its year's", years, "2026-01-02", 3],
		["its year's, the other", years, "2025-12-31", 4],
	])("puts an entry between two groups under %s", (_, body, date, at) => {
		expect(log(body, date)).toBe(withLines(body, at, `- ${date} — call`));
	});
});

describe("a log with date sub-headings", () => {
	const newestFirst = lines("## Interactions", "", "### 2026-11-20", "- coffee", "", "### 2026-10-05", "Lunch.", "", "## Notes");

	// newestFirst's lines: 0 the log heading, 1 blank, 2 `### 2026-11-20`, 3 coffee, 4 blank, 5 `### 2026-10-05`, 6 Lunch., 7 blank, 8 `## Notes`.
	it.each([
		["the newest: a new sub-heading on top, spaced like the others", "2026-12-01", 2, ["### 2026-12-01", "- call: talked", ""]],
		[
			"between two days: a sub-heading between theirs, never inside the one above",
			"2026-11-01",
			5,
			["### 2026-11-01", "- call: talked", ""],
		],
		["the oldest: after the last sub-heading's part", "2026-09-01", 7, ["", "### 2026-09-01", "- call: talked"]],
		["a day that has one: under it, after its items", "2026-11-20", 4, ["- call: talked"]],
		["a day that has one without items: after its last line", "2026-10-05", 7, ["- call: talked"]],
	])("newest first, %s", (_, date, at, added) => {
		expect(log(newestFirst, date, { note: "talked" })).toBe(withLines(newestFirst, at, ...added));
	});

	it("oldest first: a later day goes after the last part, before the next section", () => {
		const oldestFirst = lines("## Interactions", "### 5 Oct 2026", "- lunch", "### 20 Nov 2026", "- coffee", "## Notes");
		expect(log(oldestFirst, "2026-11-25", { note: "later" })).toBe(
			lines(
				"## Interactions",
				"### 5 Oct 2026",
				"- lunch",
				"### 20 Nov 2026",
				"- coffee",
				"### 25 Nov 2026",
				"- call: later",
				"## Notes",
			),
		);
		expect(log(oldestFirst, "2026-11-01")).toBe(
			lines("## Interactions", "### 5 Oct 2026", "- lunch", "### 1 Nov 2026", "- call", "### 20 Nov 2026", "- coffee", "## Notes"),
		);
	});

	it.each([
		["#### [[2026-11-20]]", "#### [[2026-11-25]]"],
		["#### [[Daily/2026-11-20|Friday]]", "#### [[Daily/2026-11-25]]"],
		["### **2026/11/20**", "### **2026/11/25**"],
		["### Nov 20, 2026", "### Nov 25, 2026"],
		["### November 20th 2026", "### November 25th 2026"],
		["### 20 November 2026 — dinner", "### 25 November 2026"],
		["### 20/11/2026", "### 2026-11-25"],
	])("writes the new sub-heading like %j", (heading, want) => {
		const text = lines("## Interactions", heading, "- coffee");
		expect(log(text, "2026-11-25", { note: "x" })).toBe(lines("## Interactions", heading, "- coffee", want, "- call: x"));
	});

	it("writes the items the way the sub-headings' items are: dated when theirs are", () => {
		const dated = lines("## Interactions", "### 2026-11-20", "- 2026-11-20 — coffee");
		expect(log(dated, "2026-11-25")).toBe(
			lines("## Interactions", "### 2026-11-20", "- 2026-11-20 — coffee", "### 2026-11-25", "- 2026-11-25 — call"),
		);
		expect(log(dated, "2026-11-20")).toBe(lines("## Interactions", "### 2026-11-20", "- 2026-11-20 — coffee", "- 2026-11-20 — call"));
	});

	it("keeps a blank line under the heading when the sub-headings have one", () => {
		const spaced = lines("## Interactions", "### 2026-11-20", "", "- coffee");
		expect(log(spaced, "2026-11-25")).toBe(lines("## Interactions", "### 2026-11-20", "", "- coffee", "### 2026-11-25", "", "- call"));
	});

	it("writes a bare contact as the sub-heading alone, and dated under an existing one", () => {
		const text = lines("## Interactions", "### 2026-11-20", "- coffee");
		expect(log(text, "2026-11-25", { type: "" })).toBe(lines("## Interactions", "### 2026-11-20", "- coffee", "### 2026-11-25"));
		expect(log(text, "2026-11-20", { type: "" })).toBe(lines("## Interactions", "### 2026-11-20", "- coffee", "- 2026-11-20"));
	});

	it("dates an item whose text would read as another date", () => {
		const text = lines("## Interactions", "### 2026-11-20", "- coffee");
		expect(log(text, "2026-11-25", { type: "", note: "2026-12-01 is the deadline" })).toBe(
			lines("## Interactions", "### 2026-11-20", "- coffee", "### 2026-11-25", "- 2026-11-25 — 2026-12-01 is the deadline"),
		);
	});

	it("indents a note's further lines under the item", () => {
		const text = lines("## Interactions", "### 2026-11-20", "- coffee");
		expect(log(text, "2026-11-25", { note: "one\ntwo\n# three" })).toBe(
			lines("## Interactions", "### 2026-11-20", "- coffee", "### 2026-11-25", "- call: one", "  two", "  \\# three"),
		);
	});

	it("keeps CRLF, a BOM and a missing final newline", () => {
		const body = "## Interactions\r\n\r\n### 2026-11-20\r\n- coffee\r\n  more\r\n\r\n### 2026-10-05\r\nLunch.";
		const crlf = `\uFEFF---\r\nx: 1\r\n---\r\n${body}`;
		expect(logNote(crlf, "2026-10-01")).toBe(
			"\uFEFF---\r\nx: 1\r\nlast_contact: 2026-10-01\r\n---\r\n## Interactions\r\n\r\n### 2026-11-20\r\n- coffee\r\n  more\r\n\r\n### 2026-10-05\r\nLunch.\r\n\r\n### 2026-10-01\r\n- call",
		);
		expect(logNote(crlf, "2026-12-01")).toBe(
			"\uFEFF---\r\nx: 1\r\nlast_contact: 2026-12-01\r\n---\r\n## Interactions\r\n\r\n### 2026-12-01\r\n- call\r\n\r\n### 2026-11-20\r\n- coffee\r\n  more\r\n\r\n### 2026-10-05\r\nLunch.",
		);
	});

	it("writes an ATX sub-heading of the level of a setext one", () => {
		const text = lines("# Interactions", "", "2026-11-20", "----------", "- coffee", "# Next");
		const written = log(text, "2026-11-25");
		expect(written).toBe(lines("# Interactions", "", "2026-11-20", "----------", "- coffee", "", "## 2026-11-25", "- call", "# Next"));
		expect(parseNote(written).cache.headings?.map((h) => `${h.level} ${h.heading}`)).toEqual([
			"1 Interactions",
			"2 2026-11-20",
			"2 2026-11-25",
			"1 Next",
		]);
	});
});

describe("a log kept as a table", () => {
	const table = lines(
		"## Interactions",
		"| Date | Type | Notes |",
		"| --- | --- | --- |",
		"| 2026-10-01 | call | hi |",
		"| 2026-11-01 | meal | yo |",
		"",
		"## Next",
	);

	it.each([
		["in place", "2026-10-15", 4, "| 2026-10-15 | coffee | talked |"],
		["at the end", "2026-11-15", 5, "| 2026-11-15 | coffee | talked |"],
		["first", "2026-09-15", 3, "| 2026-09-15 | coffee | talked |"],
	])("adds a row %s", (_, date, at, row) => {
		const want = table.split("\n");
		want.splice(at, 0, row);
		expect(log(table, date, { type: "coffee", note: "talked" })).toBe(want.join("\n"));
	});

	it("keeps a note of several lines in one cell, and a pipe in it text", () => {
		expect(log(table, "2026-11-15", { note: "a | b\nsecond line" }).split("\n")[5]).toBe(
			"| 2026-11-15 | call | a \\| b<br>second line |",
		);
	});

	it.each([
		["named columns in another order", "| When | Notes | Who | Type |", "| 2026-11-15 | talked | | coffee |"],
		["a notes column only", "| Date | What was said |", "| 2026-11-15 | coffee: talked |"],
		["a type column only", "| Date | Kind |", "| 2026-11-15 | coffee: talked |"],
		["a type column and another", "| Date | Kind | Place |", "| 2026-11-15 | coffee | talked |"],
		["two unnamed columns", "| Date | Contact |", "| 2026-11-15 | coffee: talked |"],
		["three unnamed columns", "| Date | A | B |", "| 2026-11-15 | coffee | talked |"],
		["four unnamed columns", "| Date | A | B | C |", "| 2026-11-15 | coffee | talked | |"],
		["one column", "| Date |", "| 2026-11-15 — coffee: talked |"],
	])("lays the row out for %s", (_, header, row) => {
		const delimiter = header.replace(/[^|]+/g, " --- ");
		const cells = header.split("|").length - 2;
		const first = `| 2026-11-01 |${" x |".repeat(cells - 1)}`;
		const text = lines("## Interactions", header, delimiter, first);
		expect(log(text, "2026-11-15", { type: "coffee", note: "talked" })).toBe(lines("## Interactions", header, delimiter, first, row));
	});

	it("writes the row like its neighbour: no outer pipes, no padding, the date in the same form", () => {
		const bare = lines("## Interactions", "Date | Type", "--- | ---", "2026-11-01 | call");
		expect(log(bare, "2026-11-15")).toBe(
			lines("## Interactions", "Date | Type", "--- | ---", "2026-11-01 | call", "2026-11-15 | call"),
		);
		const tight = lines("## Interactions", "|Date|Type|", "|-|-|", "|1 Nov 2026|call|");
		expect(log(tight, "2026-11-15")).toBe(lines("## Interactions", "|Date|Type|", "|-|-|", "|1 Nov 2026|call|", "|15 Nov 2026|call|"));
	});

	it("adds the first row to an empty table headed Date, and none to other tables", () => {
		const empty = lines("## Interactions", "| Date | Type | Notes |", "|---|---|---|", "", "Words.");
		expect(log(empty, "2026-11-15", { note: "hi" })).toBe(
			lines("## Interactions", "| Date | Type | Notes |", "|---|---|---|", "| 2026-11-15 | call | hi |", "", "Words."),
		);
		const other = lines("## Interactions", "| Phone | Email |", "|---|---|");
		expect(log(other, "2026-11-15")).toBe(lines("## Interactions", "| Phone | Email |", "|---|---|", "- 2026-11-15 — call"));
	});

	it("keeps CRLF, a BOM and a missing final newline", () => {
		const crlf = "\uFEFF---\r\nx: 1\r\n---\r\n## Interactions\r\n| Date | Type |\r\n|---|---|\r\n| 2026-11-01 | call |";
		expect(logNote(crlf, "2026-11-15")).toBe(
			"\uFEFF---\r\nx: 1\r\nlast_contact: 2026-11-15\r\n---\r\n## Interactions\r\n| Date | Type |\r\n|---|---|\r\n| 2026-11-01 | call |\r\n| 2026-11-15 | call |",
		);
	});

	it("is read back as the table Obsidian shows", () => {
		const written = log(table, "2026-10-15", { note: "one\ntwo" });
		expect(parseNote(written).cache.sections?.map((s) => s.type)).toEqual(["heading", "table", "heading"]);
		expect(readLogDates(written, defaultSettings()).days.map(formatDay)).toEqual(["2026-10-01", "2026-10-15", "2026-11-01"]);
	});
});

describe("the log heading in other words", () => {
	it.each(["## Interactions 📞", "## Interactions (2026)", "## 📞 Interactions", "## Interactions 2026"])(
		"writes under %j instead of adding a section",
		(heading) => {
			expect(log(lines(heading, "- 2026-11-01 — a"), "2026-11-15")).toBe(lines(heading, "- 2026-11-01 — a", "- 2026-11-15 — call"));
		},
	);

	it("adds a section when the heading says something else", () => {
		expect(log(lines("## Interactions with the team", "- 2026-11-01 — a"), "2026-11-15")).toBe(
			lines("## Interactions with the team", "- 2026-11-01 — a", "", "## Interactions", "", "- 2026-11-15 — call"),
		);
	});

	const yearly = lines("## Interactions (2025)", "- 2025-06-01 — a", "", "## Interactions (2026)", "- 2026-02-01 — b");
	it.each([
		["its year's", yearly, "2025-07-01", 2],
		["its year's, the second", yearly, "2026-07-01", 5],
		["the nearest year's", yearly, "2024-07-01", 1],
		["the first, without years", lines("## Interactions", "- 2026-01-01", "## Interactions", "- 2026-02-01"), "2026-03-01", 2],
	])("writes into the section of %s", (_, body, date, at) => {
		expect(log(body, date)).toBe(withLines(body, at, `- ${date} — call`));
	});
});

describe("list-item writes stay surgical", () => {
	it.each([
		lines("## Interactions 📞", "- 2026-11-20 — a", "- 2026-10-05 — b"),
		lines("## Interactions", "- 20 Nov 2026 — a", "  more", "- 2026-09-01 — b", "", "## Next"),
		"## Interactions\r\n* 2026-11-20 — a\r\n* 2026-10-05 — b",
	])("in %j", (body) => {
		const original = (body.includes("\r\n") ? FM.replace(/\n/g, "\r\n") : FM) + body;
		const r = applyLog(original, { day: d("2026-10-20"), type: "call", note: "" }, defaultSettings(), TODAY, load);
		expect(r.ok && surgicalViolations(original, r.text, { entryLines: ["- 2026-10-20 — call"] })).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------
// The property the issue asks for

type Shape = "ascending" | "descending" | "unsorted";
type Form = "list" | "headings" | "table";

/** Distinct days in 2026, spaced so a test can always log between them. */
const dayArb = fc.integer({ min: d("2026-01-01"), max: d("2026-12-29") });

/** Days in the shape asked for: two different days at least (fewer is the setting's case). */
function shaped(days: Day[], shape: Shape): Day[] | null {
	const sorted = [...days].sort((a, b) => a - b);
	if (sorted[0] === sorted[sorted.length - 1]) return null;
	if (shape === "ascending") return sorted;
	if (shape === "descending") return sorted.reverse();
	return logDirection(days, "oldest-first") === 0 ? days : null;
}

/** A hand-kept log of `days` in `form`, with line endings `eol`. */
function render(days: Day[], form: Form, eol: string, finalNewline: boolean, style: number): string {
	const date = (day: Day) => {
		const iso = formatDay(day);
		return [
			iso,
			`[[${iso}]]`,
			`**${iso}**`,
			`${Number(iso.slice(8))} ${new Date(`${iso}T00:00Z`).toLocaleString("en-US", { month: "short", timeZone: "UTC" })} ${iso.slice(0, 4)}`,
		][style];
	};
	const out = ["# Ann", "", "## Interactions"];
	if (form === "table") out.push("| Date | Type | Notes |", "| --- | --- | --- |");
	days.forEach((day, i) => {
		if (form === "list") out.push(`- ${date(day)} — call: entry ${i}`, ...(i % 2 ? ["  more about it"] : []));
		else if (form === "table") out.push(`| ${date(day)} | call | entry ${i} |`);
		else out.push(`### ${date(day)}`, `- entry ${i}`, "");
	});
	out.push("", "## Notes", "Likes tea.");
	return out.join(eol) + (finalNewline ? eol : "");
}

/** The days of the entries that place others, in the note's order. */
function anchorDays(text: string, settings: Settings): Day[] {
	const scans = scanLogs(text, 0, settings);
	return scans[0].entries.filter(isAnchor).map((e) => e.day as Day);
}

describe("the order after any sequence of logs is the one the user kept", () => {
	it("holds for random ascending, descending and unsorted logs, as lists, sub-headings and tables", () => {
		fc.assert(
			fc.property(
				fc.constantFrom<Shape>("ascending", "descending", "unsorted"),
				fc.constantFrom<Form>("list", "headings", "table"),
				fc.array(dayArb, { minLength: 2, maxLength: 7 }),
				fc.array(dayArb, { minLength: 1, maxLength: 6 }),
				fc.record({
					eol: fc.constantFrom("\n", "\r\n"),
					bom: fc.boolean(),
					finalNewline: fc.boolean(),
					style: fc.integer({ min: 0, max: 3 }),
					setting: fc.constantFrom<Settings["logOrder"]>("oldest-first", "newest-first"),
				}),
				(shape, form, days, logged, { eol, bom, finalNewline, style, setting }) => {
					const kept = shaped(days, shape);
					fc.pre(kept !== null);
					const settings = { ...defaultSettings(), logOrder: setting };
					let text = (bom ? "\uFEFF" : "") + FM.replace(/\n/g, eol) + render(kept as Day[], form, eol, finalNewline, style);
					let expectedAnchors = [...(kept as Day[])];
					logged.forEach((day, k) => {
						const before = text;
						const r = applyLog(before, { day, type: "call", note: `log ${k}` }, settings, TODAY, load);
						if (!r.ok) throw new Error(r.error);
						text = r.text;
						// Only lines were inserted: the user's lines are all there, in their order.
						const kept = before.split(eol);
						const now = text.split(eol);
						let j = 0;
						for (const line of now) if (j < kept.length && line === kept[j]) j++;
						expect(j).toBe(kept.length);
						// The entry's line is dated with its day (never under another day's sub-heading).
						const at = text.indexOf(`log ${k}`);
						const entry = scanLogs(text, 0, settings)[0].entries.find((e) => e.start <= at && at < e.next);
						expect(entry?.day).toBe(day);
						const sameDayHeading = form === "headings" && expectedAnchors.includes(day);
						if (shape === "unsorted" && !sameDayHeading) expectedAnchors.push(day);
					});
					const anchors = anchorDays(text, settings);
					if (shape === "ascending") expect(anchors).toEqual([...anchors].sort((a, b) => a - b));
					if (shape === "descending") expect(anchors).toEqual([...anchors].sort((a, b) => b - a));
					if (shape === "unsorted") expect(anchors).toEqual(expectedAnchors);
					expect(new Set(readLogDates(text, settings).days)).toEqual(new Set([...(kept as Day[]), ...logged]));
				},
			),
			{ numRuns: 300 },
		);
	});
});
