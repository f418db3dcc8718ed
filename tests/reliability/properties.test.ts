/**
 * Properties over arbitrary input: recognition, the person builder, the schedule and the query
 * evaluator never throw and never drop a value silently; the writer is surgical on every note of
 * the malformed corpus (the 5 MB one included) and on arbitrary markdown.
 */
import fc from "fast-check";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { dayFromYmd, formatDay, parseDateValue, type Day } from "../../src/core/dates";
import { formatLogEntry } from "../../src/core/log-entry-format";
import { latestLogDay } from "../../src/core/log-reader";
import { applyLog, type LogEntryInput } from "../../src/core/log-writer";
import { scanFrontmatter } from "../../src/core/frontmatter-bounds";
import { buildPerson } from "../../src/core/person";
import { cellText, COLUMNS, parseQuery, runQuery } from "../../src/core/query/index";
import { isPersonNote } from "../../src/core/recognition";
import { computeSchedule, defaultCadence, STATUSES, type Scheduled } from "../../src/core/schedule";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { frontmatterTags, inlineTags } from "../../src/core/tags";
import { parseSimpleYaml } from "../../src/cli/simple-yaml";
import { fullCorpus, HUGE_PATH } from "./corpus";
import { diffLines, undoDiff } from "./diff";
import { frontmatterData, keyOf, surgicalViolations, unmanagedChanges } from "./roundtrip";

const TODAY = dayFromYmd(2026, 11, 26);
const yaml = (source: string): unknown => load(source, { schema: CORE_SCHEMA });

// ---------------------------------------------------------------------------------------------
// Arbitraries

const OUR_KEYS = ["last_contact", "cadence", "snooze_until", "owed_favors", "owed_to_me", "birthday", "aliases", "tags", "type"] as const;

/** Values people actually write, mixed with anything at all. */
const plausible = fc.constantFrom<unknown>(
	"weekly",
	"2w",
	"4-6 weeks",
	"every 3 months",
	"P1M",
	"close",
	"fortnighly",
	"0",
	"-3",
	"1e9",
	30,
	0,
	-1,
	1e9,
	Number.NaN,
	Number.POSITIVE_INFINITY,
	"2026-11-01",
	"2026-11-01T23:59",
	"2026-02-29",
	"2028-02-29",
	"0001-01-01",
	"9999-12-31",
	"26/11/2026",
	"02-29",
	"--12-25",
	"2026-09-01: intro to Sam",
	"<img src=x onerror=alert(1)>",
	"",
	"   ",
	null,
	true,
	new Date(Date.UTC(2026, 10, 1)),
	new Date(Number.NaN),
	["2026-11-01"],
	{ "2026-11-01": "lunch" },
	{ every: 2 },
	[["nested"]],
);
const value = fc.oneof(
	{ weight: 2, arbitrary: plausible },
	{ weight: 2, arbitrary: fc.anything({ withDate: true, withNullPrototype: true, withMap: true, withSet: true, withBigInt: true }) },
	fc.string(),
	fc.array(fc.oneof(plausible, fc.string())),
);

/** Frontmatter with any subset of our keys (each spelled one way) plus random other keys. */
const frontmatterArb = fc
	.tuple(
		fc.dictionary(fc.constantFrom(...OUR_KEYS), value),
		fc.dictionary(
			fc.string().filter((k) => !OUR_KEYS.some((o) => keyOf(o) === keyOf(k))),
			fc.anything(),
		),
	)
	.map(([ours, other]) => ({ ...other, ...ours }) as Record<string, unknown>);

const anyFrontmatter = fc.oneof(frontmatterArb, fc.anything({ withDate: true }), fc.object());

