// @vitest-environment happy-dom
/**
 * Importing contacts in Obsidian as a user does: the command, a file chosen in the modal, the
 * preview, a row left out, a tier, "Import"; then the notes, "Undo last import", and the export.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readContactsText } from "../../src/core/import/read";
import { planCounts } from "../../src/core/import/plan";
import { ContactImport } from "../../src/obsidian/contact-import";
import { ImportModal } from "../../src/ui/import-modal";
import { click } from "../runtime/harness";
import { start, type Started } from "./plugin-harness";

const FIXTURES = join(process.cwd(), "tests", "fixtures", "import");
const MARGARET = "People/Margaret Hamilton.md";
const MARGARET_TEXT = "---\nemail: margaret@apollo.example\ntags: [mentor]\n---\n# Margaret\n\n## Interactions\n- 2026-11-01 — call\n";

function files(s: Started): Record<string, string> {
	return Object.fromEntries(s.app.vault.getFiles().map((f) => [f.path, s.app.readFile(f.path)]));
}

/** Runs the command and picks `name` (a fixture) in the file input, as the system dialog would. */
async function chooseFile(s: Started, name: string, bytes = readFileSync(join(FIXTURES, name))): Promise<ImportModal> {
	s.app.runCommand("import-contacts");
	const modal = s.app.activeModal;
	if (!(modal instanceof ImportModal)) throw new Error("the import modal is not open");
	const input = modal.contentEl.querySelector<HTMLInputElement>("input[type=file]");
	if (!input) throw new Error("no file input");
	Object.defineProperty(input, "files", { value: [new File([bytes], name)], configurable: true });
	input.dispatchEvent(new Event("change"));
	await modal.loading;
	await s.app.settle();
	return modal;
}

function button(modal: ImportModal, text: RegExp): HTMLButtonElement {
	const found = [...modal.contentEl.querySelectorAll("button")].find((b) => text.test(b.textContent ?? ""));
	if (!found) throw new Error(`no button ${text}`);
	return found;
}

