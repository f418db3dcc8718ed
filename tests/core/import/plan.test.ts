/**
 * Matching before writing: email first, then the name or an alias folded; several candidates are
 * ambiguous; a match fills only what is empty; one person listed twice in a file is one row.
 */
import { describe, expect, it } from "vitest";
import { emptyContact, type Contact, type ContactFile } from "../../../src/core/import/contact";
import { nameKey } from "../../../src/core/import/match";
import { planCounts, planImport, safeNoteName, settleAmbiguous } from "../../../src/core/import/plan";
import { defaultSettings } from "../../../src/core/settings";
import { apply, peopleOf, plan, readFixture } from "./import-helpers";

function contact(fields: Partial<Contact>, source = "line 2"): Contact {
	return { ...emptyContact(source), ...fields };
}

function file(...contacts: Contact[]): ContactFile {
	return { format: "google", contacts, skipped: [] };
}

describe("matching", () => {
	it("folds accents, case, word order, punctuation and titles", () => {
		expect(nameKey("Dr. Ada Lovelace")).toBe(nameKey("lovelace, ada"));
		expect(nameKey("José Ñúñez")).toBe(nameKey("jose nunez"));
		expect(nameKey("Ada Lovelace")).not.toBe(nameKey("Ada Byron"));
		// A name that is only a title still matches itself.
		expect(nameKey("Dr.")).toBe(nameKey("dr"));
	});

	it("keeps Jr., Sr., II and III: a son is not his father", () => {
		for (const suffix of ["Jr.", "Sr.", "II", "III"]) expect(nameKey(`John Smith ${suffix}`)).not.toBe(nameKey("John Smith"));
		expect(nameKey("Smith, John Jr.")).toBe(nameKey("John Smith Jr"));
		const p = plan(file(contact({ fullName: "John Smith Jr.", phones: ["1"] })), { "People/John Smith.md": "" });
		expect(p.rows.map((r) => [r.kind, r.path])).toEqual([["new", "People/John Smith Jr..md"]]);
	});

	it("folds what Unicode does not decompose: apostrophes, Ø, Ł, Đ, ß, Æ", () => {
		expect(nameKey("Conan O’Brien")).toBe(nameKey("Conan O'Brien"));
		expect(nameKey("Søren Kierkegaard")).toBe(nameKey("Soren Kierkegaard"));
		expect(nameKey("ØYVIND")).toBe(nameKey("oyvind"));
		expect(nameKey("Łukasz Włodarczyk")).toBe(nameKey("Lukasz Wlodarczyk"));
		expect(nameKey("Đorđe Balašević")).toBe(nameKey("Dorde Balasevic"));
		expect(nameKey("Günter Strauß")).toBe(nameKey("Gunter Strauss"));
		expect(nameKey("Ærø")).toBe(nameKey("aero"));
	});

	it("a name of no letters matches the note it was named as", () => {
		expect(nameKey("\u{1eef0}/")).toBe(nameKey("\u{1eef0}"));
	});

	it("by email before name: the email's person wins over a namesake", () => {
		const vault = {
			"People/Ada Lovelace.md": "---\nemail: other@example.org\n---\n",
			"People/Countess.md": "---\nemail:\n  - ADA@example.org\n---\n",
		};
		const p = plan(file(contact({ fullName: "Ada Lovelace", emails: ["ada@example.org"], phones: ["1"] })), vault);
		expect(p.rows.map((r) => [r.kind, r.path])).toEqual([["update", "People/Countess.md"]]);
	});

	it("by name or alias, with 'Lovelace, Ada' and 'Dr.' folded", () => {
		const vault = { "People/Ada Lovelace.md": "# Ada\n", "People/Grace.md": "---\naliases: [Grace Brewster Hopper]\n---\n" };
		const p = plan(
			file(
				contact({ fullName: "Lovelace, Ada", phones: ["1"] }),
				contact({ fullName: "Dr. Grace Brewster Hopper", phones: ["2"] }, "line 3"),
			),
			vault,
		);
		expect(p.rows.map((r) => [r.kind, r.path])).toEqual([
			["update", "People/Ada Lovelace.md"],
			["update", "People/Grace.md"],
		]);
	});

	it("several candidates are ambiguous and never guessed, listed by path", () => {
		const vault = { "People/Work/Sam Lee.md": "", "People/Family/Sam Lee.md": "" };
		const p = plan(file(contact({ fullName: "Sam Lee", phones: ["1"] })), vault);
		expect(p.rows).toMatchObject([
			{ kind: "ambiguous", candidates: ["People/Family/Sam Lee.md", "People/Work/Sam Lee.md"], fills: [] },
		]);
	});
});

