/**
 * `stay-in-touch import FILE` and `stay-in-touch export --format vcard`: the plugin's own importer
 * (`core/import/`) over a vault on disk. The plan is printed first; without --dry-run every row is
 * checked against the notes as they are now (the atomic writer's own checks: a lock left behind,
 * a read-only note, a name too long), and only when all of them can be written is any written,
 * each note atomically (a new note is published by a link that fails rather than replace a file;
 * a changed one through `atomic-write.ts`). Should a write still fail, the notes already made are
 * removed and the ones already changed get their text back.
 */
import {
	accessSync,
	closeSync,
	constants,
	copyFileSync,
	fsyncSync,
	linkSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmdirSync,
	statSync,
	unlinkSync,
	writeSync,
} from "fs";
import { basename, dirname, join, resolve } from "path";
import type { Day } from "../core/dates";
import { contactFileTooLarge, type ContactRead } from "../core/import/contact";
import type { ExistingPerson } from "../core/import/match";
import { planCounts, planImport, type ImportPlan, type PlanRow } from "../core/import/plan";
import { countsText, planJson, planText } from "../core/import/plan-text";
import { readContactFile } from "../core/import/read";
import { peopleToVcard } from "../core/import/vcard-export";
import { applyImportRow, newPersonNote } from "../core/import/write";
import { option, UsageError, type ParsedArgs } from "./args";
import { occupied, rewriteNote, rewriteProblem, tempPath } from "./atomic-write";
import { parseNote, parseYaml } from "./note-reader";
import { sanitize } from "./table";
import { listMarkdown, type VaultScan } from "./vault-reader";

export interface ImportIo {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	json: boolean;
	/** Where a relative FILE is found. */
	cwd: string;
	/** The time of day a template's `{{time}}` is. */
	now?: () => Date;
	/** Output as it is (the vCard, whose every line ends with CRLF, the last included). */
	write?: (text: string) => void;
}

/** The vault's people with their frontmatter, read again from disk (the scan keeps only what schedules need). */
function existingPeople(vault: string, scan: VaultScan): ExistingPerson[] {
	return scan.people.map((person) => {
		const base = { path: person.path, name: person.name, aliases: person.aliases, tags: person.tags };
		if (person.frontmatterError !== null) return { ...base, frontmatter: null, unreadable: person.frontmatterError };
		try {
			const data = parseNote(readFileSync(join(vault, person.path), "utf8")).data;
			const mapping = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
			return { ...base, frontmatter: mapping, unreadable: mapping ? null : "the frontmatter is not a set of properties" };
		} catch (error) {
			return { ...base, frontmatter: null, unreadable: (error as Error).message.split("\n")[0] };
		}
	});
}

/** The file's contacts; a file over the limit is refused by its size, unread (the message is the importer's). */
function readFile(file: string): ContactRead {
	let size: number;
	try {
		size = statSync(file).size;
	} catch (error) {
		throw new UsageError(`cannot read ${file} (${(error as { code?: string }).code ?? (error as Error).message})`);
	}
	const tooLarge = contactFileTooLarge(basename(file), size);
	if (tooLarge !== null) return { ok: false, error: tooLarge };
	return readContactFile(basename(file), readFileSync(file));
}

function templateText(vault: string, scan: VaultScan): string | null {
	const path = scan.settings.personTemplate;
	if (path === "") return null;
	try {
		return readFileSync(join(vault, path), "utf8");
	} catch {
		throw new UsageError(`the person template ${path} (set in the plugin's settings) cannot be read`);
	}
}

/** A new note's text published at `path` only if no file is there: temp file, fsync, link. */
function createNote(path: string, text: string): void {
	mkdirSync(dirname(path), { recursive: true });
	const temp = tempPath(path);
	const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
	try {
		const bytes = Buffer.from(text, "utf8");
		for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
		fsyncSync(fd);
	} catch (error) {
		// A temp file not written whole is no lock to leave behind.
		closeSync(fd);
		unlinkSync(temp);
		throw error;
	}
	closeSync(fd);
	try {
		linkSync(temp, path);
	} catch (error) {
		// A file system without hard links (FAT, some network drives): an exclusive copy, which
		// still never replaces a file.
		if ((error as { code?: string }).code === "EEXIST") throw new Error("a file by that name appeared meanwhile");
		copyFileSync(temp, path, constants.COPYFILE_EXCL);
	} finally {
		unlinkSync(temp);
	}
}

