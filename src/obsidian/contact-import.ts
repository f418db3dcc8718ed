import { Notice, normalizePath, parseYaml, TFile } from "obsidian";
import { formatDay } from "../core/dates";
import type { ContactRead } from "../core/import/contact";
import type { ExistingPerson } from "../core/import/match";
import { planImport, settleAmbiguous, type ImportPlan, type PlanRow } from "../core/import/plan";
import { readContactFile } from "../core/import/read";
import { peopleToVcard } from "../core/import/vcard-export";
import { applyImportRow, newPersonNote } from "../core/import/write";
import type { WriteResult } from "../core/log-writer";
import type { PluginContext } from "./context";
import { yieldToApp } from "./yield";

function parseYamlStrict(source: string): unknown {
	return parseYaml(source) as unknown;
}

/**
 * What the last import did, to undo it: each note made (and its text then) and each note changed,
 * once per note however many rows wrote it (its text before the first, after the last).
 */
interface ImportRecord {
	created: { file: TFile; text: string }[];
	changed: Map<TFile, { before: string; after: string }>;
}

export interface ImportOutcome {
	created: number;
	updated: number;
	/** Notes not written, each with why. */
	failed: string[];
}

/** How many notes are written between two moments the app may draw (and the notice counts). */
const SLICE = 50;

/**
 * Contacts into person notes through the plugin: the plan from the index and the metadata
 * cache (nothing read from disk that the cache has), then every note written through the
 * plugin's writer (`NoteWriter`: the editor when the note is open, else `Vault.process`), with a
 * notice that counts, and one undo for the whole import.
 */
export class ContactImport {
	private last: ImportRecord | null = null;

	constructor(private readonly ctx: PluginContext) {}

	/** The file's contacts; refused while the index is still reading the vault (every contact would look new). */
	read(fileName: string, bytes: Uint8Array): ContactRead {
		if (!this.ctx.index.ready) return { ok: false, error: "The people in this vault are still being read; try again in a moment." };
		return readContactFile(fileName, bytes);
	}

	/** Every person the index knows, with the frontmatter the metadata cache holds for them. */
	people(): ExistingPerson[] {
		const { app, index } = this.ctx;
		return index.all().map((person) => {
			const file = app.vault.getFileByPath(person.path);
			const frontmatter = file ? (app.metadataCache.getFileCache(file)?.frontmatter ?? {}) : {};
			return {
				path: person.path,
				name: person.name,
				aliases: person.aliases,
				tags: person.tags,
				frontmatter: person.frontmatterError === null ? frontmatter : null,
				unreadable: person.frontmatterError,
			};
		});
	}

	plan(read: Extract<ContactRead, { ok: true }>): ImportPlan {
		const taken = new Set(this.ctx.app.vault.getFiles().map((f) => f.path.toLowerCase()));
		return planImport(read, this.people(), this.ctx.settings.get(), (path) => taken.has(path.toLowerCase()));
	}

	/**
	 * An ambiguous row settled by the user: `path` is the person they mean, null a new note (never
	 * at a path the vault, the plan's new rows or the rows settled before, `settled`, take).
	 */
	settle(plan: ImportPlan, row: PlanRow, path: string | null, settled: Iterable<PlanRow> = []): PlanRow {
		const person = path === null ? null : (this.people().find((p) => p.path === path) ?? null);
		const taken = new Set(
			[
				...this.ctx.app.vault.getFiles().map((f) => f.path),
				...[...plan.rows, ...settled].filter((r) => r.kind === "new").map((r) => r.path),
			].map((p) => p.toLowerCase()),
		);
		return settleAmbiguous(row, person, this.ctx.settings.get(), (p) => taken.has(p.toLowerCase()));
	}

	get canUndo(): boolean {
		return this.last !== null;
	}