describe("Import contacts…", () => {
	it("previews the plan, leaves out an unticked row, writes the rest with the chosen tier, and undoes it all", async () => {
		const s = await start({ [MARGARET]: MARGARET_TEXT, "Notes/x.md": "x" });
		const before = files(s);
		const modal = await chooseFile(s, "linkedin-preamble.csv");
		expect(modal.contentEl.querySelector(".stay-in-touch-import-counts")?.textContent).toBe(
			"linkedin-preamble.csv: 2 new, 1 to update, 0 unchanged, 0 ambiguous, 0 skipped",
		);
		expect(
			[...modal.contentEl.querySelectorAll(".stay-in-touch-import-new .stay-in-touch-import-name")].map((e) => e.textContent),
		).toEqual(["People/Ada Lovelace.md", "People/Edsger Dijkstra.md"]);
		// Nothing is written by the preview.
		expect(files(s)).toEqual(before);
		const edsger = modal.contentEl.querySelector<HTMLInputElement>('input[aria-label="Import Edsger Dijkstra"]')!;
		edsger.checked = false;
		edsger.dispatchEvent(new Event("change"));
		const tier = modal.contentEl.querySelector<HTMLSelectElement>('select[aria-label="Cadence for new people"]')!;
		tier.value = "casual";
		tier.dispatchEvent(new Event("change"));
		const submit = button(modal, /^Import \d+ notes?$/);
		expect(submit.textContent).toBe("Import 2 notes");
		click(submit);
		await modal.writing;
		await s.app.settle();
		const after = files(s);
		expect(after["People/Ada Lovelace.md"]).toBe(
			"---\ncadence: casual\ncompany: Analytical Engines Ltd.\nrole: Mathematician\nlinkedin: https://www.linkedin.com/in/adalovelace\nmet: 2024-03-12\n---\n",
		);
		expect(after["People/Edsger Dijkstra.md"]).toBeUndefined();
		expect(after[MARGARET]).toBe(
			"---\nemail: margaret@apollo.example\ntags: [mentor]\ncompany: Hamilton Technologies\nrole: Founder, CEO\nlinkedin: https://www.linkedin.com/in/margaret-hamilton\nmet: 2021-01-03\n---\n# Margaret\n\n## Interactions\n- 2026-11-01 — call\n",
		);
		expect(s.app.noticeMessages().at(-1)).toBe("Imported contacts: 1 new, 1 updated");
		// The new person is a person at once, and not due: met is no contact.
		expect(s.plugin.ctx.index.get("People/Ada Lovelace.md")?.lastContact).toBeNull();

		s.app.runCommand("undo-last-import");
		await s.app.settle();
		expect(files(s)).toEqual(before);
		expect(s.app.noticeMessages().at(-1)).toBe("Undone: the last import (2 notes)");
	});

	it("a second import of the same file has nothing to write", async () => {
		const s = await start({ [MARGARET]: MARGARET_TEXT });
		let modal = await chooseFile(s, "linkedin-preamble.csv");
		click(button(modal, /^Import/));
		await modal.writing;
		await s.app.settle();
		const once = files(s);
		modal = await chooseFile(s, "linkedin-preamble.csv");
		expect(modal.contentEl.querySelector(".stay-in-touch-import-counts")?.textContent).toBe(
			"linkedin-preamble.csv: 0 new, 0 to update, 3 unchanged, 0 ambiguous, 0 skipped",
		);
		expect(button(modal, /^Import/).hasAttribute("disabled")).toBe(true);
		modal.close();
		expect(files(s)).toEqual(once);
	});

	it("undo leaves a note changed since the import, and names it", async () => {
		const s = await start({ [MARGARET]: MARGARET_TEXT });
		const modal = await chooseFile(s, "linkedin-plain.csv");
		click(button(modal, /^Import/));
		await modal.writing;
		await s.app.settle();
		await s.app.writeFile("People/Tim Berners-Lee.md", "my own words\n");
		s.app.runCommand("undo-last-import");
		await s.app.settle();
		expect(s.app.readFile("People/Tim Berners-Lee.md")).toBe("my own words\n");
		expect(s.app.vault.getFileByPath("People/Barbara Liskov.md")).toBeNull();
		expect(s.app.noticeMessages().at(-1)).toBe("Undone the last import, except 1 notes changed since: People/Tim Berners-Lee.md");
	});

	it.each([
		["truncated.vcf", "truncated.vcf: card 2 (line 5) is cut short: the file ends before its END:VCARD"],
		["latin1.csv", "latin1.csv is not UTF-8 text (it may have been saved as Latin-1 or Windows-1252); export it again as UTF-8"],
	])("%s: the modal says what is wrong and nothing is written", async (name, message) => {
		const s = await start({ [MARGARET]: MARGARET_TEXT });
		const before = files(s);
		const modal = await chooseFile(s, name);
		expect(modal.contentEl.querySelector(".stay-in-touch-import-error")?.textContent).toBe(message);
		expect(files(s)).toEqual(before);
		expect(s.app.activeModal).toBe(modal);
	});

	it("a new person follows the person template", async () => {
		const s = await start({ "Templates/Person.md": "---\ntags: [person]\n---\n# {{title}}\n", [MARGARET]: MARGARET_TEXT });
		s.plugin.ctx.settings.patch({ personTemplate: "Templates/Person.md" });
		const modal = await chooseFile(s, "linkedin-plain.csv");
		click(button(modal, /^Import/));
		await modal.writing;
		await s.app.settle();
		expect(s.app.readFile("People/Tim Berners-Lee.md")).toBe(
			"---\ntags: [person]\ncompany: W3C\nrole: Director\nlinkedin: https://www.linkedin.com/in/timbl\nmet: 2015-04-01\n---\n# Tim Berners-Lee\n",
		);
	});
});

describe("Export people as vCard", () => {
	it("writes one vCard file to the vault that, imported back, plans nothing", async () => {
		const s = await start({
			[MARGARET]: MARGARET_TEXT,
			"People/Ada Lovelace.md": "---\nbirthday: 12-10\naliases: [Countess]\ntags: [poets]\n---\n",
		});
		s.app.runCommand("export-vcard");
		await s.app.settle();
		const text = s.app.readFile("people 2026-11-26.vcf");
		expect(text).toContain(
			"FN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nNICKNAME:Countess\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10\r\nCATEGORIES:poets\r\n",
		);
		const read = readContactsText(text);
		if (!read.ok) throw new Error(read.error);
		const importer = new ContactImport(s.plugin.ctx);
		expect(planCounts(importer.plan(read).rows)).toEqual({ new: 0, update: 0, unchanged: 2, ambiguous: 0, skipped: 0 });
	});
});

describe("a large file", () => {
	it("shows a hundred rows per section, then more on request; rows not shown are still imported", async () => {
		const s = await start({});
		const lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"];
		for (let i = 0; i < 250; i++) lines.push(`Person,Number ${i},,,,,1 Mar 2024`);
		const modal = await chooseFile(s, "Connections.csv", Buffer.from(lines.join("\n")));
		const shown = () => modal.contentEl.querySelectorAll(".stay-in-touch-import-new .stay-in-touch-import-row").length;
		expect(shown()).toBe(100);
		click(button(modal, /^Show 100 more of 150$/));
		expect(shown()).toBe(200);
		click(button(modal, /^Import 250 notes$/));
		await modal.writing;
		await s.app.settle();
		expect(s.app.vault.getFiles().filter((f) => f.path.startsWith("People/"))).toHaveLength(250);
	});
});

