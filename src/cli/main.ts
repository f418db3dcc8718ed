/**
 * `stay-in-touch`: the plugin's core over a vault folder on disk.
 * Exit codes: 0 success, 1 a write was refused or failed (the note is untouched), 2 bad arguments
 * or an unreadable vault.
 */
import { readFileSync } from "fs";
import { join, resolve } from "path";
import { localDay, parseDateValue, type Day } from "../core/dates";
import { formatQueryError, parseQuery, runQuery } from "../core/query/index";
import { scheduleContext } from "../core/rules";
import { overdueOrder, scheduleAll } from "../core/schedule";
import { option, parseArgs, UsageError, type ParsedArgs } from "./args";
import { runExport, runImport } from "./import";
import { installPlugin } from "./install";
import { runLog } from "./log";
import { digestDays, runDigest, runIcs } from "./reminders";
import { sanitize } from "./table";
import { printAttention, printPeople, printQuery, type Output } from "./output";
import { scanVault, VaultError, type VaultScan } from "./vault-reader";

export interface Io {
	/** One line (or lines) of output: the line end is added. */
	stdout: (text: string) => void;
	/** Output as it is, no line end added (the calendar, whose every line ends with CRLF); else `stdout` without its last LF. */
	write?: (text: string) => void;
	stderr: (text: string) => void;
	isTTY: boolean;
	cwd: string;
	now: () => Date;
	/** The package's folder (package.json, main.js…): for `install` and `--version`. */
	packageRoot?: string;
}

const USAGE: Record<string, string> = {
	main: `Usage: stay-in-touch <command> [options]

Commands:
  overdue   who to get back in touch with: overdue, then due, then due soon
  people    everyone the plugin sees as a person
  query     people matching a query (the stay-in-touch code-block language)
  log       log an interaction in a person's note
  import    people from a vCard, Google Contacts CSV or LinkedIn Connections.csv
  export    everyone as a vCard file (--format vcard)
  ics       a calendar file: birthdays, and due dates with an alarm
  digest    a Markdown digest: overdue, due this week, favors, birthdays
  install   put the Obsidian plugin into a vault

Every command takes --vault DIR (default: the current folder); the read commands and log take
--today YYYY-MM-DD. stay-in-touch --version prints the version.
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
                         [--owe TEXT] [--owed TEXT] [--resolve TEXT] [--vault DIR] [--json]

Appends a dated entry under the log heading and updates last contact.
  --date     today (default), yesterday, "3 days ago" or YYYY-MM-DD
  --type     call, email, coffee… (default: the vault's default type)
  --owe      a favor you now owe them (repeatable)
  --owed     a favor they now owe you (repeatable)
  --resolve  a favor returned, in either direction (repeatable)
  --json     print what was written (or why nothing was) as JSON`,
	ics: `Usage: stay-in-touch ics [--vault DIR] [--today YYYY-MM-DD] [--out FILE]

An iCalendar file (RFC 5545) for a calendar app to subscribe to: every birthday as a yearly
event, every tracked person's due date as an all-day event with an alarm at 9:00 (an overdue one
on today). Event IDs follow the note, so a calendar reading the file again updates its events.
  --out      write the file (whole, or not at all) instead of printing it`,
	digest: `Usage: stay-in-touch digest [--vault DIR] [--today YYYY-MM-DD] [--days N]

A Markdown digest for cron or mail: overdue, due in the next N days (default 7), open favors
both ways, birthdays in the next N days.`,
	import: `Usage: stay-in-touch import FILE [--vault DIR] [--dry-run] [--tier TIER] [--json]

Reads a vCard (.vcf), a Google Contacts CSV or LinkedIn's Connections.csv, matches each contact
to the people you have (email, then name or alias), prints the plan, then writes it: new people
in the first people folder (from the person template, if set), empty properties of matched people
filled, nothing the notes already say changed. Ambiguous contacts are listed, never written.
  --dry-run  print the plan and write nothing
  --tier     a cadence tier for new people (default: none, so they are not due yet)
  --json     print the plan (and what was written) as JSON`,
	export: `Usage: stay-in-touch export --format vcard [--vault DIR] > people.vcf

Prints everyone as one vCard 3.0 file, for a phone's or an email app's address book.`,
	install: `Usage: stay-in-touch install --vault DIR [--force]

Copies the plugin (main.js, manifest.json, styles.css) into DIR/.obsidian/plugins/stay-in-touch/,
building it first in a source checkout. The plugin's settings there (data.json) are kept.
  --force    install into a folder that has no .obsidian folder yet`,
};

const COMMON = ["vault", "today"];
const OPTIONS: Record<string, string[]> = {
	overdue: COMMON,
	people: COMMON,
	query: COMMON,
	log: ["vault", "today", "date", "type", "note", "owe", "owed", "resolve"],
	install: ["vault", "force"],
	ics: [...COMMON, "out"],
	digest: [...COMMON, "days"],
	import: [...COMMON, "dry-run", "tier"],
	export: ["vault", "format"],
};

function today(args: ParsedArgs, io: Io): Day {
	const text = option(args, "today");
	if (text === undefined) return localDay(io.now());
	const parsed = parseDateValue(text);
	if (!parsed.ok) throw new UsageError(`--today ${parsed.error}`);
	return parsed.day;
}

