/**
 * The malformed-note corpus (tests/fixtures/malformed, described in its README.md) plus the notes
 * generated at test time: a 5 MB note (too big to commit) and notes whose file names are HTML,
 * which Windows cannot check out.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { loadFixtureDir } from "../runtime/node-vault";

export const CORPUS_DIR = resolve(process.cwd(), "tests/fixtures/malformed");

/** The committed notes, keyed by vault path (the README is documentation, not a note). */
export function committedCorpus(): Record<string, string> {
	const files = loadFixtureDir(CORPUS_DIR);
	delete files["README.md"];
	return files;
}

export const HUGE_PATH = "People/huge-5mb.md";
export const HUGE_BYTES = 5 * 1024 * 1024;

let hugeText: string | null = null;

/**
 * A 5 MB person note: frontmatter, then about 65,000 dated log entries (four a day from 1971 to
 * the 2010s, with continuation lines, #tags and [[links]]), so indexing, the log scan and the
 * writer's in-order insertion all walk the whole note.
 */
export function hugeNote(): string {
	if (hugeText !== null) return hugeText;
	const lines = [
		"---",
		"cadence: weekly",
		"last_contact: 2010-01-01",
		"owed_favors:",
		'  - "2019-05-01: return the ladder"',
		"---",
		"# A very long note",
		"",
		"## Interactions",
		"",
	];
	let size = lines.reduce((n, l) => n + l.length + 1, 0);
	let t = Date.UTC(1971, 0, 1);
	for (let i = 0; size < HUGE_BYTES; i++) {
		const line =
			i % 50 === 49
				? `  A continuation line with #tag/${i % 7} and [[Link ${i % 13}]] number ${i}.`
				: `- ${new Date(t).toISOString().slice(0, 10)} — call: talked about project ${i} and the weather in some detail`;
		if (i % 50 !== 49) t += 6 * 3_600_000;
		lines.push(line);
		size += line.length + 1;
	}
	hugeText = `${lines.join("\n")}\n`;
	return hugeText;
}

/** The newest entry of the huge note, as hugeNote() writes it. */
export function hugeNoteLatest(): string {
	const text = hugeNote();
	const all = [...text.matchAll(/^- (\d{4}-\d{2}-\d{2}) — /gm)];
	return all[all.length - 1][1];
}

const fm = (...lines: string[]) => `---\n${lines.join("\n")}\n---\n`;

/** Notes whose file names are markup (and one with terminal escape codes), created at test time. */
export const GENERATED: Readonly<Record<string, string>> = Object.freeze({
	"People/<img src=x onerror=alert(1)>.md": fm(
		"cadence: weekly",
		"last_contact: 2026-10-01",
		'owed_favors: ["<b>lend</b> the <i>book</i>"]',
	),
	"People/<script>alert(1).md": fm("cadence: <i>often</i>", "last_contact: 2026-11-01"),
	'People/<iframe src=javascript:alert(1)> & "quotes".md': fm("cadence: monthly", 'aliases: ["<svg onload=alert(1)>"]'),
	"People/<b>broken yaml.md": fm("cadence: [weekly", "last_contact: 2026-10-01"),
	"People/\u001b[31mred\u001b[0m escape.md": fm("cadence: weekly", "last_contact: 2026-10-01"),
});

/** Committed + generated notes, with the 5 MB note unless `huge: false`. */
export function fullCorpus({ huge = true } = {}): Record<string, string> {
	return { ...committedCorpus(), ...GENERATED, ...(huge ? { [HUGE_PATH]: hugeNote() } : {}) };
}

/** Markdown notes only (no `.obsidian/` config, no folder keys). */
export function notesOf(snapshot: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(snapshot).filter(([path]) => path.endsWith(".md") && !path.startsWith(".")));
}

// ---------------------------------------------------------------------------------------------
// On disk, for the CLI

export function writeVault(dir: string, files: Record<string, string>): void {
	for (const [path, text] of Object.entries(files)) {
		if (path.endsWith("/")) continue;
		const full = join(dir, path);
		mkdirSync(dirname(full), { recursive: true });
		writeFileSync(full, text, "utf8");
	}
}

