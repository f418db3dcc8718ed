import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyEdits, lineEdits, splitLinesKeepEnds } from "../../src/core/line-diff";

describe("lineEdits", () => {
	it("describes an insertion and a replaced line as two small edits", () => {
		const before = "---\nlast_contact: 2026-01-01\n---\nBody\n## Interactions\n- 2026-01-01 — call\n\nMore\n";
		const after = "---\nlast_contact: 2026-11-26\n---\nBody\n## Interactions\n- 2026-01-01 — call\n- 2026-11-26 — call\n\nMore\n";
		const edits = lineEdits(before, after);
		expect(edits).toEqual([
			{ from: 4, to: 29, text: "last_contact: 2026-11-26\n" },
			{ from: 74, to: 74, text: "- 2026-11-26 — call\n" },
		]);
		expect(applyEdits(before, edits)).toBe(after);
	});

	it("keeps a replaced line a replacement when the old line occurs again further on", () => {
		// The body repeats the old frontmatter line; it is the last line and gains a line break.
		const before = "---\nlast_contact: 2026-11-01\n---\n## Interactions\nlast_contact: 2026-11-01";
		const after = "---\nlast_contact: 2026-11-02\n---\n## Interactions\nlast_contact: 2026-11-01\n- 2026-11-02 — call";
		const edits = lineEdits(before, after);
		expect(edits).toEqual([
			{ from: 4, to: 29, text: "last_contact: 2026-11-02\n" },
			{ from: 73, to: 73, text: "\n- 2026-11-02 — call" },
		]);
		expect(applyEdits(before, edits)).toBe(after);
	});

	it("appends below a last line without a line break, leaving that line alone", () => {
		expect(lineEdits("# Ann", "---\nlast_contact: 2026-11-02\n---\n# Ann\n- 2026-11-02 — call")).toEqual([
			{ from: 0, to: 0, text: "---\nlast_contact: 2026-11-02\n---\n" },
			{ from: 5, to: 5, text: "\n- 2026-11-02 — call" },
		]);
		expect(lineEdits("a\r\n# Ann", "a\r\n# Ann\r\n- x")).toEqual([{ from: 8, to: 8, text: "\r\n- x" }]);
	});

	it("keeps a line inserted before two equal lines an insertion", () => {
		const before = "## Interactions\n\n\nMore\n";
		const after = "## Interactions\n- 2026-11-02 — call\n\n\nMore\n";
		expect(lineEdits(before, after)).toEqual([{ from: 16, to: 16, text: "- 2026-11-02 — call\n" }]);
	});

	it("keeps a missing final newline and CRLF exact", () => {
		expect(splitLinesKeepEnds("a\r\nb")).toEqual(["a\r\n", "b"]);
		const before = "a\r\nb";
		const after = "a\r\nx\r\nb";
		expect(applyEdits(before, lineEdits(before, after))).toBe(after);
	});

	it("reproduces any target from any source", () => {
		const text = fc.array(fc.constantFrom("a\n", "b\n", "\n", "c", "- x\r\n", "---\n"), { maxLength: 12 }).map((l) => l.join(""));
		fc.assert(
			fc.property(text, text, (before, after) => {
				expect(applyEdits(before, lineEdits(before, after))).toBe(after);
			}),
			{ numRuns: 2000 },
		);
	});
});
