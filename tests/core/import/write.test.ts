/** Applying rows: surgical edits of a matched note, and new notes from the person template. */
import { describe, expect, it } from "vitest";
import { emptyContact } from "../../../src/core/import/contact";
import { defaultSettings } from "../../../src/core/settings";
import { applyImportRow, newPersonNote } from "../../../src/core/import/write";
import { apply, parseYaml, plan, readFixture, TODAY } from "./import-helpers";
import type { PlanRow } from "../../../src/core/import/plan";

const NOTE = `---
# Ada, met 2019
aliases: [Countess]   # as she signs
cadence: 1 month
tags:
  - person
---
## Interactions
- 2026-11-01 — call
`;

describe("a matched note", () => {
	it("changes only the lines it adds: comments, flow lists and the body stay byte for byte", () => {
		const vault = { "People/Ada Lovelace.md": NOTE };
		const after = apply(vault, plan(readFixture("google-new.csv"), vault))["People/Ada Lovelace.md"];
		const added = after.split("\n").filter((line) => !NOTE.split("\n").includes(line));
		expect(after.startsWith("---\n# Ada, met 2019\naliases: [Countess]   # as she signs\ncadence: 1 month\ntags:\n  - person\n")).toBe(
			true,
		);
		expect(after.endsWith("---\n## Interactions\n- 2026-11-01 — call\n")).toBe(true);
		expect(added).toEqual([
			"  - Friends",
			"  - Book-club",
			"email:",
			"  - ada@example.org",
			"  - ada.lovelace@example.org",
			"  - countess@engines.example",
			"phone:",
			'  - "+44 20 7946 0018"',
			"address:",
			'  - "12 St James\'s Square, London SW1Y 4JH, United Kingdom"',
			"company: Analytical Engines Ltd.",
			"role: Mathematician",
			"linkedin: https://www.linkedin.com/in/adalovelace",
			'birthday: "--12-10"',
			"anniversary: 1835-07-08",
		]);
	});

	it("a CRLF note keeps CRLF", () => {
		const crlf = NOTE.replace(/\n/g, "\r\n");
		const vault = { "People/Ada Lovelace.md": crlf };
		const after = apply(vault, plan(readFixture("linkedin-plain.csv"), {}))["People/Ada Lovelace.md"];
		expect(after).toBe(crlf);
		const row: PlanRow = {
			kind: "update",
			name: "Ada",
			path: "People/Ada Lovelace.md",
			sources: [],
			contact: null,
			fills: [{ key: "met", value: "2024-03-12", date: true }],
			tags: [],
			candidates: [],
			reason: "",
		};
		const written = applyImportRow(crlf, row, parseYaml);
		expect(written.ok && written.text.split("\r\n").includes("met: 2024-03-12")).toBe(true);
		expect(written.ok && written.text.replace(/\r\n/g, "").includes("\n")).toBe(false);
	});

	it("never overwrites a value the note has, even when the plan thought it empty", () => {
		const row: PlanRow = {
			kind: "update",
			name: "Ada",
			path: "Ada.md",
			sources: [],
			contact: null,
			fills: [
				{ key: "company", value: "New Co", date: false },
				{ key: "email", value: ["new@x.org"], date: false },
				{ key: "role", value: "Mathematician", date: false },
			],
			tags: [],
			candidates: [],
			reason: "",
		};
		const text = '---\nCompany: Old Co # mine\nemail:\n  - old@x.org\nrole: ""\n---\n';
		expect(applyImportRow(text, row, parseYaml)).toEqual({
			ok: true,
			text: "---\nCompany: Old Co # mine\nemail:\n  - old@x.org\nrole: Mathematician\n---\n",
		});
	});

	it("refuses a note whose tags are one text of several words, and says how to fix it", () => {
		const row: PlanRow = {
			kind: "update",
			name: "Ada",
			path: "Ada.md",
			sources: [],
			contact: null,
			fills: [],
			tags: ["friends"],
			candidates: [],
			reason: "",
		};
		expect(applyImportRow("---\ntags: person, work\n---\n", row, parseYaml)).toEqual({
			ok: false,
			error: 'tags is written as one text ("person, work"); make it a list to add the labels',
		});
	});
});