const segment = fc.oneof(
	fc.constantFrom("People", "people", "Notes", "Templates", "Sub", "", ".", "..", "ليلى", "山田", "🦄", "a b", "<b>"),
	fc.string({ maxLength: 8 }),
);
const pathArb = fc
	.tuple(fc.array(segment, { maxLength: 3 }), fc.string({ maxLength: 12 }), fc.constantFrom(".md", ".MD", ".txt", "", ".md.bak"))
	.map(([dirs, name, ext]) => [...dirs, `${name}${ext}`].join("/"));

const settingsArb: fc.Arbitrary<Settings> = fc
	.record({
		useFolders: fc.boolean(),
		peopleFolders: fc.array(fc.oneof(fc.constantFrom("People", "/People/", "", "Notes/Sub"), fc.string({ maxLength: 6 })), {
			maxLength: 3,
		}),
		useTag: fc.boolean(),
		personTag: fc.oneof(fc.constantFrom("person", "#person", "", "people/work"), fc.string({ maxLength: 6 })),
		useMarker: fc.boolean(),
		markerKey: fc.oneof(fc.constantFrom("type", "", "__proto__", "constructor"), fc.string({ maxLength: 6 })),
		markerValue: fc.oneof(fc.constantFrom("person", "", "#person"), fc.string({ maxLength: 6 })),
		excludedFolders: fc.array(fc.oneof(fc.constantFrom("Templates", "People/Archive", ""), fc.string({ maxLength: 6 })), {
			maxLength: 2,
		}),
		dueSoonDays: fc.integer({ min: 0, max: 60 }),
		defaultCadence: fc.constantFrom("", "monthly", "fortnighly", "4-6 weeks"),
	})
	.map((patch) => ({ ...defaultSettings(), ...patch }));

const MARKDOWN_TOKENS = [
	"---",
	"...",
	"\n",
	"\r\n",
	"\r",
	"## Interactions",
	"# Interactions",
	"- ",
	"* ",
	"2026-05-05",
	"2026-13-45",
	"[[2026-01-02]]",
	" — call",
	"```",
	"~~~",
	"<!--",
	"-->",
	"%%",
	":",
	" ",
	"\t",
	"#person",
	"#person/work",
	"#",
	"cadence: weekly",
	"last_contact: 2026-01-01",
	"owed_favors:",
	"  - a",
	"[",
	"]",
	"'",
	'"',
	"\uFEFF",
	"\0",
	"<script>",
	"ليلى",
	"🦄",
	"\u202E",
];
const markdownArb = fc.oneof(
	fc.array(fc.constantFrom(...MARKDOWN_TOKENS), { maxLength: 50 }).map((t) => t.join("")),
	fc.string({ unit: "binary", maxLength: 200 }),
	fc.string({ unit: "grapheme", maxLength: 200 }),
);

const dayArb = fc.integer({ min: dayFromYmd(1, 1, 1), max: dayFromYmd(9999, 12, 31) });

function scheduledFrom(fm: unknown, path: string, today: Day, settings: Settings, lastLogged: Day | null): Scheduled {
	const person = buildPerson({ path, frontmatter: fm, tags: frontmatterTags(fm), lastLogged }, settings);
	return { person, schedule: computeSchedule(person, { today, settings, defaultCadence: defaultCadence(settings) }) };
}

// ---------------------------------------------------------------------------------------------