describe("what a match writes", () => {
	it("fills only empty properties and adds only missing tags", () => {
		const vault = {
			"People/Ada Lovelace.md": "---\ncompany: Babbage & Co\nphone: ''\nrole:\ntags: [friends]\n---\n",
		};
		const p = plan(
			file(
				contact({
					fullName: "Ada Lovelace",
					organization: "Analytical Engines",
					phones: ["+44 1"],
					title: "Mathematician",
					labels: ["Friends", "Poets"],
				}),
			),
			vault,
		);
		expect(p.rows[0].fills.map((f) => f.key)).toEqual(["phone", "role"]);
		expect(p.rows[0].tags).toEqual(["Poets"]);
		const after = apply(vault, p)["People/Ada Lovelace.md"];
		expect(after).toBe('---\ncompany: Babbage & Co\nphone:\n  - "+44 1"\nrole: Mathematician\ntags: [friends, Poets]\n---\n');
	});

	it("a match with nothing new is unchanged, and a note whose frontmatter cannot be read is skipped, naming it", () => {
		const vault = { "People/Ada Lovelace.md": "---\ncompany: X\n---\n", "People/Bob.md": "---\nkey: [unclosed\n---\n" };
		const p = plan(
			file(contact({ fullName: "Ada Lovelace", organization: "Y" }), contact({ fullName: "Bob", phones: ["1"] }, "line 3")),
			vault,
		);
		expect(p.rows[0].kind).toBe("unchanged");
		expect(p.rows[1].kind).toBe("skipped");
		expect(p.rows[1].reason).toMatch(/^People\/Bob\.md is this person, but the frontmatter is not valid YAML/);
	});
});

describe("new people", () => {
	it("go to the first people folder, named safely, never over an existing file (whatever its case)", () => {
		const taken = new Set(["contacts/sam lee.md"]);
		const p = planImport(
			file(
				contact({ fullName: "Sam Lee" }),
				contact({ fullName: "Grace / Hopper?" }, "line 3"),
				contact({ fullName: "???" }, "line 4"),
			),
			[],
			{ ...defaultSettings(), peopleFolders: ["Contacts/", "People"] },
			(path) => taken.has(path.toLowerCase()),
		);
		expect(p.rows.map((r) => [r.kind, r.path || r.reason])).toEqual([
			["new", "Contacts/Sam Lee 2.md"],
			["new", "Contacts/Grace Hopper.md"],
			["skipped", "no name to give a note"],
		]);
	});

	it("a different email does not stop a name match (email is tried first, not required)", () => {
		const p = plan(file(contact({ fullName: "Sam Lee", emails: ["sam@new.org"], phones: ["1"] })), {
			"People/Sam Lee.md": "---\nemail: sam@old.org\n---\n",
		});
		expect(p.rows[0]).toMatchObject({ kind: "update", fills: [{ key: "phone", value: ["1"], date: false }] });
	});

	it("a file's own duplicates become one note: the same email, or the same name where one has no email", () => {
		const p = plan(
			file(
				contact({ fullName: "Ada Lovelace" }, "line 2"),
				contact({ fullName: "Ada Lovelace", emails: ["ada@x.org"] }, "line 3"),
				contact({ fullName: "Countess", emails: ["ADA@x.org"], phones: ["1"] }, "line 4"),
				contact({ fullName: "Sam Lee", emails: ["sam@a.org"] }, "line 5"),
				contact({ fullName: "Sam Lee", emails: ["sam@b.org"] }, "line 6"),
			),
			{},
		);
		expect(p.rows.map((r) => [r.kind, r.path, r.sources.join(" ")])).toEqual([
			["new", "People/Ada Lovelace.md", "line 2 line 3 line 4"],
			["new", "People/Sam Lee.md", "line 5"],
			["new", "People/Sam Lee 2.md", "line 6"],
		]);
		expect(p.rows[0].fills.find((f) => f.key === "phone")?.value).toEqual(["1"]);
		expect(planCounts(p.rows)).toEqual({ new: 3, update: 0, unchanged: 0, ambiguous: 0, skipped: 0 });
	});

	it("LinkedIn's Connected On becomes met, never last contact", () => {
		const vault = apply({}, plan(readFixture("linkedin-plain.csv"), {}));
		expect(vault["People/Barbara Liskov.md"]).toBe(
			"---\nemail:\n  - liskov@mit.example\ncompany: MIT\nrole: Institute Professor\nlinkedin: https://www.linkedin.com/in/barbaraliskov\nmet: 2019-11-17\n---\n",
		);
		expect(Object.values(vault).join("")).not.toMatch(/last_contact/);
	});
});

