// @vitest-environment happy-dom
/**
 * The reach-out queue and triage, driven by keys (and, for phones, buttons) on the example vault:
 * each action writes what it should and `u` puts the note back byte for byte.
 */
import { describe, expect, it } from "vitest";
import { LogModal } from "../../src/ui/log-modal";
import { ReachOutModal } from "../../src/ui/reach-out-modal";
import { TriageModal } from "../../src/ui/triage-modal";
import { DatePromptModal } from "../../src/ui/date-prompt";
import { click, createTestApp, pressKey, type } from "../runtime/harness";
import { exampleFiles, groupTitles, manifest, openSidebar, PinnedPlugin, row, rowNames, start, type Started } from "./plugin-harness";

const ADA = "People/Ada Lovelace.md";
const GRACE = "People/Grace Hopper.md";
const RADIA = "People/Radia Perlman.md";
const FRANCES = "People/Frances Allen.md";

async function openQueue(s: Started): Promise<ReachOutModal> {
	s.app.runCommand("start-reach-out");
	const m = s.app.activeModal;
	if (!(m instanceof ReachOutModal)) throw new Error("the reach-out queue is not open");
	await m.cardRead;
	return m;
}

function cardName(m: { contentEl: HTMLElement }): string {
	return m.contentEl.querySelector(".stay-in-touch-queue-name")?.textContent ?? "";
}

/** Presses a key in the modal, then lets writes and the index settle. */
async function press(s: Started, m: { contentEl: HTMLElement }, key: string): Promise<void> {
	pressKey(m.contentEl, key);
	await s.app.settle();
}

/** `l` on the queue: the log form it opens for the current card. */
async function openLogForm(s: Started, m: ReachOutModal): Promise<LogModal> {
	await press(s, m, "l");
	const form = s.app.activeModal;
	if (!(form instanceof LogModal)) throw new Error("the log form is not open");
	return form;
}

function noteField(form: LogModal): HTMLTextAreaElement {
	return form.contentEl.querySelector<HTMLTextAreaElement>("textarea[aria-label='Note']")!;
}

