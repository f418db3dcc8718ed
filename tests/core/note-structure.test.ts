import { describe, expect, it } from "vitest";
import { scanFrontmatter } from "../../src/core/frontmatter-bounds";
import { headingLevelAt, headingTextAt, normalizeHeadingText, parseHeadingSetting } from "../../src/core/headings";
import { LineScanner } from "../../src/core/line-scanner";
import { findLogSection } from "../../src/core/log-section";
import { bomLength, detectEol, lineBounds } from "../../src/core/text-lines";

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

	it.each(["---", "---\n", "---\na: 1\n", "\uFEFF---\r\na: 1\r\n", "---\na: 1\n...\nbody"])(
		"reports unclosed frontmatter in %j",
		(text) => {
			const r = scanFrontmatter(text);
			expect(r.kind).toBe("unclosed");
			if (r.kind === "unclosed") expect(r.error).toMatch(/not closed/);
		},
	);
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
		// An ATX closing sequence is no part of the text, as in a note; `C#` keeps its `#`.
		["## Interactions ##", { level: 2, key: "interactions", line: "## Interactions" }],
		["### Log book #####  ", { level: 3, key: "log book", line: "### Log book" }],
		["Interactions #", { level: 2, key: "interactions", line: "## Interactions" }],
		["## C#", { level: 2, key: "c#", line: "## C#" }],
		["## ##", { level: 2, key: "interactions", line: "## Interactions" }],
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

describe("LineScanner: setext headings", () => {
	/** Each heading as [level, its text as written, the line it is reported on]. */
	function headings(text: string): [number, string, string][] {
		const s = new LineScanner(text, 0);
		const out: [number, string, string][] = [];
		while (s.next()) {
			const l = s.line;
			if (l.heading === 0) continue;
			const textEnd = l.setextTextEnd >= 0 ? l.setextTextEnd : l.end;
			out.push([l.heading, text.slice(l.headingStart, textEnd), text.slice(l.start, l.end)]);
		}
		return out;
	}

	it("reports a paragraph underlined with = or - as a heading, on its underline", () => {
		expect(headings("Title\n=====\ntext\n---\n")).toEqual([
			[1, "Title", "====="],
			[2, "text", "---"],
		]);
		expect(headings("Title\r\n===\r\n\r\nSub\r\n-\r\n")).toEqual([
			[1, "Title", "==="],
			[2, "Sub", "-"],
		]);
	});

	it("accepts up to three spaces before the text and the underline, and trailing space", () => {
		expect(headings("   Title\n   ===  \t\n")).toEqual([[1, "   Title", "   ===  \t"]]);
		expect(headings("Title\n- \n")).toEqual([[2, "Title", "- "]]);
	});

	it("takes a multi-line paragraph as the heading's text", () => {
		expect(headings("one\n  two\nthree\n---\n")).toEqual([[2, "one\n  two\nthree", "---"]]);
	});

	it("underlines a paragraph that follows an ATX heading, a thematic break or a fence", () => {
		expect(headings("# Top\nText\n---\n")).toEqual([
			[1, "# Top", "# Top"],
			[2, "Text", "---"],
		]);
		expect(headings("***\nText\n===\n```\nx\n```\nMore\n---\n")).toEqual([
			[1, "Text", "==="],
			[2, "More", "---"],
		]);
	});

	it("starts a paragraph after a list when a line at column 0 follows a blank line", () => {
		expect(headings("- item\n\nText\n---\n")).toEqual([[2, "Text", "---"]]);
	});

	it.each([
		["a list item and a thematic break", "- item\n---\n"],
		["a lazy continuation line of an item", "- item\nlazy\n---\n"],
		["an item's indented paragraph after a blank line", "- item\n\n  more\n---\n"],
		["a blockquote and its lazy line", "> quote\nlazy\n---\n"],
		["a paragraph, a blank line and a thematic break", "Text\n\n---\n"],
		["a thematic break right after an ATX heading", "# Top\n---\n"],
		["a spaced thematic break", "Text\n- - -\n"],
		["a `*` line", "Text\n***\n"],
		["indented code", "    code\n---\n"],
		["an underline indented four spaces (paragraph text)", "Text\n    ---\n"],
		["an underline inside a fence", "Text\n```\n---\n```\n"],
		["a paragraph inside a fence", "```\nText\n---\n```\n"],
		["a paragraph inside a comment", "%%\nText\n---\n%%\n<!--\nText\n===\n-->\n"],
		["a comment line", "%% c %%\n---\n"],
		["an HTML block", "<div>\nText\n---\n"],
		["= under a list item (lazy text)", "- item\n===\n"],
	])("does not take %s for a setext heading", (_, text) => {
		expect(headings(text).filter(([, , line]) => !line.startsWith("#"))).toEqual([]);
	});

	it("marks the lines of a top-level paragraph, and only those", () => {
		const text = "Para\nmore\n- item\nlazy\n\n> q\n";
		const s = new LineScanner(text, 0);
		const starts: [string, number][] = [];
		while (s.next()) starts.push([text.slice(s.line.start, s.line.end), s.line.paragraphStart]);
		expect(starts).toEqual([
			["Para", 0],
			["more", 0],
			["- item", -1],
			["lazy", -1],
			["", -1],
			["> q", -1],
		]);
	});
});

