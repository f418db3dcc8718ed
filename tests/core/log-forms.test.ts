/**
 * Reading the log in every form people keep it (issue #16, point 3): dates written many ways,
 * date sub-headings, tables, heading variants, and entry lines whose date cannot be read, which
 * are reported rather than dropped.
 */
import { describe, expect, it } from "vitest";
import { formatDay } from "../../src/core/dates";
import { normalizeHeadingText, parseHeadingSetting } from "../../src/core/headings";
import { LineScanner } from "../../src/core/line-scanner";
import { findLogSection } from "../../src/core/log-section";
import { latestLogDay, parseEntryDay, readLogDates } from "../../src/core/log-reader";
import { defaultSettings, type Settings } from "../../src/core/settings";

function settings(patch: Partial<Settings> = {}): Settings {
	return { ...defaultSettings(), ...patch };
}

/** The dates read from a note, in order, and its problems. */
function read(text: string, patch: Partial<Settings> = {}): { days: string[]; problems: string[] } {
	const r = readLogDates(text, settings(patch));
	return { days: r.days.map(formatDay), problems: r.problems };
}

/** The same for one line under the log heading. */
const readLine = (line: string, patch: Partial<Settings> = {}) => read(`## Interactions\n${line}\n`, patch);

describe("dates at the start of an entry", () => {
	it.each([
		["- 2026/11/20 call", "2026-11-20"],
		["- 2026.11.20 call", "2026-11-20"],
		["- 2026-1-5 call", "2026-01-05"],
		["- 2026/1/5", "2026-01-05"],
		["- **2026-11-20** call", "2026-11-20"],
		["- __2026-11-20__ call", "2026-11-20"],
		["- *2026-11-20* call", "2026-11-20"],
		["- **[[2026-11-20]]** call", "2026-11-20"],
		["- [[2026-11-20]]", "2026-11-20"],
		["- [[20 Nov 2026]]", "2026-11-20"],
		["- [[2026/11/20]]", "2026-11-20"],
		["- [[Journal/2026/2026-11-20|Friday]]", "2026-11-20"],
		["- 20 Nov 2026 — call", "2026-11-20"],
		["- 20 November 2026", "2026-11-20"],
		["- 20 nov 2026", "2026-11-20"],
		["- 20th Nov 2026", "2026-11-20"],
		["- 1st March 2026", "2026-03-01"],
		["- 2nd Jun 2026", "2026-06-02"],
		["- 23rd Sept 2026", "2026-09-23"],
		["- 20. November 2026", "2026-11-20"],
		["- 20 Nov. 2026", "2026-11-20"],
		["- 20 Nov, 2026", "2026-11-20"],
		["- Nov 20, 2026: lunch", "2026-11-20"],
		["- November 20 2026", "2026-11-20"],
		["- Nov 20th, 2026", "2026-11-20"],
		["- Sept 3, 2026", "2026-09-03"],
		["- sep 3 2026", "2026-09-03"],
		["- May 5, 2026", "2026-05-05"],
		["- 20/11/2026 (only one order is a date)", "2026-11-20"],
		["- 11/20/2026", "2026-11-20"],
		["- 20.11.2026", "2026-11-20"],
		["- 20-11-2026", "2026-11-20"],
		["- 05/05/2026 (both orders are the same day)", "2026-05-05"],
		["- [-] 2026-11-20 cancelled task", "2026-11-20"],
		["- [/] 2026-11-20 task in progress", "2026-11-20"],
		["* 20 Nov 2026", "2026-11-20"],
		["3. Nov 20, 2026", "2026-11-20"],
		["- 2026-11-20T10:30 call", "2026-11-20"],
	])("reads %j", (line, want) => {
		expect(readLine(line)).toEqual({ days: [want], problems: [] });
		expect(formatDay(parseEntryDay(line) ?? Number.NaN)).toBe(want);
	});

	it.each([
		"- 2026 was a good year",
		"- 20 Novembers ago",
		"- 12 calls in 2026",
		"- Nov 2026 trip",
		"- May I call in 2026?",
		"- March 2026",
		"- Marching 20, 2026",
		"- 20 Nov",
		"- 20 Nov 26",
		"- 2026-11-200",
		"- 2026-11",
		"- 26-11-20",
		"- 2026/11-20 mixed separators",
		"- 1.2.3 release",
		"- 20202 people",
		"- called on 2026-11-20",
		"- [[2026-11-20 notes]]",
		"- [[2026-11-20",
		"- ~~2026-11-20~~ struck out",
		"- `2026-11-20` in code",
		"  - 2026-11-20 indented: a sub-item, no entry",
	])("takes %j for no date, and no problem", (line) => {
		expect(readLine(line)).toEqual({ days: [], problems: [] });
	});

	it.each([
		["- 2026-11-31 — call", "log entry '2026-11-31' is not a real calendar date"],
		["- 2026-13-01", "log entry '2026-13-01' is not a real calendar date"],
		["- 2026-02-29 not a leap year", "log entry '2026-02-29' is not a real calendar date"],
		["- 2026/4/31", "log entry '2026/4/31' is not a real calendar date"],
		["- **2026-11-31** bold", "log entry '2026-11-31' is not a real calendar date"],
		["- [[2026-11-31]]", "log entry '2026-11-31' is not a real calendar date"],
		["- 31/11/2026", "log entry '31/11/2026' is not a real calendar date"],
		["- 31 Nov 2026", "log entry '31 Nov 2026' is not a real calendar date"],
		["- Feb 30, 2026", "log entry 'Feb 30, 2026' is not a real calendar date"],
		[
			"- 02/11/2026 — call",
			"log entry '02/11/2026' is ambiguous (2 November or 11 February 2026); write it as 2026-11-02 or 2026-02-11",
		],
		["- 1.2.2026", "log entry '1.2.2026' is ambiguous (1 February or 2 January 2026); write it as 2026-02-01 or 2026-01-02"],
	])("reports %j", (line, problem) => {
		expect(readLine(line)).toEqual({ days: [], problems: [problem] });
	});

	it("reports each problem once, however many lines share it, and keeps reading", () => {
		const text = "## Interactions\n- 2026-11-31 — a\n- 2026-11-31 — b\n- 2026-11-20 — c\n- 2026-13-01\n";
		expect(read(text)).toEqual({
			days: ["2026-11-20"],
			problems: ["log entry '2026-11-31' is not a real calendar date", "log entry '2026-13-01' is not a real calendar date"],
		});
	});

	it("reports nothing hidden in code, comments or indented lines, and nothing outside the log", () => {
		const text =
			"- 2026-11-31 before\n## Interactions\n```\n- 2026-11-31\n```\n%% - 2026-13-01 %%\n- 2026-01-01 a\n  - 2026-02-30 sub-item\nlazy 2026-02-31\n## Notes\n- 2026-11-31\n";
		expect(read(text)).toEqual({ days: ["2026-01-01"], problems: [] });
	});

	it("reads the daily-note format before the day/month orders it would otherwise leave open", () => {
		expect(readLine("- 02.11.2026 call", { dailyNoteFormat: "DD.MM.YYYY" })).toEqual({ days: ["2026-11-02"], problems: [] });
		expect(readLine("- 31.02.2026 call", { dailyNoteFormat: "DD.MM.YYYY" }).problems).toEqual([
			"log entry '31.02.2026' is not a real calendar date",
		]);
		expect(readLine("- Day 2026-11-20", { dailyNoteFormat: "[Day] YYYY-MM-DD" }).days).toEqual(["2026-11-20"]);
	});
});

