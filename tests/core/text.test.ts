import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endsLower, startsLower } from "../../src/core/text";

// Characters whose lowercase is ASCII or longer than themselves, mixed with ASCII of both cases.
const tricky = fc.constantFrom("K", "k", "\u212A", "I", "i", "\u0130", "\u03A3", "/", ".", "M", "d", "D", "é", "É", "a", "P");
const texts = fc.array(tricky, { maxLength: 12 }).map((chars) => chars.join(""));
const lowerAscii = fc.array(fc.constantFrom("k", "i", "/", ".", "m", "d", "a", "p"), { maxLength: 5 }).map((c) => c.join(""));

describe("startsLower and endsLower: toLowerCase().startsWith/endsWith without the copy", () => {
	it("agree with toLowerCase on paths with characters whose lowercase is ASCII or longer", () => {
		fc.assert(
			fc.property(texts, lowerAscii, (text, affix) => {
				expect(startsLower(text, affix)).toBe(text.toLowerCase().startsWith(affix));
				expect(endsLower(text, affix)).toBe(text.toLowerCase().endsWith(affix));
			}),
			{ numRuns: 5000 },
		);
	});

	it("cases that need the lowercase copy", () => {
		expect(startsLower("\u212Aontacts/Ann.md", "kontacts/")).toBe(true);
		expect(endsLower("Notes/Ann.\u212A", ".k")).toBe(true);
		expect(endsLower("\u0130", "i")).toBe(false);
		expect(startsLower("PEOPLE/Ann.md", "people/")).toBe(true);
		expect(endsLower("Ann.MD", ".md")).toBe(true);
		expect(endsLower("md", ".md")).toBe(false);
	});
});