/** Types `note` into the log form and sends it (the write lands on the next settle). */
function sendLog(form: LogModal, note: string): void {
	type(noteField(form), note);
	click([...form.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Log")!);
}

describe("the reach-out queue", () => {
	it("shows one card per person in urgency order, with why now, the last interactions, favors, birthday and next topics", async () => {
		const files = exampleFiles();
		const s = await start({
			...files,
			[ADA]: `${files[ADA]}\n## Next\n\n- the Bernoulli notes\n- [ ] her move to Acme\n`,
			"Daily/2026-11-10.md": "Lunch with [[Ada Lovelace|Ada]]: she wants the Bernoulli notes back.\n",
		});
		const m = await openQueue(s);
		expect(m.session.items.map((x) => x.person.name)).toEqual([
			"Ada Lovelace",
			"Grace Hopper",
			"Edsger Dijkstra",
			"Sophie Wilson",
			"Tim Berners-Lee",
			"Linus Torvalds",
			"Katherine Johnson",
			"Radia Perlman",
			"Barbara Liskov",
		]);
		expect(cardName(m)).toBe("Ada Lovelace");
		expect(m.contentEl.querySelector(".stay-in-touch-queue-progress")?.textContent).toBe("1 of 9");
		expect([...m.contentEl.querySelectorAll(".stay-in-touch-queue-why .stay-in-touch-badge")].map((b) => b.textContent)).toEqual([
			"7 days overdue",
			"birthday in 14 days",
			"you owe them: intro to Sam",
		]);
		const lines = (cls: string) => [...m.contentEl.querySelectorAll(`.${cls} li`)].map((li) => li.textContent);
		expect(lines("mod-interactions")).toEqual([
			"2026-11-12 — call: She is moving to Acme next spring. Asked for an intro to Sam from the hardware team.",
			"2026-11-10 — Lunch with Ada: she wants the Bernoulli notes back.",
			"2026-10-29 — coffee: Talked about her notes on the engine.",
		]);
		expect(lines("mod-owe")).toEqual(["intro to Sam"]);
		expect(lines("mod-birthday")).toEqual(["2026-12-10 (in 14 days)"]);
		expect(lines("mod-next")).toEqual(["the Bernoulli notes", "her move to Acme"]);
	});

	it("c logs contact today and moves on; u puts the note back and returns to the card", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile(ADA);
		const m = await openQueue(s);
		await press(s, m, "c");
		expect(s.app.readFile(ADA)).toBe(
			before
				.replace("last_contact: 2026-11-12", "last_contact: 2026-11-26")
				.replace(
					"Asked for an intro to Sam from the hardware team.\n",
					"Asked for an intro to Sam from the hardware team.\n- 2026-11-26\n",
				),
		);
		expect(cardName(m)).toBe("Grace Hopper");
		await press(s, m, "u");
		expect(s.app.readFile(ADA)).toBe(before);
		expect(cardName(m)).toBe("Ada Lovelace");
	});

	it("s then 1, 2 or 3 snoozes for a week, a month or until a date; u takes each back", async () => {
		const s = await start(exampleFiles());
		const ada = s.app.readFile(ADA);
		const grace = s.app.readFile(GRACE);
		const m = await openQueue(s);
		await press(s, m, "s");
		expect([...m.contentEl.querySelectorAll(".stay-in-touch-queue-actions button")].map((b) => b.textContent)).toContain("1 month (2)");
		await press(s, m, "1");
		expect(s.app.readFile(ADA)).toBe(ada.replace("---\nMathematician", "snooze_until: 2026-12-03\n---\nMathematician"));
		await press(s, m, "s");
		await press(s, m, "2");
		expect(s.app.readFile(GRACE)).toContain("snooze_until: 2026-12-26\n");
		expect(cardName(m)).toBe("Edsger Dijkstra");
		await press(s, m, "s");
		await press(s, m, "3");
		const prompt = s.app.activeModal;
		if (!(prompt instanceof DatePromptModal)) throw new Error("the date prompt is not open");
		const input = prompt.contentEl.querySelector<HTMLInputElement>("input[aria-label='Date']")!;
		type(input, "2027-01-15");
		pressKey(input, "Enter");
		await s.app.settle();
		expect(s.app.readFile("Notes/Edsger Dijkstra.md")).toContain("snooze_until: 2027-01-15\n");
		await press(s, m, "u");
		await press(s, m, "u");
		await press(s, m, "u");
		expect(s.app.readFile(ADA)).toBe(ada);
		expect(s.app.readFile(GRACE)).toBe(grace);
		expect(cardName(m)).toBe("Ada Lovelace");
	});

	it("l opens the log form for the person; what it logs is undone by u", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile(ADA);
		const m = await openQueue(s);
		const form = await openLogForm(s, m);
		expect(form.titleEl.textContent).toBe("Log interaction with Ada Lovelace");
		sendLog(form, "Sent the intro to Sam.");
		await s.app.settle();
		expect(s.app.readFile(ADA)).toContain("- 2026-11-26 — call: Sent the intro to Sam.\n");
		expect(s.app.activeModal).toBe(m);
		expect(cardName(m)).toBe("Grace Hopper");
		await press(s, m, "u");
		expect(s.app.readFile(ADA)).toBe(before);
	});

	it("a log is recorded against its own card: space pressed while it is written does nothing", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile(ADA);
		const m = await openQueue(s);
		sendLog(await openLogForm(s, m), "Sent the intro to Sam.");
		pressKey(m.contentEl, " ");
		await s.app.settle();
		expect(s.app.readFile(ADA)).toContain("- 2026-11-26 — call: Sent the intro to Sam.\n");
		expect(m.summary()).toBe("1 logged");
		expect(cardName(m)).toBe("Grace Hopper");
		await press(s, m, "u");
		expect(s.app.readFile(ADA)).toBe(before);
		expect(cardName(m)).toBe("Ada Lovelace");
	});

	it("keys typed into a field are the field's: c, s and space act on no card", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile(ADA);
		const m = await openQueue(s);
		// The log form's fields, over the queue.
		const form = await openLogForm(s, m);
		for (const key of ["c", "s", " "]) pressKey(noteField(form), key);
		form.close();
		await s.app.settle();
		// A field the queue's keys reach (an editor still focused behind it, a field a theme adds).
		const editor = document.body.createDiv({ attr: { contenteditable: "true" } });
		const input = m.contentEl.createEl("input");
		for (const field of [editor, input]) for (const key of ["c", "s", " "]) pressKey(field, key);
		await s.app.settle();
		editor.remove();
		expect(s.app.readFile(ADA)).toBe(before);
		expect(m.summary()).toBe("Nothing done");
		expect(cardName(m)).toBe("Ada Lovelace");
		expect(m.contentEl.textContent).not.toContain("1 week (1)");
	});

	it("space skips, u comes back; the end sums up what was done", async () => {
		const s = await start(exampleFiles());
		const m = await openQueue(s);
		await press(s, m, " ");
		expect(cardName(m)).toBe("Grace Hopper");
		await press(s, m, "u");
		expect(cardName(m)).toBe("Ada Lovelace");
		await press(s, m, "c");
		await press(s, m, "s");
		await press(s, m, "1");
		for (let i = 0; i < 7; i++) await press(s, m, " ");
		expect(m.contentEl.querySelector(".stay-in-touch-queue-summary")?.textContent).toBe("All done: 1 logged, 1 snoozed, 7 skipped.");
	});

	it("u on the end screen goes back to the last card, and Esc then sums up", async () => {
		const s = await start(exampleFiles());
		const m = await openQueue(s);
		const total = m.session.items.length;
		for (let i = 0; i < total; i++) await press(s, m, " ");
		expect(m.contentEl.querySelector(".stay-in-touch-queue-summary")).not.toBeNull();
		await press(s, m, "u");
		expect(m.contentEl.querySelector(".stay-in-touch-queue-summary")).toBeNull();
		expect(cardName(m)).toBe(m.session.items[total - 1].person.name);
		pressKey(m.contentEl, "Escape");
		await s.app.settle();
		expect(s.app.noticeMessages()).toContain(`Reach-out ended: ${total - 1} skipped`);
	});

	it("works with buttons alone (a phone), and Esc ends with a notice of what was done", async () => {
		const s = await start(exampleFiles());
		const m = await openQueue(s);
		const button = (text: string) => [...m.contentEl.querySelectorAll("button")].find((b) => b.textContent === text)!;
		click(button("Skip (space)"));
		click(button("Contacted today (c)"));
		await s.app.settle();
		expect(s.app.readFile(GRACE)).toContain("- 2026-11-26\n");
		expect(cardName(m)).toBe("Edsger Dijkstra");
		pressKey(m.contentEl, "Escape");
		await s.app.settle();
		expect(s.app.activeModal).toBeNull();
		expect(s.app.noticeMessages()).toContain("Reach-out ended: 1 logged, 1 skipped");
	});

	it("Esc in the snooze menu goes back to the card; Esc on the card ends; the buttons name their keys as ARIA does", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile(ADA);
		const m = await openQueue(s);
		const shortcuts = () =>
			Object.fromEntries(
				[...m.contentEl.querySelectorAll("button")].map((b) => [b.textContent, b.getAttribute("aria-keyshortcuts")]),
			);
		expect(shortcuts()).toMatchObject({ "End (esc)": "Escape", "Skip (space)": "Space", "Log (l)": "L" });
		await press(s, m, "s");
		expect(shortcuts()).toMatchObject({ "1 week (1)": "1", "Back (esc)": "Escape" });
		pressKey(m.contentEl, "Escape");
		await s.app.settle();
		expect(s.app.activeModal).toBe(m);
		expect(cardName(m)).toBe("Ada Lovelace");
		expect(shortcuts()).toHaveProperty(["Log (l)"]);
		expect(s.app.readFile(ADA)).toBe(before);
		pressKey(m.contentEl, "Escape");
		await s.app.settle();
		expect(s.app.activeModal).toBeNull();
	});

	it("o opens the person's note", async () => {
		const s = await start(exampleFiles());
		const m = await openQueue(s);
		await press(s, m, "o");
		expect(s.app.activeModal).toBeNull();
		expect(s.app.workspace.getActiveFile()?.path).toBe(ADA);
	});

	it("starts from the sidebar's button", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		click(view.contentEl.querySelector("button.stay-in-touch-start-reach-out")!);
		expect(s.app.activeModal).toBeInstanceOf(ReachOutModal);
	});

	it("undo refuses when the note changed since, and says so", async () => {
		const s = await start(exampleFiles());
		const m = await openQueue(s);
		await press(s, m, "c");
		const changed = `${s.app.readFile(ADA)}\nA line typed since.\n`;
		await s.app.vault.modify(s.app.vault.getFileByPath(ADA)!, changed);
		await s.app.settle();
		await press(s, m, "u");
		expect(s.app.readFile(ADA)).toBe(changed);
		expect(cardName(m)).toBe("Grace Hopper");
		expect(s.app.noticeMessages().some((n) => n.includes("the note changed after contacted today for Ada Lovelace"))).toBe(true);
	});
});

