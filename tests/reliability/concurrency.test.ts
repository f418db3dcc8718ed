// @vitest-environment happy-dom
/**
 * Concurrent writes: many logs to one note started at once, and a log racing an external
 * modification of the same note, with the note closed (Vault.process) and open (the editor).
 */
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { start, type Started } from "../integration/plugin-harness";
import { surgicalViolations } from "./roundtrip";

const ANN = "People/Ann.md";
const ORIGINAL =
	"---\n# how often\ncadence: weekly\nlast_contact: 2026-09-01\naliases: [Annie]\n---\nMet at a conference.\n\n## Interactions\n- 2026-09-01 — call: first\n\n## Notes\nLikes tea.\n";

function frontmatter(text: string): Record<string, unknown> {
	const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
	if (!m) throw new Error("no frontmatter");
	return load(m[1], { schema: CORE_SCHEMA }) as Record<string, unknown>;
}

/** The log section's entries as [date, note]. */
function entries(text: string): [string, string][] {
	const section = text.slice(text.indexOf("## Interactions"), text.indexOf("## Notes"));
	return [...section.matchAll(/^- (\d{4}-\d{2}-\d{2}) — call: (.*)$/gm)].map((m) => [m[1], m[2]]);
}

/** 50 dates in October–November 2026, shuffled, a few repeated. */
function dates(): string[] {
	const out: string[] = [];
	for (let i = 0; i < 50; i++) out.push(`2026-${i % 2 ? "10" : "11"}-${String(1 + ((i * 7) % 25)).padStart(2, "0")}`);
	return out;
}

async function fiftyLogs(s: Started): Promise<void> {
	const all = dates();
	const results = await Promise.all(
		all.map((date, i) => s.plugin.api.logInteraction(ANN, { date, type: "call", note: `log ${i}`, owe: [`favor ${i}`] })),
	);
	expect(results.every((r) => r.ok)).toBe(true);
	await s.app.settle();
	const text = s.app.readFile(ANN);
	const logged = entries(text);
	// All 50 landed, once each, after the existing entry, in date order; same-day logs in the order they were started.
	expect(logged).toHaveLength(51);
	expect(logged[0]).toEqual(["2026-09-01", "first"]);
	expect(
		logged
			.slice(1)
			.map(([, note]) => note)
			.sort(),
	).toEqual(all.map((_, i) => `log ${i}`).sort());
	const order = logged.map(([date]) => date);
	expect(order).toEqual([...order].sort());
	for (let k = 1; k < logged.length; k++) {
		if (logged[k][0] === logged[k - 1][0] && k > 1)
			expect(Number(logged[k][1].slice(4))).toBeGreaterThan(Number(logged[k - 1][1].slice(4)));
	}
	// The frontmatter is valid YAML with every favor and the latest date; nothing else changed.
	const fm = frontmatter(text);
	expect(fm.last_contact).toBe([...all].sort().at(-1));
	expect(fm.owed_favors).toEqual(expect.arrayContaining(all.map((_, i) => `2026-11-26: favor ${i}`)));
	expect(fm.owed_favors).toHaveLength(50);
	expect({ ...fm, last_contact: undefined, owed_favors: undefined }).toEqual({
		cadence: "weekly",
		aliases: ["Annie"],
		last_contact: undefined,
		owed_favors: undefined,
	});
	expect(text).toContain("# how often\n");
	expect(text.endsWith("\n## Notes\nLikes tea.\n")).toBe(true);
	expect(s.app.noticeMessages().filter((m) => m.startsWith("Logged call with Ann on 2026-"))).toHaveLength(50);
}

