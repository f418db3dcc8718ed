/**
 * Properties over generated people and contacts: exporting a vault's people and importing the
 * file into the same vault plans nothing; importing a file twice changes nothing the second time.
 */
import fc from "fast-check";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import { emptyContact, type Contact } from "../../../src/core/import/contact";
import { parseCsv } from "../../../src/core/import/csv";
import { planCounts, safeNoteName } from "../../../src/core/import/plan";
import { readContactsText } from "../../../src/core/import/read";
import { peopleToVcard } from "../../../src/core/import/vcard-export";
import { defaultSettings } from "../../../src/core/settings";
import { apply, peopleOf, plan } from "./import-helpers";

const settings = defaultSettings();

const text = fc
	.string({ unit: "grapheme", minLength: 1, maxLength: 14 })
	.map((s) => s.trim())
	.filter((s) => s !== "");
const name = text.filter((s) => safeNoteName(s) === s && !s.endsWith("."));
const email = fc.tuple(fc.stringMatching(/^[a-z0-9._-]{1,10}$/), fc.stringMatching(/^[a-z]{1,8}$/)).map(([a, b]) => `${a}@${b}.example`);
const tag = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}(\/[a-z0-9]{1,5})?$/);
const date = fc.record({
	year: fc.option(fc.integer({ min: 1900, max: 2025 }), { nil: null }),
	month: fc.integer({ min: 1, max: 12 }),
	day: fc.integer({ min: 1, max: 28 }),
});
const ymd = (d: { year: number | null; month: number; day: number }) =>
	`${d.year === null ? "-" : d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

const person = fc.record(
	{
		aliases: fc.array(text, { maxLength: 2 }),
		email: fc.array(email, { maxLength: 2 }),
		phone: fc.array(text, { maxLength: 2 }),
		address: fc.array(text, { maxLength: 1 }),
		company: text,
		role: text,
		website: fc.array(text, { maxLength: 1 }),
		tags: fc.array(tag, { maxLength: 3 }),
		birthday: date.map(ymd),
	},
	{ requiredKeys: [] },
);

describe("export then import", () => {
	it("plans nothing for any set of people", () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.tuple(name, person), { minLength: 1, maxLength: 8, selector: ([n]) => n.toLowerCase() }),
				(people) => {
					const files = Object.fromEntries(
						people.map(([n, fm]) => [`People/${n}.md`, Object.keys(fm).length === 0 ? "" : `---\n${dump(fm)}---\n`]),
					);
					const vcard = peopleToVcard(peopleOf(files), settings);
					const read = readContactsText(vcard);
					if (!read.ok) throw new Error(read.error);
					expect(read.contacts.length).toBe(people.length);
					const counts = planCounts(plan(read, files).rows);
					expect(counts.new + counts.update + counts.skipped).toBe(0);
				},
			),
			{ numRuns: 300 },
		);
	});
});

const contact: fc.Arbitrary<Contact> = fc
	.record({
		fullName: fc.oneof(text, fc.constantFrom("Ada Lovelace", "Lovelace, Ada", "Dr. Ada Lovelace", "")),
		nicknames: fc.array(text, { maxLength: 1 }),
		emails: fc.array(fc.oneof(email, fc.constantFrom("ada@x.example", "ADA@x.example")), { maxLength: 2 }),
		phones: fc.array(text, { maxLength: 2 }),
		organization: fc.oneof(fc.constant(""), text),
		title: fc.oneof(fc.constant(""), text),
		note: fc.oneof(fc.constant(""), text),
		labels: fc.array(fc.oneof(tag, text), { maxLength: 2 }),
		linkedin: fc.oneof(fc.constant(""), fc.constant("https://www.linkedin.com/in/ada")),
		birthday: fc.option(date, { nil: null }),
		met: fc.option(
			date.filter((d) => d.year !== null),
			{ nil: null },
		),
	})
	.map((fields) => ({ ...emptyContact("line 2"), ...fields }));

describe("importing twice", () => {
	it("changes nothing the second time", () => {
		fc.assert(
			fc.property(fc.array(contact, { maxLength: 8 }), fc.constantFrom("", "casual"), (contacts, tier) => {
				const file = { format: "google" as const, contacts, skipped: [] };
				const once = apply({}, plan(file, {}), settings, tier);
				const second = plan(file, once);
				const counts = planCounts(second.rows);
				expect(counts.new + counts.update).toBe(0);
				expect(apply(once, second, settings, tier)).toEqual(once);
			}),
			{ numRuns: 300 },
		);
	});
});

describe("the CSV reader", () => {
	const quote = (cell: string) => (/[",\r\n]/.test(cell) || cell === "" ? `"${cell.replace(/"/g, '""')}"` : cell);

	it("reads back any cells written as RFC 4180 writes them, whatever the line ends", () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.string({ unit: "grapheme", maxLength: 6 }), { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
				fc.constantFrom("\r\n", "\n", "\r"),
				fc.boolean(),
				(rows, eol, finalEol) => {
					const text = rows.map((cells) => cells.map(quote).join(",")).join(eol) + (finalEol && rows.length > 0 ? eol : "");
					const parsed = parseCsv(text);
					expect(parsed.ok && parsed.rows.map((r) => r.cells)).toEqual(rows);
				},
			),
			{ numRuns: 500 },
		);
	});
});
