/**
 * Hostile text for every parser fed by note text, shared by the fuzz test
 * (`parser-fuzz.test.ts`: each parser returns, and returns something sane) and the benchmark
 * (`bench/suite.ts`: the worst time per input). An input is a short prefix, one unit repeated to
 * the size asked for, and a short suffix: long runs are where a backtracking regular expression
 * or a search restarted at every step turns quadratic.
 */
import { closestWord, parseCadence, CADENCE_WORDS } from "../../src/core/cadence";
import { parseDateInput } from "../../src/core/date-input";
import { dayFromYmd, parseDateValue, readWrittenDate } from "../../src/core/dates";
import { favorText, findFavor, parseFavor, stripFavorDate } from "../../src/core/favors";
import { findKeySpelling, KeyIndex, normalizeKey } from "../../src/core/keys";
import * as logReader from "../../src/core/log-reader";
import { parseSimpleYaml } from "../../src/cli/simple-yaml";
import { parseCsv } from "../../src/core/import/csv";
import { readContactsText } from "../../src/core/import/read";
import { parseQuery } from "../../src/core/query/index";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { frontmatterTags, inlineTags, isValidTag, normalizeTag } from "../../src/core/tags";

export const MEGABYTE = 1024 * 1024;

const TODAY = dayFromYmd(2026, 11, 26);
const SETTINGS = defaultSettings();
const TIERS = SETTINGS.tiers;

export interface HostileInput {
	name: string;
	prefix: string;
	unit: string;
	suffix: string;
}

/** `prefix`, then `unit` repeated until the text is `size` characters long (or just over), then `suffix`. */
export function hostileText({ prefix, unit, suffix }: HostileInput, size: number): string {
	return prefix + unit.repeat(Math.max(1, Math.ceil((size - prefix.length - suffix.length) / unit.length))) + suffix;
}

const input = (name: string, prefix: string, unit: string, suffix = ""): HostileInput => ({ name, prefix, unit, suffix });

/** The cases each parser once took seconds on (the first), and runs each parser's grammar leans on. */
export const HOSTILE_INPUTS: readonly HostileInput[] = [
	input("cadence 1, spaces, x (issue #16)", "1", " ", "x"),
	input("ISO duration P and digits", "P", "1", "x"),
	input("ISO duration P1Y repeated", "P", "1Y", "T"),
	input("ISO fraction P1. repeated", "P", "1.", "D"),
	input("tag with a run of slashes", "#a", "/", "b"),
	input("tag then %% comments", "#a ", "%%x%%"),
	input("tag then <!-- comments", "#a ", "<!--x-->"),
	input("tag then comments and an open backtick", "#a `", "%%x%%"),
	input("query tag with slashes", "tag #a", "/", "b"),
	input("query folder with slashes", "folder a", "/", "b"),
	input("query lines that are mistakes", "", "a;"),
	input("query valid lines", "", "overdue\n"),
	input("query run of nots", "", "not ", "overdue"),
	input("query sort by many words", "sort by ", "a "),
	input("query columns of commas", "columns ", ","),
	input("query contacted since digits", "contacted since ", "1"),
	input("spaces", "", " "),
	input("tabs then x", "", "\t", "x"),
	input("digits", "", "1", "x"),
	input("hyphens", "", "-"),
	input("hashes", "", "#"),
	input("wiki-link openers", "", "[["),
	input("backticks", "", "`"),
	input("accented letters", "", "é"),
	input("combining accents", "", "e\u0301"),
	input("emoji", "", "😀"),
	input("lone surrogates", "", "\ud800"),
	input("letters", "", "a"),
	input("words", "", "a "),
	input("every every", "", "every "),
	input("dates run together", "", "2026-"),
	input("ranges run together", "1", "-1", "x"),
	input("to to to", "1 ", "to ", "weeks"),
	input("month names", "", "Nov "),
	input("ordinals", "", "2nd "),
	input("weekdays", "", "Mon, "),
	input("date then spaces then a colon", "2026-01-01", " ", ": x"),
	input("favor date then text", "2026-01-01: ", "a "),
	input("newlines", "", "\n"),
	input("CRLF", "", "\r\n"),
	input("comment markers", "", "%%"),
	input("HTML comment openers", "", "<!--"),
	input("math markers", "", "$$"),
	input("key separators", "", "_ -", "A"),
	input("log entries", "## Interactions\n", "- 2026-01-01 — call\n"),
	input("log wiki-link without an end", "## Interactions\n- [[", "1"),
	input("log wiki-links on every line", "## Interactions\n", "- [[2026\n"),
	input("log list markers", "## Interactions\n", "- "),
	input("log indented continuation", "## Interactions\n- 2026-01-01\n", " ", "x"),
	input("log blockquotes", "## Interactions\n", "> "),
	input("log heading of hashes", "", "#", " Interactions\n"),
	input("log code fences", "## Interactions\n", "```\n"),
	input("log inline code", "## Interactions\n", "- `a\n"),
	input("log comment openers", "## Interactions\n", "- <!--\n"),
	input("log setext paragraph", "## Interactions\n", "a\n", "=\n"),
	input("log checkboxes", "## Interactions\n", "- [ ] "),
	input("log daily links with aliases", "## Interactions\n", "- [[2026-01-01|"),
	input("vCard cards", "", "BEGIN:VCARD\nFN:a\nEND:VCARD\n"),
	input("vCard folded lines", "BEGIN:VCARD\nNOTE:", "\n x"),
	input("vCard quoted-printable soft breaks", "BEGIN:VCARD\nNOTE;ENCODING=QUOTED-PRINTABLE:", "=C3=A9=\n"),
	input("vCard escapes", "BEGIN:VCARD\nN:", "\\;"),
	input("vCard quoted parameters", "BEGIN:VCARD\nADR;LABEL=", '"'),
	input("CSV quoted quotes", 'First Name,Last Name,Connected On\n"', '""'),
	input("CSV commas", "", ","),
	input("CSV quoted line breaks", '"', "\n"),
];