describe("a new note", () => {
	const row = (fields: Partial<PlanRow> = {}): PlanRow => ({
		kind: "new",
		name: "Ada Lovelace",
		path: "People/Ada Lovelace.md",
		sources: ["line 2"],
		contact: { ...emptyContact("line 2"), note: "Met at the soirée.\r\nSecond line." },
		fills: [{ key: "email", value: ["ada@x.org"], date: false }],
		tags: ["Friends"],
		candidates: [],
		reason: "",
		...fields,
	});

	it("with no template: the properties, then the contact's note as the body; the cadence empty", () => {
		const made = newPersonNote(row(), { settings: defaultSettings(), tier: "", today: TODAY, template: null }, parseYaml);
		expect(made).toEqual({
			ok: true,
			text: "---\nemail:\n  - ada@x.org\ntags:\n  - Friends\n---\n\nMet at the soirée.\nSecond line.\n",
		});
	});

	it("from the person template ({{title}}, {{date}}), its own values kept, the chosen tier as cadence", () => {
		const template = "---\ntags: [person]\ncadence:\nemail: {{title}}@home\n---\n# {{title}}\n\nAdded {{date}}\n";
		const made = newPersonNote(row(), { settings: defaultSettings(), tier: "casual", today: TODAY, template }, parseYaml);
		expect(made).toEqual({
			ok: true,
			text: "---\ntags: [person, Friends]\ncadence: casual\nemail: Ada Lovelace@home\n---\n# Ada Lovelace\n\nAdded 2026-11-26\nMet at the soirée.\nSecond line.\n",
		});
	});

	it("outside people folders it carries the person tag, or the marker when tags are off", () => {
		const noFolders = { ...defaultSettings(), useFolders: false };
		const tagged = newPersonNote(row({ tags: [] }), { settings: noFolders, tier: "", today: TODAY, template: null }, parseYaml);
		expect(tagged.ok && tagged.text.startsWith("---\nemail:\n  - ada@x.org\ntags:\n  - person\n---\n")).toBe(true);
		const marked = newPersonNote(
			row({ tags: [] }),
			{ settings: { ...noFolders, useTag: false }, tier: "", today: TODAY, template: null },
			parseYaml,
		);
		expect(marked.ok && marked.text.startsWith("---\ntype: person\nemail:")).toBe(true);
	});

	it("a template whose frontmatter cannot be read is named as the problem, and nothing is made", () => {
		const made = newPersonNote(
			row(),
			{ settings: defaultSettings(), tier: "", today: TODAY, template: "---\nkey: [oops\n---\n" },
			parseYaml,
		);
		expect(made.ok).toBe(false);
		expect(!made.ok && made.error).toMatch(/^the person template cannot be used: the frontmatter is not valid YAML/);
	});
});

describe("aliases the user wrote under alias:", () => {
	const contact = { ...emptyContact("line 2"), fullName: "Ada Lovelace", nicknames: ["Countess"], phones: ["1"] };
	const file = { format: "google" as const, contacts: [contact], skipped: [] };

	it("a matched note's alias: is the aliases property: no second key hides it", () => {
		const vault = { "People/Ada Lovelace.md": "---\nalias: [Enchantress]\n---\n" };
		const p = plan(file, vault);
		expect(p.rows[0].fills.map((f) => f.key)).toEqual(["phone"]);
		expect(apply(vault, p)["People/Ada Lovelace.md"]).toBe('---\nalias: [Enchantress]\nphone:\n  - "1"\n---\n');
	});

	it("an empty alias: is filled where it is, in a matched note and from the template", () => {
		const vault = { "People/Ada Lovelace.md": "---\nAlias:\n---\n" };
		expect(apply(vault, plan(file, vault))["People/Ada Lovelace.md"]).toBe('---\nAlias:\n  - Countess\nphone:\n  - "1"\n---\n');
		const made = apply({}, plan(file, {}), defaultSettings(), "", "---\nalias:\n---\n");
		expect(made["People/Ada Lovelace.md"]).toBe('---\nalias:\n  - Countess\nphone:\n  - "1"\n---\n');
	});
});

describe("the person template and the chosen tier", () => {
	const row = (name = "Ada Lovelace"): PlanRow => ({
		kind: "new",
		name,
		path: `People/${name}.md`,
		sources: ["line 2"],
		contact: emptyContact("line 2"),
		fills: [],
		tags: [],
		candidates: [],
		reason: "",
	});
	const make = (template: string, tier: string, name?: string) =>
		newPersonNote(row(name), { settings: defaultSettings(), tier, today: TODAY, template, time: { hour: 9, minute: 5 } }, parseYaml);

	it("the tier chosen wins over the template's cadence, and None leaves none", () => {
		const template = "---\ncadence: monthly\ntags: [person]\n---\n";
		expect(make(template, "casual")).toEqual({ ok: true, text: "---\ncadence: casual\ntags: [person]\n---\n" });
		expect(make(template, "")).toEqual({ ok: true, text: "---\ntags: [person]\n---\n" });
	});

	it("the Templates core plugin's {{date:FORMAT}}, {{date}}, {{time}} and {{title}} are filled in", () => {
		const template =
			"---\ncreated: {{date:YYYY-MM-DD}}\nadded: {{ date : D MMM YYYY, ddd }}\n---\n# {{title}}\n\nAdded {{date}} at {{time}} ({{time:HH:mm:ss A}})\n";
		expect(make(template, "")).toEqual({
			ok: true,
			text: "---\ncreated: 2026-11-26\nadded: 26 Nov 2026, Thu\n---\n# Ada Lovelace\n\nAdded 2026-11-26 at 09:05 (09:05:00 AM)\n",
		});
	});

	it("a name is put in as it is written ($& and $1 are no patterns)", () => {
		expect(make("# {{title}}\n", "", "Ada $& Co $1")).toEqual({ ok: true, text: "# Ada $& Co $1\n" });
	});
});
