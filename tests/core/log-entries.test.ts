import { describe, expect, it } from "vitest";
import { dayFromYmd, formatDay, type Day } from "../../src/core/dates";
import { compileDailyFormat, formatDailyDate } from "../../src/core/daily-format";
import { formatLogEntry } from "../../src/core/log-entry-format";
import { latestLogDay, parseEntryDay, scanLog } from "../../src/core/log-reader";
import { defaultSettings, type Settings } from "../../src/core/settings";

function day(iso: string): Day {
	const [y, m, d] = iso.split("-").map(Number);
	return dayFromYmd(y, m, d);
}

function settings(patch: Partial<Settings> = {}): Settings {
	return { ...defaultSettings(), ...patch };
}

function latest(text: string, patch: Partial<Settings> = {}): string | null {
	const d = latestLogDay(text, settings(patch));
	return d === null ? null : formatDay(d);
}

describe("formatLogEntry", () => {
	const s = settings();

	it("writes the default entry", () => {
		expect(formatLogEntry({ day: day("2026-11-26"), type: "call", note: "Talked about her move to Acme." }, s)).toEqual([
			"- 2026-11-26 — call: Talked about her move to Acme.",
		]);
	});

	it("leaves out an empty note, and an empty type", () => {
		expect(formatLogEntry({ day: day("2026-11-26"), type: "call", note: "" }, s)).toEqual(["- 2026-11-26 — call"]);
		expect(formatLogEntry({ day: day("2026-11-26"), type: "", note: "  " }, s)).toEqual(["- 2026-11-26"]);
		expect(formatLogEntry({ day: day("2026-11-26"), type: " ", note: "Hi" }, s)).toEqual(["- 2026-11-26 — Hi"]);
	});

	it("links the date to the daily note when asked", () => {
		expect(formatLogEntry({ day: day("2026-11-26"), type: "call", note: "x" }, settings({ linkDates: true }))).toEqual([
			"- [[2026-11-26]] — call: x",
		]);
		expect(
			formatLogEntry(
				{ day: day("2026-01-05"), type: "call", note: "" },
				settings({ linkDates: true, dailyNoteFormat: "DD.MM.YYYY" }),
			),
		).toEqual(["- [[05.01.2026]] — call"]);
	});

	it("indents further lines of the note under the item", () => {
		expect(
			formatLogEntry({ day: day("2026-11-26"), type: "coffee", note: "First line\r\nsecond line  \n\n  - a point\nthird" }, s),
		).toEqual(["- 2026-11-26 — coffee: First line", "  second line", "    - a point", "  third"]);
	});

	it("escapes continuation lines that would start a heading, a fence or a setext underline", () => {
		expect(formatLogEntry({ day: day("2026-11-26"), type: "call", note: "x\n# heading\n```js\n~~~\n---\n==" }, s)).toEqual([
			"- 2026-11-26 — call: x",
			"  \\# heading",
			"  \\```js",
			"  \\~~~",
			"  \\---",
			"  \\==",
		]);
	});

	it("says which favors were returned and received", () => {
		expect(
			formatLogEntry(
				{ day: day("2026-11-26"), type: "call", note: "Thanks", returned: ["intro to Sam"], received: ["book\nloan"] },
				s,
			),
		).toEqual(["- 2026-11-26 — call: Thanks — favor returned: intro to Sam — favor received: book loan"]);
	});

	it("keeps the type on one line", () => {
		expect(formatLogEntry({ day: day("2026-11-26"), type: "long\ncall", note: "" }, s)).toEqual(["- 2026-11-26 — long call"]);
	});
	it("never opens a comment it does not close: an unmatched %% or <!-- gets a backslash inside", () => {
		const entry = (note: string, type = "call") => formatLogEntry({ day: day("2026-11-26"), type, note }, s);
		expect(entry("pricing went up 20%% after the merger")).toEqual(["- 2026-11-26 — call: pricing went up 20%\\% after the merger"]);
		expect(entry("sent deck\n<!-- todo")).toEqual(["- 2026-11-26 — call: sent deck", "  <\\!-- todo"]);
		expect(entry("a %% b %% c %% d")).toEqual(["- 2026-11-26 — call: a %% b %% c %\\% d"]);
		expect(entry("%%% x")).toEqual(["- 2026-11-26 — call: %\\%\\% x"]);
		expect(entry("x", "100%%")).toEqual(["- 2026-11-26 — 100%\\%: x"]);
		// The first opener hides the second; once it is escaped, the second opens its own comment.
		expect(entry("%% and <!-- both")).toEqual(["- 2026-11-26 — call: %\\% and <\\!-- both"]);
		// Every later <!-- is unmatched too; a thousand of them are escaped in one go.
		expect(entry("<!-- a <!-- b")).toEqual(["- 2026-11-26 — call: <\\!-- a <\\!-- b"]);
		expect(entry("<!-- ".repeat(1000).trim())).toEqual([`- 2026-11-26 — call: ${"<\\!-- ".repeat(1000).trim()}`]);
	});

	it("keeps comments that are closed, and markers in inline code, as written", () => {
		const entry = (note: string) => formatLogEntry({ day: day("2026-11-26"), type: "call", note }, s);
		expect(entry("told her %%privately%% about it")).toEqual(["- 2026-11-26 — call: told her %%privately%% about it"]);
		expect(entry("draft <!-- one\ntwo --> done")).toEqual(["- 2026-11-26 — call: draft <!-- one", "  two --> done"]);
		expect(entry("uses `%%` in Obsidian")).toEqual(["- 2026-11-26 — call: uses `%%` in Obsidian"]);
		expect(entry("a --> b")).toEqual(["- 2026-11-26 — call: a --> b"]);
	});
});