/**
 * Contacts files whose values are all different, which a repeated unit cannot make: one contact
 * with very many values, or very many rows that are one person. Each once took seconds to read
 * or plan at 40,000 (a list searched again for every value); `count` of them must stay linear.
 */
export const HOSTILE_CONTACT_FILES: readonly { name: string; make: (count: number) => string }[] = [
	{
		name: "one vCard with an EMAIL line per value",
		make: (n) => `BEGIN:VCARD\nFN:Ada\n${Array.from({ length: n }, (_, i) => `EMAIL:p${i}@x.example\n`).join("")}END:VCARD\n`,
	},
	{
		name: "one vCard with a CATEGORIES value per value",
		make: (n) => `BEGIN:VCARD\nFN:Ada\nCATEGORIES:${Array.from({ length: n }, (_, i) => `c${i}`).join(",")}\nEND:VCARD\n`,
	},
	{
		name: "one Google row with a ::: label per value",
		make: (n) => `First Name,Last Name,Labels\nAda,Lovelace,${Array.from({ length: n }, (_, i) => `label${i}`).join(" ::: ")}\n`,
	},
	{
		name: "Google rows of one name, each with its own phone and note",
		make: (n) =>
			`First Name,Last Name,Labels,Phone 1 - Value,Notes\n${Array.from({ length: n }, (_, i) => `Sam,Lee,l${i},${i},note ${i}\n`).join("")}`,
	},
	{
		name: "LinkedIn rows of one name, each with its own profile",
		make: (n) =>
			`First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${Array.from(
				{ length: n },
				(_, i) => `Sam,Lee,https://www.linkedin.com/in/sam-${i},,Co ${i},,1 Mar 2024\n`,
			).join("")}`,
	},
	{
		name: "LinkedIn rows of one name, each with its own email",
		make: (n) =>
			`First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${Array.from({ length: n }, (_, i) => `Sam,Lee,,s${i}@x.example,,,\n`).join("")}`,
	},
];

/** Pieces the property test combines into inputs of its own. */
export const PREFIXES: readonly string[] = [
	"",
	"1",
	"P",
	"every ",
	"1-",
	"2026-11-02",
	"Nov ",
	"2 ",
	"Mon, ",
	"#a",
	"tag #",
	"sort by ",
	"not ",
	"contacted since ",
	"columns ",
	"name includes ",
	"folder ",
	"## Interactions\n- ",
	"## Interactions\n- [[",
	"---\n",
	"2026-01-01: ",
];
export const UNITS: readonly string[] = [...new Set(HOSTILE_INPUTS.map((i) => i.unit))];
export const SUFFIXES: readonly string[] = [
	"",
	"x",
	"-",
	" x",
	"1",
	"d",
	".",
	"t",
	"!",
	"\n",
	"]]",
	"`",
	" weeks",
	" ago",
	"/b",
	"%%",
	"-->",
	"\n=\n",
];