describe("recognition", () => {
	it("decides every note without throwing; exclusions win and the folder rule holds", () => {
		fc.assert(
			fc.property(pathArb, anyFrontmatter, markdownArb, settingsArb, (path, fm, body, settings) => {
				const tags = [...frontmatterTags(fm), ...inlineTags(body)];
				const isPerson = isPersonNote(path, fm, tags, { settings, templatesFolders: ["Templates"] });
				expect(typeof isPerson).toBe("boolean");
				if (!path.toLowerCase().endsWith(".md")) expect(isPerson).toBe(false);
				const lower = path.toLowerCase();
				const excluded = (settings.excludedFolders.some((f) => f.trim() !== "") ? settings.excludedFolders : ["Templates"])
					.map((f) =>
						f
							.trim()
							.replace(/^\/+|\/+$/g, "")
							.toLowerCase(),
					)
					.filter((f) => f !== "");
				if (excluded.some((f) => lower.startsWith(`${f}/`))) expect(isPerson).toBe(false);
				else if (
					settings.useFolders &&
					lower.endsWith(".md") &&
					lower.startsWith("people/") &&
					settings.peopleFolders.some(
						(f) =>
							f
								.trim()
								.replace(/^\/+|\/+$/g, "")
								.toLowerCase() === "people",
					)
				)
					expect(isPerson).toBe(true);
			}),
			{ numRuns: 1000 },
		);
	});

	it("reads tags from arbitrary markdown without throwing", () => {
		fc.assert(
			fc.property(markdownArb, (text) => {
				const tags = inlineTags(text);
				for (const t of tags) expect(t).toBe(t.toLowerCase());
				expect(() => scanFrontmatter(text)).not.toThrow();
				const logged = latestLogDay(text, defaultSettings());
				expect(logged === null || Number.isInteger(logged)).toBe(true);
			}),
			{ numRuns: 1000 },
		);
	});
});

describe("buildPerson", () => {
	it("never throws, and every value of ours is either used or explained", () => {
		const s = defaultSettings();
		fc.assert(
			fc.property(frontmatterArb, fc.option(dayArb, { nil: null }), (fm, lastLogged) => {
				const p = buildPerson({ path: "People/Sub/Jane Doe.md", frontmatter: fm, tags: ["person"], lastLogged }, s);
				expect(p.name).toBe("Jane Doe");
				expect(p.folder).toBe("People/Sub");
				for (const m of p.problems) expect(typeof m === "string" && m.length > 0).toBe(true);
				const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
				const explained = (key: string) => p.problems.some((m) => m.startsWith(`${key} `));
				if (!blank(fm.cadence)) expect(p.cadence !== null || explained("cadence")).toBe(true);
				if (!blank(fm.last_contact)) expect(p.lastContact !== null || explained("last_contact")).toBe(true);
				if (!blank(fm.snooze_until)) expect(p.snoozeUntil !== null || explained("snooze_until")).toBe(true);
				if (!blank(fm.birthday)) expect(p.birthday !== null || explained("birthday")).toBe(true);
				for (const [key, favors] of [
					["owed_favors", p.owedFavors],
					["owed_to_me", p.owedToMe],
				] as const) {
					const v = fm[key];
					if (blank(v)) continue;
					const items = (Array.isArray(v) ? v : [v]).filter((item) => !blank(item));
					const reported = p.problems.filter((m) => m.startsWith(`${key} has `)).length;
					expect(favors.length + reported).toBe(items.length);
				}
				// A parsed date is a whole day; a JS Date is read by its UTC calendar date.
				if (p.lastContact !== null) {
					expect(Number.isInteger(p.lastContact)).toBe(true);
					const v = fm.last_contact;
					if (v instanceof Date) expect(p.lastContact).toBe(dayFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()));
				}
			}),
			{ numRuns: 1500 },
		);
	});

	it("never throws on frontmatter that is not a mapping, and says so", () => {
		fc.assert(
			fc.property(fc.anything({ withDate: true, withBigInt: true, withMap: true }), (fm) => {
				const p = buildPerson({ path: "People/X.md", frontmatter: fm }, defaultSettings());
				const mapping = typeof fm === "object" && fm !== null && !Array.isArray(fm) && !(fm instanceof Date);
				if (!mapping && fm !== null && fm !== undefined)
					expect(p.problems[0]).toMatch(/^the frontmatter is .+, not a set of properties$/);
			}),
			{ numRuns: 500 },
		);
	});
});