describe("date sub-headings", () => {
	it("dates the heading and the undated items under it; an item's own date wins", () => {
		const text = [
			"## Interactions",
			"### 2026-11-20",
			"- coffee",
			"- 2026-11-19 — the day before",
			"Some words about it.",
			"### 20 Oct 2026 — dinner",
			"- met her parents",
			"## Notes",
			"- 2026-12-01",
		].join("\n");
		expect(read(text)).toEqual({ days: ["2026-11-20", "2026-11-20", "2026-11-19", "2026-10-20", "2026-10-20"], problems: [] });
	});

	it("keeps the date through deeper headings, and ends it at a heading of its level", () => {
		const text =
			"## Interactions\n### 2026-11-20\n#### What we said\n- kids\n### Misc\n- not dated\n#### 2026-11-01\n- dated by the deeper one\n";
		expect(read(text).days).toEqual(["2026-11-20", "2026-11-20", "2026-11-01", "2026-11-01"]);
	});

	it.each([
		["#### [[2026-11-20]]", "2026-11-20"],
		["### **2026-11-20**", "2026-11-20"],
		["###### Nov 20, 2026", "2026-11-20"],
		["### 2026/11/20 ###", "2026-11-20"],
	])("reads %j", (heading, want) => {
		expect(read(`## Interactions\n${heading}\n- undated\n`).days).toEqual([want, want]);
	});

	it("reads a setext sub-heading under a level-1 log heading", () => {
		expect(read("# Interactions\n\n2026-11-20\n----------\n- coffee\n# Next\n").days).toEqual(["2026-11-20", "2026-11-20"]);
	});

	it("reports a sub-heading whose date is no date, and dates nothing under it", () => {
		expect(read("## Interactions\n### 2026-11-31\n- coffee\n")).toEqual({
			days: [],
			problems: ["log entry '2026-11-31' is not a real calendar date"],
		});
	});

	it("reads a log written newest first with CRLF, a BOM and no final newline", () => {
		const text =
			"\uFEFF---\r\nx: 1\r\n---\r\n## Interactions\r\n\r\n### 2026-11-20\r\n- call\r\n  more about it\r\n\r\n### 2026-10-05\r\nLunch.";
		expect(read(text).days).toEqual(["2026-11-20", "2026-11-20", "2026-10-05"]);
		expect(formatDay(latestLogDay(text, settings()) ?? Number.NaN)).toBe("2026-11-20");
	});
});

