/**
 * `stay-in-touch`: the plugin's core over a vault folder on disk.
 * Exit codes: 0 success, 1 a write was refused or failed (the note is untouched), 2 bad arguments
 * or an unreadable vault.
 */
import { join, resolve } from "path";
import { parseDateInput } from "../core/date-input";
import { localDay, parseDateValue, type Day } from "../core/dates";
import { findFavor } from "../core/frontmatter-edit";
import { applyLog } from "../core/log-writer";
import { foldText, formatQueryError, parseQuery, runQuery } from "../core/query/index";
import { basename, type Person } from "../core/person";
import { toRecord, type PersonRecord } from "../core/record";
import { compareByUrgency, comparePeople, computeSchedule, defaultCadence, settingsProblems, type Scheduled } from "../core/schedule";
import { list, option, parseArgs, UsageError, type ParsedArgs } from "./args";
import { rewriteNote } from "./atomic-write";
import { renderTable, sanitize } from "./table";
import { parseYaml } from "./note-reader";
import { scanVault, VaultError, type VaultScan } from "./vault-reader";

export interface Io {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	isTTY: boolean;
	cwd: string;
	now: () => Date;
}

const USAGE: Record<string, string> = {
	main: `Usage: stay-in-touch <command> [options]

Commands:
  overdue   who to get back in touch with: overdue, then due, then due soon
  people    everyone the plugin sees as a person
  query     people matching a query (the stay-in-touch code-block language)
  log       log an interaction in a person's note

Every command takes --vault DIR (default: the current folder) and --today YYYY-MM-DD.
Output is a table, coloured on a terminal (--color forces colour, --no-color or NO_COLOR
turns it off), or JSON records with --json. Put -- before a name that starts with a dash.
Run "stay-in-touch <command> --help" for a command's options.`,
	overdue: `Usage: stay-in-touch overdue [--vault DIR] [--today YYYY-MM-DD] [--json]

Overdue people by urgency, then people due now, then people due soon.`,
	people: `Usage: stay-in-touch people [--vault DIR] [--today YYYY-MM-DD] [--json]

Every person note, most urgent first.`,
	query: `Usage: stay-in-touch query "<query>" [--vault DIR] [--today YYYY-MM-DD] [--json]

One instruction per line, or separated by ";", e.g.
  stay-in-touch query "tag #work; not contacted since 3 months ago; sort by urgency; limit 10"`,
	log: `Usage: stay-in-touch log "<person name>" [--date D] [--type T] [--note TEXT]
                         [--owe TEXT] [--owed TEXT] [--resolve TEXT] [--vault DIR]

Appends a dated entry under the log heading and updates last contact.
  --date     today (default), yesterday, "3 days ago" or YYYY-MM-DD
  --type     call, email, coffee… (default: the vault's default type)
  --owe      a favor you now owe them (repeatable)
  --owed     a favor they now owe you (repeatable)
  --resolve  a favor returned, in either direction (repeatable)`,
};

const COMMON = ["vault", "today"];
const OPTIONS: Record<string, string[]> = {
	overdue: COMMON,
	people: COMMON,
	query: COMMON,
	log: ["vault", "today", "date", "type", "note", "owe", "owed", "resolve"],
};

function today(args: ParsedArgs, io: Io): Day {
	const text = option(args, "today");
	if (text === undefined) return localDay(io.now());
	const parsed = parseDateValue(text);
	if (!parsed.ok) throw new UsageError(`--today ${parsed.error}`);
	return parsed.day;
}

function schedule(scan: VaultScan, day: Day): Scheduled[] {
	const ctx = { today: day, settings: scan.settings, defaultCadence: defaultCadence(scan.settings) };
	return scan.people.map((person) => ({ person, schedule: computeSchedule(person, ctx) })).sort(comparePeople);
}

function print(records: PersonRecord[], args: ParsedArgs, io: Io, empty: string): void {
	if (args.options.has("json")) {
		io.stdout(JSON.stringify(records, null, 2));
		return;
	}
	const color = args.options.has("color") || (io.isTTY && !args.options.has("no-color") && process.env.NO_COLOR === undefined);
	io.stdout(records.length === 0 ? empty : renderTable(records, color));
}

function reportSkipped(scan: VaultScan, io: Io): void {
	for (const line of scan.skipped) io.stderr(`stay-in-touch: skipped ${sanitize(line)}`);
}

/** The overdue command's order: overdue by urgency, then due, then due soon. */
export function overdueOrder(list: readonly Scheduled[]): Scheduled[] {
	const rank = { overdue: 0, due: 1, soon: 2 } as Record<string, number | undefined>;
	return list.filter((s) => rank[s.schedule.status] !== undefined).sort((a, b) => (rank[a.schedule.status] ?? 0) - (rank[b.schedule.status] ?? 0) || (a.schedule.status === "overdue" ? compareByUrgency(a, b) : (a.schedule.dueDay ?? 0) - (b.schedule.dueDay ?? 0) || compareByUrgency(a, b)));
}

function words(text: string): string[] {
	return foldText(text).split(/\s+/).filter(Boolean);
}

function several(people: readonly Named[]): string {
	return people.map((p) => p.path).join(", ");
}

