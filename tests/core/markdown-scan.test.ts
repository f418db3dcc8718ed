import { describe, expect, it } from "vitest";
import {
	bomLength,
	detectEol,
	findLogSection,
	headingLevelAt,
	headingTextAt,
	LineScanner,
	lineBounds,
	normalizeHeadingText,
	parseHeadingSetting,
	scanFrontmatter,
} from "../../src/core/markdown-scan";

/** Each line's text with its flags, for compact expectations. */
function scan(text: string): { text: string; hidden: boolean; heading: number; cleanStart: boolean }[] {
	const s = new LineScanner(text, 0);
	const out = [];
	while (s.next()) {
		const l = s.line;
		out.push({ text: text.slice(l.start, l.end), hidden: l.hidden, heading: l.heading, cleanStart: l.cleanStart });
	}
	return out;
}

function visible(text: string): string[] {
	return scan(text)
		.filter((l) => !l.hidden)
		.map((l) => l.text);
}

describe("line endings and BOM", () => {
	it("detects the line ending from the first line break", () => {
		expect(detectEol("a\r\nb\nc")).toBe("\r\n");
		expect(detectEol("a\nb\r\n")).toBe("\n");
		expect(detectEol("no break")).toBe("\n");
		expect(detectEol("")).toBe("\n");
		expect(detectEol("\n")).toBe("\n");
	});

	it("measures a BOM", () => {
		expect(bomLength("\uFEFF---")).toBe(1);
		expect(bomLength("---")).toBe(0);
		expect(bomLength("")).toBe(0);
	});

	it("finds line bounds with and without CR", () => {
		expect(lineBounds("ab\r\ncd", 0)).toEqual({ end: 2, next: 4 });
		expect(lineBounds("ab\ncd", 3)).toEqual({ end: 5, next: 5 });
		expect(lineBounds("\r\n", 0)).toEqual({ end: 0, next: 2 });
	});
});

describe("scanFrontmatter", () => {
	it.each([
		["---\na: 1\n---\nbody", { yamlStart: 4, yamlEnd: 9, bodyStart: 13 }],
		["---\r\na: 1\r\n---\r\nbody", { yamlStart: 5, yamlEnd: 11, bodyStart: 16 }],
		["\uFEFF---\na: 1\n---\n", { yamlStart: 5, yamlEnd: 10, bodyStart: 14 }],
		["---  \na: 1\n---\t\n", { yamlStart: 6, yamlEnd: 11, bodyStart: 16 }],
		["---\n---\n", { yamlStart: 4, yamlEnd: 4, bodyStart: 8 }],
		["---\na: 1\n---", { yamlStart: 4, yamlEnd: 9, bodyStart: 12 }],
	])("finds the block in %j", (text, want) => {
		const r = scanFrontmatter(text);
		expect(r.kind).toBe("block");
		if (r.kind !== "block") return;
		expect({ yamlStart: r.block.yamlStart, yamlEnd: r.block.yamlEnd, bodyStart: r.bodyStart }).toEqual(want);
	});

	it.each([
		["", 0],
		["body\n---\na: 1\n---\n", 0],
		["\n---\na: 1\n---\n", 0],
		["----\na: 1\n----\n", 0],
		["\uFEFFbody", 1],
		["...\na\n...\n", 0],
	])("finds no frontmatter in %j", (text, bodyStart) => {
		expect(scanFrontmatter(text)).toEqual({ kind: "none", bodyStart });
	});

	it.each(["---", "---\n", "---\na: 1\n", "\uFEFF---\r\na: 1\r\n", "---\na: 1\n...\nbody"])("reports unclosed frontmatter in %j", (text) => {
		const r = scanFrontmatter(text);
		expect(r.kind).toBe("unclosed");
		if (r.kind === "unclosed") expect(r.error).toMatch(/not closed/);
	});
});

describe("headings", () => {
	it.each([
		["# A", 1],
		["###### A", 6],
		["####### A", 0],
		["#A", 0],
		["#", 1],
		["##\tA", 2],
		["   ## A", 2],
		["    ## A", 0],
		["\t## A", 0],
		["#hashtag", 0],
		["text # not", 0],
	])("level of %j is %i", (line, level) => {
		expect(headingLevelAt(line, 0, line.length)).toBe(level);
	});

	it.each([
		["## Interactions", "Interactions"],
		["### Interactions  ", "Interactions"],
		["## Interactions ##", "Interactions"],
		["## C#", "C#"],
		["##   spaced   out  #  ", "spaced   out"],
		["  # indented", "indented"],
	])("text of %j is %j", (line, text) => {
		expect(headingTextAt(line, 0, line.length)).toBe(text);
	});

	it("normalises heading text for matching", () => {
		expect(normalizeHeadingText("  Interactions \t Log ")).toBe("interactions log");
	});

	it.each([
		["## Interactions", { level: 2, key: "interactions", line: "## Interactions" }],
		["# Log book", { level: 1, key: "log book", line: "# Log book" }],
		["Interactions", { level: 2, key: "interactions", line: "## Interactions" }],
		["  ###   Met  ", { level: 3, key: "met", line: "### Met" }],
		["", { level: 2, key: "interactions", line: "## Interactions" }],
	])("reads the heading setting %j", (setting, want) => {
		expect(parseHeadingSetting(setting)).toEqual(want);
	});
});