/** One parser: a name, and a call that feeds it the text where note text reaches it. */
export interface TextParser {
	name: string;
	parse(text: string): unknown;
	/** Run only by the CLI, which reads files: in Obsidian the metadata cache gives tags and frontmatter. */
	cliOnly?: boolean;
}

type ReadLogDates = (text: string, settings: Settings) => unknown;
// The log reader is being extended: `readLogDates` is fed too when it is there.
const readLogDates = (logReader as unknown as Record<string, unknown>).readLogDates as ReadLogDates | undefined;

/** Every parser fed by note text (or by text a person types: the query, the log modal's date). */
export const TEXT_PARSERS: readonly TextParser[] = [
	{ name: "cadence", parse: (text) => parseCadence(text, TIERS) },
	{ name: "date property", parse: (text) => parseDateValue(text) },
	{ name: "written date without a year", parse: (text) => readWrittenDate(text, { yearless: true }) },
	{ name: "typed date", parse: (text) => parseDateInput(text, TODAY) },
	{ name: "favor", parse: (text) => parseFavor(text) },
	{ name: "favor without its date", parse: (text) => stripFavorDate(text) },
	{ name: "favor list item", parse: (text) => favorText(text) },
	{ name: "favor to resolve", parse: (text) => findFavor(["a book", text, { "2026-01-01": text }], `${text} `) },
	{ name: "inline tags", parse: (text) => inlineTags(text), cliOnly: true },
	{ name: "frontmatter tags", parse: (text) => frontmatterTags({ tags: text, Tag: [text, "x"] }), cliOnly: true },
	{ name: "tag check", parse: (text) => isValidTag(normalizeTag(text)) },
	{ name: "key spelling", parse: (text) => normalizeKey(text) },
	{ name: "key index", parse: (text) => new KeyIndex({ [text]: 1, lastContact: 2 }).spellings("last_contact") },
	{ name: "key lookup", parse: (text) => findKeySpelling([text, "last-contact"], "lastContact") },
	{ name: "typo suggestion", parse: (text) => closestWord(text, CADENCE_WORDS) },
	{ name: "query", parse: (text) => parseQuery(text, { tiers: TIERS }) },
	{ name: "CLI fast YAML path", parse: (text) => parseSimpleYaml(text), cliOnly: true },
	{ name: "CLI fast YAML path, a value", parse: (text) => parseSimpleYaml(`cadence: ${text}`), cliOnly: true },
	{ name: "log: newest entry", parse: (text) => logReader.latestLogDay(text, SETTINGS) },
	...(readLogDates ? [{ name: "log: every entry date", parse: (text: string) => readLogDates(text, SETTINGS) }] : []),
	{ name: "contacts file", parse: (text) => readContactsText(text) },
	{ name: "contacts file: a vCard", parse: (text) => readContactsText(`BEGIN:VCARD\n${text}\nEND:VCARD`) },
	{ name: "contacts file: LinkedIn rows", parse: (text) => readContactsText(`First Name,Last Name,Connected On\n${text}`) },
	{ name: "CSV", parse: (text) => parseCsv(text) },
];

/** One parser's slowest input, in milliseconds per call. */
export interface SlowestInput {
	parser: string;
	cliOnly: boolean;
	input: string;
	median: number;
	p95: number;
}

/**
 * Times every parser on every hostile input (one warm-up call, then `runs` timed ones) and keeps
 * each parser's slowest input by median, slowest parser first. For the benchmark, which runs it
 * bundled as main.js and the CLI are: unbundled, every character code named in `char-codes.ts`
 * is a module lookup and the scanners run several times slower than they ever do for a user.
 */
export function slowestInputs(size = MEGABYTE, runs = 5): SlowestInput[] {
	const slowest = new Map<string, SlowestInput>();
	for (const input of HOSTILE_INPUTS) {
		const text = hostileText(input, size);
		for (const parser of TEXT_PARSERS) {
			parser.parse(text);
			const times: number[] = [];
			for (let i = 0; i < runs; i++) {
				const t0 = performance.now();
				parser.parse(text);
				times.push(performance.now() - t0);
			}
			times.sort((a, b) => a - b);
			const median = times[Math.floor(times.length / 2)];
			if (median > (slowest.get(parser.name)?.median ?? -1)) {
				slowest.set(parser.name, {
					parser: parser.name,
					cliOnly: parser.cliOnly === true,
					input: input.name,
					median,
					p95: times[times.length - 1],
				});
			}
		}
	}
	return [...slowest.values()].sort((a, b) => b.median - a.median);
}