describe("an ambiguous contact the user settles", () => {
	const vault = { "People/Work/Sam Lee.md": "---\nphone: '1'\n---\n", "People/Family/Sam Lee.md": "" };
	const p = () => plan(file(contact({ fullName: "Sam Lee", phones: ["2"], organization: "Acme" })), vault);

	it("with the person they mean: only that note's empty properties are filled", () => {
		const row = p().rows[0];
		const person = peopleOf(vault).find((x) => x.path === "People/Work/Sam Lee.md")!;
		const settled = settleAmbiguous(row, person, defaultSettings(), () => false);
		expect(settled).toMatchObject({ kind: "update", path: "People/Work/Sam Lee.md", fills: [{ key: "company", value: "Acme" }] });
		expect(row.kind).toBe("ambiguous");
	});

	it("as someone new: a note of their own, beside the namesakes", () => {
		const taken = new Set(Object.keys(vault).map((x) => x.toLowerCase()));
		const settled = settleAmbiguous(p().rows[0], null, defaultSettings(), (x) => taken.has(x.toLowerCase()));
		expect(settled).toMatchObject({ kind: "new", path: "People/Sam Lee.md" });
		expect(settled.fills.map((f) => f.key)).toEqual(["phone", "company"]);
	});
});

describe("many namesakes", () => {
	it("each get a note of their own, numbered in order, past the files already there", () => {
		const contacts = Array.from({ length: 5 }, (_, i) =>
			contact({ fullName: "John Smith", emails: [`john${i}@x.org`] }, `line ${i + 2}`),
		);
		const taken = new Set(["people/john smith 2.md"]);
		const p = planImport(file(...contacts), [], defaultSettings(), (x) => taken.has(x.toLowerCase()));
		expect(p.rows.map((r) => r.path)).toEqual([
			"People/John Smith.md",
			"People/John Smith 3.md",
			"People/John Smith 4.md",
			"People/John Smith 5.md",
			"People/John Smith 6.md",
		]);
	});
});

describe("namesakes with different LinkedIn profiles", () => {
	const acme = "https://www.linkedin.com/in/sam-lee-acme";
	const globex = "https://www.linkedin.com/in/sam-lee-globex";

	it("two rows of a file without email are two people, not one note", () => {
		const p = plan(
			file(
				contact({ fullName: "Sam Lee", linkedin: acme, organization: "Acme" }, "line 2"),
				contact({ fullName: "Sam Lee", linkedin: globex, organization: "Globex" }, "line 3"),
				contact({ fullName: "Sam Lee", linkedin: `${globex}/`, phones: ["3"] }, "line 4"),
			),
			{},
		);
		expect(p.rows.map((r) => [r.kind, r.path, r.sources.join(" "), r.contact?.organization])).toEqual([
			["new", "People/Sam Lee.md", "line 2", "Acme"],
			["new", "People/Sam Lee 2.md", "line 3 line 4", "Globex"],
		]);
	});

	it("a vault note with another profile is never filled by name; the same profile matches before the name", () => {
		const vault = {
			"People/Sam Lee.md": `---\nlinkedin: ${acme}\n---\n`,
			"People/Samuel L.md": `---\nlinkedin: ${globex.replace("https://www.", "http://")}/\n---\n`,
		};
		const p = plan(
			file(
				contact({ fullName: "Sam Lee", linkedin: globex, title: "CTO" }, "line 2"),
				contact({ fullName: "Sam Lee", linkedin: "https://www.linkedin.com/in/sam-lee-initech", title: "CFO" }, "line 3"),
			),
			vault,
		);
		expect(p.rows.map((r) => [r.kind, r.path, r.candidates])).toEqual([
			["update", "People/Samuel L.md", []],
			["ambiguous", "", ["People/Sam Lee.md"]],
		]);
		expect(p.rows[1].reason).toMatch(/LinkedIn/);
	});

	it("two rows that name-match one note without a profile are not merged into it", () => {
		const p = plan(
			file(
				contact({ fullName: "Sam Lee", linkedin: acme, title: "CTO" }, "line 2"),
				contact({ fullName: "Sam Lee", linkedin: globex, title: "CFO" }, "line 3"),
			),
			{ "People/Sam Lee.md": "# Sam\n" },
		);
		expect(p.rows.map((r) => [r.kind, r.path || r.candidates.join()])).toEqual([
			["update", "People/Sam Lee.md"],
			["ambiguous", "People/Sam Lee.md"],
		]);
		expect(p.rows[0].fills.find((f) => f.key === "role")?.value).toBe("CTO");
	});

	it("different vCard UIDs keep two emailless namesakes apart", () => {
		const p = plan(
			file(contact({ fullName: "Sam Lee", uid: "a" }, "line 2"), contact({ fullName: "Sam Lee", uid: "b" }, "line 3")),
			{},
		);
		expect(p.rows.map((r) => r.path)).toEqual(["People/Sam Lee.md", "People/Sam Lee 2.md"]);
	});
});