/** Every file below `dir` as raw bytes (hex), so a rewrite of identical text still compares equal only if it is identical. */
export function readTree(dir: string): Record<string, { bytes: string; mtimeMs: number }> {
	const out: Record<string, { bytes: string; mtimeMs: number }> = {};
	const walk = (abs: string) => {
		for (const name of readdirSync(abs)) {
			const child = join(abs, name);
			const st = statSync(child);
			if (st.isDirectory()) walk(child);
			else out[relative(dir, child).split(sep).join("/")] = { bytes: readFileSync(child).toString("hex"), mtimeMs: st.mtimeMs };
		}
	};
	walk(dir);
	return out;
}

// ---------------------------------------------------------------------------------------------
// What the corpus should produce

/**
 * Every person note of the corpus that has a value the plugin cannot use, or a date after today
 * (the corpus is read as of 2026-11-26), with the exact messages shown under "Needs attention"
 * (in the order the person record lists them).
 */
export const EXPECTED_PROBLEMS: Readonly<Record<string, readonly (string | RegExp)[]>> = Object.freeze({
	"Notes/marker-person-bad-values.md": [
		"cadence 'sometimes' is not a cadence; try 2w, monthly or every 3 months",
		"last_contact 'yesterday-ish' is not a date; write it as YYYY-MM-DD",
	],
	"People/birthday-impossible.md": ["birthday '02-30' is not a real calendar date"],
	"People/cadence-1e9.md": ["cadence 1000000000 is too long; a cadence is at most 100 years"],
	"People/cadence-nan-and-infinity.md": ["cadence NaN is not a cadence; try 2w, monthly or every 3 months"],
	"People/cadence-negative.md": ["cadence -3 is negative; a cadence is at least 1 day"],
	"People/cadence-range-backwards.md": ["cadence '6-4 weeks' is backwards; write the shorter end first, like 4-6 weeks"],
	"People/cadence-string-1e9-days.md": ["cadence '1000000000 days' is too long; a cadence is at most 100 years"],
	"People/cadence-typo.md": ["cadence 'fortnighly' is not a cadence; did you mean fortnightly?"],
	"People/cadence-zero.md": ["cadence 0 is zero; a cadence is at least 1 day"],
	"People/crlf-with-problem.md": ["cadence 'fortnighly' is not a cadence; did you mean fortnightly?"],
	"People/date-year-9999.md": ["last contact 9999-12-31 is in the future"],
	"People/log-oddities.md": [
		"log entry '2026-02-30' is not a real calendar date",
		"log entry '2026-13-01' is not a real calendar date",
		"log entry 9999-12-31 is in the future",
	],
	"People/day-first-date.md": [
		"last_contact '26/11/2026' puts the day first, which is ambiguous for days up to the 12th; write it as 2026-11-26",
	],
	"People/duplicate-key-spellings.md": ["last_contact and lastContact are the same key written twice; using last_contact"],
	"People/favor-object.md": [
		"owed_favors has an entry that is not text: an object",
		"owed_favors has an entry that is not text: an object",
		"owed_to_me has an entry that is not text: an object",
	],
	"People/favors-bare-date.md": [
		"owed_favors has a favor dated 2026-10-02 with no text",
		"owed_favors '2026-13-01' is not a real calendar date",
	],
	"People/favors-nested-lists.md": [
		"owed_favors has an entry that is not text: a list",
		"owed_favors has an entry that is not text: a list",
		"owed_to_me has an entry that is not text: true",
	],
	"People/full-width-digits.md": ["last_contact '２０２６-１１-０１' is not a date; write it as YYYY-MM-DD"],
	"People/html-in-values.md": [
		"cadence '<b>weekly</b>' is not a cadence; try 2w, monthly or every 3 months",
		"last_contact '<img src=x onerror=alert(2)>' is not a date; write it as YYYY-MM-DD",
		"snooze_until '<iframe src=javascript:alert(3)>' is not a date; write it as YYYY-MM-DD",
	],
	"People/impossible-date-2025-02-29.md": [
		"last_contact '2025-02-29' is not a real calendar date",
		"snooze_until '2026-04-31' is not a real calendar date",
		"birthday '2025-02-29' is not a real calendar date",
	],
	"People/impossible-date-2026-13-45.md": ["last_contact '2026-13-45' is not a real calendar date"],
	"People/impossible-time-of-day.md": ["last_contact '2026-11-01T25:61' has an impossible time of day"],
	"People/snooze-not-a-date.md": ["snooze_until 'someday' is not a date; write it as YYYY-MM-DD"],
	"People/very-long-values.md": [
		/^cadence 'fortnighly fortnighly .{30,60}…' is too long to be a cadence; try 2w, monthly or every 3 months$/,
		/^last_contact '2026-11-01 2026-11-01 .*' is not a date; write it as YYYY-MM-DD$/,
		/^birthday '05-04 05-04 .{30,60}…' is not a birthday; write YYYY-MM-DD or MM-DD$/,
	],
	"People/wrong-type-boolean-cadence.md": ["cadence true is not a cadence; try 2w, monthly or every 3 months"],
	"People/wrong-type-list-for-date.md": ["last_contact a list is not a date; write it as YYYY-MM-DD"],
	"People/wrong-type-number-for-date.md": ["last_contact 20261101 is a number, not a date; write it as YYYY-MM-DD"],
	"People/wrong-type-object-cadence.md": ["cadence an object is not a cadence; try 2w, monthly or every 3 months"],
	"People/wrong-type-object-dates.md": [
		"snooze_until an object is not a date; write it as YYYY-MM-DD",
		"birthday a list is not a birthday; write YYYY-MM-DD or MM-DD",
	],
	"People/דוד כהן.md": ["cadence 'חודשי' is not a cadence; try 2w, monthly or every 3 months"],
	"People/山田太郎.md": ["cadence '毎月' is not a cadence; try 2w, monthly or every 3 months"],
	"People/<script>alert(1).md": ["cadence '<i>often</i>' is not a cadence; try 2w, monthly or every 3 months"],
});