	/** Writes the rows chosen (new notes and updates), counting in a notice; one undo for all. */
	async apply(rows: readonly PlanRow[], tier: string): Promise<ImportOutcome> {
		const { app } = this.ctx;
		const settings = this.ctx.settings.get();
		const today = this.ctx.clock.today();
		const now = this.ctx.clock.now();
		const time = { hour: now.getHours(), minute: now.getMinutes() };
		const work = rows.filter((r) => r.kind === "new" || r.kind === "update");
		const template = await this.template();
		const outcome: ImportOutcome = { created: 0, updated: 0, failed: [] };
		if (template !== null && !template.ok) {
			new Notice(`Nothing was imported: ${template.error}`);
			return { ...outcome, failed: [template.error] };
		}
		const record: ImportRecord = { created: [], changed: new Map() };
		const notice = new Notice(`Importing contacts: 0 of ${work.length}`, 0);
		for (let i = 0; i < work.length; i++) {
			const row = work[i];
			if (row.kind === "new") {
				const made = newPersonNote(row, { settings, tier, today, time, template: template?.text ?? null }, parseYamlStrict);
				const created = made.ok ? await this.create(row.path, made.text) : made;
				if (created.ok) {
					record.created.push({ file: created.file, text: created.text });
					outcome.created++;
				} else outcome.failed.push(`${row.path}: ${created.error}`);
			} else {
				const file = app.vault.getFileByPath(row.path);
				const written = file
					? await this.ctx.interactions.writer.write(file, (text) => applyImportRow(text, row, parseYamlStrict))
					: { ok: false as const, error: "the note no longer exists" };
				if (written.ok && file) {
					if (written.before !== written.after) {
						const earlier = record.changed.get(file);
						record.changed.set(file, { before: earlier?.before ?? written.before, after: written.after });
					}
					outcome.updated++;
				} else if (!written.ok) outcome.failed.push(`${row.path}: ${written.error}`);
			}
			if ((i + 1) % SLICE === 0) {
				notice.setMessage(`Importing contacts: ${i + 1} of ${work.length}`);
				await yieldToApp();
			}
		}
		notice.hide();
		if (record.created.length > 0 || record.changed.size > 0) this.last = record;
		const failed = outcome.failed.length > 0 ? `; ${outcome.failed.length} not written: ${outcome.failed.join("; ")}` : "";
		new Notice(`Imported contacts: ${outcome.created} new, ${outcome.updated} updated${failed}`);
		return outcome;
	}

	/**
	 * Undoes the last import: notes it made go to the trash (as the user's deletion setting says)
	 * and notes it changed get their text back; a note changed since is left as it is and named.
	 */
	async undo(): Promise<boolean> {
		const last = this.last;
		if (!last) {
			new Notice("There is no import to undo.");
			return false;
		}
		const { app } = this.ctx;
		const kept: string[] = [];
		for (const { file, text } of last.created) {
			if (app.vault.getFileByPath(file.path) !== file) continue;
			if ((await app.vault.read(file)) !== text) kept.push(file.path);
			else await app.fileManager.trashFile(file);
		}
		for (const [file, { before, after }] of last.changed) {
			if (app.vault.getFileByPath(file.path) !== file) continue;
			const restored = await this.ctx.interactions.writer.write(file, (text): WriteResult =>
				text === after ? { ok: true, text: before } : { ok: false, error: "changed since" },
			);
			if (!restored.ok) kept.push(file.path);
		}
		this.last = null;
		const count = last.created.length + last.changed.size - kept.length;
		new Notice(
			kept.length === 0
				? `Undone: the last import (${count} notes)`
				: `Undone the last import, except ${kept.length} notes changed since: ${kept.join(", ")}`,
		);
		return true;
	}

	/** Everyone as one vCard file in the vault's root (`people YYYY-MM-DD.vcf`); returns its path. */
	async exportVcard(): Promise<string> {
		const { app } = this.ctx;
		const text = peopleToVcard(this.people(), this.ctx.settings.get());
		const base = `people ${formatDay(this.ctx.clock.today())}`;
		let path = `${base}.vcf`;
		for (let n = 2; app.vault.getAbstractFileByPath(path); n++) path = `${base} ${n}.vcf`;
		await app.vault.create(path, text);
		new Notice(`Exported ${this.ctx.index.size} people to ${path}`);
		return path;
	}

	private async template(): Promise<{ ok: true; text: string } | { ok: false; error: string } | null> {
		const path = this.ctx.settings.get().personTemplate;
		if (path === "") return null;
		const file = this.ctx.app.vault.getFileByPath(normalizePath(path));
		if (!file) return { ok: false, error: `the person template ${path} does not exist (see the plugin's settings)` };
		return { ok: true, text: await this.ctx.app.vault.cachedRead(file) };
	}

	private async create(path: string, text: string): Promise<{ ok: true; file: TFile; text: string } | { ok: false; error: string }> {
		const { vault } = this.ctx.app;
		if (vault.getAbstractFileByPath(path)) return { ok: false, error: "a file by that name appeared meanwhile" };
		const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
		try {
			if (folder !== "" && !vault.getFolderByPath(folder)) await vault.createFolder(folder);
			const file = await vault.create(path, text);
			return { ok: true, file, text };
		} catch (error) {
			return { ok: false, error: error instanceof Error ? error.message : String(error) };
		}
	}
}