describe("a contact without a name", () => {
	it("found by the LinkedIn profile another nameless contact brought (so a second import plans nothing)", () => {
		const ada = "https://www.linkedin.com/in/ada";
		const contacts = [
			contact({ linkedin: ada, title: "Mathematician" }, "line 2"),
			contact({ emails: ["ada@x.example"], linkedin: ada }, "line 3"),
			contact({ fullName: "Ada", emails: ["ada@x.example"] }, "line 4"),
		];
		const once = apply({}, plan(file(...contacts), {}));
		expect(once["People/Ada.md"]).toMatch(/role: Mathematician/);
		expect(planCounts(plan(file(...contacts), once).rows)).toMatchObject({ new: 0, update: 0 });
	});

	it("waits for a later row to bring its profile, whatever the order", () => {
		const ada = "https://www.linkedin.com/in/ada";
		const contacts = [
			contact({ emails: ["other@a.example"], linkedin: ada, phones: ["1"] }, "line 2"),
			contact({ emails: ["ada@x.example"], linkedin: ada }, "line 3"),
			contact({ fullName: "Ada Lovelace", emails: ["ada@x.example"] }, "line 4"),
		];
		const p = plan(file(...contacts), {});
		expect(p.rows.map((r) => [r.kind, r.path, r.sources.join(" ")])).toEqual([
			["new", "People/Ada Lovelace.md", "line 4 line 3 line 2"],
		]);
		expect(planCounts(plan(file(...contacts), apply({}, p)).rows)).toMatchObject({ new: 0, update: 0 });
	});
});

describe("safe note names", () => {
	const bytes = (s: string) => new TextEncoder().encode(s).length;

	it("are cut by UTF-8 bytes, never inside a character, with room for a number and the CLI's temp suffix", () => {
		for (const long of ["😀".repeat(130), "é".repeat(150), "日本".repeat(100), "a".repeat(300)]) {
			const name = safeNoteName(long);
			expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
			expect(long.startsWith(name)).toBe(true);
			expect(bytes(`${name} 99999.md.stay-in-touch.tmp`)).toBeLessThanOrEqual(255);
			expect(name.length).toBeGreaterThan(50);
		}
	});

	it("never hidden: dots and spaces at the start go, however they mix", () => {
		expect(safeNoteName(". .x")).toBe("x");
		expect(safeNoteName(" . . Ada")).toBe("Ada");
		expect(safeNoteName("...")).toBe("");
	});

	it("never a name Windows reserves (CON, NUL, COM1…, with or without an extension)", () => {
		expect(safeNoteName("CON")).toBe("CON_");
		expect(safeNoteName("nul")).toBe("nul_");
		expect(safeNoteName("Com1")).toBe("Com1_");
		expect(safeNoteName("LPT9.x")).toBe("LPT9_.x");
		expect(safeNoteName("aux")).toBe("aux_");
		expect(safeNoteName("Connie")).toBe("Connie");
		expect(safeNoteName("Con Air")).toBe("Con Air");
	});
});
