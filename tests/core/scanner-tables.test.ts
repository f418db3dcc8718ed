/**
 * Tables as the line scanner reads them, checked against the model of Obsidian's cache
 * (tests/runtime/markdown.ts): which lines are a table's, and which are headings, over random notes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineScanner, NOT_TABLE } from "../../src/core/line-scanner";
import { parseNote } from "../runtime/markdown";

const PIECES = [
	"| Date | Type |",
	"|---|---|",
	"| :-- | --: |",
	"--- | ---",
	"| 2026-11-20 | call |",
	"2026-11-20 | call",
	"a | b",
	"text",
	"more text",
	"",
	"---",
	"===",
	"- item",
	"- item | with a pipe",
	"## Heading",
];

/** Lines the scanner puts in a table (the header included) and its headings' last lines with levels. */
function scanned(text: string): { table: number[]; headings: string[] } {
	const s = new LineScanner(text, 0);
	const table: number[] = [];
	const headings: string[] = [];
	let line = 0;
	while (s.next()) {
		if (s.line.table !== NOT_TABLE) {
			if (table[table.length - 1] !== line - 1) table.push(line - 1);
			table.push(line);
		}
		if (s.line.heading !== 0) headings.push(`${line} ${s.line.heading}`);
		line++;
	}
	return { table, headings };
}

function modelled(text: string): { table: number[]; headings: string[] } {
	const cache = parseNote(text).cache;
	const table: number[] = [];
	for (const section of cache.sections ?? []) {
		if (section.type !== "table") continue;
		for (let l = section.position.start.line; l <= section.position.end.line; l++) table.push(l);
	}
	const headings = (cache.headings ?? []).map((h) => `${h.position.end.line} ${h.level}`);
	return { table, headings };
}

describe("tables in the line scanner", () => {
	it("agree with the cache model on random notes", () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (lines) => {
				// (A first line `---` would open frontmatter.)
				const text = `Intro.\n\n${lines.join("\n")}\n`;
				expect(scanned(text)).toEqual(modelled(text));
			}),
			{ numRuns: 2000 },
		);
	});
});