describe("triage of untracked people", () => {
	async function openTriage(s: Started): Promise<TriageModal> {
		s.app.runCommand("triage-untracked");
		const m = s.app.activeModal;
		if (!(m instanceof TriageModal)) throw new Error("triage is not open");
		return m;
	}

	it("1–5 set a tier, p marks cadence: never, space skips; each one write, each undone by u", async () => {
		const s = await start(exampleFiles());
		const radia = s.app.readFile(RADIA);
		const frances = s.app.readFile(FRANCES);
		const m = await openTriage(s);
		expect(m.session.items.map((x) => x.person.name)).toEqual(["Radia Perlman"]);
		expect([...m.contentEl.querySelectorAll("button")].map((b) => b.textContent)).toEqual([
			"inner, 2 weeks (1)",
			"close, 1 month (2)",
			"casual, 3 months (3)",
			"distant, 6 months (4)",
			"dormant, 1 year (5)",
			"Never (p)",
			"Skip (space)",
			"Undo (u)",
		]);
		await press(s, m, "2");
		expect(s.app.readFile(RADIA)).toBe(radia.replace("birthday: 1951-12-04\n", "birthday: 1951-12-04\ncadence: close\n"));
		expect(m.contentEl.querySelector(".stay-in-touch-queue-summary")?.textContent).toBe("All done: 1 given a cadence.");
		await press(s, m, "u");
		expect(s.app.readFile(RADIA)).toBe(radia);
		await press(s, m, "p");
		expect(s.app.readFile(RADIA)).toBe(radia.replace("birthday: 1951-12-04\n", "birthday: 1951-12-04\ncadence: never\n"));
		expect(s.app.readFile(FRANCES)).toBe(frances);
		// cadence: never is never untracked again: triage has no one left to ask about.
		m.close();
		const again = await openTriage(s);
		expect(again.session.items).toEqual([]);
		expect(again.contentEl.textContent).toContain("no one to triage");
		expect(s.plugin.ctx.index.scheduledOne(RADIA, s.plugin.ctx.clock.today())?.schedule.status).toBe("ignored");
	});

	it("space skips and u comes back; the notice at Esc sums up", async () => {
		const s = await start(exampleFiles({ "People/Zed.md": "---\ntags: [person]\n---\n" }));
		const m = await openTriage(s);
		expect(m.session.items.map((x) => x.person.name)).toEqual(["Radia Perlman", "Zed"]);
		await press(s, m, " ");
		expect(cardName(m)).toBe("Zed");
		await press(s, m, "u");
		expect(cardName(m)).toBe("Radia Perlman");
		await press(s, m, "1");
		expect(s.app.readFile(RADIA)).toContain("cadence: inner\n");
		pressKey(m.contentEl, "Escape");
		expect(s.app.noticeMessages()).toContain("Triage ended: 1 given a cadence");
	});
});

