import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatQuery, formatQueryError, parseQuery, runQuery, COLUMNS, GROUP_FIELDS, SORT_FIELDS } from "../../../src/core/query";
import { ctx, people, tiers } from "./fixtures";

/** A keyword phrase in random case with random spacing between its words. */
function keyword(phrase: string): fc.Arbitrary<string> {
	const words = phrase.split(" ");
	return fc
		.tuple(
			fc.constantFrom<(w: string) => string>(
				(w) => w,
				(w) => w.toUpperCase(),
				(w) => w[0].toUpperCase() + w.slice(1),
			),
			fc.array(fc.constantFrom(" ", "  ", "\t"), { minLength: words.length, maxLength: words.length }),
		)
		.map(([cased, gaps]) => words.map((w, i) => (i === 0 ? "" : gaps[i]) + cased(w)).join(""));
}

function instruction(phrase: string, arg?: fc.Arbitrary<string>): fc.Arbitrary<string> {
	if (!arg) return keyword(phrase);
	return fc.tuple(keyword(phrase), arg).map(([k, a]) => `${k} ${a}`);
}

const length = fc
	.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom("", "d", " days", "w", " weeks", " month", " months", "y", " years"))
	.map(([n, u]) => `${n}${u}`);
const positiveLength = length.filter((l) => !/^0+\D*$/.test(l));
const isoDate = fc
	.tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
	.map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const date = fc.oneof(
	isoDate,
	fc.constantFrom("today", "yesterday", "last friday", "monday"),
	fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom("days", "weeks", "months", "years")).map(([n, u]) => `${n} ${u} ago`),
);
const cadence = fc.constantFrom(
	"weekly",
	"monthly",
	"2w",
	"4-6 weeks",
	"close",
	"Inner",
	"every 3 months",
	"P1M",
	"30",
	"every other week",
	"yearly",
);
/** Free text without line separators; quotes, `#` and Unicode included. */
const text = fc
	.string({ unit: "grapheme", minLength: 1, maxLength: 12 })
	.filter((s) => !/[\n\r;]/.test(s) && s.trim() !== "" && s !== '""');
// Tags Obsidian reports: no empty part between slashes (`a//b` is refused as no tag).
const tag = fc.stringMatching(/^#?[A-Za-z][\w-]{0,5}(?:\/[\w-]{1,4}){0,2}\/?$/);
const folder = fc.stringMatching(/^\/?[A-Za-z][\w ./-]{0,14}[A-Za-z0-9]\/?$/);

const filterLine: fc.Arbitrary<string> = fc.oneof(
	...[
		"overdue",
		"due",
		"due soon",
		"snoozed",
		"untracked",
		"never contacted",
		"has owed favors",
		"owes me",
		"has favors",
		"has problems",
	].map((p) => instruction(p)),
	instruction("status is", fc.constantFrom("overdue", "due", "soon", "never", "ok", "snoozed", "untracked")),
	instruction("due within", length),
	instruction("birthday within", length),
	instruction("contacted since", date),
	instruction("contacted before", date),
	instruction("tag", tag),
	instruction("folder", folder),
	instruction("name includes", text),
	instruction("cadence", cadence),
	instruction("cadence at most", positiveLength),
	instruction("cadence at least", positiveLength),
);

const negatedFilter = fc.tuple(fc.integer({ min: 0, max: 2 }), filterLine).map(([n, line]) => `${"not ".repeat(n)}${line}`);
const sortLine = instruction(
	"sort by",
	fc.tuple(fc.constantFrom(...SORT_FIELDS), fc.boolean()).map(([f, r]) => (r ? `${f} reverse` : f)),
);
const columnsArg = fc.uniqueArray(fc.constantFrom(...COLUMNS), { minLength: 1 }).map((cols) => cols.join(", "));

const queryText = fc
	.record({
		filters: fc.array(negatedFilter, { maxLength: 6 }),
		sorts: fc.array(sortLine, { maxLength: 3 }),
		group: fc.option(instruction("group by", fc.constantFrom(...GROUP_FIELDS))),
		limit: fc.option(instruction("limit", fc.integer({ min: 1, max: 30 }).map(String))),
		columns: fc.option(instruction("columns", columnsArg)),
		explain: fc.boolean(),
		noise: fc.array(fc.constantFrom("", "   ", "# a comment", "#work"), { maxLength: 3 }),
		separator: fc.constantFrom("\n", ";", "\r\n", " ; "),
	})
	.chain((r) => {
		const lines = [
			...r.filters,
			...r.sorts,
			...[r.group, r.limit, r.columns].filter((l): l is string => l !== null),
			...(r.explain ? ["explain"] : []),
			...r.noise,
		];
		return fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }).map((shuffled) => {
			// Comments only work as whole lines: keep them out of `;`-joined text's middle pieces.
			const sep = r.separator;
			return shuffled.filter((l) => !(sep.includes(";") && l.startsWith("#"))).join(sep);
		});
	});

