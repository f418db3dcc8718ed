/**
 * The editor path of a write (a note open while it is logged to) against the pure writer, over
 * random notes and random cursor positions: the editor ends up with exactly the writer's text,
 * one undo step gives the note back, and the cursor stays inside the document and on text the
 * user had (never inside the new entry). The narrowed edits must never overlap, split a CRLF or
 * a surrogate pair, or drop a character.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYmd, formatDay } from "../../src/core/dates";
import { applyLog, type LogEntryInput } from "../../src/core/log-writer";
import { defaultSettings } from "../../src/core/settings";
import { applyToEditor } from "../../src/obsidian/note-writer";
import { Editor } from "../runtime/editor";
import { load } from "js-yaml";

const TODAY = dayFromYmd(2026, 11, 26);

const line = fc.constantFrom(
	"## Interactions",
	"# Ann",
	"- 2026-11-01 — call",
	"* 2026-10-01 — coffee",
	"1. 2026-09-01 — lunch",
	"- 2026-12-24 — later",
	"Some text 😀 with an emoji",
	"  continued",
	"",
	"> a quote",
	"```",
	"%% comment %%",
	"last_contact: 2026-11-01",
);

const note = fc
	.record({
		frontmatter: fc.constantFrom(
			"",
			"---\ncadence: weekly\n---\n",
			"---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n",
			"---\nlast_contact: 2026-11-25 # met\ntags: [a]\n---\n",
		),
		lines: fc.array(line, { maxLength: 10 }),
		finalNewline: fc.boolean(),
		crlf: fc.boolean(),
	})
	.map(({ frontmatter, lines, finalNewline, crlf }) => {
		const text = frontmatter + lines.join("\n") + (finalNewline && lines.length > 0 ? "\n" : "");
		return crlf ? text.replace(/\n/g, "\r\n") : text;
	});

describe("the editor path of a write", () => {
	it("gives the writer's text, one undo step back, and a cursor on the user's own text", () => {
		fc.assert(
			fc.property(
				note,
				fc.integer({ min: 0, max: 60 }),
				fc.integer({ min: dayFromYmd(2026, 1, 1), max: TODAY }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(text, back, day, where) => {
					const entry: LogEntryInput = { day: day - back, type: "call", note: "n" };
					const r = applyLog(text, entry, defaultSettings(), TODAY, load);
					if (!r.ok || r.text === text) return;
					const editor = new Editor(text);
					const offset = Math.floor(where * text.length);
					editor.setCursor(editor.offsetToPos(offset));
					applyToEditor(editor, text, r.text);
					expect(editor.getValue()).toBe(r.text);
					const cursor = editor.posToOffset(editor.getCursor());
					expect(cursor).toBeGreaterThanOrEqual(0);
					expect(cursor).toBeLessThanOrEqual(r.text.length);
					// Never inside the new entry's line.
					const entryLine = `${formatDay(entry.day)} — call: n`;
					const lineStart = r.text.lastIndexOf("\n", cursor - 1) + 1;
					const lineEnd = r.text.indexOf("\n", cursor);
					const cursorLine = r.text.slice(lineStart, lineEnd < 0 ? r.text.length : lineEnd);
					if (cursorLine.includes(entryLine)) expect(text.includes(cursorLine.replace(/\r$/, ""))).toBe(true);
					editor.undo();
					expect(editor.getValue()).toBe(text);
				},
			),
			{ numRuns: 1500 },
		);
	});
});
