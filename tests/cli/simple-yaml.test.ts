import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CORE_SCHEMA, load } from "js-yaml";
import { parseSimpleYaml } from "../../src/cli/simple-yaml";

/** js-yaml 5 throws on a document with no content; Obsidian reads that as no properties. */
const core = (source: string) =>
	source.split("\n").every((l) => l.trim() === "" || l.trim().startsWith("#")) ? {} : (load(source, { schema: CORE_SCHEMA }) ?? {});

describe("parseSimpleYaml", () => {
	it.each([
		"cadence: monthly\nlast_contact: 2026-11-01",
		"tags: [person, work]\naliases: [Ada, 'Countess of Lovelace']",
		'owed_favors:\n  - "2026-11-01: intro to Sam"\n  - review her deck\nowed_to_me:',
		"cadence: 30\nweight: 1.5\nactive: true\nnothing: ~\nempty:",
		"# a comment\ncadence: 2w   # every two weeks\nlast contact: '2026-11-01'",
		"type: person\nbirthday: 1815-12-10\nsnooze_until: null",
	])("reads %j exactly as js-yaml does", (source) => {
		const fast = parseSimpleYaml(source);
		expect(fast).toBeDefined();
		expect(fast).toEqual(core(source));
	});

	it.each([
		"key: [unclosed",
		"a:\n  b: nested",
		"text: |\n  block",
		"anchor: &a value",
		'escaped: "line\\nbreak"',
		"dup: 1\ndup: 2",
		"time: 12:30",
		"hex: 0x1F",
		"inf: .inf",
		"url: http://example.com",
		"\ttabbed: 1",
	])("leaves %j to js-yaml", (source) => {
		expect(parseSimpleYaml(source)).toBeUndefined();
	});

	it("agrees with js-yaml on everything it accepts", () => {
		const word = fc.constantFrom(
			"monthly",
			"2w",
			"2026-11-01",
			"30",
			"1.5",
			"true",
			"null",
			"~",
			"",
			"Ada Lovelace",
			"person",
			"a b",
			"x-y",
			"'quoted'",
			'"dq"',
			"'it''s'",
			"1e3",
			"007",
			"+5",
			"-3",
			"True",
			"NULL",
			"#tag",
			"a: b",
			"[a, b]",
			"[]",
			"0x10",
			"- item",
		);
		const line = fc.oneof(
			fc.tuple(fc.constantFrom("cadence", "last_contact", "tags", "owed favors", "a"), word).map(([k, v]) => `${k}: ${v}`),
			word.map((v) => `  - ${v}`),
			fc.constant("# comment"),
			fc.constant(""),
		);
		fc.assert(
			fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
				const source = lines.join("\n");
				const fast = parseSimpleYaml(source);
				if (fast === undefined) return;
				let expected: unknown;
				try {
					expected = core(source);
				} catch {
					throw new Error(`accepted what js-yaml rejects: ${JSON.stringify(source)}`);
				}
				expect(fast).toEqual(expected);
			}),
			{ numRuns: 3000 },
		);
	});
});