interface Prepared {
	row: PlanRow;
	text: string | null;
}

/** The longest name of a file or folder most file systems hold, in bytes. */
const MAX_NAME_BYTES = 255;

/**
 * What would stop a new note being published at `vaultPath` now, or null: a name (of the note,
 * its temp file or a folder) too long, a file or a lock there, a folder that is a file or cannot
 * be written to.
 */
function createProblem(vault: string, vaultPath: string): string | null {
	const parts = vaultPath.split("/");
	parts[parts.length - 1] = basename(tempPath(parts[parts.length - 1]));
	const long = parts.find((part) => Buffer.byteLength(part, "utf8") > MAX_NAME_BYTES);
	if (long !== undefined) {
		return `the name is too long for the file system ("${long.slice(0, 40)}…" is ${Buffer.byteLength(long, "utf8")} bytes; ${MAX_NAME_BYTES} at most)`;
	}
	const path = join(vault, vaultPath);
	if (occupied(path)) return "a file by that name appeared meanwhile";
	if (occupied(tempPath(path)))
		return `${basename(tempPath(path))} is there, left behind by a stay-in-touch that stopped (delete it then)`;
	let folder = dirname(path);
	while (!occupied(folder) && dirname(folder) !== folder) folder = dirname(folder);
	try {
		if (!statSync(folder).isDirectory()) return `${basename(folder)} is a file, not a folder`;
		accessSync(folder, constants.W_OK);
	} catch (error) {
		return `the folder cannot be written to (${(error as { code?: string }).code ?? (error as Error).message})`;
	}
	return null;
}

/** Every row to write, checked against the notes as they are now; the first refusal stops everything. */
function prepare(vault: string, rows: readonly PlanRow[], make: (row: PlanRow) => ReturnType<typeof newPersonNote>): Prepared[] | string {
	const out: Prepared[] = [];
	for (const row of rows) {
		if (row.kind === "new") {
			const made = make(row);
			if (!made.ok) return `${row.path}: ${made.error}`;
			const problem = createProblem(vault, row.path);
			if (problem !== null) return `${row.path}: ${problem}`;
			out.push({ row, text: made.text });
		} else if (row.kind === "update") {
			const problem = rewriteProblem(join(vault, row.path));
			if (problem !== null) return `${row.path}: ${problem}`;
			const text = readFileSync(join(vault, row.path), "utf8");
			const written = applyImportRow(text, row, parseYaml);
			if (!written.ok) return `${row.path}: ${written.error}`;
			out.push({ row, text: null });
		}
	}
	return out;
}

/** What a write has done so far, to take back should a later note fail. */
interface Done {
	created: string[];
	/** Folders made for new notes, deepest last. */
	folders: string[];
	changed: { path: string; before: string; after: string }[];
}

/** The folders `mkdirSync(folder, { recursive })` is about to make, outermost first. */
function missingFolders(folder: string): string[] {
	const out: string[] = [];
	for (let f = folder; !occupied(f) && dirname(f) !== f; f = dirname(f)) out.unshift(f);
	return out;
}

/** Takes back what was written: notes made removed, notes changed given their text back (unless changed since). Returns what could not be. */
function rollBack(vault: string, done: Done): string[] {
	const left: string[] = [];
	for (const { path, before, after } of done.changed.reverse()) {
		try {
			const back = rewriteNote(join(vault, path), (text) =>
				text === after ? { ok: true, text: before } : { ok: false, error: "changed since" },
			);
			if (!back.ok) left.push(`${path} (${back.error})`);
		} catch (error) {
			left.push(`${path} (${(error as Error).message})`);
		}
	}
	for (const path of done.created) {
		try {
			unlinkSync(join(vault, path));
		} catch (error) {
			left.push(`${path} (${(error as Error).message})`);
		}
	}
	for (const folder of done.folders.reverse()) {
		try {
			rmdirSync(folder);
		} catch {
			// Not empty (something else put a file there): kept.
		}
	}
	return left;
}

