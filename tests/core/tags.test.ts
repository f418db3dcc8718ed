/**
 * The tag readers on their own: frontmatter tag strings read in one pass give the words the
 * per-word reading gave, and long runs (slashes, comments) are read in one forward pass.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frontmatterTags, inlineTags, normalizeTag, withoutTrailingSlashes } from "../../src/core/tags";

/** The reading before it became one pass: split at commas and white space, then each word alone. */
function wordByWord(value: string): string[] {
	return value
		.split(/[,\s]+/)
		.map(normalizeTag)
		.filter((tag) => tag !== "");
}

describe("frontmatterTags on a string", () => {
	it("gives the words a word-by-word reading gives", () => {
		const piece = fc.constantFrom("#", "##", ",", " ", "\t", "\u00a0", "\u2028", "a", "Work", "ΑΣ", "ς", "İ", "ß", "/", "😀", "1");
		fc.assert(
			fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }), (pieces) => {
				const value = pieces.join("");
				expect(frontmatterTags({ tags: value })).toEqual(wordByWord(value));
			}),
			{ numRuns: 2000 },
		);
	});

	it("lowercases a Greek word as a word, whatever follows it", () => {
		expect(frontmatterTags({ tags: "ΟΔΟΣ, #ΟΔΟΣ ΟΔΟΣ" })).toEqual(["οδος", "οδος", "οδος"]);
	});
});

describe("long runs", () => {
	it("drops a run of trailing slashes, and only those", () => {
		expect(withoutTrailingSlashes("work/")).toBe("work");
		expect(withoutTrailingSlashes("a/b//")).toBe("a/b");
		expect(withoutTrailingSlashes("///")).toBe("");
		expect(withoutTrailingSlashes("a")).toBe("a");
		expect(withoutTrailingSlashes(`a${"/".repeat(1_000_000)}`)).toBe("a");
	});

	it("reads a tag of a megabyte of slashes", () => {
		expect(inlineTags(`#a${"/".repeat(1_000_000)}b`)).toEqual([`a${"/".repeat(1_000_000)}b`]);
	});

	it("reads a line of a hundred thousand comments and the tags between them", () => {
		expect(inlineTags(`#a ${"%%x%% #b ".repeat(100_000)}`)).toEqual(["a", ...Array<string>(100_000).fill("b")]);
		expect(inlineTags(`#a \`${"<!--x--> #b ".repeat(100_000)}`)).toEqual(["a", ...Array<string>(100_000).fill("b")]);
	});
});