describe("a file over the size limit", () => {
	it("is refused by its size before it is read", async () => {
		const s = await start({ [MARGARET]: MARGARET_TEXT });
		s.app.runCommand("import-contacts");
		const modal = s.app.activeModal;
		if (!(modal instanceof ImportModal)) throw new Error("the import modal is not open");
		const input = modal.contentEl.querySelector<HTMLInputElement>("input[type=file]")!;
		const file = new File(["BEGIN:VCARD"], "huge.vcf");
		Object.defineProperty(file, "size", { value: 8 * 1024 ** 3 });
		let read = false;
		file.arrayBuffer = () => {
			read = true;
			return Promise.reject(new Error("out of memory"));
		};
		Object.defineProperty(input, "files", { value: [file], configurable: true });
		input.dispatchEvent(new Event("change"));
		await modal.loading;
		expect(read).toBe(false);
		expect(modal.contentEl.querySelector(".stay-in-touch-import-error")?.textContent).toMatch(
			/^huge\.vcf is 8192\.0 MB; files up to 20\.0 MB can be imported/,
		);
	});
});

describe("before the people are read", () => {
	it("refuses to plan, since every contact would look new", async () => {
		const s = await start({ [MARGARET]: MARGARET_TEXT });
		(s.plugin.ctx.index as { ready: boolean }).ready = false;
		const modal = await chooseFile(s, "linkedin-preamble.csv");
		expect(modal.contentEl.querySelector(".stay-in-touch-import-error")?.textContent).toBe(
			"The people in this vault are still being read; try again in a moment.",
		);
		expect(s.app.vault.getFiles().map((f) => f.path)).toEqual([MARGARET]);
	});
});

describe("an ambiguous contact", () => {
	it("is left out unless the user says who it is; then that person's empty properties are filled", async () => {
		const s = await start({ "People/Work/Sam Lee.md": "---\nrole: Engineer\n---\n", "People/Family/Sam Lee.md": "# Cousin\n" });
		const csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nSam,Lee,,,Acme,Manager,1 Mar 2024\n";
		let modal = await chooseFile(s, "Connections.csv", Buffer.from(csv));
		expect(button(modal, /^Import/).hasAttribute("disabled")).toBe(true);
		const who = modal.contentEl.querySelector<HTMLSelectElement>('select[aria-label="Who Sam Lee is"]')!;
		expect([...who.options].map((o) => o.textContent)).toEqual([
			"Not imported",
			"People/Family/Sam Lee.md",
			"People/Work/Sam Lee.md",
			"Someone new",
		]);
		who.value = "People/Work/Sam Lee.md";
		who.dispatchEvent(new Event("change"));
		expect(
			[...modal.contentEl.querySelectorAll(".stay-in-touch-import-ambiguous .stay-in-touch-import-detail")].map((e) => e.textContent),
		).toEqual(["company: Acme", "met: 2024-03-01"]);
		click(button(modal, /^Import 1 note$/));
		await modal.writing;
		await s.app.settle();
		expect(s.app.readFile("People/Work/Sam Lee.md")).toBe("---\nrole: Engineer\ncompany: Acme\nmet: 2024-03-01\n---\n");
		expect(s.app.readFile("People/Family/Sam Lee.md")).toBe("# Cousin\n");

		modal = await chooseFile(s, "Connections.csv", Buffer.from(csv.replace("Sam,Lee", "Sam,Lee").replace("Acme", "Other Co")));
		const again = modal.contentEl.querySelector<HTMLSelectElement>('select[aria-label="Who Sam Lee is"]')!;
		again.value = again.options[3].value;
		again.dispatchEvent(new Event("change"));
		click(button(modal, /^Import 1 note$/));
		await modal.writing;
		await s.app.settle();
		expect(s.app.readFile("People/Sam Lee.md")).toBe("---\ncompany: Other Co\nrole: Manager\nmet: 2024-03-01\n---\n");
	});
});