describe("daily note formats", () => {
	it.each([
		["YYYY-MM-DD", "2026-01-05"],
		["DD.MM.YYYY", "05.01.2026"],
		["YYYY/MM/YYYY-MM-DD", "2026/01/2026-01-05"],
		["[Day] YYYY-MM-DD", "Day 2026-01-05"],
		["dddd, MMMM Do YYYY", "2026-01-05"],
		["YYYY-MM", "2026-01-05"],
	])("formats %j as %j (unsupported formats fall back to ISO)", (format, want) => {
		expect(formatDailyDate(day("2026-01-05"), format)).toBe(want);
	});

	it("compiles only formats it fully understands", () => {
		expect(compileDailyFormat("YYYY-MM-DD")).not.toBeNull();
		expect(compileDailyFormat("ddd YYYY-MM-DD")).toBeNull();
		expect(compileDailyFormat("[unclosed YYYY-MM-DD")).toBeNull();
	});
});

describe("parseEntryDay", () => {
	it.each([
		["- 2026-11-20 — call: x", "2026-11-20"],
		["- 2026-11-20", "2026-11-20"],
		["* 2026-11-20", "2026-11-20"],
		["+ 2026-11-20 met", "2026-11-20"],
		["1. 2026-11-20 met", "2026-11-20"],
		["2) 2026-11-20 met", "2026-11-20"],
		["- 2026-11-20: coffee", "2026-11-20"],
		["- 2026-11-20T10:30 call", "2026-11-20"],
		["- [[2026-11-20]] — call", "2026-11-20"],
		["- [[2026-11-20|Nov 20]] lunch", "2026-11-20"],
		["- [[Daily/2026-11-20]]", "2026-11-20"],
		["- [[2026-11-20#Meetings|x]]", "2026-11-20"],
		["- [ ] 2026-11-20 follow up", "2026-11-20"],
		["- [x] 2026-11-20 done", "2026-11-20"],
		["-\t2024-02-29 leap", "2024-02-29"],
	])("reads %j", (line, want) => {
		const d = parseEntryDay(line);
		expect(d === null ? null : formatDay(d)).toBe(want);
	});

	it.each([
		"- 2026-02-30 impossible",
		"- 2025-02-29 not a leap year",
		"- 2026-13-01",
		"- 2026-11-200",
		"- 26-11-20",
		"-2026-11-20",
		"  - 2026-11-20 indented",
		"2026-11-20 no marker",
		"- call on 2026-11-20",
		"- [[2026-11-20 notes]]",
		"- [[2026-11-20",
		"- ",
		"-",
		"---",
	])("does not read %j", (line) => {
		expect(parseEntryDay(line)).toBeNull();
	});

	it("reads dates in the daily note format, linked or not", () => {
		expect(parseEntryDay("- [[20.11.2026]] — call", "DD.MM.YYYY")).toBe(day("2026-11-20"));
		expect(parseEntryDay("- 20.11.2026 call", "DD.MM.YYYY")).toBe(day("2026-11-20"));
		expect(parseEntryDay("- [[2026/11/2026-11-20]]", "YYYY/MM/YYYY-MM-DD")).toBe(day("2026-11-20"));
		expect(parseEntryDay("- [[2026/12/2026-11-20]]", "YYYY/MM/YYYY-MM-DD")).toBe(day("2026-11-20"));
		expect(parseEntryDay("- 31.02.2026 call", "DD.MM.YYYY")).toBeNull();
	});
});