describe("computeSchedule", () => {
	it("never throws, on any day from year 1 to 9999, and its numbers agree with its status", () => {
		fc.assert(
			fc.property(frontmatterArb, dayArb, fc.option(dayArb, { nil: null }), settingsArb, (fm, today, lastLogged, settings) => {
				const { person, schedule: s } = scheduledFrom(fm, "People/P.md", today, settings, lastLogged);
				expect(STATUSES).toContain(s.status);
				const snoozed = person.snoozeUntil !== null && person.snoozeUntil > today;
				if (snoozed) expect(s.status).toBe("snoozed");
				if (s.cadence === null) expect(["untracked", "snoozed"]).toContain(s.status);
				if (s.dueDay !== null && s.overdueDay !== null && s.lastContact !== null) {
					expect(s.dueDay).toBeGreaterThan(s.lastContact);
					expect(s.overdueDay).toBeGreaterThanOrEqual(s.dueDay);
					expect(s.daysOverdue).toBe(today - s.overdueDay);
					expect(s.daysUntilDue).toBe(s.dueDay - today);
					expect(Number.isFinite(s.urgency)).toBe(true);
					if (!snoozed) expect(s.status === "overdue").toBe(today > s.overdueDay);
				}
				if (s.nextBirthday !== null) expect(s.nextBirthday).toBeGreaterThanOrEqual(today);
			}),
			{ numRuns: 1500 },
		);
	});
});

describe("runQuery", () => {
	const QUERIES = [
		"overdue",
		"has problems\ncolumns name, problems",
		"not contacted since 2026-06-01\nsort by last contact reverse\nlimit 5",
		"due within 2 weeks; sort by due; group by status",
		"tag #person; name includes a; group by tag",
		"cadence at most 30 days; has favors; sort by cadence reverse; group by folder",
		"birthday within 30 days; sort by birthday",
		"not untracked; not snoozed; sort by urgency; columns " + COLUMNS.join(", "),
		"explain\nnever contacted\nsort by name",
	];
	const parsed = QUERIES.map((q) => {
		const r = parseQuery(q, { tiers: defaultSettings().tiers });
		if (!r.ok) throw new Error(`fixture query does not parse: ${q}`);
		return r.query;
	});

	it("runs every query over arbitrary people without an error, returning only people it was given", () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(frontmatterArb, fc.option(dayArb, { nil: null }), pathArb), { maxLength: 12 }),
				dayArb,
				(specs, today) => {
					const settings = defaultSettings();
					const people = specs.map(([fm, logged, path]) => scheduledFrom(fm, path, today, settings, logged));
					for (const query of parsed) {
						const result = runQuery(query, people, { today, settings });
						expect(result.errors).toEqual([]);
						expect(result.total).toBeGreaterThanOrEqual(result.rows.length);
						for (const row of result.rows) expect(people).toContain(row);
						if (query.limit !== null) expect(result.rows.length).toBeLessThanOrEqual(query.limit);
						for (const row of result.rows)
							for (const column of result.columns) expect(typeof cellText(column, row, today)).toBe("string");
					}
					const problems = runQuery(parsed[1], people, { today, settings });
					// Today's problems: the person's, and dates after today that were not taken as contact.
					expect(problems.rows.length).toBe(people.filter((p) => p.schedule.problems.length > 0).length);
				},
			),
			{ numRuns: 300 },
		);
	});

	it("parses arbitrary query text without throwing", () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: "binary" }), markdownArb), (text) => {
				const r = parseQuery(text, { tiers: defaultSettings().tiers });
				if (!r.ok) for (const e of r.errors) expect(Number.isInteger(e.line)).toBe(true);
			}),
			{ numRuns: 500 },
		);
	});
});

// ---------------------------------------------------------------------------------------------
// The writer over the corpus

