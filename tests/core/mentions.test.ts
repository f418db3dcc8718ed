import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core/dates";
import { countedLinkpaths, linkpathOf, MentionIndex, ownAliasKeys, silentSpans, unresolvedKey } from "../../src/core/mentions";
import { noteLinks } from "../../src/core/note-links";
import { parseNote } from "../runtime/markdown";

/** The plugin's path: links, sections and list items from the (runtime's) metadata cache. */
function viaCache(text: string): string[] {
	const cache = parseNote(text).cache;
	const links = (cache.links ?? []).map((l) => ({ link: l.link, offset: l.position.start.offset }));
	return countedLinkpaths(links, silentSpans(cache.sections, cache.listItems));
}

/** The CLI's path: the same facts read from the text. */
function viaText(text: string): string[] {
	const { links, silent } = noteLinks(text);
	return countedLinkpaths(links, silent);
}

/** Each case: a journal note's text and the people it counts as contact with. */
const CASES: [string, string, string[]][] = [
	["a plain link", "Lunch with [[Ada Lovelace]].\n", ["Ada Lovelace"]],
	["a link with a display text", "Met [[Ada Lovelace|Ada]] today\n", ["Ada Lovelace"]],
	["a heading sub-link", "See [[Ada Lovelace#Work]]\n", ["Ada Lovelace"]],
	["a block sub-link", "See [[Ada Lovelace^abc123]]\n", ["Ada Lovelace"]],
	["a path link with .md", "Call with [[People/Ada Lovelace.md]]\n", ["People/Ada Lovelace"]],
	["a markdown link", "Call with [Ada](People/Ada%20Lovelace.md)\n", ["People/Ada Lovelace"]],
	["a done task", "- [x] called [[Ada Lovelace]]\n", ["Ada Lovelace"]],
	["a plain list item", "- coffee with [[Bob]]\n  - and [[Cy]] joined\n", ["Bob", "Cy"]],
	["two people, one twice", "[[Ada]] and [[Bob]], then [[Ada|her]] again\n", ["Ada", "Bob"]],
	["an open task is an intention", "- [ ] call [[Ada Lovelace]]\n", []],
	["a cancelled task", "- [-] lunch with [[Ada]]\n", []],
	["a quote", "> [[Ada]] said so\n", []],
	["a callout", "> [!note] Follow up\n> with [[Ada]]\n", []],
	["a code block", "```\n[[Ada]]\n```\n", []],
	["a tilde fence", "~~~md\n[[Ada]]\n~~~\n", []],
	["inline code", "Type `[[Ada]]` to link\n", []],
	["an embed", "![[Ada]]\n", []],
	["an Obsidian comment", "%% [[Ada]] %%\n", []],
	["a comment over lines", "%%\n[[Ada]]\n%%\n", []],
	["an HTML comment", "<!-- [[Ada]] -->\n", []],
	["math", "$$\n[[Ada]]\n$$\n", []],
	["frontmatter links", '---\nattendees: "[[Ada]]"\n---\nNotes\n', []],
	["a URL is no note", "See [site](https://example.com) and [[Bob]]\n", ["Bob"]],
	["text after an inline comment counts", "%% x %% then [[Bob]]\n", ["Bob"]],
	["CRLF", "Lunch with [[Ada]].\r\n- [ ] call [[Bob]]\r\n", ["Ada"]],
	["a box with no space after it is no task", "- [ ]call [[Ada]]\n", ["Ada"]],
	["a paragraph indented under an open task is the task's", "- [ ] call\n\n  [[Ada]] about it\n", []],
	["so is one under a numbered open task", "1. [ ] call\n\n   [[Ada]] later\n", []],
	["and under a nested open task", "- a\n  - [ ] call\n\n    [[Ada]]\n", []],
	["a paragraph not indented to the task's text is not", "- [ ] call\n\n [[Ada]]\n", ["Ada"]],
	["nor one at the margin", "- [ ] call\n\nMet [[Ada]]\n", ["Ada"]],
	["a paragraph tab-indented under an open task is the task's", "- [ ] call\n\n\t[[Ada]]\n", []],
	["so is one under a tab-indented open task", "\t- [ ] call\n\n\t\t[[Ada]]\n", []],
];

