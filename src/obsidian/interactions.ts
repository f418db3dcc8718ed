import { Notice, parseYaml, TFile, type App } from "obsidian";
import { formatDay, type Day } from "../core/dates";
import { applyLog, setFrontmatterDate, setFrontmatterText, type LogEntryInput, type WriteResult } from "../core/log-writer";
import { basename } from "../core/person";
import type { Settings } from "../core/settings";
import { NoteWriter, type WriteOutcome } from "./note-writer";

interface LastLog {
	/** The file, not its path: Obsidian moves the same `TFile` on a rename, so undo follows it. */
	file: TFile;
	before: string;
	after: string;
	summary: string;
}

/** Obsidian's parseYaml throws on invalid YAML, which is what the writer needs to refuse. */
function parseYamlStrict(source: string): unknown {
	return parseYaml(source) as unknown;
}

/**
 * A note to write to: its path, or its `TFile` when the caller must follow a rename (a form
 * open while the note is renamed still writes to it).
 */
export type NoteTarget = TFile | string;

/**
 * Every write the plugin makes to a person note: logging, "Contacted today", snoozing, undo.
 * Each goes through one pure transform from src/core, so the bytes written are the same whether
 * the command, the sidebar, the API or the CLI asked for them. A write to a note that is gone
 * (deleted while a form or menu was open) says so rather than nothing.
 */
export class Interactions {
	readonly writer: NoteWriter;
	private lastLog: LastLog | null = null;

	constructor(
		private readonly app: App,
		private readonly getSettings: () => Settings,
		private readonly today: () => Day,
	) {
		this.writer = new NoteWriter(app);
	}

	/** Logs an interaction; tells the user what happened either way. */
	async log(target: NoteTarget, entry: LogEntryInput): Promise<WriteOutcome> {
		const existing = this.existing(target);
		if (!existing.ok) return existing;
		const file = existing.file;
		const settings = this.getSettings();
		const today = this.today();
		const outcome = await this.writer.write(file, (text) => applyLog(text, entry, settings, today, parseYamlStrict));
		const name = basename(file.path);
		if (outcome.ok) {
			const summary = `Logged ${entry.type || "contact"} with ${name}`;
			this.lastLog = { file, before: outcome.before, after: outcome.after, summary };
			new Notice(entry.day === today ? summary : `${summary} on ${formatDay(entry.day)}`);
		} else {
			new Notice(`Nothing was written to ${file.path}: ${outcome.error}`);
		}
		return outcome;
	}

	/** "Contacted today": a bare log entry dated today, so the log and last contact agree. */
	contactedToday(target: NoteTarget): Promise<WriteOutcome> {
		return this.log(target, { day: this.today(), type: "", note: "" });
	}

	async snooze(target: NoteTarget, until: Day): Promise<WriteOutcome> {
		const existing = this.existing(target);
		if (!existing.ok) return existing;
		const file = existing.file;
		const key = this.getSettings().keys.snoozeUntil;
		return this.writeWithNotice(
			file,
			(text) => setFrontmatterDate(text, key, until, parseYamlStrict),
			`Snoozed ${basename(file.path)} until ${formatDay(until)}`,
		);
	}

	/** Sets the cadence (triage): a tier name, or `never` for someone not to keep in touch with. */
	async setCadence(target: NoteTarget, value: string): Promise<WriteOutcome> {
		const existing = this.existing(target);
		if (!existing.ok) return existing;
		const file = existing.file;
		const key = this.getSettings().keys.cadence;
		return this.writeWithNotice(
			file,
			(text) => setFrontmatterText(text, key, value, parseYamlStrict),
			`Set the cadence of ${basename(file.path)} to ${value}`,
		);
	}

	/**
	 * Puts a note back as it was before one of our writes (undo in the reach-out queue and in
	 * triage), unless it changed since: then nothing is written and the user is told why.
	 */
	async restore(file: TFile, before: string, after: string, what: string): Promise<boolean> {
		if (this.app.vault.getFileByPath(file.path) !== file) {
			new Notice(`Cannot undo: ${file.path} no longer exists.`);
			return false;
		}
		const outcome = await this.writer.write(file, (text): WriteResult =>
			text === after
				? { ok: true, text: before }
				: { ok: false, error: `the note changed after ${what}, so undoing could lose those changes` },
		);
		if (!outcome.ok) {
			new Notice(`Cannot undo in ${file.path}: ${outcome.error}.`);
			return false;
		}
		if (this.lastLog?.file === file && this.lastLog.after === after) this.lastLog = null;
		new Notice(`Undone: ${what}`);
		return true;
	}

	get canUndo(): boolean {
		return this.lastLog !== null;
	}

	/** Restores the note exactly as it was before the last log, unless it changed since. */
	async undoLastLog(): Promise<boolean> {
		const last = this.lastLog;
		if (!last) {
			new Notice("There is no log to undo.");
			return false;
		}
		const file = last.file;
		if (this.app.vault.getFileByPath(file.path) !== file) {
			new Notice(`Cannot undo: ${file.path} no longer exists.`);
			return false;
		}
		const outcome = await this.writer.write(file, (text): WriteResult =>
			text === last.after
				? { ok: true, text: last.before }
				: { ok: false, error: "the note changed after the log, so undoing could lose those changes" },
		);
		if (!outcome.ok) {
			new Notice(`Cannot undo the last log in ${file.path}: ${outcome.error}.`);
			return false;
		}
		this.lastLog = null;
		new Notice(`Undone: ${last.summary.charAt(0).toLowerCase()}${last.summary.slice(1)}`);
		return true;
	}

	/** The note still in the vault, or the outcome that says it is not (with a notice). */
	private existing(target: NoteTarget): { ok: true; file: TFile } | { ok: false; error: string } {
		const path = typeof target === "string" ? target : target.path;
		const file = typeof target === "string" ? this.app.vault.getFileByPath(target) : target;
		if (file === null || this.app.vault.getFileByPath(file.path) !== file) {
			new Notice(`Nothing was written: ${path} no longer exists.`);
			return { ok: false, error: `${path} does not exist` };
		}
		return { ok: true, file };
	}

	private async writeWithNotice(file: TFile, transform: (text: string) => WriteResult, success: string): Promise<WriteOutcome> {
		const outcome = await this.writer.write(file, transform);
		new Notice(outcome.ok ? success : `Nothing was written to ${file.path}: ${outcome.error}`);
		return outcome;
	}
}
