// @vitest-environment happy-dom
/**
 * A log into a note open in reading view: the note's editor still holds its text (Obsidian keeps
 * it while reading view shows), so the entry goes in through it and is saved; reading view shows
 * the entry, and the view stays in reading view.
 */
import { describe, expect, it } from "vitest";
import { pressKey, textOf, type } from "../runtime/harness";
import { start } from "./plugin-harness";

const ADA = "People/Ada Lovelace.md";
const TEXT =
	"---\ncadence: monthly\nlast_contact: 2026-09-01\n---\nMet at the conference.\n\n## Interactions\n\n- 2026-09-01 — coffee: Talked about engines.\n";

describe("a log into a note open in reading view", () => {
	it("writes the entry to the file and reading view shows it", async () => {
		const s = await start({ [ADA]: TEXT });
		const view = await s.app.openNote(ADA, { mode: "preview" });
		expect(textOf(view.previewMode.containerEl)).not.toContain("Caught up on the Analytical Engine");

		s.app.runCommand("log-interaction");
		const form = s.app.activeModal!;
		expect(form.titleEl.textContent).toBe("Log interaction with Ada Lovelace");
		const note = form.contentEl.querySelector<HTMLElement>('[aria-label="Note"]')!;
		type(note, "Caught up on the Analytical Engine");
		pressKey(note, "Enter");
		await s.app.settle();

		const expected = TEXT.replace("last_contact: 2026-09-01", "last_contact: 2026-11-26").concat(
			"- 2026-11-26 — call: Caught up on the Analytical Engine\n",
		);
		expect(s.app.readFile(ADA)).toBe(expected);
		expect(view.getMode()).toBe("preview");
		const items = [...view.previewMode.containerEl.querySelectorAll("li")].map((li) => li.textContent);
		expect(items).toEqual(["2026-09-01 — coffee: Talked about engines.", "2026-11-26 — call: Caught up on the Analytical Engine"]);
		expect(s.app.editorConflicts).toEqual([]);
		expect(s.app.noticeMessages()).toContain("Logged call with Ada Lovelace");
		expect(s.plugin.ctx.index.get(ADA)?.lastContact).toBe(s.plugin.ctx.clock.today());
	});

	it("and back in the editing view, one undo takes the entry out", async () => {
		const s = await start({ [ADA]: TEXT });
		const view = await s.app.openNote(ADA, { mode: "preview" });
		await s.plugin.ctx.interactions.contactedToday(ADA);
		await s.app.settle();
		expect(textOf(view.previewMode.containerEl)).toContain("2026-11-26");
		await view.setMode("source");
		view.editor.undo();
		await s.app.settle();
		expect(s.app.readFile(ADA)).toBe(TEXT);
	});
});
