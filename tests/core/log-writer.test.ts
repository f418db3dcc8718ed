import fc from "fast-check";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { dayFromYmd, formatDay, parseDateValue, type Day } from "../../src/core/dates";
import { normalizeKey } from "../../src/core/frontmatter-edit";
import { formatLogEntry } from "../../src/core/log-entry-format";
import { latestLogDay, scanLog } from "../../src/core/log-reader";
import { applyLog, removeFrontmatterKey, setFrontmatterDate, type LogEntryInput, type WriteResult } from "../../src/core/log-writer";
import { scanFrontmatter } from "../../src/core/frontmatter-bounds";
import { buildPerson } from "../../src/core/person";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { parseNote } from "../runtime/markdown";

function day(iso: string): Day {
	const [y, m, d] = iso.split("-").map(Number);
	return dayFromYmd(y, m, d);
}

const TODAY = day("2026-11-27");

function settings(patch: Partial<Settings> = {}): Settings {
	return { ...defaultSettings(), ...patch };
}

function log(text: string, entry: Partial<LogEntryInput> & { date?: string } = {}, patch: Partial<Settings> = {}): WriteResult {
	const { date, ...rest } = entry;
	const full: LogEntryInput = { day: day(date ?? "2026-11-26"), type: "call", note: "", ...rest };
	return applyLog(text, full, settings(patch), TODAY, load);
}

/** The written text, or the error prefixed with "ERROR: " so a table shows either. */
function out(r: WriteResult): string {
	return r.ok ? r.text : `ERROR: ${r.error}`;
}

const lines = (...l: string[]) => l.join("\n");

/** The YAML between a note's `---` lines. */
function scanFrontmatterSource(text: string): string {
	const scan = scanFrontmatter(text);
	return scan.kind === "block" ? text.slice(scan.block.yamlStart, scan.block.yamlEnd) : "";
}

function parseYaml(source: string): unknown {
	return load(source);
}

