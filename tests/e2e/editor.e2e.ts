/**
 * A log into a note that is open in the editor, against real CodeMirror 6 (`page/cm-editor.ts`):
 * the user types with real key events, the plugin's "Log interaction today" command or the log
 * modal writes the entry, and the assertions read the real EditorView state.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, openVault, type Session } from "./browser";

const ANN = "People/Ann.md";
const TODAY = "2026-11-26";

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Ann's note open in the editor, focused, with the selection at these offsets of `text`. */
async function openAt(text: string, anchor: number, head = anchor): Promise<Session> {
	const s = await openVault(browser, { files: { [ANN]: text }, today: TODAY });
	await s.page.evaluate(
		async ({ path, anchor, head }) => {
			await window.e2e.openNote(path);
			window.e2e.select(anchor, head);
		},
		{ path: ANN, anchor, head },
	);
	return s;
}

const editorState = (s: Session) => s.page.evaluate(() => window.e2e.editorState());

/** "Log interaction today" as from a hotkey: focus stays in the editor. */
async function logToday(s: Session): Promise<void> {
	await s.page.evaluate(async () => {
		window.e2e.command("log-interaction-today");
		await window.e2e.settle();
	});
}

/** The note as saved (after the editor's autosave), and no editor/disk conflict, no console error. */
async function saved(s: Session): Promise<string> {
	const { text, conflicts } = await s.page.evaluate(async (path) => {
		await window.e2e.settle();
		return { text: window.e2e.readFile(path), conflicts: window.e2e.app().editorConflicts.length };
	}, ANN);
	expect(conflicts).toBe(0);
	expect(s.errors).toEqual([]);
	return text;
}

/** The cursor's line, split at the cursor. */
function lineAroundCursor(state: { text: string; ranges: { head: number }[] }): [string, string] {
	const { text } = state;
	const at = state.ranges[0].head;
	const start = text.lastIndexOf("\n", at - 1) + 1;
	const end = text.indexOf("\n", at);
	return [text.slice(start, at), text.slice(at, end < 0 ? text.length : end)];
}

