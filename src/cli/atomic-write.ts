/** The CLI's only write: a note read, changed and replaced at once, one writer at a time. */
import {
	chmodSync,
	closeSync,
	constants,
	fstatSync,
	fsyncSync,
	lstatSync,
	openSync,
	readFileSync,
	renameSync,
	unlinkSync,
	writeSync,
} from "fs";
import { basename } from "path";
import type { WriteResult } from "../core/log-writer";

export type Rewrite = WriteResult;

/** Strict: a byte that is not UTF-8 would come back as U+FFFD, a change the write never meant. The BOM is kept as text. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Creates the temp file beside the note, which only one writer can do: it is the lock, and the
 * rename that publishes the note also releases it. O_EXCL never follows a link in its place.
 */
function lock(temp: string, mode: number, waitMs: number): number | null {
	const deadline = Date.now() + waitMs;
	for (;;) {
		try {
			return openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
		} catch (error) {
			if ((error as { code?: string }).code !== "EEXIST") throw error;
			if (Date.now() >= deadline) return null;
			sleep(20);
		}
	}
}

/** The temp file beside a note: its lock while it is written. */
export function tempPath(path: string): string {
	return `${path}.stay-in-touch.tmp`;
}

function lockLeftBehind(temp: string): string {
	return `another stay-in-touch is writing it, or ${basename(temp)} was left behind by one that stopped (delete it then)`;
}

/** Whether anything (a file, a folder, a link, even a broken one) is at `path`. */
export function occupied(path: string): boolean {
	try {
		lstatSync(path);
		return true;
	} catch {
		return false;
	}
}

/**
 * What would make `rewriteNote` refuse the note now (its lock held or left behind, a note that
 * is no plain file, read-only or not UTF-8), or null: checked for every note before a write of
 * several notes starts, so it is all or nothing.
 */
export function rewriteProblem(path: string): string | null {
	if (occupied(tempPath(path))) return lockLeftBehind(tempPath(path));
	try {
		const read = readNote(path);
		return read.ok ? null : read.error;
	} catch (error) {
		return `cannot be read (${(error as { code?: string }).code ?? (error as Error).message})`;
	}
}

/**
 * Reads the note, asks `change` for its new text, and replaces the note through a temp file and
 * a rename, so a crash never leaves half a note. Another `stay-in-touch log` on the same note
 * waits its turn and then starts from the note as this one left it, so both entries land. The
 * note keeps its permissions; a read-only note, or one that is not UTF-8 text, is not written.
 */
export function rewriteNote(path: string, change: (text: string) => Rewrite, waitMs = 3000): Rewrite {
	const temp = tempPath(path);
	// Private until it holds the whole note; it gets the note's mode before the rename.
	const lockFd = lock(temp, 0o600, waitMs);
	if (lockFd === null) return { ok: false, error: lockLeftBehind(temp) };
	let fd: number | null = lockFd;
	let published = false;
	try {
		// Checked and read only now that this process holds the note, and through one handle that
		// never follows a link swapped in while it waited.
		const read = readNote(path);
		if (!read.ok) return read;
		const result = change(read.text);
		if (!result.ok) return result;
		writeAll(lockFd, Buffer.from(result.text, "utf8"));
		fsyncSync(lockFd);
		// Closed before the rename: Windows cannot rename a file that is still open.
		closeSync(lockFd);
		fd = null;
		chmodSync(temp, read.mode);
		renameSync(temp, path);
		published = true;
		return result;
	} finally {
		if (fd !== null) closeSync(fd);
		if (!published) unlinkSync(temp);
	}
}

function readNote(path: string): { ok: true; text: string; mode: number } | { ok: false; error: string } {
	let fd;
	try {
		fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
	} catch (error) {
		if ((error as { code?: string }).code === "ELOOP") return { ok: false, error: "the note is no longer a plain file" };
		throw error;
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) return { ok: false, error: "the note is no longer a plain file" };
		if ((stat.mode & 0o222) === 0) return { ok: false, error: "the note is read-only" };
		try {
			return { ok: true, text: UTF8.decode(readFileSync(fd)), mode: stat.mode & 0o7777 };
		} catch (error) {
			if (error instanceof TypeError) return { ok: false, error: "the note is not valid UTF-8 text" };
			throw error;
		}
	} finally {
		closeSync(fd);
	}
}

function writeAll(fd: number, bytes: Buffer): void {
	for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}
