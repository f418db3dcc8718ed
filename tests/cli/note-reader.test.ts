import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { frontmatterError } from "../../src/core/frontmatter-edit";
import { scanFrontmatter } from "../../src/core/frontmatter-bounds";
import { parseNote, parseYaml, UnreadableFrontmatter } from "../../src/cli/note-reader";

/**
 * Obsidian's rules, without gray-matter: the core's `scanFrontmatter` finds the block (a first
 * line `---`, closed by the next `---` line; spaces allowed after both), the plugin's own check
 * tells a never-closed frontmatter (an error, in the plugin's words) from a horizontal rule that
 * starts the note (no frontmatter), and the block is read by the same YAML, blank lines and
 * comments only being no properties.
 */
function obsidianRules(text: string): { data: unknown; body: string } {
	const content = text.replace(/^\uFEFF/, "");
	const scan = scanFrontmatter(content);
	if (scan.kind === "none") return { data: {}, body: content };
	if (scan.kind === "unclosed") {
		const problem = frontmatterError(content, parseYaml);
		if (problem !== null) throw new Error(problem);
		return { data: {}, body: content };
	}
	const source = content.slice(scan.block.yamlStart, scan.block.yamlEnd);
	const empty = source.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("#"));
	return { data: empty ? {} : parseYaml(source), body: content.slice(scan.bodyStart) };
}

const UNCLOSED = /^the frontmatter is not closed \(/;
const INVALID = /^the frontmatter is not valid YAML: \S/;

describe("parseNote", () => {
	it.each([
		["plain frontmatter", "---\ncadence: monthly\n---\nBody #person\n"],
		["no frontmatter", "Just text #person\n---\nnot: yaml\n"],
		["four dashes is not frontmatter", "----\ncadence: monthly\n---\nbody\n"],
		["a language after the fence (not frontmatter in Obsidian)", "---yaml\ncadence: monthly\n---\nbody\n"],
		["spaces after the fence", "--- \t\ncadence: monthly\n--- \t\nbody\n"],
		["empty frontmatter", "---\n---\n#person\n"],
		["comments only", "---\n# a comment\n#\n---\n#person\n"],
		["CRLF and a BOM", "\uFEFF---\r\ncadence: weekly\r\n---\r\n#person\r\n"],
		["a list", "---\n- a\n- b\n---\nbody\n"],
		["a `----` line inside, which does not close the block", "---\nwords\n----\n---\n#person\n"],
		["an unclosed horizontal rule (no frontmatter)", "---\n# Notes\ntext #person\n"],
		["only an opening line", "---"],
	])("reads %s by Obsidian's rules", (_, text) => {
		expect(parseNote(text)).toEqual(obsidianRules(text));
	});

	it("reads past a `----` line to the real closing line", () => {
		expect(parseNote("---\nwords\n----\n---\n#person\n")).toEqual({ data: "words ----", body: "#person\n" });
	});

	it.each([
		["`--- #person` inside the block", "---\ncadence: monthly\n--- #person\n---\nbody\n"],
		["a `----` line inside the block", "---\ncadence: monthly\n----\n---\nbody\n"],
	])("does not end the frontmatter at %s (the YAML around it is broken)", (_, text) => {
		expect(() => parseNote(text)).toThrow(UnreadableFrontmatter);
		expect(() => parseNote(text)).toThrow(INVALID);
		expect(() => obsidianRules(text)).toThrow();
	});

	it.each([
		["keys and a blank line", "---\ncadence: weekly\nlast_contact: 2026-10-01\n\n# Notes about her\nLikes tea."],
		["valid YAML all the way down", "---\ncadence: weekly\nlast_contact: 2026-10-01\n"],
		["a `--- #person` line where the closing one should be", "---\ncadence: monthly\n--- #person\nbody\n"],
		["a BOM and CRLF", "\uFEFF---\r\ncadence: weekly\r\n"],
	])("refuses an unclosed frontmatter with %s, in the plugin's words", (_, text) => {
		expect(() => parseNote(text)).toThrow(UnreadableFrontmatter);
		expect(() => parseNote(text)).toThrow(UNCLOSED);
		const plugin = frontmatterError(text, parseYaml);
		expect(plugin).toMatch(UNCLOSED);
		expect(() => parseNote(text)).toThrow(plugin ?? "");
	});

	it("words broken YAML as the plugin does", () => {
		expect(() => parseNote("---\ncadence: [weekly\n---\n")).toThrow(INVALID);
	});

	it.each(["js", "javascript", "JS", " js"])("never runs `---%s` frontmatter, which Obsidian reads as no frontmatter", (language) => {
		const text = `---${language}\n{ cadence: (globalThis.ranFromNote = "monthly") }\n---\n#person\n`;
		expect(parseNote(text)).toEqual({ data: {}, body: text });
		expect("ranFromNote" in globalThis).toBe(false);
	});

	it("agrees with Obsidian's rules on generated notes", () => {
		const line = fc.constantFrom(
			"---",
			"--- ",
			"----",
			"--- x",
			"--- #person",
			"---yaml",
			"---js",
			"cadence: monthly",
			"tags: [person]",
			"#person",
			"#",
			"",
			"text",
			"- item",
			"\r",
			"key: [broken",
		);
		fc.assert(
			fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), fc.boolean(), (lines, crlf, bom) => {
				const text = (bom ? "\uFEFF" : "") + lines.join(crlf ? "\r\n" : "\n");
				let reference: { data: unknown; body: string } | Error;
				try {
					reference = obsidianRules(text);
				} catch (error) {
					reference = error as Error;
				}
				if (reference instanceof Error) {
					expect(() => parseNote(text)).toThrow(UnreadableFrontmatter);
					expect(() => parseNote(text)).toThrow(UNCLOSED.test(reference.message) ? reference.message : INVALID);
					return;
				}
				expect(parseNote(text)).toEqual(reference);
			}),
			{ numRuns: 3000 },
		);
	});
});