describe("a log into the note open in CodeMirror 6", () => {
	it("is one undo step: Mod-z restores the note and the selection, Mod-Shift-z puts the log back", async () => {
		const note =
			"---\ncadence: weekly\nlast_contact: 2026-11-01\n---\nMet at the conference.\n\n## Interactions\n- 2026-11-01 — call\n";
		const s = await openAt(note, note.indexOf("."));
		await s.page.keyboard.type(" in Lisbon");
		const typed = await editorState(s);
		expect(typed.text).toContain("Met at the conference in Lisbon.\n");

		await s.page.evaluate(() => window.e2e.command("log-interaction"));
		await s.page.locator('[aria-label="Type"]').selectOption("coffee");
		await s.page.locator('[aria-label="Note"]').fill("Talked about Acme.");
		await s.page.locator('[aria-label="Note"]').press("Enter");
		await s.page.evaluate(() => window.e2e.settle());
		const logged = await editorState(s);
		expect(logged.text).toBe(
			"---\ncadence: weekly\nlast_contact: 2026-11-26\n---\nMet at the conference in Lisbon.\n\n## Interactions\n- 2026-11-01 — call\n- 2026-11-26 — coffee: Talked about Acme.\n",
		);
		expect(logged.ranges).toEqual(typed.ranges);

		// Obsidian gives the focus back to the editor when the modal closes; then the user undoes.
		await s.page.evaluate(() => window.e2e.editor().focus());
		await s.page.keyboard.press("Control+z");
		const undone = await editorState(s);
		expect(undone.text).toBe(typed.text);
		expect(undone.ranges).toEqual(typed.ranges);

		await s.page.keyboard.press("Control+Shift+KeyZ");
		expect((await editorState(s)).text).toBe(logged.text);
		expect(await saved(s)).toBe(logged.text);

		// The typing before the log is a step of its own, under the log's.
		await s.page.keyboard.press("Control+z");
		await s.page.keyboard.press("Control+z");
		expect((await editorState(s)).text).toBe(note);
		await s.close();
	});

	it("is an undo step of its own even right after a keystroke beside it, and so are the keystrokes after it", async () => {
		// CodeMirror's history joins changes that touch and come within 500 ms of each other into one
		// undo step: typing at the end of the last line, where the entry is appended, then the hotkey.
		const note = "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n## Interactions\n- 2026-11-01 — call: Talked";
		const s = await openAt(note, note.length);
		await s.page.keyboard.type(" about Acme");
		const typed = await editorState(s);
		await logToday(s);
		const logged = await editorState(s);
		expect(logged.text).toBe(
			"---\ncadence: weekly\nlast_contact: 2026-11-26\n---\n## Interactions\n- 2026-11-01 — call: Talked about Acme\n- 2026-11-26",
		);
		expect(logged.undo).toBe(typed.undo + 1);
		await s.page.keyboard.type(" and Sam");
		const more = await editorState(s);
		expect(more.undo).toBe(logged.undo + 1);

		await s.page.keyboard.press("Control+z");
		expect(await editorState(s)).toMatchObject({ text: logged.text, ranges: logged.ranges });
		await s.page.keyboard.press("Control+z");
		expect(await editorState(s)).toMatchObject({ text: typed.text, ranges: typed.ranges });
		await s.page.keyboard.press("Control+z");
		expect((await editorState(s)).text).toBe(note);
		await s.close();
	});

	describe("keeps the cursor and the selection where the user is typing, never inside the new entry", () => {
		const FM = "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n";
		const cases: { name: string; note: string; at: (note: string) => number; type: string; expected: string }[] = [
			{
				name: "in the body",
				note: `${FM}Met at the conference.\n\n## Interactions\n- 2026-11-01 — call\n`,
				at: (note) => note.indexOf(" conference"),
				type: " big",
				expected:
					"---\ncadence: weekly\nlast_contact: 2026-11-26\n---\nMet at the big conference.\n\n## Interactions\n- 2026-11-01 — call\n- 2026-11-26\n",
			},
			{
				name: "at the end of a last line without a final newline",
				note: `${FM}## Interactions\n- 2026-11-01 — call: Talked`,
				at: (note) => note.length,
				type: " about Acme",
				expected:
					"---\ncadence: weekly\nlast_contact: 2026-11-26\n---\n## Interactions\n- 2026-11-01 — call: Talked about Acme\n- 2026-11-26",
			},
			{
				name: "on the empty last line after a final newline",
				note: `${FM}## Interactions\n- 2026-11-01 — call\n`,
				at: (note) => note.length,
				type: "Next: send the slides.",
				expected:
					"---\ncadence: weekly\nlast_contact: 2026-11-26\n---\n## Interactions\n- 2026-11-01 — call\n- 2026-11-26\nNext: send the slides.",
			},
			{
				name: "at the very top of a note without frontmatter",
				note: "Met at the conference.\n",
				at: () => 0,
				type: "Ann ",
				expected: "---\nlast_contact: 2026-11-26\n---\nAnn Met at the conference.\n\n## Interactions\n\n- 2026-11-26\n",
			},
		];
		for (const c of cases) {
			it(c.name, async () => {
				const s = await openAt(c.note, c.at(c.note));
				const before = await editorState(s);
				await logToday(s);
				const after = await editorState(s);
				expect(after.text).not.toBe(before.text);
				expect(after.ranges).toHaveLength(1);
				expect(after.ranges[0].anchor).toBe(after.ranges[0].head);
				// Still in the user's own line, between the same characters (so not in the new entry).
				expect(lineAroundCursor(after)).toEqual(lineAroundCursor(before));
				expect(after.focused).toBe(true);
				await s.page.keyboard.type(c.type);
				expect((await editorState(s)).text).toBe(c.expected);
				expect(await saved(s)).toBe(c.expected);
				await s.close();
			});
		}

		it("a selection keeps its text and does not take in the entry", async () => {
			const note = `${FM}## Interactions\n- 2026-11-01 — call\n`;
			// The user selected the whole last line, its line break included, to delete it.
			const from = note.indexOf("- 2026-11-01");
			const s = await openAt(note, from, note.length);
			await logToday(s);
			const after = await editorState(s);
			const [range] = after.ranges;
			expect(after.text.slice(range.anchor, range.head)).toBe("- 2026-11-01 — call\n");
			await s.page.keyboard.press("Backspace");
			const expected = "---\ncadence: weekly\nlast_contact: 2026-11-26\n---\n## Interactions\n- 2026-11-26\n";
			expect((await editorState(s)).text).toBe(expected);
			expect(await saved(s)).toBe(expected);
			await s.close();
		});
	});

	it("a log while the user types in the same line keeps every keystroke and the entry", async () => {
		const note = "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n## Interactions\n- 2026-11-01 — call: Talked";
		const s = await openAt(note, note.length);
		const words = " about her move to Acme and the hardware team";
		// The log lands between two keystrokes: on the 10th key the hotkey's command is queued.
		// It must go in as an editor transaction: `vault.process` calls are counted (an entry
		// written to disk would also end up in the editor, merged as a change from outside).
		await s.page.evaluate(() => {
			const vault = window.e2e.app().vault;
			const process = vault.process.bind(vault);
			window.processCalls = 0;
			vault.process = ((...args: Parameters<typeof process>) => {
				window.processCalls = (window.processCalls ?? 0) + 1;
				return process(...args);
			}) as typeof vault.process;
			const dom = window.e2e.editor().contentEl;
			let keys = 0;
			const onKey = () => {
				if (++keys < 10) return;
				dom.removeEventListener("keydown", onKey);
				setTimeout(() => {
					window.logAt = window.e2e.editor().getValue();
					window.e2e.command("log-interaction-today");
				}, 0);
			};
			dom.addEventListener("keydown", onKey);
		});
		await s.page.keyboard.type(words, { delay: 15 });
		const expected =
			"---\ncadence: weekly\nlast_contact: 2026-11-26\n---\n## Interactions\n- 2026-11-01 — call: Talked" + words + "\n- 2026-11-26";
		const { text } = await editorState(s);
		const { logAt, processCalls } = await s.page.evaluate(() => ({ logAt: window.logAt, processCalls: window.processCalls }));
		// The log really came mid-typing (after the 10th key; on a busy machine the timer queued
		// then may run after a key or two more), and through the editor, not around it.
		const typedBefore = logAt?.startsWith(note) ? logAt.slice(note.length) : null;
		expect(typedBefore !== null && words.startsWith(typedBefore), `the note when the log came: ${logAt}`).toBe(true);
		expect(typedBefore?.length).toBeGreaterThanOrEqual(10);
		expect(typedBefore?.length).toBeLessThan(words.length);
		expect(processCalls, "the log was written with vault.process, not into the open editor").toBe(0);
		expect(text).toBe(expected);
		expect(await saved(s)).toBe(expected);
		await s.close();
	});
});

declare global {
	interface Window {
		logAt?: string;
		processCalls?: number;
	}
}
