// @vitest-environment happy-dom
/**
 * The malformed-note corpus through the real plugin (index, sidebar, query blocks, API) and the
 * CLI's vault reader (the binary itself: corpus-cli.test.ts): nothing throws, every unusable value is explained under "Needs attention", and
 * reading never writes a byte. Writes either are surgical or leave the note untouched.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIEW_TYPE, type SidebarView } from "../../src/ui/sidebar-view";
import { scanVault } from "../../src/cli/vault-reader";
import { dayFromYmd } from "../../src/core/dates";
import { toRecord, type PersonRecord } from "../../src/core/record";
import { computeSchedule, defaultCadence } from "../../src/core/schedule";
import { openSidebar, start, type Started } from "../integration/plugin-harness";
import { type } from "../runtime/harness";
import {
	committedCorpus,
	EXPECTED_PROBLEMS,
	expectedProblemsFor,
	fullCorpus,
	GENERATED,
	HUGE_PATH,
	hugeNoteLatest,
	matchesProblems,
	NOT_PEOPLE,
	notesOf,
	UNREADABLE_FRONTMATTER,
	writeVault,
} from "./corpus";
import { surgicalViolations } from "./roundtrip";

const QUERIES = "Notes/queries.md";
const committed = committedCorpus();
const small = { ...committed, ...GENERATED };
const notePaths = Object.keys(small)
	.filter((p) => p !== QUERIES)
	.sort();

/** Records every vault event that would mean a note was written. */
function watchWrites(s: Started): string[] {
	const log: string[] = [];
	const { vault } = s.app;
	vault.on("create", (f) => log.push(`create ${f.path}`));
	vault.on("modify", (f) => log.push(`modify ${f.path}`));
	vault.on("delete", (f) => log.push(`delete ${f.path}`));
	vault.on("rename", (f, old) => log.push(`rename ${old} → ${f.path}`));
	return log;
}

interface Row {
	group: string;
	name: string;
	problems: string[];
}

/** Every row of every group: clicks "Show more" until each group shows everyone. */
function rows(view: SidebarView): Row[] {
	for (
		let more = view.contentEl.querySelector<HTMLElement>(".stay-in-touch-more");
		more;
		more = view.contentEl.querySelector<HTMLElement>(".stay-in-touch-more")
	)
		more.click();
	return [...view.contentEl.querySelectorAll<HTMLElement>(".stay-in-touch-group")].flatMap((section) => {
		const group = [...section.classList].find((c) => c.startsWith("stay-in-touch-group-"))?.slice("stay-in-touch-group-".length) ?? "";
		return [...section.querySelectorAll<HTMLElement>(".stay-in-touch-row")].map((row) => ({
			group,
			name: row.querySelector(".stay-in-touch-name")?.textContent ?? "",
			problems: [...row.querySelectorAll(".stay-in-touch-problem")].map((p) => p.textContent ?? ""),
		}));
	});
}

/** What Needs attention says about a person today: their problems and dates after today. */
const problemsToday = (s: Started, path: string): readonly string[] =>
	s.plugin.ctx.index.scheduledOne(path, s.plugin.ctx.clock.today())?.schedule.problems ?? [];

const basename = (path: string) => path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, "");

describe("each corpus note on its own, in the plugin", () => {
	it.each(notePaths)("%s: indexed, shown, queried, never written", async (path) => {
		const s = await start({ [path]: small[path], [QUERIES]: committed[QUERIES] });
		const writes = watchWrites(s);
		const before = notesOf(s.app.snapshot());
		const person = s.plugin.ctx.index.get(path);
		expect(person !== undefined).toBe(!NOT_PEOPLE.includes(path));

		const view = await openSidebar(s);
		if (person) {
			expect(person.name).toBe(basename(path));
			const expected = expectedProblemsFor(path);
			const problems = problemsToday(s, path);
			expect(matchesProblems(problems, expected), JSON.stringify(problems)).toBe(true);
			const attention = rows(view).filter((r) => r.group === "problems");
			if (expected.length > 0) expect(attention).toEqual([{ group: "problems", name: person.name, problems }]);
			else expect(attention).toEqual([]);
			// Everyone is reachable through the filter, whatever their status.
			type(view.contentEl.querySelector("input.stay-in-touch-filter-input")!, person.name);
			await s.app.settle();
			expect(rows(view).map((r) => r.name)).toContain(person.name);
		} else {
			expect(view.contentEl.querySelector(".stay-in-touch-empty")?.textContent).toMatch(/^No person notes found/);
		}

		const rendered = await s.app.renderNote(QUERIES);
		await s.app.settle();
		const blocks = [...rendered.el.querySelectorAll<HTMLElement>(".stay-in-touch-query")];
		expect(blocks).toHaveLength(5);
		expect(rendered.el.querySelector(".stay-in-touch-query-error")).toBeNull();
		const todays = person ? problemsToday(s, path) : [];
		const hasProblems = todays.length > 0;
		expect(blocks[0].querySelector(".stay-in-touch-query-count")?.textContent).toBe(hasProblems ? "1 person" : "0 people");
		const everyone = [...blocks[1].querySelectorAll("tbody tr")];
		expect(everyone.map((tr) => tr.querySelector("td")?.textContent)).toEqual(person ? [person.name] : []);
		if (person) expect(everyone[0].querySelectorAll("td")[11].textContent).toBe(todays.join("; "));

		expect(s.plugin.api.people().map((r) => r.path)).toEqual(person ? [path] : []);
		expect(s.plugin.api.query("has problems").length).toBe(hasProblems ? 1 : 0);
		rendered.unload();
		await s.app.settle();
		expect(notesOf(s.app.snapshot())).toEqual(before);
		expect(writes).toEqual([]);
	});
});

