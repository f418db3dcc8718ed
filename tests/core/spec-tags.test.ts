/**
 * SPEC "Person notes": "frontmatter tags and inline tags both count", in the plugin (Obsidian's
 * metadata cache) and in the CLI (core/tags.ts over the file) alike. The test runtime's markdown
 * parser models which text Obsidian takes tags from; the CLI's reader must find the same tags.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inlineTags } from "../../src/core/tags";
import { getAllTags, parseNote } from "../runtime/markdown";

function obsidianTags(body: string): string[] {
	const tags = getAllTags(parseNote(body).cache) ?? [];
	return [...new Set(tags.map((t) => t.replace(/^#/, "").toLowerCase()))].sort();
}

function cliTags(body: string): string[] {
	return [...new Set(inlineTags(body))].sort();
}

describe("SPEC: inline tags are read as Obsidian reads them", () => {
	it.each([
		["an inline %% comment", "Met Sam %% #person %% at the fair."],
		["a %% comment over lines", "Notes\n%%\nmaybe #person\n%%\nafter #work"],
		["a $$ math block", "Formula\n$$\n#person\n$$\nthen #work"],
		["a one-line $$ block", "$$ #person $$\n#work"],
		["an HTML comment over lines", "<!--\n#person\n-->\n#work"],
		["a tag after a closed comment", "%% hidden %% and then #person"],
		["a comment left open to the end", "text #work %% never closed\n#person"],
	])("%s", (_name, body) => {
		expect(cliTags(body)).toEqual(obsidianTags(body));
	});

	it("takes a comment marker inside inline code as text, as the log scanner does", () => {
		const body = "Write `%%` or `<!--` to comment #tag1\nnext line #tag2\n";
		expect(cliTags(body)).toEqual(["tag1", "tag2"]);
		expect(obsidianTags(body)).toEqual(["tag1", "tag2"]);
	});

	// Two mixes: comments with inline code, and math with code. A `%%` inside a math block, or a
	// fence line inside a comment, is not pinned down in the Obsidian model either.
	it.each([
		[
			"comments and inline code",
			["#person", "#work", "text", "%%", "<!--", "-->", "`code #x`", "(#y)"],
			["%%", "<!--", "-->", "", "# Heading #h"],
		],
		["math and code", ["#person", "#work", "text", "$$", "`code #x`", "(#y)"], ["```", "~~~", "$$", "", "# Heading #h"]],
	])("agrees with the Obsidian model on random notes mixing %s", (_name, pieces, whole) => {
		const line = fc.oneof(
			fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }).map((ws) => ws.join(" ")),
			fc.constantFrom(...whole),
		);
		fc.assert(
			fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
				const body = `${lines.join("\n")}\n`;
				expect(cliTags(body)).toEqual(obsidianTags(body));
			}),
			{ numRuns: 2000 },
		);
	});
});