describe("applyLog: frontmatter shapes", () => {
	const body = "\n## Interactions\n\n- 2026-01-01 — call\n";
	const entry = "- 2026-11-26 — call";
	it.each([
		["plain date", "---\nlast_contact: 2026-01-01\n---\n", "---\nlast_contact: 2026-11-26\n---\n"],
		["quoted date with comment", "---\nlast_contact: '2026-01-01' # c\n---\n", "---\nlast_contact: '2026-11-26' # c\n---\n"],
		["spelled lastContact", '---\nlastContact: "2026-01-01"\nname: x\n---\n', '---\nlastContact: "2026-11-26"\nname: x\n---\n'],
		["null value", "---\nlast_contact:\n---\n", "---\nlast_contact: 2026-11-26\n---\n"],
		["missing key", "---\n# people\ntags: [person]\n---\n", "---\n# people\ntags: [person]\nlast_contact: 2026-11-26\n---\n"],
		["later date kept", "---\nlast_contact: 2026-12-24\n---\n", "---\nlast_contact: 2026-12-24\n---\n"],
		["empty block", "---\n---\n", "---\nlast_contact: 2026-11-26\n---\n"],
	])("%s", (_, fm, wantFm) => {
		expect(out(log(fm + body))).toBe(`${wantFm}${body}${entry}\n`);
	});

	it("creates the frontmatter when there is none", () => {
		expect(out(log("# Jane\n"))).toBe(lines("---", "last_contact: 2026-11-26", "---", "# Jane", "", "## Interactions", "", entry, ""));
	});

	it("handles an empty file", () => {
		expect(out(log(""))).toBe(lines("---", "last_contact: 2026-11-26", "---", "## Interactions", "", entry, ""));
	});

	it("handles a note that is only frontmatter, without a final newline", () => {
		expect(out(log("---\nname: Jane\n---"))).toBe(
			lines("---", "name: Jane", "last_contact: 2026-11-26", "---", "## Interactions", "", entry),
		);
	});

	it("keeps CRLF line endings and a BOM everywhere", () => {
		const text = "\uFEFF---\r\nlast_contact: 2026-01-01\r\nowed_favors:\r\n  - a\r\n---\r\n# Jane\r\n";
		expect(out(log(text, { addOwed: ["lunch"], note: "one\ntwo" }))).toBe(
			'\uFEFF---\r\nlast_contact: 2026-11-26\r\nowed_favors:\r\n  - a\r\n  - "2026-11-27: lunch"\r\n---\r\n# Jane\r\n\r\n## Interactions\r\n\r\n- 2026-11-26 — call: one\r\n  two\r\n',
		);
	});

	it("keeps a BOM when creating the frontmatter", () => {
		expect(out(log("\uFEFFHi"))).toBe("\uFEFF---\nlast_contact: 2026-11-26\n---\nHi\n\n## Interactions\n\n- 2026-11-26 — call");
	});

	it.each([
		["unclosed frontmatter", "---\nlast_contact: 2026-01-01\n# Jane\n", /^the frontmatter is not closed/],
		["invalid YAML", "---\nname: [unclosed\n---\n", /^the frontmatter is not valid YAML: \S[^\n]*$/],
		["a list", "---\n- a\n---\n", /^the frontmatter is a list, not a set of properties$/],
		["a scalar", "---\nhello\n---\n", /^the frontmatter is a single value \(string\), not a set of properties$/],
		[
			"last_contact not a date",
			"---\nlast_contact: last week\n---\n",
			/^last_contact 'last week' is not a date; write it as YYYY-MM-DD; fix it in the note first$/,
		],
		["last_contact impossible", "---\nlast_contact: 2026-02-30\n---\n", /^last_contact '2026-02-30' is not a real calendar date/],
	])("refuses %s, writing nothing", (_, text, error) => {
		const r = log(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(error);
		expect("text" in r).toBe(false);
	});

	it("refuses an invalid date input", () => {
		expect(out(applyLog("", { day: Number.NaN, type: "call", note: "" }, settings(), TODAY, load))).toBe(
			"ERROR: the interaction has no valid date",
		);
		expect(
			out(applyLog("---\nlast_contact: 2026-11-01\n---\n", { day: TODAY + 1, type: "call", note: "" }, settings(), TODAY, load)),
		).toBe("ERROR: 2026-11-28 is in the future; log an interaction once it happened");
	});
});

describe("applyLog: the log section", () => {
	it.each(["# interactions", "## Interactions", "### Interactions  ", "###### INTERACTIONS"])("finds %j", (heading) => {
		const text = `# Jane\n\n${heading}\n- 2026-01-01 — call\n\n## Later\n`;
		expect(out(log(text))).toBe(
			`---\nlast_contact: 2026-11-26\n---\n# Jane\n\n${heading}\n- 2026-01-01 — call\n- 2026-11-26 — call\n\n## Later\n`,
		);
	});

	it("ignores a heading inside a code fence or a comment", () => {
		const text = "---\n---\n```md\n## Interactions\n- 2026-01-01\n```\n<!--\n## Interactions\n-->\n";
		expect(out(log(text))).toBe(
			"---\nlast_contact: 2026-11-26\n---\n```md\n## Interactions\n- 2026-01-01\n```\n<!--\n## Interactions\n-->\n\n## Interactions\n\n- 2026-11-26 — call\n",
		);
	});

	it.each([
		["final newline", "---\n---\nHello\n", "---\nlast_contact: 2026-11-26\n---\nHello\n\n## Interactions\n\n- 2026-11-26 — call\n"],
		["no final newline", "---\n---\nHello", "---\nlast_contact: 2026-11-26\n---\nHello\n\n## Interactions\n\n- 2026-11-26 — call"],
		[
			"trailing blank lines",
			"---\n---\nHello\n\n\n",
			"---\nlast_contact: 2026-11-26\n---\nHello\n\n\n## Interactions\n\n- 2026-11-26 — call\n",
		],
		[
			"trailing whitespace line",
			"---\n---\nHello\n  ",
			"---\nlast_contact: 2026-11-26\n---\nHello\n  \n## Interactions\n\n- 2026-11-26 — call",
		],
		["empty body", "---\n---\n", "---\nlast_contact: 2026-11-26\n---\n## Interactions\n\n- 2026-11-26 — call\n"],
		[
			"unclosed fence at the end",
			"---\n---\nHello\n```\ncode\n",
			"---\nlast_contact: 2026-11-26\n---\nHello\n\n## Interactions\n\n- 2026-11-26 — call\n\n```\ncode\n",
		],
		[
			"unclosed comment at the end",
			"---\n---\nHello\n\n%% draft\nmore",
			"---\nlast_contact: 2026-11-26\n---\nHello\n\n## Interactions\n\n- 2026-11-26 — call\n\n%% draft\nmore",
		],
		[
			// Found by the property below: the heading's own line opens a comment that hides the rest.
			"a log heading whose line opens a comment left open",
			"---\n---\nHello\n\n## Interactions <!--\n- 2026-01-01 — call\n",
			"---\nlast_contact: 2026-11-26\n---\nHello\n\n## Interactions\n\n- 2026-11-26 — call\n\n## Interactions <!--\n- 2026-01-01 — call\n",
		],
	])("creates the section when missing: %s", (_, text, want) => {
		expect(out(log(text))).toBe(want);
	});

	it("uses the configured heading when creating the section", () => {
		expect(out(log("---\n---\n", {}, { logHeading: "### Contact log" }))).toBe(
			"---\nlast_contact: 2026-11-26\n---\n### Contact log\n\n- 2026-11-26 — call\n",
		);
	});

	const fm = "---\nlast_contact: 2026-12-31\n---\n";
	const section = (...entries: string[]) => `${fm}## Interactions\n\n${entries.map((e) => `${e}\n`).join("")}\n## Notes\nx\n`;

	it.each([
		[
			"newest at the end",
			["- 2026-01-01 — a", "- 2026-02-01 — b"],
			"2026-11-26",
			["- 2026-01-01 — a", "- 2026-02-01 — b", "- 2026-11-26 — call"],
		],
		[
			"older in place",
			["- 2026-01-01 — a", "- 2026-12-01 — b"],
			"2026-11-26",
			["- 2026-01-01 — a", "- 2026-11-26 — call", "- 2026-12-01 — b"],
		],
		["oldest first", ["- 2026-01-01 — a"], "2025-06-01", ["- 2025-06-01 — call", "- 2026-01-01 — a"]],
		[
			"same date after existing",
			["- 2026-11-26 — a", "- 2026-11-26 — b", "- 2026-12-01 — c"],
			"2026-11-26",
			["- 2026-11-26 — a", "- 2026-11-26 — b", "- 2026-11-26 — call", "- 2026-12-01 — c"],
		],
		[
			"before a multi-line entry",
			["- 2026-01-01 — a", "- 2026-12-01 — b", "  more about b"],
			"2026-11-26",
			["- 2026-01-01 — a", "- 2026-11-26 — call", "- 2026-12-01 — b", "  more about b"],
		],
		[
			"after a multi-line entry",
			["- 2026-01-01 — a", "  more about a", "    - detail"],
			"2026-11-26",
			["- 2026-01-01 — a", "  more about a", "    - detail", "- 2026-11-26 — call"],
		],
		[
			"hand-written forms",
			["* 2026-01-01", "- [[2026-02-01|Feb]] lunch", "- 2026-12-01: later"],
			"2026-11-26",
			["* 2026-01-01", "- [[2026-02-01|Feb]] lunch", "- 2026-11-26 — call", "- 2026-12-01: later"],
		],
		[
			"after undated items",
			["- 2026-01-01 — a", "- met at a party"],
			"2026-11-26",
			["- 2026-01-01 — a", "- met at a party", "- 2026-11-26 — call"],
		],
		[
			"impossible dates ignored",
			["- 2026-01-01 — a", "- 2026-02-30 — typo"],
			"2026-11-26",
			["- 2026-01-01 — a", "- 2026-02-30 — typo", "- 2026-11-26 — call"],
		],
	])("oldest first: %s", (_, entries, date, want) => {
		expect(out(log(section(...entries), { date }))).toBe(section(...want));
	});

	it.each([
		[
			"newest on top",
			["- 2026-02-01 — b", "- 2026-01-01 — a"],
			"2026-11-26",
			["- 2026-11-26 — call", "- 2026-02-01 — b", "- 2026-01-01 — a"],
		],
		[
			"older in place",
			["- 2026-12-01 — b", "- 2026-01-01 — a"],
			"2026-11-26",
			["- 2026-12-01 — b", "- 2026-11-26 — call", "- 2026-01-01 — a"],
		],
		["oldest at the end", ["- 2026-12-01 — b"], "2025-01-01", ["- 2026-12-01 — b", "- 2025-01-01 — call"]],
		[
			"same date before existing",
			["- 2026-11-26 — a", "- 2026-01-01 — b"],
			"2026-11-26",
			["- 2026-11-26 — call", "- 2026-11-26 — a", "- 2026-01-01 — b"],
		],
	])("newest first: %s", (_, entries, date, want) => {
		expect(out(log(section(...entries), { date }, { logOrder: "newest-first" }))).toBe(section(...want));
	});

	it("goes after the last list item, before a paragraph and blank lines", () => {
		const text = `${fm}## Interactions\n- 2026-01-01 — a\n\nSome words.\n\n\n# Next\n`;
		expect(out(log(text))).toBe(`${fm}## Interactions\n- 2026-01-01 — a\n- 2026-11-26 — call\n\nSome words.\n\n\n# Next\n`);
	});

	it("goes after the last line when the section has no list", () => {
		expect(out(log(`${fm}## Interactions\nWe met in 2019.\n\n## Next\n`))).toBe(
			`${fm}## Interactions\nWe met in 2019.\n- 2026-11-26 — call\n\n## Next\n`,
		);
		expect(out(log(`${fm}## Interactions\n\n## Next\n`))).toBe(`${fm}## Interactions\n- 2026-11-26 — call\n\n## Next\n`);
		expect(out(log(`${fm}## Interactions`))).toBe(`${fm}## Interactions\n- 2026-11-26 — call`);
	});

	it("keeps a missing final newline missing", () => {
		expect(out(log(`${fm}## Interactions\n- 2026-01-01 — a`))).toBe(`${fm}## Interactions\n- 2026-01-01 — a\n- 2026-11-26 — call`);
	});

	it("never writes inside a code fence in the section", () => {
		const text = `${fm}## Interactions\n- 2026-01-01 — a\n\n\`\`\`\n- 2026-12-01 — not an entry\n\`\`\`\n`;
		expect(out(log(text))).toBe(
			`${fm}## Interactions\n- 2026-01-01 — a\n- 2026-11-26 — call\n\n\`\`\`\n- 2026-12-01 — not an entry\n\`\`\`\n`,
		);
		const unclosed = `${fm}## Interactions\nIntro.\n\`\`\`\n- 2026-12-01 — code\n`;
		expect(out(log(unclosed))).toBe(`${fm}## Interactions\nIntro.\n- 2026-11-26 — call\n\`\`\`\n- 2026-12-01 — code\n`);
	});

	it("treats entries under a sub-heading as part of the log, and puts the entry under its year's", () => {
		// Years kept newest first: the log is descending, and 2026-11-26 goes under `### 2026`, after 2026-12-01.
		const text = `${fm}## Interactions\n### 2026\n- 2026-12-01 — b\n### 2025\n- 2025-01-01 — a\n# Next\n`;
		expect(out(log(text))).toBe(
			`${fm}## Interactions\n### 2026\n- 2026-12-01 — b\n- 2026-11-26 — call\n### 2025\n- 2025-01-01 — a\n# Next\n`,
		);
		const ascending = `${fm}## Interactions\n### 2025\n- 2025-01-01 — a\n### 2026\n- 2026-12-01 — b\n# Next\n`;
		expect(out(log(ascending))).toBe(
			`${fm}## Interactions\n### 2025\n- 2025-01-01 — a\n### 2026\n- 2026-11-26 — call\n- 2026-12-01 — b\n# Next\n`,
		);
	});
});

describe("applyLog: lazy continuation lines", () => {
	// last_contact is later than every logged date, so only the body changes.
	const fm = "---\nlast_contact: 2026-12-31\n---\n";

	it("goes after an item's lazy continuation line, never between the item and it", () => {
		const text = `${fm}## Interactions\n- 2026-01-01 — call\nmore about that call\n`;
		expect(out(log(text))).toBe(`${fm}## Interactions\n- 2026-01-01 — call\nmore about that call\n- 2026-11-26 — call\n`);
	});

	it("inserts an older date between two items after the whole first one, lazy lines included", () => {
		const text = `${fm}## Interactions\n- 2026-01-01 — call\nmore about that call\n  indented\nand lazy again\n- 2026-12-01 — meal\nlazy about the meal\n`;
		expect(out(log(text))).toBe(
			`${fm}## Interactions\n- 2026-01-01 — call\nmore about that call\n  indented\nand lazy again\n- 2026-11-26 — call\n- 2026-12-01 — meal\nlazy about the meal\n`,
		);
		const newestFirst = `${fm}## Interactions\n- 2026-12-01 — meal\nlazy about the meal\n- 2026-01-01 — call\nmore about that call\n`;
		expect(out(log(newestFirst, {}, { logOrder: "newest-first" }))).toBe(
			`${fm}## Interactions\n- 2026-12-01 — meal\nlazy about the meal\n- 2026-11-26 — call\n- 2026-01-01 — call\nmore about that call\n`,
		);
	});

	it("does not absorb a paragraph after a blank line that follows a lazy line", () => {
		const text = `${fm}## Interactions\n- 2026-01-01 — call\nmore about that call\n\nA paragraph after the list.\nIts second line.\n\n## Next\n`;
		expect(out(log(text))).toBe(
			`${fm}## Interactions\n- 2026-01-01 — call\nmore about that call\n- 2026-11-26 — call\n\nA paragraph after the list.\nIts second line.\n\n## Next\n`,
		);
	});

	it("keeps CRLF line endings around a lazy line", () => {
		const crlf = "---\r\nlast_contact: 2026-12-31\r\n---\r\n";
		const text = `${crlf}## Interactions\r\n- 2026-01-01 — call\r\nmore about that call\r\n\r\n## Next\r\n`;
		expect(out(log(text))).toBe(
			`${crlf}## Interactions\r\n- 2026-01-01 — call\r\nmore about that call\r\n- 2026-11-26 — call\r\n\r\n## Next\r\n`,
		);
	});

	it("goes after a lazy line at the end of a note without a final newline, and keeps it without one", () => {
		const text = `${fm}## Interactions\n- 2026-01-01 — call\nmore about that call`;
		expect(out(log(text))).toBe(`${fm}## Interactions\n- 2026-01-01 — call\nmore about that call\n- 2026-11-26 — call`);
	});

	it("goes after a lazy line that holds a whole comment, and before one that leaves a comment open", () => {
		const closed = `${fm}## Interactions\n- 2026-01-01 — call\nmore <!-- a\nb -->\n`;
		expect(out(log(closed))).toBe(`${fm}## Interactions\n- 2026-01-01 — call\nmore <!-- a\nb -->\n- 2026-11-26 — call\n`);
		const open = `${fm}## Interactions\n- 2026-01-01 — call\nmore <!-- never closed\n`;
		expect(out(log(open))).toBe(`${fm}## Interactions\n- 2026-01-01 — call\n- 2026-11-26 — call\nmore <!-- never closed\n`);
	});

	it.each(["---", "> a quote", "<div>", "%% a comment %%"])("goes before %j, which is no lazy continuation", (block) => {
		const text = `${fm}## Interactions\n- 2026-01-01 — call\n${block}\n`;
		expect(out(log(text))).toBe(`${fm}## Interactions\n- 2026-01-01 — call\n- 2026-11-26 — call\n${block}\n`);
	});
});

describe("applyLog: setext headings, closing sequences and comments", () => {
	// last_contact is later than every logged date, so only the body changes.
	const fm = "---\nlast_contact: 2026-12-31\n---\n";
	const headingsOf = (text: string) => (parseNote(text).cache.headings ?? []).map((h) => `${h.level} ${h.heading}`);

	it("stops the log at a setext heading: the entry goes before it, not under it", () => {
		const text = `${fm}## Interactions\n\n- 2026-01-01 — call\n\nOther\n-----\n\n- 2026-12-01 todo item\n`;
		expect(out(log(text))).toBe(
			`${fm}## Interactions\n\n- 2026-01-01 — call\n- 2026-11-26 — call\n\nOther\n-----\n\n- 2026-12-01 todo item\n`,
		);
	});

	it("finds a setext log heading instead of adding a second section", () => {
		expect(out(log("Interactions\n------------\n\n- 2026-01-01 — call\n"))).toBe(
			"---\nlast_contact: 2026-11-26\n---\nInteractions\n------------\n\n- 2026-01-01 — call\n- 2026-11-26 — call\n",
		);
		const crlf = "---\r\nlast_contact: 2026-12-31\r\n---\r\n";
		expect(out(log(`${crlf}Interactions\r\n============\r\n- 2026-12-01 — b\r\n`))).toBe(
			`${crlf}Interactions\r\n============\r\n- 2026-11-26 — call\r\n- 2026-12-01 — b\r\n`,
		);
	});

	it("keeps a blank line between the entry and a setext heading right below it, so the heading stays one", () => {
		const empty = `${fm}## Interactions\nOther\n-----\n- 2026-12-01 todo\n`;
		const written = out(log(empty));
		expect(written).toBe(`${fm}## Interactions\n- 2026-11-26 — call\n\nOther\n-----\n- 2026-12-01 todo\n`);
		expect(headingsOf(written)).toEqual(["2 Interactions", "2 Other"]);
		expect(latestLogDay(written, settings())).toBe(day("2026-11-26"));
		const afterFence = `${fm}## Interactions\n- 2026-01-01 — a\n  \`\`\`\n  x\n  \`\`\`\nOther\n=====\n`;
		expect(out(log(afterFence))).toBe(
			`${fm}## Interactions\n- 2026-01-01 — a\n  \`\`\`\n  x\n  \`\`\`\n- 2026-11-26 — call\n\nOther\n=====\n`,
		);
	});

	it("goes after the section's last line, not between a setext heading's text and its underline", () => {
		const text = `${fm}## Interactions\nSome words.\n\nOther\n---\n`;
		expect(out(log(text))).toBe(`${fm}## Interactions\nSome words.\n- 2026-11-26 — call\n\nOther\n---\n`);
	});

	it("finds a heading written with a closing sequence when the setting has one too", () => {
		const text = `${fm}## Interactions ##\n- 2026-01-01 — a\n`;
		expect(out(log(text, {}, { logHeading: "## Interactions ##" }))).toBe(
			`${fm}## Interactions ##\n- 2026-01-01 — a\n- 2026-11-26 — call\n`,
		);
		expect(out(log(`${fm}# Jane\n`, {}, { logHeading: "## Interactions ##" }))).toBe(
			`${fm}# Jane\n\n## Interactions\n\n- 2026-11-26 — call\n`,
		);
	});

	it.each([
		["%%", "pricing went up 20%% after the merger", "pricing went up 20%\\% after the merger"],
		["<!--", "sent deck\n<!-- todo", "sent deck\n  <\\!-- todo"],
	])("writes a note with an unmatched %s so that later logs still land in date order", (_, note, written) => {
		const first = out(log(`${fm}## Interactions\n- 2026-01-01 — a\n`, { date: "2026-11-20", note }));
		expect(first).toBe(`${fm}## Interactions\n- 2026-01-01 — a\n- 2026-11-20 — call: ${written}\n`);
		const second = out(log(first, { date: "2026-06-01" }));
		const third = out(log(second, { date: "2026-11-25" }));
		expect(third).toBe(
			`${fm}## Interactions\n- 2026-01-01 — a\n- 2026-06-01 — call\n- 2026-11-20 — call: ${written}\n- 2026-11-25 — call\n`,
		);
		expect(latestLogDay(third, settings())).toBe(day("2026-11-25"));
		// Obsidian's model sees no comment, and every entry as a list item.
		const cache = parseNote(third).cache;
		expect(cache.sections?.some((s) => s.type === "comment")).toBe(false);
		expect(cache.listItems).toHaveLength(4);
	});
});

describe("applyLog: entry text", () => {
	const fm = "---\nlast_contact: 2027-01-01\n---\n## Interactions\n";
	it("writes the note, indenting further lines", () => {
		expect(out(log(fm, { type: "coffee", note: "Talked about her move to Acme.\nShe starts in March.\n\n# not a heading" }))).toBe(
			`${fm}- 2026-11-26 — coffee: Talked about her move to Acme.\n  She starts in March.\n  \\# not a heading\n`,
		);
	});

	it("links dates to daily notes", () => {
		expect(out(log(`${fm}- [[2026-01-01]] — a\n`, { note: "Hi" }, { linkDates: true }))).toBe(
			`${fm}- [[2026-01-01]] — a\n- [[2026-11-26]] — call: Hi\n`,
		);
		expect(out(log(`${fm}- [[01.12.2026]] — b\n`, {}, { linkDates: true, dailyNoteFormat: "DD.MM.YYYY" }))).toBe(
			`${fm}- [[26.11.2026]] — call\n- [[01.12.2026]] — b\n`,
		);
	});

	it("writes a bare contact", () => {
		expect(out(log(fm, { type: "" }))).toBe(`${fm}- 2026-11-26\n`);
	});
});

describe("applyLog: favors", () => {
	const base = (fmLines: string) => `---\nlast_contact: 2026-01-01\n${fmLines}---\n## Interactions\n- 2026-01-01 — call\n`;

	it("adds a favor I owe, dated today", () => {
		expect(out(log(base("owed_favors: []\n"), { type: "coffee", addOwed: ["intro to Sam"] }))).toBe(
			'---\nlast_contact: 2026-11-26\nowed_favors: ["2026-11-27: intro to Sam"]\n---\n## Interactions\n- 2026-01-01 — call\n- 2026-11-26 — coffee\n',
		);
	});

	it("adds a favor owed to me, creating the key", () => {
		expect(out(log(base(""), { addOwedToMe: ["book loan", "  "] }))).toBe(
			'---\nlast_contact: 2026-11-26\nowed_to_me:\n  - "2026-11-27: book loan"\n---\n## Interactions\n- 2026-01-01 — call\n- 2026-11-26 — call\n',
		);
	});

	it("resolves a favor I owed and says so", () => {
		expect(
			out(
				log(base('owed_favors:\n  - "2026-11-01: intro to Sam"\n  - lunch\n'), {
					type: "email",
					note: "Sent the intro",
					resolveOwed: ["intro to Sam"],
				}),
			),
		).toBe(
			"---\nlast_contact: 2026-11-26\nowed_favors:\n  - lunch\n---\n## Interactions\n- 2026-01-01 — call\n- 2026-11-26 — email: Sent the intro — favor returned: intro to Sam\n",
		);
	});

	it("resolves an unquoted favor whose date has one-digit month and day, as the sidebar lists it", () => {
		// YAML reads `- 2026-1-5: intro to Sam` as a one-key mapping; the person's favor is "2026-1-5: intro to Sam".
		const text = base("owed_favors:\n  - 2026-1-5: intro to Sam\n");
		const person = buildPerson({ path: "People/Ann.md", frontmatter: parseYaml(scanFrontmatterSource(text)) }, settings());
		expect(person.owedFavors.map((f) => f.raw)).toEqual(["2026-1-5: intro to Sam"]);
		for (const target of [person.owedFavors[0].raw, "intro to Sam"]) {
			expect(out(log(text, { resolveOwed: [target] }))).toBe(
				"---\nlast_contact: 2026-11-26\nowed_favors:\n---\n## Interactions\n- 2026-01-01 — call\n- 2026-11-26 — call — favor returned: intro to Sam\n",
			);
		}
	});

	it("resolves a favor owed to me and says so", () => {
		expect(out(log(base("owed_to_me: [book loan, '2026-10-01: Ride']\n"), { resolveOwedToMe: ["ride"] }))).toBe(
			"---\nlast_contact: 2026-11-26\nowed_to_me: [book loan]\n---\n## Interactions\n- 2026-01-01 — call\n- 2026-11-26 — call — favor received: Ride\n",
		);
	});

	it("resolves and adds in one write, in both directions", () => {
		const text = base("owed_favors:\n  - a\nowed_to_me: [b]\n");
		expect(out(log(text, { resolveOwed: ["a"], resolveOwedToMe: ["b"], addOwed: ["c"], addOwedToMe: ["d"] }))).toBe(
			'---\nlast_contact: 2026-11-26\nowed_favors:\n  - "2026-11-27: c"\nowed_to_me: ["2026-11-27: d"]\n---\n## Interactions\n- 2026-01-01 — call\n- 2026-11-26 — call — favor returned: a — favor received: b\n',
		);
	});

	it.each([
		[
			{ resolveOwed: ["intro to Sam"] },
			"owed_favors: [lunch]\n",
			'cannot mark "intro to Sam" as returned: "intro to Sam" is not in owed_favors',
		],
		[{ resolveOwedToMe: ["book"] }, "", 'cannot mark "book" as received: "book" is not in owed_to_me'],
		[{ addOwed: ["x"] }, "owed_favors:\n  a: b\n", "owed_favors is not a list, so a favor cannot be added to it"],
	])("refuses %j", (entry, fmLines, error) => {
		expect(out(log(base(fmLines), entry))).toBe(`ERROR: ${error}`);
	});
});

describe("setFrontmatterDate and removeFrontmatterKey", () => {
	it("snoozes surgically, in any direction", () => {
		const text = "---\nname: x # n\nsnooze_until: 2027-01-01\n---\nbody";
		expect(out(setFrontmatterDate(text, "snooze_until", day("2026-12-03"), load))).toBe(
			"---\nname: x # n\nsnooze_until: 2026-12-03\n---\nbody",
		);
		expect(out(setFrontmatterDate("body", "snooze_until", day("2026-12-03"), load))).toBe("---\nsnooze_until: 2026-12-03\n---\nbody");
	});

	it("refuses to overwrite a value that is not a date", () => {
		expect(out(setFrontmatterDate("---\nsnooze-until: someday\n---\n", "snooze_until", day("2026-12-03"), load))).toBe(
			"ERROR: snooze-until 'someday' is not a date; write it as YYYY-MM-DD; fix it in the note first",
		);
	});

	it("un-snoozes", () => {
		expect(out(removeFrontmatterKey("---\nname: x\nsnoozeUntil: 2027-01-01 # later\n---\n", "snooze_until", load))).toBe(
			"---\nname: x\n---\n",
		);
		expect(out(removeFrontmatterKey("no frontmatter", "snooze_until", load))).toBe("no frontmatter");
	});
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Longest-common-subsequence line diff: which lines of `a` were deleted and of `b` inserted. */
function lineDiff(a: readonly string[], b: readonly string[]): { deleted: number[]; inserted: number[] } {
	const n = a.length;
	const m = b.length;
	const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
		}
	}
	const deleted: number[] = [];
	const inserted: number[] = [];
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && a[i] === b[j]) {
			i++;
			j++;
		} else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
			inserted.push(j++);
		} else {
			deleted.push(i++);
		}
	}
	return { deleted, inserted };
}

