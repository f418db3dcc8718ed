// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { load } from "js-yaml";
import { LogModal, openLogModal } from "../../src/ui/log-modal";
import { PersonPicker } from "../../src/ui/person-picker";
import { click, pressKey, setValue, type } from "../runtime/harness";
import { exampleFiles, start, type Started } from "./plugin-harness";

const ADA = "People/Ada Lovelace.md";

function modal(s: Started): LogModal {
	const m = s.app.activeModal;
	if (!(m instanceof LogModal)) throw new Error("the log modal is not open");
	return m;
}

function field<T extends HTMLElement>(m: LogModal, label: string): T {
	const el = m.contentEl.querySelector<T>(`[aria-label="${label}"]`);
	if (!el) throw new Error(`no field ${label}`);
	return el;
}

function notes(s: Started): Record<string, string> {
	return Object.fromEntries(Object.entries(s.app.snapshot()).filter(([path]) => path.endsWith(".md")));
}

function frontmatter(text: string): Record<string, unknown> {
	return load(text.split("---")[1]) as Record<string, unknown>;
}

describe("Log interaction", () => {
	it("logs with the active person preselected: date, type, multi-line note, Enter submits", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile(ADA);
		await s.app.openNote(ADA);
		s.app.runCommand("log-interaction");
		const m = modal(s);
		expect(m.titleEl.textContent).toBe("Log interaction with Ada Lovelace");
		type(field(m, "Date"), "yesterday");
		expect(m.contentEl.querySelector(".stay-in-touch-date-message")?.textContent).toBe("Wednesday, 2026-11-25");
		setValue(field<HTMLSelectElement>(m, "Type"), "coffee");
		type(field(m, "Note"), "Talked about her move to Acme.\nShe wants an intro to Sam.");
		pressKey(field(m, "Note"), "Enter");
		await s.app.settle();
		expect(s.app.activeModal).toBeNull();
		const after = s.app.readFile(ADA);
		expect(after).toBe(
			before
				.replace("last_contact: 2026-11-12", "last_contact: 2026-11-25")
				.replace(
					"    Asked for an intro to Sam from the hardware team.\n",
					"    Asked for an intro to Sam from the hardware team.\n- 2026-11-25 — coffee: Talked about her move to Acme.\n  She wants an intro to Sam.\n",
				),
		);
		expect(s.app.noticeMessages()).toContain("Logged coffee with Ada Lovelace on 2026-11-25");
	});

	it("asks for the person first when the active note is not a person, fuzzy over names and aliases", async () => {
		const s = await start(exampleFiles());
		await s.app.openNote("Notes/Project ideas.md");
		s.app.runCommand("log-interaction");
		const picker = s.app.activeModal;
		if (!(picker instanceof PersonPicker)) throw new Error("the person picker is not open");
		type(picker.inputEl, "countess");
		const items = [...picker.modalEl.querySelectorAll(".suggestion-item")];
		expect(items.map((i) => i.querySelector(".stay-in-touch-suggestion-name")?.textContent)).toEqual(["Ada Lovelace"]);
		expect(items[0].querySelector(".stay-in-touch-badge")?.textContent).toBe("overdue");
		pressKey(picker.inputEl, "Enter");
		expect(modal(s).titleEl.textContent).toBe("Log interaction with Ada Lovelace");
	});

	it("highlights what matched in the person picker, in the name and in the aliases, as text", async () => {
		const s = await start(exampleFiles());
		await s.app.openNote("Notes/Project ideas.md");
		s.app.runCommand("log-interaction");
		const picker = s.app.activeModal;
		if (!(picker instanceof PersonPicker)) throw new Error("the person picker is not open");
		type(picker.inputEl, "lovel");
		const ada = [...picker.modalEl.querySelectorAll(".suggestion-item")].find(
			(i) => i.querySelector(".stay-in-touch-suggestion-name")?.textContent === "Ada Lovelace",
		)!;
		expect([...ada.querySelectorAll(".stay-in-touch-suggestion-name .suggestion-highlight")].map((h) => h.textContent).join("")).toBe(
			"Lovel",
		);
		type(picker.inputEl, "countess");
		const item = picker.modalEl.querySelector(".suggestion-item")!;
		expect(item.querySelector(".stay-in-touch-suggestion-name")?.textContent).toBe("Ada Lovelace");
		expect(item.querySelector(".stay-in-touch-suggestion-note")?.textContent).toBe("Ada, Countess of Lovelace");
		const highlighted = (cls: string) => [...item.querySelectorAll(`.${cls} .suggestion-highlight`)].map((h) => h.textContent).join("");
		// Fuzzy: the matcher may take the first letter from the name; the rest is in the alias.
		expect(`${highlighted("stay-in-touch-suggestion-name")}${highlighted("stay-in-touch-suggestion-note")}`.toLowerCase()).toBe(
			"countess",
		);
		expect(highlighted("stay-in-touch-suggestion-note")).toMatch(/ountess$/);
	});

	it("explains a date it cannot read inline and writes nothing", async () => {
		const s = await start(exampleFiles());
		const before = notes(s);
		await s.app.openNote(ADA);
		s.app.runCommand("log-interaction");
		const m = modal(s);
		type(field(m, "Date"), "the other day");
		const message = m.contentEl.querySelector(".stay-in-touch-date-message")!;
		expect(message.textContent).toContain("'the other day' is not a date");
		expect(message.hasClass("mod-warning")).toBe(true);
		pressKey(field(m, "Date"), "Enter");
		await s.app.settle();
		expect(s.app.activeModal).toBe(m);
		type(field(m, "Date"), "tomorrow");
		expect(message.textContent).toBe("Friday, 2026-11-27 is in the future");
		click([...m.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Log")!);
		await s.app.settle();
		expect(notes(s)).toEqual(before);
	});

	it("adds favors in both directions and resolves one, saying so in the entry", async () => {
		const s = await start(exampleFiles());
		await s.app.openNote(ADA);
		s.app.runCommand("log-interaction");
		const m = modal(s);
		type(field(m, "I now owe them"), "review her paper");
		type(field(m, "They now owe me"), "intro to her editor");
		const toggle = [...m.contentEl.querySelectorAll(".setting-item")].find((el) =>
			el.textContent?.startsWith("Favor I returned: intro to Sam"),
		);
		click(toggle!.querySelector(".checkbox-container")!);
		pressKey(field(m, "Note"), "Enter");
		await s.app.settle();
		const text = s.app.readFile(ADA);
		const fm = frontmatter(text);
		expect(fm.owed_favors).toEqual(["2026-11-26: review her paper"]);
		expect(fm.owed_to_me).toEqual(["2026-11-26: intro to her editor"]);
		expect(text).toContain("- 2026-11-26 — call — favor returned: intro to Sam\n");
	});

	it("leaves a note with broken frontmatter byte-for-byte untouched and says why", async () => {
		const broken = "---\ncadence: [weekly\nlast_contact: 2026-11-01\n---\n#person\n";
		const s = await start({ "People/Bob.md": broken });
		await s.plugin.ctx.interactions.log("People/Bob.md", { day: 20783, type: "call", note: "" });
		await s.app.settle();
		expect(s.app.readFile("People/Bob.md")).toBe(broken);
		expect(s.app.noticeMessages().at(-1)).toMatch(/^Nothing was written to People\/Bob\.md: the frontmatter is not valid YAML: .+/);
	});

	it("goes through the editor when the note is open, so typing and undo survive", async () => {
		const s = await start(exampleFiles());
		const view = await s.app.openNote(ADA);
		const editor = view.editor;
		editor.setCursor({ line: 10, ch: 0 });
		editor.replaceRange("Typed by hand. ", { line: 10, ch: 0 });
		editor.setCursor({ line: 10, ch: 15 });
		await s.plugin.api.logInteraction(ADA, { type: "email", note: "Sent the slides" });
		expect(editor.getValue()).toContain("Typed by hand. ");
		expect(editor.getValue()).toContain("- 2026-11-26 — email: Sent the slides\n");
		expect(editor.getCursor()).toEqual({ line: 10, ch: 15 });
		await s.app.settle();
		expect(s.app.readFile(ADA)).toBe(editor.getValue());
		editor.undo();
		expect(editor.getValue()).not.toContain("Sent the slides");
		expect(editor.getValue()).toContain("Typed by hand. ");
	});

	it("lands every one of 20 logs started at once, in date order", async () => {
		const s = await start({ "People/Ann.md": "---\ncadence: weekly\n---\n" });
		const days = Array.from({ length: 20 }, (_, i) => `2026-10-${String(30 - i).padStart(2, "0")}`);
		await Promise.all(days.map((date) => s.plugin.api.logInteraction("People/Ann.md", { date, type: "call", note: date })));
		await s.app.settle();
		const text = s.app.readFile("People/Ann.md");
		const logged = [...text.matchAll(/^- (\d{4}-\d{2}-\d{2}) — call: \1$/gm)].map((m) => m[1]);
		expect(logged).toEqual([...days].sort());
		expect(frontmatter(text).last_contact).toBe("2026-10-30");
	});

	it("'Log interaction today' logs a bare contact with the active person at once", async () => {
		const s = await start(exampleFiles());
		expect(s.app.runCommand("log-interaction-today")).toBe(false);
		await s.app.openNote("People/Alan Turing.md");
		expect(s.app.runCommand("log-interaction-today")).toBe(true);
		await s.app.settle();
		expect(s.app.readFile("People/Alan Turing.md")).toBe(
			"---\ntags: [person]\ncadence: quarterly\nlast_contact: 2026-11-26\n---\nRuns long distances; likes puzzles and chess problems.\n\n## Interactions\n\n- 2026-11-26\n",
		);
	});
});

describe("the API's logInteraction", () => {
	it("takes one favor as a plain string, and refuses a favor that is not text instead of dropping it", async () => {
		const s = await start(exampleFiles());
		expect(
			await s.plugin.api.logInteraction("People/Grace Hopper.md", { date: "2026-11-20", note: "Caught up", owe: "a talk" }),
		).toEqual({ ok: true });
		expect(s.app.readFile("People/Grace Hopper.md")).toMatch(/\nowed_favors:\n {2}- "?\d{4}-\d{2}-\d{2}: a talk"?\n/);
		const before = s.app.readFile("People/Grace Hopper.md");
		const wrong = { owed: 42 } as unknown as { owed: string };
		expect(await s.plugin.api.logInteraction("People/Grace Hopper.md", wrong)).toEqual({
			ok: false,
			error: "owed must be a favor's text or a list of them",
		});
		expect(s.app.readFile("People/Grace Hopper.md")).toBe(before);
	});
});

describe("Undo last log", () => {
	it("restores the note exactly as it was", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile("People/Grace Hopper.md");
		await s.plugin.api.logInteraction("People/Grace Hopper.md", { note: "Caught up", owe: ["a talk"] });
		expect(s.app.readFile("People/Grace Hopper.md")).not.toBe(before);
		expect(s.app.runCommand("undo-last-log")).toBe(true);
		await s.app.settle();
		expect(s.app.readFile("People/Grace Hopper.md")).toBe(before);
		expect(s.app.runCommand("undo-last-log")).toBe(false);
	});

	it("refuses when the note changed after the log", async () => {
		const s = await start(exampleFiles());
		await s.plugin.api.logInteraction("People/Grace Hopper.md", { note: "Caught up" });
		const edited = `${s.app.readFile("People/Grace Hopper.md")}A line added later.\n`;
		await s.app.writeFile("People/Grace Hopper.md", edited);
		s.app.runCommand("undo-last-log");
		await s.app.settle();
		expect(s.app.readFile("People/Grace Hopper.md")).toBe(edited);
		expect(s.app.noticeMessages().at(-1)).toBe(
			"Cannot undo the last log in People/Grace Hopper.md: the note changed after the log, so undoing could lose those changes.",
		);
	});
});

