import { MarkdownView, type App, type Editor, type EditorChange, type TFile } from "obsidian";
import { lineEdits } from "../core/line-diff";
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

/** Replaces only the changed lines, so the cursor and the rest of the document stay put. */
export function applyToEditor(editor: Editor, before: string, after: string): void {
	if (before === after) return;
	const changes: EditorChange[] = lineEdits(before, after).map((edit) => ({
		from: editor.offsetToPos(edit.from),
		to: editor.offsetToPos(edit.to),
		text: edit.text,
	}));
	editor.transaction({ changes });
}
