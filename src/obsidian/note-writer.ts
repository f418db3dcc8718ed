import {
	MarkdownView,
	type App,
	type Editor,
	type EditorPosition,
	type EditorRangeOrCaret,
	type EditorTransaction,
	type TFile,
} from "obsidian";
import { lineEdits, type TextEdit } from "../core/line-diff";
import type { WriteResult } from "../core/log-writer";

export type Transform = (text: string) => WriteResult;

export type WriteOutcome = { ok: true; before: string; after: string } | { ok: false; error: string };

/**
 * Applies pure text transforms to notes. Writes to one note are queued so two quick logs both
 * land; a note open in an editor is changed through the editor (typing, cursor and undo history
 * survive), otherwise through `Vault.process`, which is atomic.
 */
export class NoteWriter {
	private readonly queues = new Map<string, Promise<unknown>>();

	constructor(private readonly app: App) {}

	write(file: TFile, transform: Transform): Promise<WriteOutcome> {
		const previous = this.queues.get(file.path) ?? Promise.resolve();
		// apply() never rejects, so the queue never carries a failure to the next write.
		const next = previous.then(() => this.apply(file, transform));
		this.queues.set(file.path, next);
		void next.then(() => {
			if (this.queues.get(file.path) === next) this.queues.delete(file.path);
		});
		return next;
	}

	/** A note deleted or unreadable mid-write is an outcome to report, not an exception. */
	private async apply(file: TFile, transform: Transform): Promise<WriteOutcome> {
		try {
			return await this.applyUnsafe(file, transform);
		} catch (error) {
			return { ok: false, error: `the note could not be written (${error instanceof Error ? error.message : String(error)})` };
		}
	}

	private async applyUnsafe(file: TFile, transform: Transform): Promise<WriteOutcome> {
		const view = this.openView(file);
		if (view) {
			const before = view.editor.getValue();
			const result = transform(before);
			if (!result.ok) return result;
			// Left to Obsidian's autosave: while the change is unsaved, a modification arriving from
			// outside (sync, another app) is merged with it instead of replacing it.
			applyToEditor(view.editor, before, result.text);
			return { ok: true, before, after: result.text };
		}
		let outcome: WriteOutcome = { ok: false, error: "the note could not be read" };
		await this.app.vault.process(file, (text) => {
			const result = transform(text);
			outcome = result.ok ? { ok: true, before: text, after: result.text } : result;
			return result.ok ? result.text : text;
		});
		return outcome;
	}

	private openView(file: TFile): MarkdownView | null {
		for (const leaf of this.app.workspace.getLeavesOfType("markdown")) {
			const view = leaf.view;
			if (view instanceof MarkdownView && view.file?.path === file.path) return view;
		}
		return null;
	}
}

/**
 * Replaces only what changed, so the rest of the document, the cursor and the undo history stay
 * put. Each changed line is narrowed to the characters that differ: a cursor on a line whose date
 * changes, or at the end of a last line that gets an entry appended, stays where it was.
 *
 * All of it is one transaction, so one undo takes the log back. CodeMirror's history would still
 * join it with changes beside it made within 500 ms (keystrokes at the end of the last line, where
 * the entry is appended, just before or after a hotkey), and one undo would take the user's typing
 * too; a change of selection ends an undo step, so the selection is set again on either side.
 */
export function applyToEditor(editor: Editor, before: string, after: string): void {
	if (before === after) return;
	const edits = lineEdits(before, after).map((edit) => narrow(before, edit));
	const transaction: EditorTransaction = {
		changes: edits.map((edit) => ({ from: editor.offsetToPos(edit.from), to: editor.offsetToPos(edit.to), text: edit.text })),
	};
	const selections = keptSelections(editor, edits, after);
	if (selections) transaction.selections = selections;
	endUndoStep(editor);
	editor.transaction(transaction);
	endUndoStep(editor);
}

/** Sets the selection to what it is: no change the user sees, but the next change starts a new undo step. */
function endUndoStep(editor: Editor): void {
	editor.transaction({ selections: editor.listSelections().map((r) => ({ from: r.anchor, to: r.head })) });
}

/** The edit without the characters it keeps at either end; never splits "\r\n" or a surrogate pair. */
function narrow(before: string, edit: TextEdit): TextEdit {
	const removed = before.slice(edit.from, edit.to);
	const max = Math.min(removed.length, edit.text.length);
	let head = 0;
	while (head < max && removed[head] === edit.text[head]) head++;
	while (head > 0 && splitsPair(before, edit.from + head)) head--;
	let tail = 0;
	while (tail < max - head && removed[removed.length - 1 - tail] === edit.text[edit.text.length - 1 - tail]) tail++;
	while (tail > 0 && splitsPair(before, edit.to - tail)) tail--;
	return { from: edit.from + head, to: edit.to - tail, text: edit.text.slice(head, edit.text.length - tail) };
}

/** Whether `at` falls between "\r" and "\n" or inside a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
	const prev = text.charCodeAt(at - 1);
	return prev === 13 || (prev >= 0xd800 && prev <= 0xdbff);
}

/**
 * Where the cursor and selections go. An editor keeps a cursor that sits exactly where text is
 * inserted before that text; for whole lines inserted at the start of the cursor's line (an entry
 * appended below the last line, new frontmatter at the top) that puts the cursor on the new line,
 * and the next keystrokes would go into the entry or before the frontmatter: such a cursor moves
 * past the inserted lines. A selection never grows to take in inserted text. Null when nothing
 * sits where text is inserted (the editor's own mapping is then the same).
 */
function keptSelections(editor: Editor, edits: TextEdit[], after: string): EditorRangeOrCaret[] | null {
	const ranges = editor.listSelections().map((r) => ({ anchor: editor.posToOffset(r.anchor), head: editor.posToOffset(r.head) }));
	const doc = editor.getValue();
	const insertedAt = (pos: number) => edits.find((e) => e.from === pos && e.to === pos);
	if (!ranges.some((r) => insertedAt(r.anchor) || insertedAt(r.head))) return null;
	const startsLines = (e: TextEdit) => e.text.endsWith("\n") && (e.from === 0 || doc.charCodeAt(e.from - 1) === 10);
	const map = (pos: number, past: (insertion: TextEdit) => boolean): number => {
		let delta = 0;
		for (const e of edits) {
			if (e.from > pos || (e.from === pos && e.to === pos && !past(e))) break;
			if (pos < e.to) return e.from + delta;
			delta += e.text.length - (e.to - e.from);
		}
		return pos + delta;
	};
	return ranges.map(({ anchor, head }) => {
		if (anchor === head) {
			const at = positionIn(after, map(head, startsLines));
			return { from: at, to: at };
		}
		const start = Math.min(anchor, head);
		const mapEnd = (pos: number) =>
			positionIn(
				after,
				map(pos, () => pos === start),
			);
		return { from: mapEnd(anchor), to: mapEnd(head) };
	});
}

/** Line and column of an offset in a text that is not in the editor yet ("\r" is not a column). */
function positionIn(text: string, offset: number): EditorPosition {
	let line = 0;
	let start = 0;
	for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
		line++;
		start = i + 1;
	}
	return { line, ch: offset - start };
}
