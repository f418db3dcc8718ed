import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { contactAsOf } from "../../src/core/contact";
import type { Day } from "../../src/core/dates";
import { buildPerson } from "../../src/core/person";
import { defaultSettings } from "../../src/core/settings";
import { d } from "./helpers";

const settings = defaultSettings();

function person(frontmatter: unknown, path = "People/Ada Lovelace.md") {
	return buildPerson({ path, frontmatter, tags: ["person"] }, settings);
}

describe("buildPerson", () => {
	it("reads every key from SPEC", () => {
		const p = person({
			last_contact: "2026-11-01",
			cadence: "monthly",
			snooze_until: "2026-12-01",
			owed_favors: ["2026-10-02: intro to Sam", "review her deck"],
			owed_to_me: ["coffee"],
			birthday: "1815-12-10",
			aliases: ["Ada", "Countess of Lovelace"],
		});
		expect(p.name).toBe("Ada Lovelace");
		expect(p.folder).toBe("People");
		expect(p.lastContact).toBe(d("2026-11-01"));
		expect(p.cadence?.lowDays).toBe(30);
		expect(p.snoozeUntil).toBe(d("2026-12-01"));
		expect(p.owedFavors).toEqual([
			{ text: "intro to Sam", day: d("2026-10-02"), raw: "2026-10-02: intro to Sam" },
			{ text: "review her deck", day: null, raw: "review her deck" },
		]);
		expect(p.owedToMe.map((f) => f.text)).toEqual(["coffee"]);
		expect(p.birthday).toEqual({ year: 1815, month: 12, day: 10 });
		expect(p.aliases).toEqual(["Ada", "Countess of Lovelace"]);
		expect(p.problems).toEqual([]);
	});

	it.each([["last_contact"], ["last-contact"], ["lastContact"], ["LastContact"], ["Last contact"]])(
		"tolerates the spelling %s",
		(key) => {
			expect(person({ [key]: "2026-11-01" }).lastContact).toBe(d("2026-11-01"));
		},
	);

	it("reports two spellings of one key instead of guessing silently", () => {
		const p = person({ last_contact: "2026-11-01", lastContact: "2026-10-01" });
		expect(p.lastContact).toBe(d("2026-11-01"));
		expect(p.problems).toEqual(["last_contact and lastContact are the same key written twice; using last_contact"]);
	});

	it("reads JS Dates from gray-matter by their UTC date", () => {
		const p = person({ last_contact: new Date(Date.UTC(2026, 10, 20)), birthday: new Date(Date.UTC(1990, 0, 1)) });
		expect(p.lastContact).toBe(d("2026-11-20"));
		expect(p.birthday).toEqual({ year: 1990, month: 1, day: 1 });
	});

	it("reads an unquoted dated favor that YAML turned into a mapping", () => {
		expect(person({ owed_favors: [{ "2026-11-01": "intro to Sam" }] }).owedFavors).toEqual([
			{ text: "intro to Sam", day: d("2026-11-01"), raw: "2026-11-01: intro to Sam" },
		]);
	});

	it("accepts birthdays written as dates are elsewhere, a year optional", () => {
		expect(person({ birthday: "10 December 1815" }).birthday).toEqual({ year: 1815, month: 12, day: 10 });
		expect(person({ birthday: "Dec 10" }).birthday).toEqual({ year: null, month: 12, day: 10 });
		expect(person({ birthday: "1815/12/10" }).birthday).toEqual({ year: 1815, month: 12, day: 10 });
		expect(person({ birthday: "Feb 29" }).birthday).toEqual({ year: null, month: 2, day: 29 });
		const ambiguous = person({ birthday: "02/11/1990" });
		expect(ambiguous.birthday).toBeNull();
		expect(ambiguous.problems).toEqual([
			"birthday '02/11/1990' is ambiguous (2 November or 11 February 1990); write it as 1990-11-02 or 1990-02-11",
		]);
	});

	it("accepts birthdays as YYYY-MM-DD, MM-DD and --MM-DD, Feb 29 without a year", () => {
		expect(person({ birthday: "12-10" }).birthday).toEqual({ year: null, month: 12, day: 10 });
		expect(person({ birthday: "--02-29" }).birthday).toEqual({ year: null, month: 2, day: 29 });
	});

	it("turns every unusable value into a problem and keeps the rest", () => {
		const p = person({
			last_contact: "2026-13-45",
			cadence: "fortnighly",
			snooze_until: 5,
			owed_favors: [{ a: 1, b: 2 }, "real favor"],
			birthday: "tomorrow",
			aliases: "Ada",
		});
		expect(p.problems).toEqual([
			"cadence 'fortnighly' is not a cadence; did you mean fortnightly?",
			"last_contact '2026-13-45' is not a real calendar date",
			"snooze_until 5 is a number, not a date; write it as YYYY-MM-DD",
			"owed_favors has an entry that is not text: an object",
			"birthday 'tomorrow' is not a birthday; write YYYY-MM-DD or MM-DD",
		]);
		expect(p.owedFavors.map((f) => f.text)).toEqual(["real favor"]);
		expect(p.aliases).toEqual(["Ada"]);
		expect(p.cadenceText).toBe("fortnighly");
	});

	it("uses renamed keys from settings", () => {
		const s = { ...defaultSettings(), keys: { ...settings.keys, lastContact: "met" } };
		expect(buildPerson({ path: "x.md", frontmatter: { met: "2026-01-02" } }, s).lastContact).toBe(d("2026-01-02"));
	});

	it("reports frontmatter that is not a mapping", () => {
		expect(person(["a", "b"]).problems).toEqual(["the frontmatter is a list, not a set of properties"]);
	});

	it("never throws and never drops a value silently", () => {
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom(
						"last_contact",
						"cadence",
						"snooze_until",
						"owed_favors",
						"owed_to_me",
						"birthday",
						"aliases",
						"lastContact",
					),
					fc.anything(),
				),
				(fm) => {
					const p = person(fm);
					expect(Array.isArray(p.problems)).toBe(true);
					// A present, non-empty cadence either parses or is explained.
					if (typeof fm.cadence === "string" && fm.cadence.trim() !== "" && !("lastContact" in fm)) {
						expect(p.cadence !== null || p.problems.some((m) => m.startsWith("cadence "))).toBe(true);
					}
				},
			),
		);
		fc.assert(fc.property(fc.anything(), (fm) => void person(fm)));
	});
});

describe("the last contact", () => {
	const last = (lastContact: Day | null, logged: Day | null) =>
		contactAsOf({ lastContact, logDays: logged === null ? [] : [logged], mentions: [] }, d("2026-11-26")).last?.day ?? null;
	it("is the latest of the frontmatter and the log", () => {
		expect(last(d("2026-11-01"), d("2026-11-10"))).toBe(d("2026-11-10"));
		expect(last(d("2026-11-20"), d("2026-11-10"))).toBe(d("2026-11-20"));
		expect(last(null, d("2026-11-10"))).toBe(d("2026-11-10"));
		expect(last(null, null)).toBeNull();
	});
});
