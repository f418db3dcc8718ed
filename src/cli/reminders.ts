/**
 * `ics` and `digest`: what the vault says, for a calendar app or a morning mail, from core's
 * texts (core/ics.ts, core/digest.ts), the same ones the plugin inserts.
 */
import { renameSync, rmSync, writeFileSync } from "fs";
import type { Day } from "../core/dates";
import { digestText } from "../core/digest";
import { icsText } from "../core/ics";
import type { Scheduled } from "../core/schedule";
import { option, UsageError, type ParsedArgs } from "./args";

export interface ReminderIo {
	stdout: (text: string) => void;
	/** Output as it is: no line end added. */
	write: (text: string) => void;
	stderr: (text: string) => void;
	cwdResolve: (path: string) => string;
}

/** `--days N`: 1 to 366 days ahead (default 7). */
export function digestDays(args: ParsedArgs): number {
	const text = option(args, "days");
	if (text === undefined) return 7;
	const n = Number(text);
	if (!/^\d+$/.test(text.trim()) || n < 1 || n > 366) throw new UsageError(`--days takes a number of days from 1 to 366, not "${text}"`);
	return n;
}

/**
 * Writes the whole file or nothing: a calendar app reading the file while it is written must
 * never see half of it, so the text goes to a temporary file beside it that is then renamed.
 */
function writeWhole(path: string, text: string): void {
	const temp = `${path}.stay-in-touch-${process.pid}.tmp`;
	try {
		writeFileSync(temp, text, { encoding: "utf8", flag: "wx" });
		renameSync(temp, path);
	} catch (error) {
		rmSync(temp, { force: true });
		throw error;
	}
}

/** `stay-in-touch ics [--out FILE]`: the calendar on stdout, or written to FILE. */
export function runIcs(args: ParsedArgs, list: readonly Scheduled[], today: Day, now: Date, io: ReminderIo): number {
	const text = icsText(list, today, now);
	const out = option(args, "out");
	if (out === undefined) {
		// Raw: RFC 5545 ends every line with CRLF, the last one too (stdout's line end would be a bare LF).
		io.write(text);
		return 0;
	}
	if (out.trim() === "") throw new UsageError("--out needs a file name");
	const path = io.cwdResolve(out);
	try {
		writeWhole(path, text);
	} catch (error) {
		io.stderr(`stay-in-touch: cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	}
	return 0;
}

/** `stay-in-touch digest [--days N]`: the Markdown digest on stdout. */
export function runDigest(args: ParsedArgs, list: readonly Scheduled[], today: Day, io: ReminderIo): number {
	io.stdout(digestText(list, { today, days: digestDays(args), level: 1 }).replace(/\n$/, ""));
	return 0;
}
