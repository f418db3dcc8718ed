// @vitest-environment happy-dom
/**
 * A log into a note open in reading view: the note's editor still holds its text (Obsidian keeps
 * it while reading view shows), so the entry goes in through it and is saved; reading view shows
 * the entry, and the view stays in reading view. Each test checks the path too: the entry is in
 * the editor before anything reaches the disk, which only the editor's autosave writes, and the
 * note writer never went around it with `vault.process`.
 */
import { describe, expect, it, vi } from "vitest";
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
		const process = vi.spyOn(s.app.vault, "process");

		s.app.runCommand("log-interaction");
		const form = s.app.activeModal!;
		expect(form.titleEl.textContent).toBe("Log interaction with Ada Lovelace");
		const note = form.contentEl.querySelector<HTMLElement>('[aria-label="Note"]')!;
		type(note, "Caught up on the Analytical Engine");
		pressKey(note, "Enter");
		const expected = TEXT.replace("last_contact: 2026-09-01", "last_contact: 2026-11-26").concat(
			"- 2026-11-26 — call: Caught up on the Analytical Engine\n",
		);
		// Well within the editor's 2 s autosave: the entry is in the editor, not yet on disk.
		await s.app.tick(500);
		expect(s.app.noticeMessages()).toContain("Logged call with Ada Lovelace");
		expect(view.editor.getValue()).toBe(expected);
		expect(s.app.readFile(ADA), "the log went to the disk, not through the open editor").toBe(TEXT);
		await s.app.settle();

		expect(process).not.toHaveBeenCalled();
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
		const process = vi.spyOn(s.app.vault, "process");
		await s.plugin.ctx.interactions.contactedToday(ADA);
		expect(view.editor.getValue()).toContain("- 2026-11-26\n");
		expect(s.app.readFile(ADA), "the log went to the disk, not through the open editor").toBe(TEXT);
		await s.app.settle();
		expect(process).not.toHaveBeenCalled();
		expect(textOf(view.previewMode.containerEl)).toContain("2026-11-26");
		await view.setMode("source");
		view.editor.undo();
		await s.app.settle();
		expect(s.app.readFile(ADA)).toBe(TEXT);
	});
});