describe("drifting in the sidebar", () => {
	it("lists an untracked person whose rhythm broke under Drifting, with the rhythm", async () => {
		const s = await start(
			exampleFiles({
				"People/Drifter.md":
					"---\ntags: [person]\n---\n## Interactions\n\n- 2026-08-20 — call\n- 2026-09-10 — call\n- 2026-10-01 — call\n",
			}),
		);
		const view = await openSidebar(s);
		expect(groupTitles(view)).toContain("Drifting 1");
		expect(rowNames(view, "drifting")).toEqual(["Drifter"]);
		expect(row(view, "drifting", "Drifter").querySelector(".stay-in-touch-meta")?.textContent).toBe(
			"last contact 8 weeks ago · usually every 3 weeks",
		);
	});
});

describe("before the people are read", () => {
	it("the queue and triage say the notes are still being read, not that there is no one", async () => {
		const app = await createTestApp(exampleFiles());
		await app.loadPlugin(PinnedPlugin, manifest, { finishStartup: false });
		for (const command of ["start-reach-out", "triage-untracked"]) {
			app.runCommand(command);
			expect(app.activeModal?.contentEl.textContent).toBe("The people notes are still being read; try again in a moment.Close");
			app.activeModal?.close();
		}
		await app.finishStartup();
		await app.settle();
		app.runCommand("start-reach-out");
		expect(app.activeModal?.contentEl.querySelector(".stay-in-touch-queue-name")?.textContent).toBe("Ada Lovelace");
	});
});