describe("the surgical-write check itself", () => {
	const original =
		"\uFEFF---\r\n# who\r\nname: Ann\r\nlast_contact: 2026-01-01\r\n---\r\nBody\r\n## Interactions\r\n- 2026-01-01 — call\r\n";
	const good =
		"\uFEFF---\r\n# who\r\nname: Ann\r\nlast_contact: 2026-11-26\r\n---\r\nBody\r\n## Interactions\r\n- 2026-01-01 — call\r\n- 2026-11-26 — call\r\n";
	const want = { entryLines: ["- 2026-11-26 — call"] };

	it("accepts the writer's kind of edit", () => {
		expect(surgicalViolations(original, good, want)).toEqual([]);
	});

	it.each([
		["a dropped BOM", good.slice(1)],
		["a changed body byte", good.replace("Body", "body")],
		["a CRLF turned into LF", good.replace("Body\r\n", "Body\n")],
		["an entry with LF in a CRLF note", good.replace("- 2026-11-26 — call\r\n", "- 2026-11-26 — call\n")],
		["a changed comment", good.replace("# who", "# who?")],
		["another key changed", good.replace("name: Ann", "name: 'Ann'")],
		["a second insertion", good.replace("Body\r\n", "Body\r\n- 2026-11-26 — call\r\n")],
		["the wrong entry", good.replace("- 2026-11-26 — call", "- 2026-11-25 — call")],
		["a removed final newline", good.slice(0, -2)],
	])("rejects %s", (_, bad) => {
		expect(surgicalViolations(original, bad, want)).not.toEqual([]);
	});

	it("diffs and undoes arbitrary line lists", () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom("a\n", "b\n", "c\n", "d")),
				fc.array(fc.constantFrom("a\n", "b\n", "c\n", "e\n")),
				(a, b) => {
					const diff = diffLines(a, b);
					expect(diff).not.toBeNull();
					if (diff) expect(undoDiff(a, b, diff)).toEqual(a);
					if (diff) expect(b.filter((_, j) => !diff.inserted.includes(j))).toEqual(a.filter((_, i) => !diff.deleted.includes(i)));
				},
			),
		);
	});
});

const corpus = fullCorpus();
const settings = defaultSettings();

/** Notes the writer must be able to write with a plain entry (a control that the check is not vacuous). */
const MUST_WRITE = [
	"People/crlf.md",
	"People/bom.md",
	"People/bom-crlf-no-final-newline.md",
	"People/mixed-line-endings.md",
	"People/empty.md",
	"People/whitespace-only.md",
	"People/nul-in-body.md",
	"People/log-oddities.md",
	"People/tabs-everywhere.md",
	"People/ليلى أحمد.md",
	HUGE_PATH,
];
const MUST_REFUSE = [
	"People/yaml-unclosed-flow-list.md",
	"People/frontmatter-unclosed.md",
	"People/frontmatter-is-a-list.md",
	"People/impossible-date-2026-13-45.md",
	"People/very-long-values.md",
	"People/<b>broken yaml.md",
];

/** Applies the entry and checks the write; returns the written text, or null when it was refused. */
function checkWrite(path: string, original: string, entry: LogEntryInput, entryLines: readonly string[]): string | null {
	const r = applyLog(original, entry, settings, TODAY, yaml);
	if (!r.ok) {
		// Refused: an explanation and no text at all, so nothing can be written.
		expect(r.error, path).toMatch(/\S/);
		expect("text" in r, path).toBe(false);
		return null;
	}
	expect(surgicalViolations(original, r.text, { entryLines }), path).toEqual([]);
	const before = frontmatterData(original);
	const after = frontmatterData(r.text);
	if (before !== null) {
		expect(after, `${path}: the frontmatter no longer parses`).not.toBeNull();
		expect(unmanagedChanges(before, after ?? {}), path).toEqual([]);
		const key =
			Object.keys(after ?? {}).find((k) => k === "last_contact") ?? Object.keys(after ?? {}).find((k) => keyOf(k) === "lastcontact");
		const old = Object.keys(before).find((k) => k === key);
		const oldDay = old !== undefined && before[old] !== null ? parseDateValue(before[old]) : null;
		const newDay = key === undefined ? null : parseDateValue((after ?? {})[key]);
		expect(newDay && newDay.ok ? newDay.day : null, `${path}: last_contact`).toBe(
			Math.max(oldDay && oldDay.ok ? oldDay.day : -Infinity, entry.day),
		);
	}
	const owedKey = Object.keys(after ?? {}).find((k) => keyOf(k) === "owedfavors");
	const owed = owedKey === undefined ? undefined : (after ?? {})[owedKey];
	if (after !== null)
		for (const favor of (entry.addOwed ?? []).map((f) => f.replace(/\s*[\r\n]+\s*/g, " ").trim()).filter(Boolean))
			expect(owed, path).toContain(`${formatDay(TODAY)}: ${favor}`);
	expect(latestLogDay(r.text, settings), path).toBe(Math.max(latestLogDay(original, settings) ?? -Infinity, entry.day));
	return r.text;
}