describe("LineScanner", () => {
	it("hides fenced code, fence lines included", () => {
		const text = "a\n```js\n# not a heading\n```\n# heading\n";
		expect(scan(text)).toEqual([
			{ text: "a", hidden: false, heading: 0, cleanStart: true },
			{ text: "```js", hidden: true, heading: 0, cleanStart: true },
			{ text: "# not a heading", hidden: true, heading: 0, cleanStart: false },
			{ text: "```", hidden: true, heading: 0, cleanStart: false },
			{ text: "# heading", hidden: false, heading: 1, cleanStart: true },
		]);
	});

	it("closes a fence only with the same character, at least as long", () => {
		expect(visible("````\n```\n~~~\n# in\n````\n# out")).toEqual(["# out"]);
		expect(visible("~~~\n```\n# in\n~~~~  \n# out")).toEqual(["# out"]);
	});

	it("accepts fences indented up to three spaces, not four", () => {
		expect(visible("   ```\n# in\n   ```\n# out")).toEqual(["# out"]);
		expect(visible("    ```\n# seen\n")).toEqual(["    ```", "# seen"]);
	});

	it("does not take inline code with backticks in the info string for a fence", () => {
		expect(visible("``` a ` b\n# seen")).toEqual(["``` a ` b", "# seen"]);
	});

	it("runs an unclosed fence to the end", () => {
		expect(visible("a\n```\n# in\n")).toEqual(["a"]);
	});

	it("hides multi-line HTML comments", () => {
		expect(visible("a <!-- start\n# in\nend --> tail\n# out\n<!-- one line -->\n# out2")).toEqual(["a <!-- start", "# out", "# out2"]);
	});

	it("hides Obsidian %% comments, inline ones included", () => {
		expect(visible("%%\n# in\n%%\n# out\ntext %%inline%% text\n# out2")).toEqual(["# out", "text %%inline%% text", "# out2"]);
	});

	it("ignores comment markers inside inline code and fences", () => {
		expect(visible("use `%%` here\n# out")).toEqual(["use `%%` here", "# out"]);
		expect(visible("``<!--`` x\n# out")).toEqual(["``<!--`` x", "# out"]);
		expect(visible("```\n<!--\n```\n# out")).toEqual(["# out"]);
	});

	it("treats fence markers inside comments as text", () => {
		expect(visible("<!--\n```\n-->\n# out")).toEqual(["# out"]);
	});

	it("reports whether the scan is clean after each line", () => {
		const s = new LineScanner("a\n```\nb\n```\n", 0);
		const clean: boolean[] = [];
		while (s.next()) clean.push(s.clean);
		expect(clean).toEqual([true, false, false, true]);
	});

	it("handles CRLF and a last line without a break", () => {
		expect(scan("# a\r\n```\r\nx\r\n```\r\n## b").map((l) => [l.text, l.heading])).toEqual([
			["# a", 1],
			["```", 0],
			["x", 0],
			["```", 0],
			["## b", 2],
		]);
	});

	it("stays linear when a marker never occurs", () => {
		// Not a timing assertion: just a large input that must complete.
		const text = "line with `tick\n".repeat(20000) + "<!-- never closed\n" + "x\n".repeat(20000);
		const s = new LineScanner(text, 0);
		let n = 0;
		while (s.next()) n++;
		expect(n).toBe(40001);
	});
});

describe("findLogSection", () => {
	const section = (text: string, heading = "## Interactions") => {
		const s = findLogSection(text, 0, heading);
		return s && { heading: text.slice(s.headingStart, s.headingEnd), body: text.slice(s.contentStart, s.end), level: s.level };
	};

	it.each(["# interactions", "## Interactions", "### Interactions  ", "###### INTERACTIONS", "  ## Interactions ##"])("matches %j at any level, in any case", (h) => {
		expect(section(`intro\n${h}\n- x\n`)?.heading).toBe(h);
	});

	it("runs to the next heading of the same or a higher level", () => {
		expect(section("## Interactions\n- a\n### Sub\n- b\n## Next\n- c\n")).toEqual({ heading: "## Interactions", body: "- a\n### Sub\n- b\n", level: 2 });
		expect(section("### Interactions\n- a\n# Top\n")?.body).toBe("- a\n");
		expect(section("# Interactions\n- a\n## Sub\n- b\n")?.body).toBe("- a\n## Sub\n- b\n");
	});

	it("ignores headings in fences and comments", () => {
		const text = "```\n## Interactions\n```\n<!--\n## Interactions\n-->\n%% ## Interactions %%\n## Interactions\n- real\n";
		const s = findLogSection(text, 0, "## Interactions");
		expect(s && text.slice(s.headingStart)).toBe("## Interactions\n- real\n");
	});

	it("does not end the section at a heading inside a fence", () => {
		expect(section("## Interactions\n- a\n```\n## Fake\n```\n- b\n## Next\n")?.body).toBe("- a\n```\n## Fake\n```\n- b\n");
	});

	it("uses the first match and a heading setting without hashes", () => {
		expect(section("# Log\nfirst\n# Log\nsecond\n", "Log")?.body).toBe("first\n");
	});

	it("returns null when there is no such heading", () => {
		expect(section("## Interactionsx\n## Other\n")).toBeNull();
		expect(section("Interactions\n")).toBeNull();
	});

	it("handles the heading as the last line without a break", () => {
		expect(section("a\n## Interactions")).toEqual({ heading: "## Interactions", body: "", level: 2 });
	});
});
