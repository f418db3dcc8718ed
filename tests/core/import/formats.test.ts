/**
 * Each format and dialect read from a hand-written file shaped like the real exports: what every
 * field became, and the whole plan against an empty vault as a golden file.
 */
import { describe, expect, it } from "vitest";
import { readContactsText } from "../../../src/core/import/read";
import { planText } from "../../../src/core/import/plan-text";
import { fixture, plan, readFixture } from "./import-helpers";

function byName(name: string, file: string) {
	const found = readFixture(file).contacts.find((c) => c.fullName === name);
	if (!found) throw new Error(`no ${name} in ${file}`);
	return found;
}

describe("vCard", () => {
	it("a quoted-printable value ending in a soft break right before END:VCARD does not swallow the END", () => {
		const read = readContactsText(
			"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ada\r\nNOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9=\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Bob\r\nEND:VCARD\r\n",
		);
		expect(read.ok && read.contacts.map((c) => [c.fullName, c.note])).toEqual([
			["Ada", "café"],
			["Bob", ""],
		]);
	});

	it("Google's vCard: its system groups in CATEGORIES are no labels of the user's", () => {
		const read = readContactsText(
			"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nCATEGORIES:myContacts,starred,Book club,* friends\r\nEND:VCARD\r\n",
		);
		expect(read.ok && read.contacts[0].labels).toEqual(["Book club"]);
	});

	it("Apple 3.0: item groups and labels, folded photo skipped, omitted year, group card skipped", () => {
		const file = readFixture("apple.vcf");
		expect(file.format).toBe("vcard");
		expect(file.contacts.map((c) => c.fullName)).toEqual(["Dr. Ada King Lovelace", "Grace Hopper"]);
		expect(file.skipped).toEqual([{ source: "card 3 (line 40)", name: "Book club", reason: "a contact group, not a person" }]);
		const ada = file.contacts[0];
		expect(ada.nicknames).toEqual(["Ada", "Countess"]);
		expect(ada.emails).toEqual(["ada@example.org", "countess@engines.example"]);
		expect(ada.addresses).toEqual(["12 St James's Square, London, SW1Y 4JH, United Kingdom"]);
		expect(ada.organization).toBe("Analytical Engines Ltd.");
		expect(ada.note).toBe("Met at the Babbage soirée, 1833.\nLoves poetry; hates noise. Path C:\\engines");
		expect(ada.labels).toEqual(["Friends", "Book club"]);
		expect(ada.websites).toEqual(["https://ada.example.org"]);
		expect(ada.linkedin).toBe("http://www.linkedin.com/in/adalovelace");
		expect(ada.uid).toBe("3F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0");
		expect(ada.birthday).toEqual({ year: null, month: 12, day: 10 });
		expect(ada.anniversary).toEqual({ year: 1835, month: 7, day: 8 });
		// A URL labelled "LinkedIn" in an item group is the LinkedIn profile.
		expect(byName("Grace Hopper", "apple.vcf").linkedin).toBe("https://www.linkedin.com/in/gracehopper");
	});

	it("Android 2.1: quoted-printable in UTF-8 and Latin-1, soft line breaks, bare parameters, an unindented photo", () => {
		const file = readFixture("android-21.vcf");
		const jurgen = file.contacts[0];
		expect(jurgen.fullName).toBe("Jürgen Müller");
		expect(jurgen.organization).toBe("Bäckerei Müller");
		expect(jurgen.note).toBe("Kennt die beste Brötchen-Rezeptur.\nFragt immer nach dem Wetter.");
		expect(jurgen.phones).toEqual(["+49 151 2345678", "+49 30 1234567"]);
		expect(jurgen.birthday).toEqual({ year: 1975, month: 3, day: 4 });
		expect(file.contacts[1].fullName).toBe("René François");
		// A card with no name at all is read, and the plan says why it cannot become a note.
		expect(file.contacts[2].fullName).toBe("");
	});

	it("4.0: --MMDD birthdays, basic-format anniversaries, year 0000, KIND:group, tel: URIs, quoted parameters", () => {
		const file = readFixture("v4.vcf");
		expect(file.skipped.map((s) => s.name)).toEqual(["Mentors"]);
		const katherine = byName("Katherine Johnson", "v4.vcf");
		expect(katherine.birthday).toEqual({ year: null, month: 8, day: 26 });
		expect(katherine.anniversary).toEqual({ year: 1939, month: 1, day: 1 });
		expect(katherine.phones).toEqual(["+1-555-555-0199"]);
		expect(katherine.addresses).toEqual(["1 Orbit Way, Hampton, VA, 23666, USA"]);
		expect(katherine.labels).toEqual(["NASA", "Mentors"]);
		const dorothy = byName("Dorothy Vaughan", "v4.vcf");
		expect(dorothy.birthday).toEqual({ year: 1910, month: 9, day: 20 });
		expect(dorothy.anniversary).toEqual({ year: null, month: 6, day: 1 });
	});

	it("a line folded in the middle of a multi-byte character's escape, and a tab fold", () => {
		const read = readContactsText("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\r\n é\r\nNOTE:a\\\r\n\tnb\r\nEND:VCARD\r\n");
		expect(read.ok && read.contacts[0]).toMatchObject({ fullName: "René", note: "a\nb" });
	});
});

