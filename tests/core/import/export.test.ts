/** The vCard export reads a person's properties as the plugin reads them: every birthday form, every email key. */
import { describe, expect, it } from "vitest";
import { peopleToVcard } from "../../../src/core/import/vcard-export";
import { defaultSettings } from "../../../src/core/settings";
import { peopleOf } from "./import-helpers";

const vcard = (frontmatter: string) =>
	peopleToVcard(peopleOf({ "People/Ada Lovelace.md": `---\n${frontmatter}\n---\n` }), defaultSettings());

describe("the vCard export", () => {
	it.each([
		["birthday: May 12", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-12"],
		["birthday: 12 May 1990", "BDAY:1990-05-12"],
		["birthday: 1990/05/12", "BDAY:1990-05-12"],
		["birthday: --05-12", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-12"],
		["Birthday: 1990-05-12", "BDAY:1990-05-12"],
	])("%s: the birthday the plugin reads", (line, bday) => {
		expect(vcard(line).split("\r\n")).toContain(bday);
	});

	it("emails under emails:, mail: or email:, as matching reads them, case kept", () => {
		const lines = vcard("emails:\n  - Ada@Example.org\nmail: mailto:countess@x.example").split("\r\n");
		expect(lines.filter((l) => l.startsWith("EMAIL"))).toEqual([
			"EMAIL;TYPE=INTERNET:Ada@Example.org",
			"EMAIL;TYPE=INTERNET:countess@x.example",
		]);
	});

	it("ends its last line with CRLF", () => {
		expect(vcard("email: a@x.example").endsWith("END:VCARD\r\n")).toBe(true);
	});
});