const FRAGMENTS = [
	"not",
	"overdue",
	"due",
	"soon",
	"within",
	"sort",
	"by",
	"group",
	"limit",
	"columns",
	"tag",
	"#",
	"#work",
	"folder",
	"name includes",
	"cadence",
	"at most",
	"contacted since",
	"2026-02-30",
	"3 months ago",
	"-1",
	"0",
	"99999999999999999999",
	",",
	";",
	"\n",
	'"',
	"reverse",
	"__proto__",
	"constructor",
	"toString",
	"\u0000",
	"\u2028",
	"𝕏",
	" ",
];

describe("parseQuery never throws", () => {
	const neverThrows = (s: string) => {
		const result = parseQuery(s, { tiers });
		if (!result.ok) {
			expect(result.errors.length).toBeGreaterThan(0);
			for (const e of result.errors) {
				expect(e.line).toBeGreaterThanOrEqual(1);
				expect(e.message).not.toBe("");
				expect(typeof formatQueryError(e)).toBe("string");
			}
			const lines = result.errors.map((e) => e.line);
			expect([...lines].sort((a, b) => a - b)).toEqual(lines);
		}
	};

	it("on ASCII strings", () => {
		fc.assert(fc.property(fc.string({ maxLength: 200 }), neverThrows), { numRuns: 500 });
	});

	it("on any code points", () => {
		fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), neverThrows), { numRuns: 500 });
	});

	it("on graphemes", () => {
		fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 100 }), neverThrows), { numRuns: 300 });
	});

	it("on strings built from instruction fragments", () => {
		const built = fc
			.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 25 })
			.map((parts) => parts.join(" "));
		fc.assert(fc.property(built, neverThrows), { numRuns: 1000 });
	});

	it("on a very long line", () => {
		neverThrows(`${"not ".repeat(20000)}overdue`);
		neverThrows("x".repeat(100000));
		neverThrows(`sort by ${"a".repeat(50000)}`);
	});
});

describe("valid queries", () => {
	it("parse, and formatQuery → parseQuery gives the same query back", () => {
		fc.assert(
			fc.property(queryText, (q) => {
				const first = parseQuery(q, { tiers });
				if (!first.ok) throw new Error(`${JSON.stringify(q)}: ${first.errors.map(formatQueryError).join("; ")}`);
				const canonical = formatQuery(first.query);
				const second = parseQuery(canonical, { tiers });
				expect(second).toEqual(first);
				if (second.ok) expect(formatQuery(second.query)).toBe(canonical);
			}),
			{ numRuns: 1000 },
		);
	});

	it("run without throwing; limit keeps a prefix of the full order and total counts every match", () => {
		fc.assert(
			fc.property(queryText, fc.shuffledSubarray(people), (q, rows) => {
				const parsed = parseQuery(q, { tiers });
				if (!parsed.ok) return;
				const result = runQuery(parsed.query, rows, ctx);
				expect(result.errors).toEqual([]);
				const unlimited = runQuery({ ...parsed.query, limit: null }, rows, ctx);
				expect(result.total).toBe(unlimited.rows.length);
				expect(result.rows).toEqual(unlimited.rows.slice(0, parsed.query.limit ?? undefined));
				// The input order never matters.
				expect(runQuery(parsed.query, [...rows].reverse(), ctx).rows).toEqual(result.rows);
				if (result.groups) {
					for (const group of result.groups) for (const row of group.rows) expect(result.rows).toContain(row);
					for (const row of result.rows) expect(result.groups.some((g) => g.rows.includes(row))).toBe(true);
				}
				expect(result.explanation === null).toBe(!parsed.query.explain);
			}),
			{ numRuns: 300 },
		);
	});
});