describe("applyLog over the malformed corpus", () => {
	const paths = Object.keys(corpus).filter((p) => p.endsWith(".md"));

	it("writes surgically or refuses with a reason: a two-line note dated today", () => {
		const outcomes: Record<string, string> = {};
		for (const path of paths) {
			const written = checkWrite(path, corpus[path], { day: TODAY, type: "call", note: "Caught up.\nSecond line" }, [
				`- ${formatDay(TODAY)} — call: Caught up.`,
				"  Second line",
			]);
			outcomes[path] = written === null ? "refused" : "written";
		}
		for (const p of MUST_WRITE) expect(outcomes[p], p).toBe("written");
		for (const p of MUST_REFUSE) expect(outcomes[p], p).toBe("refused");
	});

	it("writes surgically or refuses: an old date inserted in place, with a favor added", () => {
		const day = dayFromYmd(1990, 6, 15);
		for (const path of paths) {
			checkWrite(path, corpus[path], { day, type: "email", note: "", addOwed: ["a <b>favor</b>"] }, ["- 1990-06-15 — email"]);
		}
		// In the 5 MB note the entry lands in date order, deep inside the log.
		const r = applyLog(corpus[HUGE_PATH], { day, type: "email", note: "" }, settings, TODAY, yaml);
		if (!r.ok) throw new Error(r.error);
		const at = r.text.indexOf("- 1990-06-15 — email\n");
		expect(r.text.slice(at - 200, at)).toMatch(/- 1990-06-15 — call: [^\n]*\n(?: {2}[^\n]*\n)?$/);
		expect(r.text.length).toBe(corpus[HUGE_PATH].length + "- 1990-06-15 — email\n".length);
	});

	it("writes surgically or refuses: resolving the first favor each person owes", () => {
		let resolved = 0;
		for (const path of paths) {
			const original = corpus[path];
			const fm = frontmatterData(original);
			const person = buildPerson({ path, frontmatter: fm }, settings);
			const favor = person.owedFavors[0];
			if (!favor) continue;
			const written = checkWrite(path, original, { day: TODAY, type: "", note: "", resolveOwed: [favor.raw] }, [
				`- ${formatDay(TODAY)} — favor returned: ${favor.text.replace(/\s*[\r\n]+\s*/g, " ")}`,
			]);
			if (written === null) continue;
			resolved++;
			const after = buildPerson({ path, frontmatter: frontmatterData(written) }, settings);
			expect(after.owedFavors.length, path).toBe(person.owedFavors.length - 1);
		}
		expect(resolved).toBeGreaterThanOrEqual(5);
	});

	it("writes surgically or refuses: random entries on random corpus notes", () => {
		const small = paths.filter((p) => p !== HUGE_PATH);
		const entryArb = fc.record({
			// From 1970: earlier entries hit the pre-1970 bug (see the skipped test below).
			day: fc.integer({ min: dayFromYmd(1970, 1, 1), max: TODAY }),
			type: fc.oneof(fc.constantFrom("call", "", "coffee", "video call", "<b>x</b>"), fc.string({ maxLength: 10 })),
			note: fc.oneof(
				fc.constantFrom("", "one\ntwo", "# not a heading\n```\n---\n===", "<script>alert(1)</script>"),
				fc.string({ unit: "grapheme", maxLength: 40 }),
			),
			addOwed: fc.array(
				fc.oneof(
					fc.constantFrom("lunch", "intro, to Sam", 'it\'s "quoted"', "# hash", "a: b"),
					fc.string({ minLength: 1, maxLength: 10 }),
				),
				{ maxLength: 2 },
			),
			addOwedToMe: fc.array(fc.constantFrom("book", "ride home"), { maxLength: 1 }),
		});
		fc.assert(
			fc.property(fc.constantFrom(...small), entryArb, (path, e) => {
				const entry: LogEntryInput = { ...e };
				const lines = formatLogEntry({ day: e.day, type: e.type, note: e.note }, settings);
				checkWrite(path, corpus[path], entry, lines);
			}),
			{ numRuns: 400 },
		);
	});
});