describe("the whole corpus at once, with the 5 MB note", () => {
	let s: Started;
	const files = fullCorpus();
	const people = Object.keys(files).filter((p) => !NOT_PEOPLE.includes(p));

	beforeAll(async () => {
		s = await start(files);
	}, 60000);

	it("indexes every person note and lists every problem under Needs attention, with its message", async () => {
		const writes = watchWrites(s);
		const before = notesOf(s.app.snapshot());
		expect(
			s.plugin.ctx.index
				.all()
				.map((p) => p.path)
				.sort(),
		).toEqual(people.sort());
		const withProblemsExpected = [...Object.keys(EXPECTED_PROBLEMS), ...UNREADABLE_FRONTMATTER].sort();
		for (const path of withProblemsExpected) {
			expect(matchesProblems(problemsToday(s, path), expectedProblemsFor(path)), path).toBe(true);
		}
		const withProblems = s.plugin.ctx.index.all().filter((p) => problemsToday(s, p.path).length > 0);
		expect(withProblems.map((p) => p.path).sort()).toEqual(withProblemsExpected);

		const view = await openSidebar(s);
		const attention = rows(view).filter((r) => r.group === "problems");
		expect(attention.map((r) => r.name).sort()).toEqual(withProblems.map((p) => p.name).sort());
		for (const person of withProblems)
			expect(attention.find((r) => r.name === person.name)?.problems).toEqual(problemsToday(s, person.path));
		expect(view.contentEl.querySelector(".stay-in-touch-group-problems .stay-in-touch-count")?.textContent).toBe(
			String(withProblems.length),
		);

		// The 5 MB note: its newest log entry is its last contact, so it is overdue.
		const huge = s.plugin.api.person(HUGE_PATH);
		expect(huge).toMatchObject({
			status: "overdue",
			lastContact: hugeNoteLatest(),
			owedFavors: ["2019-05-01: return the ladder"],
			problems: [],
		});
		expect(
			rows(view)
				.filter((r) => r.name === "huge-5mb")
				.map((r) => r.group),
		).toEqual(["overdue", "favors"]);

		await s.app.settle();
		expect(notesOf(s.app.snapshot())).toEqual(before);
		expect(writes).toEqual([]);
		s.app.workspace.detachLeavesOfType(VIEW_TYPE);
	});

	it("renders every query block over the corpus, and writes nothing", async () => {
		const writes = watchWrites(s);
		const before = notesOf(s.app.snapshot());
		const rendered = await s.app.renderNote(QUERIES);
		await s.app.settle();
		const blocks = [...rendered.el.querySelectorAll<HTMLElement>(".stay-in-touch-query")];
		expect(blocks).toHaveLength(5);
		expect(rendered.el.querySelector(".stay-in-touch-query-error")).toBeNull();
		const withProblems = s.plugin.ctx.index.all().filter((p) => problemsToday(s, p.path).length > 0);
		const names = (el: HTMLElement) => [...el.querySelectorAll("tbody tr")].map((tr) => tr.querySelector("td")?.textContent ?? "");
		expect(names(blocks[0]).sort()).toEqual(withProblems.map((p) => p.name).sort());
		expect(blocks[0].querySelector(".stay-in-touch-query-count")?.textContent).toBe(`${withProblems.length} people`);
		expect(names(blocks[1])).toHaveLength(s.plugin.ctx.index.size);
		expect(names(blocks[1])).toContain("<img src=x onerror=alert(1)>");
		expect(blocks[2].querySelectorAll("h6.stay-in-touch-query-group").length).toBeGreaterThan(2);
		expect(names(blocks[3]).length).toBe(10);
		expect(blocks[4].querySelectorAll("h6.stay-in-touch-query-group").length).toBeGreaterThan(0);
		rendered.unload();
		await s.app.settle();
		expect(notesOf(s.app.snapshot())).toEqual(before);
		expect(writes).toEqual([]);
	});

	// Notes the writer must refuse (frontmatter it cannot read, or a last_contact that is not a date).
	const REFUSED = [
		...UNREADABLE_FRONTMATTER,
		"Notes/marker-person-bad-values.md",
		"People/day-first-date.md",
		"People/full-width-digits.md",
		"People/html-in-values.md",
		"People/impossible-date-2025-02-29.md",
		"People/impossible-date-2026-13-45.md",
		"People/impossible-time-of-day.md",
		"People/very-long-values.md",
		"People/wrong-type-list-for-date.md",
		"People/wrong-type-number-for-date.md",
	];

	it("logs to every person note: a surgical write, or the note untouched and a notice naming it", async () => {
		const refused: string[] = [];
		for (const path of people) {
			const before = s.app.readFile(path);
			const outcome = await s.plugin.api.logInteraction(path, { date: "2026-11-20", type: "call", note: "Corpus" });
			await s.app.settle();
			const after = s.app.readFile(path);
			if (outcome.ok) {
				expect(surgicalViolations(before, after, { entryLines: ["- 2026-11-20 — call: Corpus"] }), path).toEqual([]);
				expect(s.app.noticeMessages().at(-1)).toBe(`Logged call with ${basename(path)} on 2026-11-20`);
			} else {
				refused.push(path);
				expect(after, path).toBe(before);
				expect(s.app.noticeMessages().at(-1)).toBe(`Nothing was written to ${path}: ${outcome.error}`);
			}
		}
		expect(refused.sort()).toEqual([...REFUSED].sort());
	});

	// Obsidian's cache has no `frontmatter` for these notes (invalid YAML, a list or a single
	// value, an unclosed block); the person must not look "untracked" with no problem (SPEC: "A
	// value that can't be understood is never silently ignored"). The CLI reports the same notes.
	it("lists every person whose frontmatter cannot be read under Needs attention, saying why", async () => {
		const view = await openSidebar(s);
		const attention = rows(view).filter((r) => r.group === "problems");
		for (const path of UNREADABLE_FRONTMATTER) {
			const row = attention.find((r) => r.name === basename(path));
			expect(row, path).toBeDefined();
			expect(
				row?.problems.some((m) => /frontmatter/.test(m)),
				path,
			).toBe(true);
		}
	});

	// Obsidian's cache (tests/runtime/markdown.ts) and the CLI end the frontmatter only at `---`,
	// so for `---\ncadence: weekly\n...\nlast_contact: 2026-10-01\n---` they cannot parse it; the
	// writer must not take the `...` line as the end and write into the part before it (SPEC: "A
	// note whose frontmatter cannot be parsed is not written at all").
	it("does not write to a note whose frontmatter the app cannot read because of a `...` line", async () => {
		const path = "People/yaml-dots-close.md";
		const before = s.app.readFile(path);
		const outcome = await s.plugin.api.logInteraction(path, { date: "2026-11-20" });
		expect(outcome.ok).toBe(false);
		expect(s.app.readFile(path)).toBe(before);
	});
});