describe("latestLogDay", () => {
	it("finds the newest hand-written entry in every accepted form", () => {
		const text = [
			"---",
			"last_contact: 2020-01-01",
			"---",
			"# Jane",
			"",
			"## Interactions",
			"- 2026-11-20 — call",
			"* 2026-11-21",
			"- [[2026-11-22]] — met",
			"- [[2026-11-23|Nov 23]]",
			"- 2026-11-24: lunch",
			"- undated note",
			"",
		].join("\n");
		expect(latest(text)).toBe("2026-11-24");
	});

	it("takes the maximum, not the last entry", () => {
		expect(latest("## Interactions\n- 2026-12-01\n- 2026-01-01\n- 2026-06-01\n")).toBe("2026-12-01");
	});

	it("ignores entries in fences and comments", () => {
		const text = [
			"## Interactions",
			"- 2026-01-01 real",
			"```",
			"- 2027-01-01 code",
			"```",
			"<!--",
			"- 2027-02-01 comment",
			"-->",
			"%% - 2027-03-01 %%",
			"~~~~",
			"- 2027-04-01",
			"~~~~",
		].join("\n");
		expect(latest(text)).toBe("2026-01-01");
	});

	it("ignores impossible dates", () => {
		expect(latest("## Interactions\n- 2026-02-30 x\n- 2026-02-28 y\n")).toBe("2026-02-28");
		expect(latest("## Interactions\n- 2026-02-30 x\n")).toBeNull();
	});

	it("reads only the log section", () => {
		const text = "- 2027-01-01 before\n## Interactions\n- 2026-01-01\n### Older\n- 2025-01-01\n## Next\n- 2028-01-01 after\n";
		expect(latest(text)).toBe("2026-01-01");
	});

	it("ignores the heading in a fence and finds the real one at another level", () => {
		expect(latest("```\n## Interactions\n- 2030-01-01\n```\n#### interactions\n- 2026-05-05\n")).toBe("2026-05-05");
	});

	it("does not read a date from a lazy continuation line", () => {
		expect(latest("## Interactions\n- 2026-01-01 call\n2030-01-01 was mentioned\n- 2026-02-01 b\nmore\n")).toBe("2026-02-01");
	});

	it("does not count indented sub-items or continuation lines", () => {
		expect(latest("## Interactions\n- 2026-01-01 call\n  - 2030-01-01 mentioned a date\n")).toBe("2026-01-01");
	});

	it("returns null without a log heading or entries", () => {
		expect(latest("# Jane\n- 2026-01-01\n")).toBeNull();
		expect(latest("## Interactions\n\nNothing yet.\n")).toBeNull();
		expect(latest("")).toBeNull();
	});

	it("skips the frontmatter and handles BOM and CRLF", () => {
		expect(latest("\uFEFF---\r\nx: 1\r\n---\r\n## Interactions\r\n- 2026-03-04 — call\r\n")).toBe("2026-03-04");
		// A heading-looking line in the frontmatter is YAML, not the log.
		expect(latest("---\n# Interactions\n---\n- 2026-01-01\n")).toBeNull();
	});

	it("uses the configured heading and daily note format", () => {
		expect(latest("# Contact log\n- [[03.04.2026]]\n", { logHeading: "# Contact Log", dailyNoteFormat: "DD.MM.YYYY" })).toBe(
			"2026-04-03",
		);
	});
	it("reads a setext log heading, at level 1 or 2, with any line ending", () => {
		expect(latest("Interactions\n------------\n\n- 2026-01-01 — call\n")).toBe("2026-01-01");
		expect(latest("\uFEFF---\r\nx: 1\r\n---\r\nInteractions\r\n===\r\n- 2026-03-04 — call\r\n# Next\r\n- 2030-01-01\r\n")).toBe(
			"2026-03-04",
		);
	});

	it("ignores dates under a later setext heading of the same or a higher level", () => {
		expect(latest("## Interactions\n\n- 2026-01-01 — call\n\nOther\n-----\n\n- 2026-12-01 todo item\n")).toBe("2026-01-01");
		expect(latest("## Interactions\n- 2026-01-01 — call\n\nTodo\n====\n- 2026-12-01 todo item\n")).toBe("2026-01-01");
		// A deeper setext heading is part of the log.
		expect(latest("# Interactions\n- 2026-01-01 — call\n\nOlder\n-----\n- 2026-02-01 — call\n")).toBe("2026-02-01");
	});

	it("does not take a list item and a thematic break for a heading", () => {
		expect(latest("## Interactions\n- 2026-01-01 — call\n---\n- 2026-12-01 — call\n")).toBe("2026-12-01");
		expect(latest("## Interactions\n- 2026-01-01 — call\nmore words\n---\n- 2026-12-01 — call\n")).toBe("2026-12-01");
		expect(latest("## Interactions\n- 2026-01-01 — call\n\nWords.\n\n---\n- 2026-12-01 — call\n")).toBe("2026-12-01");
	});

	it("matches a heading with an ATX closing sequence, in the note and in the setting", () => {
		expect(latest("## Interactions ##\n- 2026-01-01 — call\n", { logHeading: "## Interactions ##" })).toBe("2026-01-01");
		expect(latest("## Interactions\n- 2026-01-01 — call\n", { logHeading: "## Interactions ##" })).toBe("2026-01-01");
	});
});