function packageRoot(io: Io): string {
	return io.packageRoot ?? join(__dirname, "..");
}

function packageVersion(io: Io): string {
	const pkg = JSON.parse(readFileSync(join(packageRoot(io), "package.json"), "utf8")) as { version?: unknown };
	return typeof pkg.version === "string" ? pkg.version : "unknown";
}

function reportSkipped(scan: VaultScan, io: Io): void {
	for (const line of scan.skipped) io.stderr(`stay-in-touch: skipped ${line}`);
}

/** A word a shell reads back as it is: quoted when it holds anything but safe characters. */
function shellWord(text: string): string {
	return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function output(args: ParsedArgs, io: Io): Output {
	const color = args.options.has("color") || (io.isTTY && !args.options.has("no-color") && process.env.NO_COLOR === undefined);
	return { json: args.options.has("json"), color, stdout: io.stdout };
}

const ALL_OPTIONS: ReadonlySet<string> = new Set(Object.values(OPTIONS).flat());

export function run(argv: readonly string[], rawIo: Io): number {
	// Messages quote names, paths and values from notes: none may move the cursor or recolour the terminal.
	const io: Io = { ...rawIo, stderr: (text) => rawIo.stderr(sanitize(text)) };
	try {
		const args = parseArgs(argv, ALL_OPTIONS);
		const command = args.command;
		if (command === null) {
			if (args.options.has("version")) {
				io.stdout(packageVersion(io));
				return 0;
			}
			// A bare `stay-in-touch` (or --help) says how to use it.
			io.stdout(USAGE.main);
			return 0;
		}
		if (!OPTIONS[command])
			throw new UsageError(`unknown command "${command}"; try overdue, people, query, log, import, export, ics, digest or install`);
		const foreign = [...args.options.keys()].find((name) => ALL_OPTIONS.has(name) && !OPTIONS[command].includes(name));
		if (foreign !== undefined) throw new UsageError(`${command} has no option --${foreign}; see stay-in-touch ${command} --help`);
		if (args.options.has("help")) {
			io.stdout(USAGE[command]);
			return 0;
		}
		if (command !== "query" && command !== "log" && command !== "import" && args.positional.length > 0)
			throw new UsageError(`${command} takes no arguments (got "${args.positional[0]}")`);
		const vaultOption = option(args, "vault");
		if (vaultOption?.trim() === "") throw new UsageError("--vault needs a folder");
		const vault = resolve(io.cwd, vaultOption ?? ".");
		if (command === "install") {
			if (vaultOption === undefined) throw new UsageError("install needs --vault DIR: the vault to put the plugin in");
			installPlugin(vault, packageRoot(io), args.options.has("force"), io);
			return 0;
		}
		const day = today(args, io);
		let queryText: string | null = null;
		if (command === "query") {
			queryText = args.positional.join("\n");
			if (queryText.trim() === "") throw new UsageError('query needs a query: stay-in-touch query "overdue; tag #work"');
		}
		if (command === "digest") digestDays(args);
		if (command === "log" && args.positional.join("").trim() === "")
			throw new UsageError('log needs a person\'s name: stay-in-touch log "Ada Lovelace"');
		const scan = scanVault(vault);
		if (scan.settingsError !== null) io.stderr(`stay-in-touch: the vault's plugin settings: ${scan.settingsError}`);
		reportSkipped(scan, io);
		for (const problem of scan.rules.problems) io.stderr(`stay-in-touch: the vault's plugin settings: ${problem}`);
		const json = args.options.has("json");
		if (command === "import")
			return runImport(args, vault, scan, day, { stdout: io.stdout, stderr: io.stderr, json, cwd: io.cwd, now: io.now });
		if (command === "export")
			return runExport(args, vault, scan, {
				stdout: io.stdout,
				stderr: io.stderr,
				json,
				cwd: io.cwd,
				write: io.write ?? ((text: string) => io.stdout(text.replace(/\n$/, ""))),
			});
		if (command === "log")
			return runLog(args, vault, scan, day, { stdout: io.stdout, stderr: io.stderr, json: args.options.has("json") });
		const list = scheduleAll(scan.people, scheduleContext(scan.rules, day));
		const reminderIo = {
			stdout: io.stdout,
			write: io.write ?? ((text: string) => io.stdout(text.replace(/\n$/, ""))),
			stderr: io.stderr,
			cwdResolve: (path: string) => resolve(io.cwd, path),
		};
		if (command === "ics") return runIcs(args, list, day, io.now(), reminderIo);
		if (command === "digest") return runDigest(args, list, day, reminderIo);
		if (command === "overdue") {
			const out = output(args, io);
			printPeople(overdueOrder(list), day, out, "No one is overdue or due soon.");
			if (!out.json) printAttention(list, out, vaultOption === undefined ? "" : ` --vault ${shellWord(vaultOption)}`);
		} else if (command === "people") {
			printPeople(list, day, output(args, io), "No person notes found.");
		} else {
			const parsed = parseQuery(queryText ?? "", { tiers: scan.settings.tiers });
			if (!parsed.ok) throw new UsageError(parsed.errors.map(formatQueryError).join("; "));
			const result = runQuery(parsed.query, list, { today: day, settings: scan.settings });
			for (const message of result.errors) io.stderr(`stay-in-touch: ${message}`);
			printQuery(result, day, output(args, io));
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