describe("50 logs to one note started at once", () => {
	it("all land in date order with valid frontmatter (note closed: Vault.process)", async () => {
		const s = await start({ [ANN]: ORIGINAL });
		await fiftyLogs(s);
	});

	it("all land in date order with valid frontmatter (note open: through the editor)", async () => {
		const s = await start({ [ANN]: ORIGINAL });
		const view = await s.app.openNote(ANN);
		await fiftyLogs(s);
		expect(view.editor.getValue()).toBe(s.app.readFile(ANN));
	});

	it("logs to ten notes interleaved all land", async () => {
		const files = Object.fromEntries(Array.from({ length: 10 }, (_, n) => [`People/P${n}.md`, ORIGINAL]));
		const s = await start(files);
		const calls = Array.from({ length: 50 }, (_, i) =>
			s.plugin.api.logInteraction(`People/P${i % 10}.md`, {
				date: `2026-11-${String(1 + (i % 25)).padStart(2, "0")}`,
				type: "call",
				note: `n${i}`,
			}),
		);
		expect((await Promise.all(calls)).every((r) => r.ok)).toBe(true);
		await s.app.settle();
		for (let n = 0; n < 10; n++) {
			const notes = entries(s.app.readFile(`People/P${n}.md`)).map(([, note]) => note);
			expect(notes.sort()).toEqual(["first", ...[0, 1, 2, 3, 4].map((k) => `n${n + 10 * k}`)].sort());
		}
	});
});

describe("a log racing an external modification of the same note", () => {
	const EDITS = {
		"body, after the log": (t: string) => t.replace("Likes tea.", "Likes tea. Prefers green."),
		"body, between frontmatter and log": (t: string) => t.replace("Met at a conference.", "Met at a conference in Lisbon."),
		frontmatter: (t: string) => t.replace("aliases: [Annie]", "aliases: [Annie, A.]"),
	};

	async function race(
		order: "external first" | "log first",
		open: boolean,
		edit: keyof typeof EDITS,
	): Promise<{ text: string; s: Started }> {
		const s = await start({ [ANN]: ORIGINAL });
		if (open) await s.app.openNote(ANN);
		// The external program computed its version from the text it read: the original.
		const edited = EDITS[edit](ORIGINAL);
		const log = () => s.plugin.api.logInteraction(ANN, { date: "2026-11-20", type: "call", note: "raced" });
		const write = () => s.app.writeFile(ANN, edited);
		const [a, b] = order === "external first" ? [write(), log()] : [log(), write()];
		await Promise.all([a, b]);
		await s.app.settle();
		return { text: s.app.readFile(ANN), s };
	}

	const cases = (["external first", "log first"] as const).flatMap((order) =>
		[false, true].flatMap((open) => (Object.keys(EDITS) as (keyof typeof EDITS)[]).map((edit) => [order, open, edit] as const)),
	);

	it.each(cases)("%s, note open: %s, %s edit: the log is never lost", async (order, open, edit) => {
		const { text } = await race(order, open, edit);
		expect(entries(text)).toContainEqual(["2026-11-20", "raced"]);
		expect(frontmatter(text).last_contact).toBe("2026-11-20");
	});

	/** The combinations where the external change meets unsaved editor text (see below). */
	const lost = ([order, open, edit]: (typeof cases)[number]) => order === "log first" && open && edit !== "body, after the log";

	it.each(cases.filter((c) => !lost(c)))(
		"%s, note open: %s, %s edit: the external change is kept too, surgically",
		async (order, open, edit) => {
			const { text } = await race(order, open, edit);
			const edited = EDITS[edit](ORIGINAL);
			expect(surgicalViolations(edited, text, { entryLines: ["- 2026-11-20 — call: raced"] })).toEqual([]);
		},
	);

	// The cases where the log waits in an open editor while the external change lands on disk:
	// both survive through the line-level three-way merge Obsidian applies (and the runtime
	// models). An edit between the two places the log changes used to be lost when the runtime
	// could merge only one range per side.
	it.each(cases.filter(lost))("%s, note open: %s, %s edit: the external change is kept too", async (order, open, edit) => {
		const { text } = await race(order, open, edit);
		const edited = EDITS[edit](ORIGINAL);
		expect(surgicalViolations(edited, text, { entryLines: ["- 2026-11-20 — call: raced"] })).toEqual([]);
	});
});