describe("lineDiff", () => {
	it("finds insertions and replacements", () => {
		expect(lineDiff(["a", "b", "c"], ["a", "x", "b", "c", "y"])).toEqual({ deleted: [], inserted: [1, 4] });
		expect(lineDiff(["a", "b", "c"], ["a", "B", "c"])).toEqual({ deleted: [1], inserted: [1] });
		expect(lineDiff([], ["a"])).toEqual({ deleted: [], inserted: [0] });
	});
});

const WORDS = ["alpha", "Bravo", "charlie", "delta echo", "Interactions?", "notes", "x", "a: b", "#tag", "`code`", "**bold**"];
const HEADINGS = ["Notes", "Work", "Family", "Projects", "Interaction", "Interactions log", "Log"];
const FAVORS = ["intro to Sam", "lunch", "book loan", "2026-03-01: ride home", "help, with CV", "it's a secret", "'quoted'"];

const dayArb = fc.integer({ min: day("2024-01-01"), max: day("2027-12-31") });
/** Days an interaction can be logged for: never after today. */
const pastDayArb = fc.integer({ min: day("2024-01-01"), max: TODAY });
const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
const trailingArb = fc.constantFrom("", "", " ", "  ", "\t");

type Block = string[];

const paragraphArb: fc.Arbitrary<Block> = fc.tuple(textArb, trailingArb).map(([t, s]) => [t + s]);
const headingArb: fc.Arbitrary<Block> = fc
	.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...HEADINGS))
	.map(([l, h]) => [`${"#".repeat(l)} ${h}`]);