describe("log entries dated before 1970", () => {
	// Days before 1970-01-01 are negative numbers: none of them may be mistaken for "no date".
	it("count as contact and keep the log in date order", () => {
		const text = "---\ncadence: yearly\n---\n## Interactions\n- 1965-03-01 — call\n- 1969-12-31 — call\n";
		expect(latestLogDay(text, settings)).toBe(dayFromYmd(1969, 12, 31));
		const r = applyLog(text, { day: dayFromYmd(1966, 1, 1), type: "call", note: "" }, settings, TODAY, yaml);
		expect(r.ok && r.text).toBe(
			"---\ncadence: yearly\nlast_contact: 1966-01-01\n---\n## Interactions\n- 1965-03-01 — call\n- 1966-01-01 — call\n- 1969-12-31 — call\n",
		);
	});
});

describe("the CLI's fast YAML path over the corpus", () => {
	/** Every frontmatter block of the corpus, as the CLI hands it to its YAML parser. */
	const blocks = Object.entries(corpus).flatMap(([path, text]) => {
		const m = /^\uFEFF?---\r?\n([\s\S]*?)^---[ \t]*$/m.exec(text);
		return m ? [[path, m[1]] as const] : [];
	});
	const MISREAD = ["People/yaml-bad-indentation.md", "People/nul-in-frontmatter.md"];

	it("reads what it accepts exactly as js-yaml does", () => {
		expect(blocks.length).toBeGreaterThan(60);
		let accepted = 0;
		for (const [path, source] of blocks) {
			// js-yaml 5 refuses an empty document; Obsidian reads it as no properties.
			if (MISREAD.includes(path) || source.replace(/#.*$/gm, "").trim() === "") continue;
			const fast = parseSimpleYaml(source);
			if (fast === undefined) continue;
			accepted++;
			expect(fast, path).toEqual(yaml(source));
		}
		expect(accepted).toBeGreaterThan(20);
	});

	// Accepting what js-yaml refuses would let the CLI read notes Obsidian cannot (list items at
	// two indentations; a NUL byte). See corpus-cli.test.ts.
	it("never accepts what js-yaml rejects", () => {
		for (const [path, source] of blocks.filter(([p]) => MISREAD.includes(p))) {
			expect(() => yaml(source), path).toThrow();
			expect(parseSimpleYaml(source), path).toBeUndefined();
		}
	});
});

describe("applyLog over arbitrary markdown", () => {
	it("never throws, and every write it makes is surgical", () => {
		fc.assert(
			fc.property(markdownArb, fc.integer({ min: dayFromYmd(1970, 1, 1), max: TODAY }), (text, day) => {
				const entry: LogEntryInput = { day, type: "call", note: "n", addOwed: ["x"] };
				const r = applyLog(text, entry, settings, TODAY, yaml);
				if (!r.ok) return;
				expect(surgicalViolations(text, r.text, { entryLines: [`- ${formatDay(day)} — call: n`] })).toEqual([]);
			}),
			{ numRuns: 1000 },
		);
	});
});