describe("tables", () => {
	it("reads each row whose first cell is a date; the header and delimiter rows are none", () => {
		const text = [
			"## Interactions",
			"| Date | Type | Notes |",
			"| --- | :-: | --- |",
			"| 2026-11-20 | call | a \\| b |",
			"| [[2026-11-21]] | coffee | |",
			"|20 Nov 2026|meal|x|",
			"| not a date | x | y |",
			"| 2026-11-31 | typo | |",
			"",
			"| 2026-12-01 | no delimiter row above: a paragraph |",
		].join("\n");
		expect(read(text)).toEqual({
			days: ["2026-11-20", "2026-11-21", "2026-11-20"],
			problems: ["log entry '2026-11-31' is not a real calendar date"],
		});
	});

	it("reads rows without outer pipes, with CRLF", () => {
		expect(read("## Interactions\r\nDate | Type\r\n--- | ---\r\n2026-11-20 | call\r\nNov 21, 2026 | meal\r\n").days).toEqual([
			"2026-11-20",
			"2026-11-21",
		]);
	});

	it("dates undated rows under a date sub-heading", () => {
		expect(read("## Interactions\n### 2026-11-20\n| Who | What |\n| --- | --- |\n| Ann | call |\n").days).toEqual([
			"2026-11-20",
			"2026-11-20",
		]);
	});

	it("ends a table at a line without a pipe, and never takes its rows for a setext heading's text", () => {
		const lines = (text: string) => {
			const s = new LineScanner(text, 0);
			const out: [string, number, number][] = [];
			while (s.next()) out.push([text.slice(s.line.start, s.line.end), s.line.table, s.line.heading]);
			return out;
		};
		expect(lines("| a | b |\n|---|---|\n| 1 | 2 |\n---\ntext\n| not | a row |\n")).toEqual([
			["| a | b |", 0, 0],
			["|---|---|", 1, 0],
			["| 1 | 2 |", 2, 0],
			["---", 0, 0],
			["text", 0, 0],
			["| not | a row |", 0, 0],
		]);
		// A delimiter row under a paragraph's second line, or under a line without a pipe, makes no table.
		expect(lines("intro\n| a |\n|---|\n").map((l) => l[1])).toEqual([0, 0, 0]);
		expect(lines("a\n---\n").map((l) => l[2])).toEqual([0, 2]);
	});
});

