/**
 * Every parser fed by note text returns on a megabyte of hostile text, without throwing, and
 * with something sane: a message a sidebar can show, a bounded list of query mistakes, tags that
 * are tags. No timing is asserted (speeds are measured in `bench/suite.ts`); the inputs are 1 MB
 * runs, so a parser that turned quadratic would hold this file for minutes where it takes seconds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planImport } from "../../src/core/import/plan";
import { readContactsText } from "../../src/core/import/read";
import { defaultSettings } from "../../src/core/settings";
import {
	HOSTILE_CONTACT_FILES,
	HOSTILE_INPUTS,
	hostileText,
	MEGABYTE,
	PREFIXES,
	SUFFIXES,
	TEXT_PARSERS,
	UNITS,
	type TextParser,
} from "./hostile-inputs";

/** The query parser's limit on a whole query (`parse.ts`). */
const QUERY_LIMIT = 100_000;
const QUERY = TEXT_PARSERS.find((p) => p.name === "query") as TextParser;

/** Long enough for any message worth reading; a megabyte of input must not come back in one. */
const MAX_MESSAGE = 1500;

function isMessage(value: unknown): boolean {
	return typeof value === "string" && value !== "" && value.length <= MAX_MESSAGE;
}

/** `{ ok: true, … }` or `{ ok: false, error }` with a readable error. */
function isParse(result: unknown): boolean {
	const r = result as { ok?: unknown; error?: unknown };
	return r.ok === true || (r.ok === false && isMessage(r.error));
}

function isStringList(result: unknown): boolean {
	return Array.isArray(result) && result.every((item) => typeof item === "string");
}

/** What each parser's result must look like, whatever it was fed. */
const SANE: Record<string, (result: unknown) => boolean> = {
	cadence: isParse,
	"date property": isParse,
	"typed date": isParse,
	"written date without a year": (r) => {
		const kind = (r as { kind: string }).kind;
		return kind === "date" || kind === "none" || (kind === "problem" && isMessage((r as { error: unknown }).error));
	},
	favor: (r) => typeof (r as { text: unknown }).text === "string",
	"favor without its date": (r) => typeof r === "string",
	"favor list item": (r) => typeof r === "string",
	"favor to resolve": (r) => Number.isInteger(r) && (r as number) >= -1 && (r as number) <= 2,
	"inline tags": (r) => isStringList(r) && (r as string[]).every((tag) => tag !== "" && tag === tag.toLowerCase()),
	"frontmatter tags": isStringList,
	"tag check": (r) => typeof r === "boolean",
	"key spelling": (r) => typeof r === "string",
	"key index": isStringList,
	"key lookup": (r) => typeof r === "string",
	"typo suggestion": (r) => r === undefined || typeof r === "string",
	query: (r) => {
		const q = r as { ok: boolean; errors?: { message: string }[] };
		// Twenty mistakes and a line saying more were left out, at most.
		return q.ok || (q.errors !== undefined && q.errors.length <= 21 && q.errors.every((e) => isMessage(e.message)));
	},
	// A mapping it is sure of, or undefined (js-yaml decides): never a guess, never an exception.
	"CLI fast YAML path": (r) => r === undefined || (typeof r === "object" && r !== null && !Array.isArray(r)),
	"CLI fast YAML path, a value": (r) => r === undefined || (typeof r === "object" && r !== null && "cadence" in r),
	"log: newest entry": (r) => r === null || Number.isInteger(r),
	"log: every entry date": (r) => Array.isArray((r as { days: unknown }).days),
	"contacts file": isParse,
	"contacts file: a vCard": isParse,
	"contacts file: LinkedIn rows": isParse,
	CSV: isParse,
};

function check(parser: TextParser, text: string): void {
	let result: unknown;
	expect(() => (result = parser.parse(text)), `${parser.name} threw`).not.toThrow();
	const sane = SANE[parser.name];
	expect(sane, `no check for ${parser.name}`).toBeDefined();
	expect(sane(result), `${parser.name} returned ${JSON.stringify(result)?.slice(0, 300)}`).toBe(true);
}

describe("parsers on a megabyte of hostile text", () => {
	it.each(HOSTILE_INPUTS.map((input) => [input.name, input] as const))("%s", (_, input) => {
		const text = hostileText(input, MEGABYTE);
		for (const parser of TEXT_PARSERS) check(parser, text);
	});

	// A megabyte of query is refused unread: just under the limit, every line is read.
	it.each(HOSTILE_INPUTS.map((input) => [input.name, input] as const))("query just under its length limit: %s", (_, input) => {
		check(QUERY, hostileText(input, QUERY_LIMIT - 100).slice(0, QUERY_LIMIT));
	});

	it("any prefix, run and suffix, up to a megabyte", () => {
		const texts = fc
			.record({
				prefix: fc.constantFrom(...PREFIXES),
				unit: fc.constantFrom(...UNITS),
				suffix: fc.constantFrom(...SUFFIXES),
				size: fc.integer({ min: 1, max: MEGABYTE }),
			})
			.map(({ size, ...input }) => hostileText({ name: "", ...input }, size));
		fc.assert(
			fc.property(texts, fc.constantFrom(...TEXT_PARSERS), (text, parser) => check(parser, text)),
			{ numRuns: 100 },
		);
	});

	it("and on short text of any kind", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
				for (const parser of TEXT_PARSERS) check(parser, text);
			}),
			{ numRuns: 50 },
		);
	});
});

describe("contacts files of many different values", () => {
	// 100,000 values: linear, a second or so; searched again per value, minutes (over the test's timeout).
	it.each(HOSTILE_CONTACT_FILES.map((f) => [f.name, f] as const))("%s: read and planned", (_, f) => {
		const read = readContactsText(f.make(100_000));
		expect(isParse(read)).toBe(true);
		if (!read.ok) return;
		const plan = planImport(read, [], defaultSettings(), () => false);
		expect(plan.rows.length).toBeGreaterThan(0);
	});
});