describe("findLogSection", () => {
	const section = (text: string, heading = "## Interactions") => {
		const s = findLogSection(text, 0, heading);
		return s && { heading: text.slice(s.headingStart, s.headingEnd), body: text.slice(s.contentStart, s.end), level: s.level };
	};

	it.each(["# interactions", "## Interactions", "### Interactions  ", "###### INTERACTIONS", "  ## Interactions ##"])(
		"matches %j at any level, in any case",
		(h) => {
			expect(section(`intro\n${h}\n- x\n`)?.heading).toBe(h);
		},
	);

	it("runs to the next heading of the same or a higher level", () => {
		expect(section("## Interactions\n- a\n### Sub\n- b\n## Next\n- c\n")).toEqual({
			heading: "## Interactions",
			body: "- a\n### Sub\n- b\n",
			level: 2,
		});
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

	it.each([
		[
			"level 1",
			"intro\n\nInteractions\n============\n- x\n# Next\n",
			{ heading: "Interactions\n============", body: "- x\n", level: 1 },
		],
		["level 2", "Interactions\n------------\n\n- x\n## Next\n", { heading: "Interactions\n------------", body: "\n- x\n", level: 2 }],
		["CRLF", "Interactions\r\n---\r\n- x\r\n## Next\r\n", { heading: "Interactions\r\n---", body: "- x\r\n", level: 2 }],
		["indented, in another case", "  INTERACTIONS  \n   ===\n- x", { heading: "  INTERACTIONS  \n   ===", body: "- x", level: 1 }],
	])("finds a setext log heading: %s", (_, text, want) => {
		expect(section(text)).toEqual(want);
	});

	it("matches a setext heading by its whole paragraph", () => {
		expect(section("Stay in\ntouch\n---\n- x\n", "Stay in touch")?.body).toBe("- x\n");
		expect(section("Interactions\nand more\n---\n- x\n")).toBeNull();
	});

	it.each([
		["a list item then ---", "- Interactions\n---\n"],
		["a blank line before ---", "Interactions\n\n---\n"],
		["a lazy line of a list item", "- a\nInteractions\n---\n"],
		["a fence", "```\nInteractions\n---\n```\n"],
		["a comment", "%%\nInteractions\n===\n%%\n"],
	])("finds no setext log heading in %s", (_, text) => {
		expect(section(text)).toBeNull();
	});

	it("ends the section at a setext heading of the same or a higher level, where its text starts", () => {
		expect(section("## Interactions\n- a\n\nOther\n-----\n- b\n")?.body).toBe("- a\n\n");
		expect(section("## Interactions\n- a\n\nTop\none\n=====\n")?.body).toBe("- a\n\n");
		// A lazy line of the item and `=====` are the item's text; a deeper setext heading is in the log.
		expect(section("## Interactions\n- a\nOther\n=====\n")?.body).toBe("- a\nOther\n=====\n");
		expect(section("# Interactions\n- a\n\nSub\n---\n- b\n")?.body).toBe("- a\n\nSub\n---\n- b\n");
	});

	it("does not end the section at a thematic break", () => {
		expect(section("## Interactions\n- a\n---\n- b\n\nText\n\n---\n- c\n")?.body).toBe("- a\n---\n- b\n\nText\n\n---\n- c\n");
	});

	it("reads a closing sequence in the setting as the note does", () => {
		expect(section("## Interactions ##\n- x\n", "## Interactions ##")?.body).toBe("- x\n");
		expect(section("## Interactions\n- x\n", "## Interactions ##")?.body).toBe("- x\n");
	});

	it("handles the heading as the last line without a break", () => {
		expect(section("a\n## Interactions")).toEqual({ heading: "## Interactions", body: "", level: 2 });
	});
});