const fakeLog = ["## Interactions", "- 2099-01-01 — fake"];
const fenceArb: fc.Arbitrary<Block> = fc.constantFrom("```", "~~~", "````").map((f) => [f + (f === "~~~" ? "" : "md"), ...fakeLog, f]);
const commentArb: fc.Arbitrary<Block> = fc.constantFrom<Block>(
	["<!--", ...fakeLog, "-->"],
	["%%", ...fakeLog, "%%"],
	["<!-- ## Interactions -->"],
);
const blankArb: fc.Arbitrary<Block> = trailingArb.map((s) => [s]);
const listArb: fc.Arbitrary<Block> = fc.array(textArb, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`));
const blockArb = fc.oneof(paragraphArb, headingArb, fenceArb, commentArb, blankArb, listArb);

const entryFormArb = fc.constantFrom(
	(d: string, t: string) => `- ${d} — ${t}`,
	(d: string) => `* ${d}`,
	(d: string, t: string) => `- [[${d}]] — ${t}`,
	(d: string) => `- [[${d}|${d.slice(5)}]]`,
	(d: string, t: string) => `- ${d}: ${t}`,
);

interface NoteSpec {
	eol: "\n" | "\r\n";
	bom: boolean;
	frontmatter: string[] | null;
	body: string[];
	finalNewline: boolean;
	hasLog: boolean;
}

const LAST_CONTACT_STYLES = [
	(d: string) => `last_contact: ${d}`,
	(d: string) => `last_contact: '${d}' # when`,
	(d: string) => `lastContact: "${d}"`,
	(d: string) => `Last Contact: ${d}  # c`,
	() => "last_contact:",
	() => "last_contact: ~",
	null,
];