describe("writes that cannot happen", () => {
	it("a note deleted before the write is reported, not thrown", async () => {
		const s = await start(exampleFiles());
		const file = s.app.vault.getFileByPath("People/Alan Turing.md")!;
		await s.app.deleteFile("People/Alan Turing.md");
		const outcome = await s.plugin.ctx.interactions.log(file, { day: 20783, type: "call", note: "" });
		expect(outcome.ok).toBe(false);
		expect(s.app.noticeMessages().at(-1)).toBe("Nothing was written: People/Alan Turing.md no longer exists.");
		expect(await s.plugin.ctx.interactions.snooze("People/Alan Turing.md", 20790)).toEqual({
			ok: false,
			error: "People/Alan Turing.md does not exist",
		});
	});

	it("a note that vanishes under the writer is an outcome, not an exception", async () => {
		const s = await start(exampleFiles());
		const file = s.app.vault.getFileByPath("People/Alan Turing.md")!;
		await s.app.deleteFile("People/Alan Turing.md");
		const outcome = await s.plugin.ctx.interactions.writer.write(file, (text) => ({ ok: true, text: `${text}\n` }));
		expect(outcome.ok).toBe(false);
		expect(outcome.ok ? "" : outcome.error).toMatch(/^the note could not be written \(.+\)$/);
	});

	it("refuses a future date from the API and writes nothing", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile("People/Alan Turing.md");
		const result = await s.plugin.api.logInteraction("People/Alan Turing.md", { date: "in 2 weeks" });
		expect(result).toEqual({ ok: false, error: "2026-12-10 is in the future; log an interaction once it happened" });
		expect(s.app.readFile("People/Alan Turing.md")).toBe(before);
	});
});

describe("a note that moves while its log form is open", () => {
	it("lands the entry in the note renamed meanwhile", async () => {
		const s = await start(exampleFiles());
		openLogModal(s.plugin.ctx, ADA);
		const m = modal(s);
		type(field(m, "Note"), "Caught up");
		await s.app.renameFile(ADA, "People/Ada King.md");
		await s.app.settle();
		click([...m.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Log")!);
		await s.app.settle();
		expect(s.app.readFile("People/Ada King.md")).toContain("— call: Caught up");
	});

	it("says nothing was written when the note was deleted meanwhile", async () => {
		const s = await start(exampleFiles());
		openLogModal(s.plugin.ctx, ADA);
		const m = modal(s);
		await s.app.deleteFile(ADA);
		await s.app.settle();
		click([...m.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Log")!);
		await s.app.settle();
		expect(s.app.noticeMessages().at(-1)).toBe(`Nothing was written: ${ADA} no longer exists.`);
	});
});