/** Writes every prepared row, or (should one fail) none: the error, and what could not be taken back. */
function writeAll(
	vault: string,
	prepared: readonly Prepared[],
): { ok: true; created: number; updated: number } | { ok: false; error: string } {
	const done: Done = { created: [], folders: [], changed: [] };
	for (const { row, text } of prepared) {
		try {
			if (text !== null) {
				const path = join(vault, row.path);
				done.folders.push(...missingFolders(dirname(path)));
				createNote(path, text);
				done.created.push(row.path);
			} else {
				let before = "";
				const result = rewriteNote(join(vault, row.path), (current) => {
					before = current;
					return applyImportRow(current, row, parseYaml);
				});
				if (!result.ok) throw new Error(result.error);
				if (result.text !== before) done.changed.push({ path: row.path, before, after: result.text });
			}
		} catch (error) {
			const left = rollBack(vault, done);
			const undone = left.length === 0 ? "" : `; these could not be taken back: ${left.join(", ")}`;
			return { ok: false, error: `${row.path}: ${(error as Error).message}${undone}` };
		}
	}
	return { ok: true, created: done.created.length, updated: prepared.length - done.created.length };
}

export function runImport(args: ParsedArgs, vault: string, scan: VaultScan, today: Day, io: ImportIo): number {
	const [fileArg, ...extra] = args.positional;
	if (fileArg === undefined || fileArg.trim() === "") throw new UsageError("import needs a file: stay-in-touch import Connections.csv");
	if (extra.length > 0) throw new UsageError(`import takes one file (got "${extra[0]}" too)`);
	const tier = option(args, "tier") ?? "";
	if (tier !== "" && !Object.prototype.hasOwnProperty.call(scan.settings.tiers, tier.toLowerCase())) {
		throw new UsageError(`--tier ${tier} is not a tier; the vault's tiers are ${Object.keys(scan.settings.tiers).join(", ")}`);
	}
	const file = resolve(io.cwd, fileArg);
	const read = readFile(file);
	if (!read.ok) {
		if (io.json) io.stdout(JSON.stringify({ written: false, error: read.error }, null, 2));
		io.stderr(`stay-in-touch: nothing was imported: ${read.error}`);
		return 1;
	}
	const taken = new Set(listMarkdown(vault).map((p) => p.toLowerCase()));
	const plan: ImportPlan = planImport(read, existingPeople(vault, scan), scan.settings, (p) => taken.has(p.toLowerCase()));
	const dryRun = args.options.has("dry-run");
	if (!io.json) io.stdout(planText(plan, basename(file)).split("\n").map(sanitize).join("\n"));
	if (dryRun) {
		if (io.json) io.stdout(JSON.stringify({ ...planJson(plan), written: false }, null, 2));
		else io.stdout("\nNothing was written (--dry-run).");
		return 0;
	}
	const template = templateText(vault, scan);
	const settings = scan.settings;
	const now = io.now?.() ?? new Date();
	const time = { hour: now.getHours(), minute: now.getMinutes() };
	const prepared = prepare(vault, plan.rows, (row) =>
		newPersonNote(row, { settings, tier: tier.toLowerCase(), today, time, template }, parseYaml),
	);
	if (typeof prepared === "string") {
		if (io.json) io.stdout(JSON.stringify({ ...planJson(plan), written: false, error: prepared }, null, 2));
		io.stderr(`stay-in-touch: nothing was imported: ${prepared}`);
		return 1;
	}
	const written = writeAll(vault, prepared);
	if (!written.ok) {
		if (io.json) io.stdout(JSON.stringify({ ...planJson(plan), written: false, error: written.error }, null, 2));
		io.stderr(`stay-in-touch: nothing was imported: ${written.error}`);
		return 1;
	}
	const { created, updated } = written;
	if (io.json) io.stdout(JSON.stringify({ ...planJson(plan), written: true, created, updated, failed: [] }, null, 2));
	else io.stdout(`\nImported: ${created} new, ${updated} updated (${countsText(planCounts(plan.rows))}).`);
	return 0;
}

export function runExport(args: ParsedArgs, vault: string, scan: VaultScan, io: ImportIo): number {
	const format = option(args, "format") ?? "vcard";
	if (format.toLowerCase() !== "vcard") throw new UsageError(`--format ${format} is not a format; export writes vcard`);
	const vcard = peopleToVcard(existingPeople(vault, scan), scan.settings);
	if (io.write) io.write(vcard);
	else io.stdout(vcard.replace(/\n$/, ""));
	return 0;
}
