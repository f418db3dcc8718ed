import { describe, expect, it } from "vitest";
import { cellText, COLUMNS, formatQuery, GROUP_FIELDS, parseQuery, SORT_FIELDS, type Column, type Filter } from "../../../src/core/query";
import { FIELDS } from "../../../src/core/query/fields/registry";
import { people, tiers, today } from "./fixtures";

function errors(text: string): string[] {
	const result = parseQuery(text, { tiers });
	return result.ok ? [] : result.errors.map((e) => e.message);
}

const instructions = FIELDS.flatMap((field) =>
	(field.filters ?? []).flatMap((def) => def.instructions.map((instruction) => ({ field, def, instruction }))),
);
const heads = instructions.flatMap(({ instruction }) => instruction.heads);

describe("the field registry is the one place a field is defined", () => {
	it("makes every field a column, once, and nothing else", () => {
		expect([...COLUMNS].sort()).toEqual(FIELDS.map((f) => f.name).sort());
		expect(new Set(COLUMNS).size).toBe(COLUMNS.length);
		expect(errors("columns age")).toEqual([`'age' is not a column; columns are ${COLUMNS.join(", ")}`]);
	});

	it("offers exactly the fields' sorts and groups, in the messages too", () => {
		expect(SORT_FIELDS).toEqual(FIELDS.filter((f) => f.sort).map((f) => f.name));
		expect(GROUP_FIELDS).toEqual(FIELDS.flatMap((f) => (f.group ? [f.group.name] : [])));
		expect(errors("sort by age")).toEqual([`can sort by ${SORT_FIELDS.join(", ")}`]);
		expect(errors("group by age")).toEqual([`can group by ${GROUP_FIELDS.join(", ")}`]);
	});

	it("shows a cell for every field it can sort by", () => {
		for (const field of FIELDS.filter((f) => f.sort)) {
			for (const row of people) expect(cellText(field.name as Column, row, today)).toBe(field.cell(row, today));
		}
	});

	it("reads every filter head into a filter of the field that declares it", () => {
		for (const { def, instruction } of instructions) {
			for (const head of instruction.heads) {
				if (instruction.missing !== undefined) {
					expect(errors(head)).toEqual([instruction.missing]);
					continue;
				}
				const result = parseQuery(head, { tiers });
				expect(result.ok && result.query.filters[0].kind).toBe(def.kind);
				if (result.ok) expect(parseQuery(formatQuery(result.query), { tiers })).toEqual(result);
			}
		}
	});

	it("suggests the usage a field gives when only a head's first word is written", () => {
		for (const { instruction } of instructions) {
			const first = instruction.heads[0].split(" ")[0];
			if (first === instruction.heads[0] || heads.includes(first)) continue;
			expect(errors(first)[0]).toContain(instruction.usage);
		}
	});

	it("gives each head, filter kind, column word and sort word to one field only", () => {
		expect(new Set(heads).size).toBe(heads.length);
		const kinds = FIELDS.flatMap((f) => (f.filters ?? []).map((d) => d.kind));
		expect(new Set(kinds).size).toBe(kinds.length);
		const columnWords = FIELDS.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
		expect(new Set(columnWords).size).toBe(columnWords.length);
		const sortWords = FIELDS.flatMap((f) => (f.sort ? [f.name, ...(f.aliases ?? []), ...(f.sort.aliases ?? [])] : []));
		expect(new Set(sortWords).size).toBe(sortWords.length);
	});
});

describe("the Filter type built from the fields", () => {
	it("holds each field's filter shapes and no others", () => {
		const filters: Filter[] = [
			{ kind: "tag", tag: "work" },
			{ kind: "not", filter: { kind: "contacted", when: "since", date: "3 months ago" } },
			// @ts-expect-error a tag filter has no folder
			{ kind: "tag", folder: "People" },
			// @ts-expect-error no field defines this kind
			{ kind: "age", years: 3 },
		];
		expect(filters).toHaveLength(4);
	});
});