describe("scanLog", () => {
	it("reports items with their extent, continuation lines included", () => {
		const text = "## Interactions\n- 2026-01-01 a\n  more\n\n  after blank\n- b\n\npara\n\n";
		const scan = scanLog(text, 0, settings());
		expect(scan?.items.map((i) => [text.slice(i.start, i.end), i.day === null ? null : formatDay(i.day)])).toEqual([
			["- 2026-01-01 a\n  more\n\n  after blank", "2026-01-01"],
			["- b", null],
		]);
		expect(scan && text.slice(scan.lastSafe.end - 4, scan.lastSafe.end)).toBe("para");
	});

	const extents = (text: string) => scanLog(text, 0, settings())?.items.map((i) => text.slice(i.start, i.end));

	it("keeps lazy continuation lines in the item while its paragraph is open", () => {
		const text =
			"## Interactions\n- 2026-01-01 a\nlazy\n  indented\nlazy again\n\nnot lazy after a blank\nstill the paragraph\n- 2026-01-02 b\n";
		expect(extents(text)).toEqual(["- 2026-01-01 a\nlazy\n  indented\nlazy again", "- 2026-01-02 b"]);
		expect(extents("## Interactions\r\n- 2026-01-01 a\r\nlazy\r\n")).toEqual(["- 2026-01-01 a\r\nlazy"]);
		expect(extents("## Interactions\n- 2026-01-01 a\nlazy at the end")).toEqual(["- 2026-01-01 a\nlazy at the end"]);
		expect(extents("## Interactions\n- a\n<span>inline</span> | a | b |\n[^1]: footnote\n===\n")).toEqual([
			"- a\n<span>inline</span> | a | b |\n[^1]: footnote\n===",
		]);
		expect(extents("## Interactions\n- a <!-- open\nclosed -->\nlazy\n")).toEqual(["- a <!-- open\nclosed -->\nlazy"]);
	});

	it.each([
		["a thematic break", "---"],
		["a spaced thematic break", "* * *"],
		["a blockquote", "> quoted"],
		["an HTML block", "<div>"],
		["an HTML closing block tag", "</table>"],
		["an HTML comment", "<!-- c -->"],
		["an Obsidian comment", "%% c %%"],
		["a fence", "```"],
		["a sub-heading", "### 2026"],
	])("does not take %s as a lazy continuation", (_, block) => {
		const text = `## Interactions\n- 2026-01-01 a\n${block}\ntext\n`;
		expect(extents(text)).toEqual(["- 2026-01-01 a"]);
	});

	it("takes no lazy lines after an item whose paragraph is closed", () => {
		expect(extents("## Interactions\n-\ntext\n- # heading item\ntext\n- a\n  ```\n  code\n  ```\ntext\n- b\n  ---\ntext\n")).toEqual([
			"-",
			"- # heading item",
			"- a\n  ```\n  code\n  ```",
			"- b\n  ---",
		]);
	});

	it("finds no items, lazy or not, inside a fence or a comment", () => {
		expect(extents("## Interactions\n```\n- 2026-01-01 a\nlazy?\n```\n<!--\n- 2026-01-02 b\nlazy?\n-->\n")).toEqual([]);
	});

	it("keeps a fence opened inside an item in that item", () => {
		const text = "## Interactions\n- 2026-01-01 a\n  ```\ncode at column 0\n  ```\n- 2026-01-02 b\n";
		const scan = scanLog(text, 0, settings());
		expect(scan?.items.map((i) => text.slice(i.start, i.end))).toEqual([
			"- 2026-01-01 a\n  ```\ncode at column 0\n  ```",
			"- 2026-01-02 b",
		]);
	});
	it("leaves a setext heading that ends the section out of the section, its items and its last line", () => {
		const text = "## Interactions\n- 2026-01-01 a\n\nOther\n text\n---\n- 2026-12-01 b\n";
		const scan = scanLog(text, 0, settings());
		expect(scan && text.slice(scan.section.contentStart, scan.section.end)).toBe("- 2026-01-01 a\n\n");
		expect(scan?.items.map((i) => text.slice(i.start, i.end))).toEqual(["- 2026-01-01 a"]);
		expect(scan && text.slice(scan.lastSafe.end - 14, scan.lastSafe.next)).toBe("- 2026-01-01 a\n");
		expect(scan?.setextStarts).toEqual([text.indexOf("Other")]);
	});
});
