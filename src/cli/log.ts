/**
 * `stay-in-touch log`: finds the person the user named and writes the entry through the plugin's
 * own writer (`core/log-writer.ts`), atomically (`atomic-write.ts`).
 */
import { join } from "path";
import { parseDateInput } from "../core/date-input";
import { formatDay, type Day } from "../core/dates";
import { findFavor } from "../core/favors";
import { applyLog, type LogEntryInput } from "../core/log-writer";
import { basename, type Person } from "../core/person";
import { foldText } from "../core/text";
import { list, option, UsageError, type ParsedArgs } from "./args";
import { rewriteNote } from "./atomic-write";
import type { Output } from "./output";
import { parseYaml } from "./note-reader";
import { sanitize } from "./table";
import type { VaultScan } from "./vault-reader";

interface Named {
	name: string;
	path: string;
	aliases: readonly string[];
}

function words(text: string): string[] {
	return foldText(text).split(/\s+/).filter(Boolean);
}

function several(people: readonly Named[]): string {
	return people.map((p) => p.path).join(", ");
}

/**
 * The one of `candidates` that `name` means: a name, alias or path typed in full, or else the
 * only one whose name or an alias has a word starting with each word typed ("ada", "love" and
 * "ada l" find Ada Lovelace; "ann" does not find Joanna). Null when none; never a guess
 * between several.
 */
function findNamed<T extends Named>(candidates: readonly T[], name: string): T | null {
	const wanted = foldText(name.trim());
	const wantedPath = wanted.endsWith(".md") ? wanted : `${wanted}.md`;
	const exact = candidates.filter(
		(p) => foldText(p.name) === wanted || foldText(p.path) === wantedPath || p.aliases.some((a) => foldText(a) === wanted),
	);
	if (exact.length === 1) return exact[0];
	if (exact.length > 1) throw new UsageError(`"${name}" matches several people: ${several(exact)}`);
	const typed = words(name);
	const startsEachWord = (label: string) => {
		const own = words(label);
		return typed.every((t) => own.some((w) => w.startsWith(t)));
	};
	const partial = candidates.filter((p) => [p.name, ...p.aliases].some(startsEachWord));
	if (partial.length === 1) return partial[0];
	if (partial.length > 1) throw new UsageError(`"${name}" matches several people: ${several(partial)}`);
	return null;
}

/** What `log --json` prints: what was written where, or why nothing was. */
export interface LogReport {
	ok: boolean;
	path: string;
	name: string;
	date?: string;
	type?: string;
	error?: string;
}

/** Where `log` speaks: its report (JSON with --json) and its refusals. */
export interface LogIo extends Pick<Output, "json" | "stdout"> {
	stderr: (text: string) => void;
}

function report(io: LogIo, result: LogReport, text: string): number {
	if (io.json) io.stdout(JSON.stringify(result, null, 2));
	if (!result.ok) {
		io.stderr(`stay-in-touch: nothing was written to ${result.path}: ${result.error ?? ""}`);
		return 1;
	}
	if (!io.json) io.stdout(text);
	return 0;
}

export function runLog(args: ParsedArgs, vault: string, scan: VaultScan, today: Day, io: LogIo): number {
	const date = parseDateInput(option(args, "date") ?? "today", today);
	if (!date.ok) throw new UsageError(`--date ${date.error}`);
	if (date.day > today) throw new UsageError("--date is in the future");
	const name = args.positional.join(" ");
	// A note that could not be read is no person to the scan, yet it may be the one the user means
	// ("Ada" for a broken People/Ada.md beside a readable Ada Lovelace): both are looked through
	// together, so the exact match wins, and an unreadable one is named with why, never replaced.
	const found = findNamed<Named & ({ person: Person } | { reason: string })>(
		[
			...scan.people
				.filter((p) => p.frontmatterError === null)
				.map((p) => ({ name: p.name, path: p.path, aliases: p.aliases, person: p })),
			...scan.unreadable.map((u) => ({ ...u, name: basename(u.path), aliases: [] })),
		],
		name,
	);
	if (found === null) throw new UsageError(`no person named "${name}" in this vault`);
	if ("reason" in found) return report(io, { ok: false, path: found.path, name: found.name, error: found.reason }, "");
	const person = found.person;
	const resolveTexts = list(option(args, "resolve"));
	// The writer's own matcher, so the CLI accepts exactly the favors the writer can resolve.
	const matches = (favors: { raw: string }[], text: string) =>
		findFavor(
			favors.map((f) => f.raw),
			text,
		) >= 0;
	const resolveOwed = resolveTexts.filter((t) => matches(person.owedFavors, t));
	const resolveOwedToMe = resolveTexts.filter((t) => !resolveOwed.includes(t) && matches(person.owedToMe, t));
	const unknown = resolveTexts.filter((t) => !resolveOwed.includes(t) && !resolveOwedToMe.includes(t));
	if (unknown.length > 0) throw new UsageError(`${person.path} has no open favor "${unknown[0]}"`);
	const type = option(args, "type") ?? scan.settings.defaultInteractionType;
	const entry: LogEntryInput = {
		day: date.day,
		type,
		note: option(args, "note") ?? "",
		addOwed: list(option(args, "owe")),
		addOwedToMe: list(option(args, "owed")),
		resolveOwed,
		resolveOwedToMe,
	};
	let result;
	try {
		// The writer runs on the note as read once this process may write it, not as scanned.
		result = rewriteNote(join(vault, person.path), (text) => applyLog(text, entry, scan.settings, today, parseYaml));
	} catch (error) {
		result = { ok: false as const, error: (error as Error).message };
	}
	const base = { path: person.path, name: person.name };
	if (!result.ok) return report(io, { ok: false, ...base, error: result.error }, "");
	return report(
		io,
		{ ok: true, ...base, date: formatDay(entry.day), type },
		`Logged ${sanitize(type)} with ${sanitize(person.name)} in ${sanitize(person.path)}`,
	);
}