describe("which links in a journal note count as contact", () => {
	it.each(CASES)("%s", (_, text, expected) => {
		expect(viaText(text)).toEqual(expected);
		expect(viaCache(text)).toEqual(expected);
	});

	// Generated notes are made of well-formed pieces: block markers on lines of their own, inline
	// pieces after an optional list, task or quote marker. Comment markers and fences that open
	// inside each other are left out: Obsidian itself reads such text in ways no rule should copy.
	it("the text scanner and the cache agree on generated notes", () => {
		const inline = fc.constantFrom("[[Ada]]", "[[Bob|B]]", "![[Cy]]", "`[[Dee]]`", "%% [[Eve]] %%", "text", "[Zed](Zed.md)");
		const block = fc.constantFrom("```\n[[Lee]]\n```", "$$\n[[Mo]]\n$$", "%%\n[[Jo]]\n%%", "<!-- [[Kim]]\n-->", "");
		const marker = fc.constantFrom("", "", "- ", "  - ", "- [ ] ", "- [x] ", "  - [ ] ", "> ", "1. ");
		const line = fc.oneof(
			block,
			fc.tuple(marker, fc.array(inline, { minLength: 1, maxLength: 3 })).map(([m, parts]) => m + parts.join(" ")),
		);
		fc.assert(
			fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
				const text = lines.join("\n");
				expect(viaText(text)).toEqual(viaCache(text));
			}),
			{ numRuns: 500 },
		);
	});

	it("reads a megabyte of hostile text in one pass", () => {
		for (const unit of ["[[", "`", "%%", "<!--", "[a](", "- [ ] [[x", "$$\n", "```\n", "> [[", "]]"]) {
			const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
			expect(Array.isArray(viaText(text))).toBe(true);
		}
	});
});

describe("link paths", () => {
	it.each([
		["Ada Lovelace", "Ada Lovelace"],
		["Ada Lovelace#Work", "Ada Lovelace"],
		["Ada Lovelace^block", "Ada Lovelace"],
		["People/Ada.md", "People/Ada"],
		[" Ada ", "Ada"],
		["#Heading", ""],
	])("%s → %s", (link, path) => {
		expect(linkpathOf(link)).toBe(path);
	});

	it("an unresolved link stands for its last segment, any case and composition", () => {
		expect(unresolvedKey("People/ADA")).toBe(unresolvedKey("ada"));
		expect(unresolvedKey("Zoe\u0301")).toBe(unresolvedKey("Zoé"));
	});
});

describe("MentionIndex", () => {
	const d = (iso: string) => dayFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

	it("lists a person's mentions newest first, by path and by an alias they alone have", () => {
		const index = new MentionIndex();
		index.set("Daily/2026-11-20.md", d("2026-11-20"), ["People/Ada.md"]);
		index.set("Daily/2026-11-22.md", d("2026-11-22"), [unresolvedKey("Countess")]);
		index.set("Daily/2026-11-21.md", d("2026-11-21"), ["People/Bob.md"]);
		const keys = ownAliasKeys(["Countess"], () => 1);
		expect(index.mentionsOf("People/Ada.md", keys)).toEqual([
			{ day: d("2026-11-22"), path: "Daily/2026-11-22.md" },
			{ day: d("2026-11-20"), path: "Daily/2026-11-20.md" },
		]);
		// An alias two people share names neither.
		expect(ownAliasKeys(["Countess"], () => 2)).toEqual([]);
	});

	it("says which targets a changed note touched, before and after", () => {
		const index = new MentionIndex();
		expect(index.set("Daily/a.md", d("2026-11-20"), ["People/Ada.md"])).toEqual(["People/Ada.md"]);
		expect(index.set("Daily/a.md", d("2026-11-20"), ["People/Bob.md"]).sort()).toEqual(["People/Ada.md", "People/Bob.md"]);
		expect(index.mentionsOf("People/Ada.md", [])).toEqual([]);
		expect(index.set("Daily/a.md", null, [])).toEqual(["People/Bob.md"]);
		expect(index.size).toBe(0);
		expect(index.delete("Daily/a.md")).toEqual([]);
	});

	it("never counts a note as mentioning itself", () => {
		const index = new MentionIndex();
		index.set("People/Ada.md", d("2026-11-20"), ["People/Ada.md"]);
		expect(index.mentionsOf("People/Ada.md", [])).toEqual([]);
	});
});