interface Named {
	name: string;
	path: string;
	aliases: readonly string[];
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
	const exact = candidates.filter((p) => foldText(p.name) === wanted || foldText(p.path) === wantedPath || p.aliases.some((a) => foldText(a) === wanted));
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

function runLog(args: ParsedArgs, vault: string, scan: VaultScan, io: Io): number {
	const day = today(args, io);
	const date = parseDateInput(option(args, "date") ?? "today", day);
	if (!date.ok) throw new UsageError(`--date ${date.error}`);
	if (date.day > day) throw new UsageError("--date is in the future");
	const name = args.positional.join(" ");
	// A note that could not be read is no person to the scan, yet it may be the one the user means
	// ("Ada" for a broken People/Ada.md beside a readable Ada Lovelace): both are looked through
	// together, so the exact match wins, and an unreadable one is named with why, never replaced.
	const found = findNamed<Named & ({ person: Person } | { reason: string })>(
		[...scan.people.map((p) => ({ name: p.name, path: p.path, aliases: p.aliases, person: p })), ...scan.unreadable.map((u) => ({ ...u, name: basename(u.path), aliases: [] }))],
		name,
	);
	if (found === null) throw new UsageError(`no person named "${name}" in this vault`);
	if ("reason" in found) {
		io.stderr(`stay-in-touch: nothing was written to ${found.path}: ${found.reason}`);
		return 1;
	}
	const person = found.person;
	const resolveTexts = list(option(args, "resolve"));
	// The writer's own matcher, so the CLI accepts exactly the favors the writer can resolve.
	const matches = (favors: { raw: string }[], text: string) => findFavor(favors.map((f) => f.raw), text) >= 0;
	const resolveOwed = resolveTexts.filter((t) => matches(person.owedFavors, t));
	const resolveOwedToMe = resolveTexts.filter((t) => !resolveOwed.includes(t) && matches(person.owedToMe, t));
	const unknown = resolveTexts.filter((t) => !resolveOwed.includes(t) && !resolveOwedToMe.includes(t));
	if (unknown.length > 0) throw new UsageError(`${person.path} has no open favor "${unknown[0]}"`);
	const type = option(args, "type") ?? scan.settings.defaultInteractionType;
	const entry = {
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
		result = rewriteNote(join(vault, person.path), (text) => applyLog(text, entry, scan.settings, day, parseYaml));
	} catch (error) {
		result = { ok: false as const, error: (error as Error).message };
	}
	if (!result.ok) {
		io.stderr(`stay-in-touch: nothing was written to ${person.path}: ${result.error}`);
		return 1;
	}
	io.stdout(`Logged ${sanitize(type)} with ${sanitize(person.name)} in ${sanitize(person.path)}`);
	return 0;
}

const ALL_OPTIONS: ReadonlySet<string> = new Set(Object.values(OPTIONS).flat());

export function run(argv: readonly string[], rawIo: Io): number {
	// Messages quote names, paths and values from notes: none may move the cursor or recolour the terminal.
	const io: Io = { ...rawIo, stderr: (text) => rawIo.stderr(sanitize(text)) };
	try {
		const args = parseArgs(argv, ALL_OPTIONS);
		const command = args.command;
		if (command === null) {
			if (args.options.has("help")) {
				io.stdout(USAGE.main);
				return 0;
			}
			throw new UsageError("no command given; try overdue, people, query or log");
		}
		if (!OPTIONS[command]) throw new UsageError(`unknown command "${command}"; try overdue, people, query or log`);
		const foreign = [...args.options.keys()].find((name) => ALL_OPTIONS.has(name) && !OPTIONS[command].includes(name));
		if (foreign !== undefined) throw new UsageError(`${command} has no option --${foreign}; see stay-in-touch ${command} --help`);
		if (args.options.has("help")) {
			io.stdout(USAGE[command]);
			return 0;
		}
		if (command !== "query" && command !== "log" && args.positional.length > 0) throw new UsageError(`${command} takes no arguments (got "${args.positional[0]}")`);
		const vaultOption = option(args, "vault");
		if (vaultOption?.trim() === "") throw new UsageError("--vault needs a folder");
		const vault = resolve(io.cwd, vaultOption ?? ".");
		const day = today(args, io);
		let queryText: string | null = null;
		if (command === "query") {
			queryText = args.positional.join("\n");
			if (queryText.trim() === "") throw new UsageError('query needs a query: stay-in-touch query "overdue; tag #work"');
		}
		if (command === "log" && args.positional.join("").trim() === "") throw new UsageError('log needs a person\'s name: stay-in-touch log "Ada Lovelace"');
		const scan = scanVault(vault);
		if (scan.settingsError !== null) io.stderr(`stay-in-touch: the vault's plugin settings: ${scan.settingsError}`);
		reportSkipped(scan, io);
		for (const problem of settingsProblems(scan.settings)) io.stderr(`stay-in-touch: the vault's plugin settings: ${problem}`);
		if (command === "log") return runLog(args, vault, scan, io);
		const list = schedule(scan, day);
		if (command === "overdue") {
			print(overdueOrder(list).map(toRecord), args, io, "No one is overdue or due soon.");
		} else if (command === "people") {
			print(list.map(toRecord), args, io, "No person notes found.");
		} else {
			const parsed = parseQuery(queryText ?? "", { tiers: scan.settings.tiers });
			if (!parsed.ok) throw new UsageError(parsed.errors.map(formatQueryError).join("; "));
			const result = runQuery(parsed.query, list, { today: day, settings: scan.settings });
			for (const message of result.errors) io.stderr(`stay-in-touch: ${message}`);
			print(result.rows.map(toRecord), args, io, "No person matches.");
		}
		return 0;
	} catch (error) {
		if (error instanceof UsageError || error instanceof VaultError) {
			io.stderr(`stay-in-touch: ${error.message}`);
			return 2;
		}
		throw error;
	}
}