describe("Google Contacts CSV", () => {
	it("the current layout: ::: values, multi-line quoted cells, system labels dropped, --MM-DD", () => {
		const file = readFixture("google-new.csv");
		expect(file.format).toBe("google");
		const ada = byName("Ada Lovelace", "google-new.csv");
		expect(ada.emails).toEqual(["ada@example.org", "ada.lovelace@example.org", "countess@engines.example"]);
		expect(ada.labels).toEqual(["Friends", "Book club"]);
		expect(ada.note).toBe("Met at the soirée.\nSecond line, with a comma.");
		expect(ada.addresses).toEqual(["12 St James's Square, London SW1Y 4JH, United Kingdom"]);
		expect(ada.birthday).toEqual({ year: null, month: 12, day: 10 });
		expect(ada.anniversary).toEqual({ year: 1835, month: 7, day: 8 });
		expect(ada.linkedin).toBe("https://www.linkedin.com/in/adalovelace");
		// The row after a three-line cell is named by the line it starts on.
		expect(byName("Alan Mathison Turing", "google-new.csv").source).toBe("line 6");
		expect(byName("Alan Mathison Turing", "google-new.csv").labels).toEqual([]);
	});

	it("the older layout: Group Membership, E-mail 1 - Type, Organization 1 - Name", () => {
		const grace = byName("Grace Hopper", "google-old.csv");
		expect(grace.emails).toEqual(["grace@navy.example", "ghopper@yale.example"]);
		expect(grace.organization).toBe("US Navy");
		expect(grace.title).toBe("Rear Admiral");
		expect(grace.nicknames).toEqual(["Amazing Grace"]);
		expect(grace.labels).toEqual(["Navy"]);
		const joan = byName("Joan Clarke", "google-old.csv");
		expect(joan.birthday).toEqual({ year: null, month: 6, day: 24 });
		expect(joan.anniversary).toEqual({ year: 1952, month: 7, day: 26 });
		expect(byName("Hedy Lamarr", "google-old.csv").phones).toEqual(["+1 555 0142", "+1 555 0143"]);
	});
});

describe("LinkedIn Connections.csv", () => {
	it("BOM, CRLF, the Notes preamble found by content, blank rows, Connected On as met", () => {
		const file = readFixture("linkedin-preamble.csv");
		expect(file.format).toBe("linkedin");
		expect(file.contacts.map((c) => c.fullName)).toEqual(["Ada Lovelace", "Margaret Hamilton", "Edsger Dijkstra"]);
		expect(file.contacts[0]).toMatchObject({
			source: "line 5",
			organization: "Analytical Engines Ltd.",
			title: "Mathematician",
			linkedin: "https://www.linkedin.com/in/adalovelace",
			met: { year: 2024, month: 3, day: 12 },
		});
		expect(file.contacts[1].title).toBe("Founder, CEO");
		expect(file.contacts[2].met).toEqual({ year: 2020, month: 2, day: 29 });
	});

	it("without a preamble", () => {
		expect(readFixture("linkedin-plain.csv").contacts.map((c) => [c.fullName, c.emails])).toEqual([
			["Barbara Liskov", ["liskov@mit.example"]],
			["Tim Berners-Lee", []],
		]);
	});
});

describe("golden plans into an empty vault", () => {
	it.each(["apple.vcf", "android-21.vcf", "v4.vcf", "google-new.csv", "google-old.csv", "linkedin-preamble.csv", "linkedin-plain.csv"])(
		"%s",
		async (name) => {
			await expect(planText(plan(readFixture(name), {}), name)).toMatchFileSnapshot(`../../fixtures/import/golden/${name}.plan.txt`);
		},
	);

	it("the file's name never decides the format", () => {
		const asCsv = readContactsText(fixture("apple.vcf").toString("utf8"));
		expect(asCsv.ok && asCsv.format).toBe("vcard");
	});
});