/**
 * Person notes whose whole frontmatter cannot be read (invalid YAML, not closed, or not a
 * mapping). The CLI reports each on stderr and skips it (a list or single value it reads as a
 * person with that problem); the plugin lists each under "Needs attention" with the reason.
 */
export const UNREADABLE_FRONTMATTER: readonly string[] = Object.freeze([
	"Notes/tagged-person-broken-yaml.md",
	"People/<b>broken yaml.md",
	"People/frontmatter-is-a-list.md",
	"People/frontmatter-is-a-scalar.md",
	"People/frontmatter-unclosed.md",
	"People/nul-in-frontmatter.md",
	"People/yaml-bad-indentation.md",
	"People/yaml-colon-in-value.md",
	"People/yaml-deep-nesting.md",
	"People/yaml-dots-close.md",
	"People/yaml-duplicate-key.md",
	"People/yaml-tab-indentation.md",
	"People/yaml-unbalanced-quotes.md",
	"People/yaml-unclosed-flow-list.md",
	"People/yaml-undefined-alias.md",
	"People/yaml-unknown-tag.md",
]);

/** Notes of the corpus that are not person notes (outside People/, no tag, no marker). */
export const NOT_PEOPLE: readonly string[] = Object.freeze([
	"Notes/broken-yaml-not-a-person.md",
	"Notes/hostile-non-person.md",
	"Notes/queries.md",
]);

/** What "Needs attention" must say about a person note of the corpus. */
export function expectedProblemsFor(path: string): readonly (string | RegExp)[] {
	return (
		EXPECTED_PROBLEMS[path] ??
		(UNREADABLE_FRONTMATTER.includes(path)
			? [/^the frontmatter (is not valid YAML: .+|is not closed .+|is (a list|a single value .+), not a set of properties)$/]
			: [])
	);
}

/** Checks a list of problem messages against the expected strings / patterns, in order. */
export function matchesProblems(actual: readonly string[], expected: readonly (string | RegExp)[]): boolean {
	return actual.length === expected.length && expected.every((e, i) => (typeof e === "string" ? actual[i] === e : e.test(actual[i])));
}