function favorList(key: string, style: number, items: string[]): string[] {
	const q = (s: string) => JSON.stringify(s);
	switch (style) {
		case 0:
			return [`${key}:`, ...items.map((i) => `  - ${q(i)}`)];
		case 1:
			return [`${key}:`, ...items.map((i) => `- ${q(i)}`)];
		case 2:
			return [`${key}: [${items.map(q).join(", ")}]`];
		case 3:
			return [`${key}: []`];
		case 4:
			return [`${key}:`];
		default:
			return [];
	}
}

const noteArb = fc
	.record({
		eol: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
		bom: fc.boolean(),
		hasFm: fc.boolean(),
		lastStyle: fc.integer({ min: 0, max: LAST_CONTACT_STYLES.length - 1 }),
		lastDay: dayArb,
		owedStyle: fc.integer({ min: 0, max: 5 }),
		owed: fc.uniqueArray(fc.constantFrom(...FAVORS), { maxLength: 3 }),
		toMeStyle: fc.integer({ min: 0, max: 5 }),
		toMe: fc.uniqueArray(fc.constantFrom(...FAVORS), { maxLength: 3 }),
		extraFm: fc.subarray([
			"name: Jane Doe # full name",
			"# a comment",
			"tags: [person, work]",
			"aliases:\n  - JD",
			"note: 'a: b'",
			"",
			"cadence: monthly",
		]),
		before: fc.array(blockArb, { maxLength: 5 }),
		hasLog: fc.boolean(),
		logLevel: fc.integer({ min: 1, max: 6 }),
		logText: fc.constantFrom("Interactions", "interactions", "INTERACTIONS", "Interactions  "),
		entryDays: fc.array(dayArb, { maxLength: 6 }),
		forms: fc.array(entryFormArb, { minLength: 6, maxLength: 6 }),
		inLog: fc.array(fc.oneof(blankArb, fenceArb, commentArb, paragraphArb, listArb, fc.constant<Block>(["###### Deeper"])), {
			maxLength: 2,
		}),
		continuation: fc.boolean(),
		after: fc.array(blockArb, { maxLength: 4 }),
		finalNewline: fc.boolean(),
		newestFirst: fc.boolean(),
	})
	.map((r) => {
		let frontmatter: string[] | null = null;
		if (r.hasFm) {
			const style = LAST_CONTACT_STYLES[r.lastStyle];
			frontmatter = [
				...r.extraFm.flatMap((l) => l.split("\n")),
				...(style ? [style(formatDay(r.lastDay))] : []),
				...favorList("owed_favors", r.owedStyle, r.owed),
				...favorList("owed_to_me", r.toMeStyle, r.toMe),
			];
		}
		const sorted = [...r.entryDays].sort((a, b) => (r.newestFirst ? b - a : a - b));
		// Headings after the log must not be deeper than it, or they would belong to it; that's
		// fine too, but keep entries out of them so the order check stays about the log.
		const log: string[] = r.hasLog
			? [
					`${"#".repeat(r.logLevel)} ${r.logText}`,
					...sorted.flatMap((d, i) => {
						const line = r.forms[i](formatDay(d), "call");
						return r.continuation && i === 0 ? [line, "  more words"] : [line];
					}),
					...r.inLog.flat(),
				]
			: [];
		const after = r.hasLog
			? [[`${"#".repeat(Math.max(1, r.logLevel - 1))} After`], ...r.after.filter((b) => !b.some((l) => /^#{1,6} /.test(l)))]
			: r.after;
		const body = [...r.before.flat(), ...log, ...after.flat()];
		const spec: NoteSpec = { eol: r.eol, bom: r.bom, frontmatter, body, finalNewline: r.finalNewline, hasLog: r.hasLog };
		return { spec, newestFirst: r.newestFirst, owed: r.owed, toMe: r.toMe, owedStyle: r.owedStyle, toMeStyle: r.toMeStyle };
	});

function render(spec: NoteSpec): string {
	const all = [...(spec.frontmatter ? ["---", ...spec.frontmatter, "---"] : []), ...spec.body];
	const text = all.join(spec.eol) + (spec.finalNewline && all.length > 0 ? spec.eol : "");
	return (spec.bom ? "\uFEFF" : "") + text;
}

const entryArb = fc.record({
	day: pastDayArb,
	type: fc.constantFrom("call", "coffee", "", "video call"),
	note: fc.constantFrom("", "Talked about her move to Acme.", "Line one\nline two", "Multi\n# heading-like\n```"),
	linkDates: fc.boolean(),
	format: fc.constantFrom("YYYY-MM-DD", "DD.MM.YYYY"),
	addOwed: fc.subarray(["new favor", "coffee, later"]),
	resolve: fc.boolean(),
});

function splitEol(text: string, eol: string): string[] {
	return text.split(eol);
}

function yamlOf(text: string): Record<string, unknown> {
	const fm = scanFrontmatter(text);
	if (fm.kind !== "block") return {};
	const source = text.slice(fm.block.yamlStart, fm.block.yamlEnd);
	if (source.split("\n").every((l) => l.trim() === "" || l.trim().startsWith("#"))) return {};
	return (load(source) ?? {}) as Record<string, unknown>;
}

function valueFor(data: Record<string, unknown>, configured: string): unknown {
	const key = Object.keys(data).find((k) => normalizeKey(k) === normalizeKey(configured));
	return key === undefined ? undefined : data[key];
}

const TOUCHED = ["last_contact", "owed_favors", "owed_to_me"].map(normalizeKey);

describe("applyLog properties", () => {
	it("writes exactly the entry and the frontmatter change, and nothing else", () => {
		fc.assert(
			fc.property(noteArb, entryArb, (note, e) => {
				const { spec } = note;
				const original = render(spec);
				const s = settings({
					logOrder: note.newestFirst ? "newest-first" : "oldest-first",
					linkDates: e.linkDates,
					dailyNoteFormat: e.format,
				});
				const owedNow = note.owedStyle <= 2 ? note.owed : [];
				const toResolve = e.resolve && spec.frontmatter && owedNow.length > 0 ? [owedNow[0]] : [];
				const input: LogEntryInput = { day: e.day, type: e.type, note: e.note, addOwed: e.addOwed, resolveOwed: toResolve };
				const r = applyLog(original, input, s, TODAY, load);
				if (!r.ok) throw new Error(`unexpected error: ${r.error}\n${original}`);
				const result = r.text;

				// BOM, line endings and the final newline are as they were.
				expect(result.startsWith("\uFEFF")).toBe(spec.bom);
				// (A note without a line break has no line ending to keep: it gets "\n".)
				const eol = original.includes("\n") ? spec.eol : "\n";
				if (eol === "\r\n") expect(/(^|[^\r])\n/.test(result)).toBe(false);
				else expect(result.includes("\r")).toBe(false);
				if (original.length > (spec.bom ? 1 : 0)) expect(result.endsWith(spec.eol)).toBe(original.endsWith(spec.eol));

				// The frontmatter still parses; last_contact = max(old, new); other keys are unchanged.
				const before = yamlOf(original);
				const after = yamlOf(result);
				const oldValue = valueFor(before, "last_contact");
				const oldDay = oldValue === null || oldValue === undefined ? null : parseDateValue(oldValue);
				const newDay = parseDateValue(valueFor(after, "last_contact"));
				expect(newDay.ok && newDay.day).toBe(Math.max(oldDay && oldDay.ok ? oldDay.day : -Infinity, e.day));
				for (const [k, v] of Object.entries(before)) {
					if (!TOUCHED.includes(normalizeKey(k))) expect(after[k]).toEqual(v);
				}
				const owedAfter = (valueFor(after, "owed_favors") ?? []) as unknown[];
				for (const f of e.addOwed) expect(owedAfter).toContain(`${formatDay(TODAY)}: ${f}`);
				for (const f of toResolve) expect(owedAfter).not.toContain(f);

				// The entry is there exactly once, and the log is in date order.
				const entryLines = formatLogEntry(
					{ day: e.day, type: e.type, note: e.note, returned: toResolve.map((f) => f.replace(/^\d{4}-\d{2}-\d{2}: /, "")) },
					s,
				);
				// The entry takes its neighbours' list marker (`* `, `2. `), its further lines indented to match.
				const asWritten = (first: string): string[] | null => {
					const m = /^(?:[-*+]|\d{1,9}[.)]) /.exec(first);
					if (!m || `- ${first.slice(m[0].length)}` !== entryLines[0]) return null;
					return [first, ...entryLines.slice(1).map((x) => " ".repeat(m[0].length - 2) + x)];
				};
				const occurrences = (lines: string[]) =>
					lines.flatMap((l, i) => {
						const written = asWritten(l);
						return written && written.every((x, k) => lines[i + k] === x) ? [i] : [];
					});
				const out = splitEol(result.replace(/^\uFEFF/, ""), eol);
				const writtenLines = occurrences(out).flatMap((i) => asWritten(out[i]) ?? []);
				// Once more than before: a note may already hold an identical hand-written entry.
				expect(occurrences(out)).toHaveLength(occurrences(splitEol(original.replace(/^\uFEFF/, ""), eol)).length + 1);
				const scan = scanLog(result, scanFrontmatter(result).bodyStart, s);
				const days = (scan?.items ?? []).flatMap((i) => (i.day === null ? [] : [i.day]));
				expect(days).toContain(e.day);
				const ordered = [...days].sort((a, b) => (note.newestFirst ? b - a : a - b));
				expect(days).toEqual(ordered);
				const previousLatest = latestLogDay(original, s);
				expect(latestLogDay(result, s)).toBe(Math.max(previousLatest ?? -Infinity, e.day));

				// Round trip: the original lines are the result's lines minus the inserted ones, with
				// only frontmatter lines of the touched keys replaced.
				const orig = splitEol(original.replace(/^\uFEFF/, ""), eol);
				const fmEnd = (lines: string[]) => (lines[0] === "---" ? lines.indexOf("---", 1) : -1);
				const oEnd = fmEnd(orig);
				const rEnd = fmEnd(out);
				const { deleted, inserted } = lineDiff(orig, out);
				for (const i of deleted) {
					expect(i <= oEnd).toBe(true);
				}
				const insertedBody = inserted.filter((j) => j > rEnd);
				const insertedFm = inserted.filter((j) => j <= rEnd);
				const headingLine = `## Interactions`;
				const allowedBody = new Set([...writtenLines, "", ...(spec.hasLog ? [] : [headingLine])]);
				for (const j of insertedBody) expect(allowedBody.has(out[j])).toBe(true);
				// Blank lines only come with a new section.
				if (spec.hasLog) expect(insertedBody.filter((j) => out[j] === "")).toEqual([]);
				// Exactly the entry lines (plus the section scaffolding when it was created).
				expect(insertedBody.filter((j) => out[j] !== "").length).toBe(entryLines.length + (spec.hasLog ? 0 : 1));
				for (const j of insertedFm) {
					const l = out[j];
					const isKeyLine = /^[^\s#-][^:]*:/.test(l) && TOUCHED.includes(normalizeKey(l.slice(0, l.indexOf(":"))));
					const isItem = /^\s*- /.test(l);
					expect(isKeyLine || isItem || l === "---").toBe(true);
				}
				for (const i of deleted.filter((x) => x <= oEnd)) {
					const l = orig[i];
					const isKeyLine = /^[^\s#-][^:]*:/.test(l) && TOUCHED.includes(normalizeKey(l.slice(0, l.indexOf(":"))));
					expect(isKeyLine || /^\s*- /.test(l)).toBe(true);
				}
			}),
			{ numRuns: 400 },
		);
	});

	it("never changes the text when it refuses", () => {
		fc.assert(
			fc.property(noteArb, pastDayArb, (note, d) => {
				const original = render({ ...note.spec, frontmatter: [...(note.spec.frontmatter ?? []), "last_contact: not a date"] });
				const r = applyLog(original, { day: d, type: "call", note: "" }, settings(), TODAY, load);
				// Two last_contact spellings are a duplicate key or a non-date: either way, refused.
				expect(r.ok).toBe(false);
			}),
			{ numRuns: 100 },
		);
	});

	it("never throws on arbitrary text, and keeps every original line when it writes", () => {
		const token = fc.constantFrom(
			"---",
			"...",
			"\n",
			"\r\n",
			"## Interactions",
			"# x",
			"- ",
			"2026-05-05",
			"[[",
			"]]",
			"```",
			"~~~",
			"<!--",
			"-->",
			"%%",
			"`",
			":",
			" ",
			"\t",
			"a",
			"last_contact",
			"owed_favors",
			"[",
			"]",
			"'",
			'"',
			"#",
			"\uFEFF",
		);
		fc.assert(
			fc.property(fc.array(token, { maxLength: 40 }), pastDayArb, fc.boolean(), (tokens, d, resolve) => {
				const text = tokens.join("");
				const r = applyLog(
					text,
					{ day: d, type: "call", note: "n", addOwed: ["x"], resolveOwed: resolve ? ["a"] : [] },
					settings(),
					TODAY,
					load,
				);
				if (!r.ok) return;
				expect(r.text.startsWith("\uFEFF")).toBe(text.startsWith("\uFEFF"));
				const orig = text.replace(/^\uFEFF/, "").split(/\r?\n/);
				const out = r.text.replace(/^\uFEFF/, "").split(/\r?\n/);
				const { deleted } = lineDiff(orig, out);
				const fm = scanFrontmatter(text);
				const fmLines = fm.kind === "block" ? text.slice(fm.block.open, fm.bodyStart).split(/\r?\n/).length - 1 : 0;
				for (const i of deleted) expect(i < fmLines).toBe(true);
				expect(latestLogDay(r.text, settings())).not.toBeNull();
			}),
			{ numRuns: 500 },
		);
	});

	it("lets two logs in a row both land", () => {
		fc.assert(
			fc.property(noteArb, pastDayArb, pastDayArb, (note, d1, d2) => {
				const s = settings({ logOrder: note.newestFirst ? "newest-first" : "oldest-first" });
				const first = applyLog(render(note.spec), { day: d1, type: "call", note: "first" }, s, TODAY, load);
				if (!first.ok) throw new Error(first.error);
				const second = applyLog(first.text, { day: d2, type: "call", note: "second" }, s, TODAY, load);
				if (!second.ok) throw new Error(second.error);
				expect(second.text).toContain(`${formatDay(d1)} — call: first`);
				expect(second.text).toContain(`${formatDay(d2)} — call: second`);
			}),
			{ numRuns: 100 },
		);
	});
});