describe("two ambiguous namesakes both settled as someone new", () => {
	it("get a note each", async () => {
		const s = await start({ "People/Work/Sam Lee.md": "# Work\n", "People/Family/Sam Lee.md": "# Cousin\n" });
		const csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nSam,Lee,,,Acme,,\nSam,Lee,,,Globex,,\n";
		const modal = await chooseFile(s, "Connections.csv", Buffer.from(csv));
		const selects = [...modal.contentEl.querySelectorAll<HTMLSelectElement>('select[aria-label="Who Sam Lee is"]')];
		expect(selects).toHaveLength(2);
		for (const select of selects) {
			select.value = select.options[select.options.length - 1].value;
			select.dispatchEvent(new Event("change"));
		}
		click(button(modal, /^Import 2 notes$/));
		await modal.writing;
		await s.app.settle();
		expect(s.app.readFile("People/Sam Lee.md")).toBe("---\ncompany: Acme\n---\n");
		expect(s.app.readFile("People/Sam Lee 2.md")).toBe("---\ncompany: Globex\n---\n");
	});
});

describe("a new note's path", () => {
	it("is never a file already there in another case (a case-insensitive disk would replace it)", async () => {
		const s = await start({ "PEOPLE/Ada LOVELACE.md": "not a person: people are tagged here\n" });
		s.plugin.ctx.settings.patch({ useFolders: false });
		await s.plugin.ctx.settings.save();
		await s.app.settle();
		expect(s.plugin.ctx.index.size).toBe(0);
		const csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,,,Acme,,\n";
		const modal = await chooseFile(s, "Connections.csv", Buffer.from(csv));
		expect(
			[...modal.contentEl.querySelectorAll(".stay-in-touch-import-new .stay-in-touch-import-name")].map((e) => e.textContent),
		).toEqual(["People/Ada Lovelace 2.md"]);
		modal.close();
	});
});

describe("a note that cannot take its changes", () => {
	it("is left byte for byte and named in the notice; the others are written", async () => {
		const ada = "---\ntags: person, poets\n---\n# Ada\n";
		const s = await start({ "People/Ada Lovelace.md": ada });
		const modal = await chooseFile(s, "google-new.csv");
		click(button(modal, /^Import/));
		await modal.writing;
		await s.app.settle();
		expect(s.app.readFile("People/Ada Lovelace.md")).toBe(ada);
		expect(s.app.vault.getFileByPath("People/Alan Mathison Turing.md")).not.toBeNull();
		expect(s.app.noticeMessages().at(-1)).toBe(
			'Imported contacts: 2 new, 0 updated; 1 not written: People/Ada Lovelace.md: tags is written as one text ("person, poets"); make it a list to add the labels',
		);
	});
});

describe("undo of a note the import wrote twice", () => {
	const WORK = "People/Work/Sam Lee.md";
	const WORK_TEXT = "---\nemail: sam@work.example\n---\n# Sam\n";
	const csv =
		"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nSamuel,Lee,,sam@work.example,Acme,,1 Mar 2024\nSam,Lee,,,,Manager,\n";

	async function importTwice(s: Started): Promise<void> {
		const modal = await chooseFile(s, "Connections.csv", Buffer.from(csv));
		const who = modal.contentEl.querySelector<HTMLSelectElement>('select[aria-label="Who Sam Lee is"]')!;
		who.value = WORK;
		who.dispatchEvent(new Event("change"));
		click(button(modal, /^Import 2 notes$/));
		await modal.writing;
		await s.app.settle();
	}

	it("an email match and an ambiguous row settled to the same note: undo gives the note back as it was", async () => {
		const s = await start({ [WORK]: WORK_TEXT, "People/Family/Sam Lee.md": "# Cousin\n" });
		await importTwice(s);
		expect(s.app.readFile(WORK)).toBe("---\nemail: sam@work.example\ncompany: Acme\nmet: 2024-03-01\nrole: Manager\n---\n# Sam\n");
		s.app.runCommand("undo-last-import");
		await s.app.settle();
		expect(s.app.readFile(WORK)).toBe(WORK_TEXT);
		expect(s.app.noticeMessages().at(-1)).toBe("Undone: the last import (1 notes)");
	});

	it("an updated note changed since the import is left as it is, and named", async () => {
		const s = await start({ [WORK]: WORK_TEXT, "People/Family/Sam Lee.md": "# Cousin\n" });
		await importTwice(s);
		const mine = `${s.app.readFile(WORK)}\nMy own words.\n`;
		await s.app.writeFile(WORK, mine);
		s.app.runCommand("undo-last-import");
		await s.app.settle();
		expect(s.app.readFile(WORK)).toBe(mine);
		expect(s.app.noticeMessages().at(-1)).toBe(`Undone the last import, except 1 notes changed since: ${WORK}`);
	});
});
