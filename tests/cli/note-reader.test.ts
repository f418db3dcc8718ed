import { describe, expect, it } from "vitest";
import fc from "fast-check";
import matter from "gray-matter";
import { parseNote, parseYaml } from "../../src/cli/note-reader";

/**
 * gray-matter over the whole note, as the reader did before it passed only the frontmatter, when
 * the note opens a frontmatter the way Obsidian does (`---` alone on the first line).
 */
function wholeNote(text: string): { data: unknown; body: string } {
	const content = text.replace(/^\uFEFF/, "");
	if (!/^---[ \t]*\r?\n/.test(content)) return { data: {}, body: content };
	const boxed = (source: string): object => {
		const data = parseYaml(source);
		return typeof data === "object" && data !== null && !Array.isArray(data) ? data : { boxed: data };
	};
	const parsed = matter(content, { excerpt: false, engines: { yaml: boxed } });
	const data = parsed.data as Record<string, unknown>;
	return { data: "boxed" in data && Object.keys(data).length === 1 ? data.boxed : data, body: parsed.content };
}

/** gray-matter drops one line break after a closing `---`; the tags in the body do not depend on it. */
function withoutLeadingBreak(body: string): string {
	return body.replace(/^\r/, "").replace(/^\n/, "");
}

describe("parseNote", () => {
	it.each([
		["plain frontmatter", "---\ncadence: monthly\n---\nBody #person\n"],
		["no frontmatter", "Just text #person\n---\nnot: yaml\n"],
		["unclosed", "---\ncadence: monthly\n#person\n"],
		["four dashes is not frontmatter", "----\ncadence: monthly\n---\nbody\n"],
		["a language after the fence (not frontmatter in Obsidian)", "---yaml\ncadence: monthly\n---\nbody\n"],
		["spaces after the fence", "--- \t\ncadence: monthly\n---\nbody\n"],
		["closing line with text after it", "---\ncadence: monthly\n--- #person\nbody\n"],
		["empty frontmatter", "---\n---\n#person\n"],
		["CRLF and a BOM", "\uFEFF---\r\ncadence: weekly\r\n---\r\n#person\r\n"],
		["a list", "---\n- a\n- b\n---\nbody\n"],
	])("reads %s as gray-matter reads the whole note", (_, text) => {
		const ours = parseNote(text);
		const reference = wholeNote(text);
		expect(ours.data).toEqual(reference.data);
		expect([ours.body, withoutLeadingBreak(ours.body)]).toContain(reference.body);
	});

	it.each(["js", "javascript", "JS", " js"])("never runs `---%s` frontmatter, which Obsidian reads as no frontmatter", (language) => {
		const text = `---${language}\n{ cadence: (globalThis.ranFromNote = "monthly") }\n---\n#person\n`;
		expect(parseNote(text)).toEqual({ data: {}, body: text });
		expect("ranFromNote" in globalThis).toBe(false);
	});

	it("agrees with gray-matter over the whole note on generated notes", () => {
		const line = fc.constantFrom("---", "--- ", "----", "--- x", "---yaml", "---js", "cadence: monthly", "tags: [person]", "#person", "", "text", "- item", "\r", "key: [broken");
		fc.assert(
			fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, crlf) => {
				const text = lines.join(crlf ? "\r\n" : "\n");
				let reference: { data: unknown; body: string } | Error;
				try {
					reference = wholeNote(text);
				} catch (error) {
					reference = error as Error;
				}
				if (reference instanceof Error) {
					expect(() => parseNote(text)).toThrow();
					return;
				}
				const ours = parseNote(text);
				expect(ours.data).toEqual(reference.data);
				expect([ours.body, withoutLeadingBreak(ours.body)]).toContain(reference.body);
			}),
			{ numRuns: 2000 },
		);
	});
});