describe("the plugin and the CLI's vault reader", () => {
	it("agree on every person both read", async () => {
		const files = fullCorpus();
		const dir = mkdtempSync(join(tmpdir(), "sit-corpus-"));
		try {
			writeVault(dir, files);
			const scan = scanVault(dir);
			const day = dayFromYmd(2026, 11, 26);
			const ctx = { today: day, settings: scan.settings, defaultCadence: defaultCadence(scan.settings) };
			const fromCli = scan.people.map((person) => toRecord({ person, schedule: computeSchedule(person, ctx) }));
			// Only notes whose frontmatter cannot be read are skipped (the exact set: corpus-cli.test.ts).
			for (const line of scan.skipped) expect(UNREADABLE_FRONTMATTER).toContain(line.slice(0, line.indexOf(".md: ") + 3));
			const s = await start(files);
			const fields = [
				"name",
				"status",
				"lastContact",
				"cadence",
				"cadenceDays",
				"dueDate",
				"daysOverdue",
				"urgency",
				"owedFavors",
				"owedToMe",
				"aliases",
				"snoozeUntil",
				"birthday",
				"nextBirthday",
			] as const;
			const pick = (r: PersonRecord) => Object.fromEntries(fields.map((f) => [f, r[f]]));
			expect(fromCli.length).toBeGreaterThan(50);
			let compared = 0;
			for (const record of fromCli) {
				const fromPlugin = s.plugin.api.person(record.path);
				expect(fromPlugin, record.path).not.toBeNull();
				// Frontmatter Obsidian cannot read is empty to the plugin (see the bugs above and in corpus-cli.test.ts).
				if (!fromPlugin || UNREADABLE_FRONTMATTER.includes(record.path)) continue;
				expect(pick(fromPlugin), record.path).toEqual(pick(record));
				expect(fromPlugin.problems, record.path).toEqual(record.problems);
				compared++;
			}
			expect(compared).toBe(fromCli.filter((r) => !UNREADABLE_FRONTMATTER.includes(r.path)).length);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
