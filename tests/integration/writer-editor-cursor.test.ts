// @vitest-environment happy-dom
/**
 * Logging while the note is open and the user is typing in it ("Log interaction today" from a
 * hotkey, or the sidebar's "Contacted today"): the change goes through the editor, and the
 * cursor must stay in the text it was in, so the next keystrokes land where the user meant them,
 * never inside the new entry or before the frontmatter.
 */
import { describe, expect, it } from "vitest";
import { start } from "./plugin-harness";

const ANN = "People/Ann.md";

/** The note open in the editor, the cursor at `offset` (default: the end), as after a click there. */
async function openAt(s: Awaited<ReturnType<typeof start>>, offset?: number) {
	const view = await s.app.openNote(ANN);
	const editor = view.editor;
	editor.setCursor(editor.offsetToPos(offset ?? editor.getValue().length));
	return editor;
}

describe("logging while typing in the open note", () => {
	it("keeps typing on the user's own last line when the note ends without a final newline", async () => {
		const s = await start({
			[ANN]: "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n## Interactions\n- 2026-11-01 — call: Talked",
		});
		const editor = await openAt(s);
		editor.replaceSelection(" about");
		expect(s.app.runCommand("log-interaction-today")).toBe(true);
		await s.app.settle();
		editor.replaceSelection(" Acme");
		await s.app.settle();
		expect(s.app.readFile(ANN)).toBe(
			"---\ncadence: weekly\nlast_contact: 2026-11-26\n---\n## Interactions\n- 2026-11-01 — call: Talked about Acme\n- 2026-11-26",
		);
	});

	it("keeps the cursor on the empty last line below the new entry, so typing does not break the entry", async () => {
		const s = await start({ [ANN]: "---\ncadence: weekly\n---\n## Interactions\n- 2026-11-01 — call\n" });
		const editor = await openAt(s);
		s.app.runCommand("log-interaction-today");
		await s.app.settle();
		editor.replaceSelection("Next: send the slides.");
		await s.app.settle();
		expect(s.app.readFile(ANN)).toBe(
			"---\ncadence: weekly\nlast_contact: 2026-11-26\n---\n## Interactions\n- 2026-11-01 — call\n- 2026-11-26\nNext: send the slides.",
		);
	});

	it("keeps the cursor after new frontmatter written at the very start of the note", async () => {
		const s = await start({ [ANN]: "Met at the conference.\n" });
		const editor = await openAt(s, 0);
		s.app.runCommand("log-interaction-today");
		await s.app.settle();
		editor.replaceSelection("Ann ");
		await s.app.settle();
		expect(s.app.readFile(ANN)).toBe(
			"---\nlast_contact: 2026-11-26\n---\nAnn Met at the conference.\n\n## Interactions\n\n- 2026-11-26\n",
		);
	});

	it("keeps the cursor where it was on a frontmatter line whose date changes", async () => {
		const s = await start({ [ANN]: "---\nlast_contact: 2026-11-01 # from my phone\ncadence: weekly\n---\n" });
		const editor = await openAt(s);
		editor.setCursor({ line: 1, ch: 30 });
		await s.plugin.api.logInteraction(ANN, { type: "call" });
		expect(editor.getLine(1)).toBe("last_contact: 2026-11-26 # from my phone");
		expect(editor.getCursor()).toEqual({ line: 1, ch: 30 });
	});

	it("keeps CRLF line breaks whole and the cursor in place", async () => {
		const s = await start({ [ANN]: "---\r\nlast_contact: 2026-11-01\r\n---\r\n## Interactions\r\n- 2026-11-01 — call\r\n" });
		const editor = await openAt(s);
		s.app.runCommand("log-interaction-today");
		await s.app.settle();
		editor.replaceSelection("Next");
		await s.app.settle();
		expect(s.app.readFile(ANN)).toBe(
			"---\r\nlast_contact: 2026-11-26\r\n---\r\n## Interactions\r\n- 2026-11-01 — call\r\n- 2026-11-26\r\nNext",
		);
	});
});

describe("a selection while logging", () => {
	it("does not grow to take in the new entry, so deleting the selection cannot delete the entry", async () => {
		const s = await start({ [ANN]: "---\nlast_contact: 2026-11-01\n---\n## Interactions\n- 2026-11-01 — call\n" });
		const view = await s.app.openNote(ANN);
		const editor = view.editor;
		// The user selected the whole last line, its line break included, to delete it.
		editor.setSelection({ line: 4, ch: 0 }, { line: 5, ch: 0 });
		s.app.runCommand("log-interaction-today");
		await s.app.settle();
		expect(editor.getSelection()).toBe("- 2026-11-01 — call\n");
		editor.replaceSelection("");
		await s.app.settle();
		expect(s.app.readFile(ANN)).toBe("---\nlast_contact: 2026-11-26\n---\n## Interactions\n- 2026-11-26\n");
	});
});