describe("the log heading in other words", () => {
	it.each([
		"## Interactions 📞",
		"## 📞 Interactions",
		"## 📞Interactions",
		"## Interactions (2026)",
		"## Interactions (since 2020)",
		"## Interactions 2026",
		"## Interactions — 2026",
		"## Interactions 2025–2026",
		"## **Interactions**",
		"## Interactions:",
		"## INTERACTIONS 🇫🇷 (2026) ##",
		"Interactions 📞\n---",
	])("matches %j", (heading) => {
		expect(read(`${heading}\n- 2026-11-20\n`).days).toEqual(["2026-11-20"]);
		expect(findLogSection(`${heading}\n`, 0, "## Interactions")).not.toBeNull();
	});

	it.each(["## Interactions with the team", "## Past interactions", "## Interactions log", "## 2026 Interactions", "## Interaction"])(
		"does not match %j",
		(heading) => {
			expect(read(`${heading}\n- 2026-11-20\n`).days).toEqual([]);
		},
	);

	it("reads the setting the same way, and counts a heading that is all decoration as written", () => {
		expect(parseHeadingSetting("## Interactions 📞").key).toBe("interactions");
		expect(read("## Interactions\n- 2026-11-20\n", { logHeading: "## Interactions (2026)" }).days).toEqual(["2026-11-20"]);
		expect(normalizeHeadingText("2026")).toBe("2026");
		expect(normalizeHeadingText("📞")).toBe("📞");
		expect(read("## 2026\n- 2026-11-20\n", { logHeading: "## 2026" }).days).toEqual(["2026-11-20"]);
	});

	it("reads every section under the log heading", () => {
		const text = "## Interactions (2025)\n- 2025-06-01\n## Notes\n- 2030-01-01\n## Interactions (2026)\n- 2026-02-01\n";
		expect(read(text).days).toEqual(["2025-06-01", "2026-02-01"]);
		expect(read("## Interactions\n- 2025-06-01\n## Interactions\n- 2026-02-01\n").days).toEqual(["2025-06-01", "2026-02-01"]);
	});
});

describe("entries with continuation lines", () => {
	it("reads an entry's date, not the dates on its further lines", () => {
		const text =
			"## Interactions\n- 2026-11-20 — call\n  2026-12-01 mentioned\nlazy line 2030-01-01\n- 20 Nov 2025 — met\n  - 2026-02-30 sub-item\n";
		expect(read(text)).toEqual({ days: ["2026-11-20", "2025-11-20"], problems: [] });
	});
});

describe("a large log", () => {
	it("reads a 1 MB log in every form in one pass", () => {
		const lines = ["---", "cadence: weekly", "---", "## Interactions", "| Date | Type |", "| --- | --- |"];
		let size = 0;
		let dated = 0;
		for (let i = 0; size < 1024 * 1024; i++) {
			const day = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000);
			const iso = day.toISOString().slice(0, 10);
			const month = day.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
			const forms = [
				`| ${iso} | call |`,
				`- ${day.getUTCDate()} ${month} ${day.getUTCFullYear()} — call ${i}`,
				`### ${iso}`,
				`- undated, dated by the heading ${i}`,
				`  continuation ${i} with [[a link]] and #tag`,
				`- **${iso}** — [[Person ${i}]]`,
			];
			const line = forms[i % forms.length];
			if (i % forms.length === 0 && i > 0) lines.push("", "| Date | Type |", "| --- | --- |");
			lines.push(line);
			size += line.length + 1;
			if (i % forms.length !== 4) dated++;
		}
		const r = readLogDates(lines.join("\n"), settings());
		expect(r.problems).toEqual([]);
		expect(r.days.length).toBe(dated);
	});
});
