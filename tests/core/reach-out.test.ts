import { describe, expect, it } from "vitest";
import { buildPerson } from "../../src/core/person";
import { buildCard, cardLine, mentionLine, nextTopics } from "../../src/core/reach-out-card";
import { QueueSession, reachOutQueue, sessionSummary, triageQueue, whyNow } from "../../src/core/reach-out";
import { computeSchedule, defaultCadence, type Scheduled } from "../../src/core/schedule";
import { defaultSettings } from "../../src/core/settings";
import { d } from "./helpers";

const settings = defaultSettings();
const today = d("2026-11-26");

function one(name: string, fm: Record<string, unknown>, logDays: number[] = []): Scheduled {
	const person = buildPerson({ path: `People/${name}.md`, frontmatter: fm, logDays }, settings);
	return { person, schedule: computeSchedule(person, { today, settings, defaultCadence: defaultCadence(settings) }) };
}

describe("the reach-out queue", () => {
	const people = [
		one("Ok", { cadence: "monthly", last_contact: "2026-11-20" }),
		one("Never", { cadence: "monthly" }),
		one("Weekly late", { cadence: "weekly", last_contact: "2026-11-12" }),
		one("Yearly late", { cadence: "yearly", last_contact: "2025-11-12" }),
		one("Due today", { cadence: "weekly", last_contact: "2026-11-19" }),
		one("Birthday", { birthday: "1990-11-30" }),
		one("Favor", { owed_favors: ["2026-10-01: intro to Sam"] }),
		one("Owes me only", { owed_to_me: ["a book"] }),
		one("Drifter", {}, [today - 85, today - 64, today - 43]),
		one("Snoozed", { cadence: "weekly", last_contact: "2026-01-01", snooze_until: "2026-12-01" }),
		one("Passed", { cadence: "never", owed_favors: ["x"] }),
	];

	it("orders by reason, then within each reason by urgency", () => {
		expect(reachOutQueue(people, settings.birthdayWindowDays).map((s) => s.person.name)).toEqual([
			"Weekly late",
			"Yearly late",
			"Due today",
			"Birthday",
			"Favor",
			"Drifter",
			"Never",
		]);
	});

	it("says why now, every reason", () => {
		const ada = one("Ada", { cadence: "weekly", last_contact: "2026-11-12", birthday: "12-01", owed_favors: ["intro to Sam"] });
		expect(whyNow(ada, 14)).toEqual(["7 days overdue", "birthday in 5 days", "you owe them: intro to Sam"]);
		expect(whyNow(people[8], 14)).toEqual(["drifting: usually every 3 weeks, last in touch 6 weeks ago"]);
		expect(whyNow(people[1], 14)).toEqual(["not contacted yet"]);
	});
});

describe("triage's list", () => {
	it("asks about drifting people first, then the most recently in touch, then the rest by name", () => {
		const list = [
			one("Zed", {}),
			one("Recent", { last_contact: "2026-11-24" }),
			one("Abe", {}),
			one("Drifter", {}, [today - 85, today - 64, today - 43]),
			one("Typo", { cadence: "fortnighly" }),
			one("Passed", { cadence: "never" }),
			one("Tracked", { cadence: "weekly", last_contact: "2026-11-24" }),
		];
		expect(list[3].schedule.drift).not.toBeNull();
		expect(triageQueue(list).map((s) => s.person.name)).toEqual(["Drifter", "Recent", "Abe", "Zed"]);
	});
});

describe("a card", () => {
	const note = [
		"---",
		"cadence: weekly",
		"next: [her move to Acme]",
		"---",
		"## Interactions",
		"",
		"- 2026-10-01 — call: first",
		"- 2026-10-29 — coffee: Talked about her notes.",
		"- 2026-11-12 — call: She is moving to Acme next spring.",
		"    Asked for an intro to Sam.",
		"- 2026-12-24 — planned dinner",
		"",
		"## Next",
		"",
		"- [ ] ask about the engine",
		"- the Analytical Society talk",
		"",
	].join("\n");
	const s = one("Ada Lovelace", { cadence: "weekly", last_contact: "2026-11-12", owed_to_me: ["a review"] });

	it("shows the last three interactions, newest first, from the log and the notes that mention the person", () => {
		const card = buildCard(s, today, { ...settings }, note, { next: ["her move to Acme"] }, [
			{ path: "Daily/2026-11-20.md", day: d("2026-11-20"), text: "# Friday\n\nLunch with [[Ada Lovelace|Ada]] and Sam.\n" },
			{ path: "Daily/2026-11-01.md", day: d("2026-11-01"), text: "Nothing about her\n" },
		]);
		expect(card.interactions).toEqual([
			{ day: d("2026-11-20"), text: "2026-11-20 — Lunch with Ada and Sam.", source: "Daily/2026-11-20.md" },
			{
				day: d("2026-11-12"),
				text: "2026-11-12 — call: She is moving to Acme next spring. Asked for an intro to Sam.",
				source: "log",
			},
			{ day: d("2026-10-29"), text: "2026-10-29 — coffee: Talked about her notes.", source: "log" },
		]);
		expect(card.nextTopics).toEqual(["her move to Acme", "ask about the engine", "the Analytical Society talk"]);
		expect(card.owedToMe).toEqual(["a review"]);
		expect(card.why).toEqual(["7 days overdue"]);
	});

	it("still shows what the index knows when the note cannot be read", () => {
		const card = buildCard(s, today, settings, null, null, []);
		expect(card.interactions).toEqual([]);
		expect(card.name).toBe("Ada Lovelace");
	});

	it("finds mention lines by name, path and alias, not by a longer name", () => {
		expect(mentionLine("a\n[[Ada Lovelace Jr]] b\nsaw [[People/Ada Lovelace#Work]]\n", ["ada lovelace", "people/ada lovelace"])).toBe(
			"saw Ada Lovelace",
		);
		expect(mentionLine("- [x] sent [[Ada]] the slides", ["ada lovelace", "ada"])).toBe("sent Ada the slides");
		expect(mentionLine("no link", ["ada"])).toBeNull();
	});

	it("reads next topics from a text property and a section", () => {
		expect(nextTopics("# Ada\n\n## Next\nthe engine\n\n## Other\nnot this\n", { Next: "books" })).toEqual(["books", "the engine"]);
		expect(cardLine(`- ${"x".repeat(300)}`)).toHaveLength(240);
		expect(cardLine("- [[2026-11-12]] — call with [[People/Sam Lee#Work|Sam]] and [[People/Bo#Home]]")).toBe(
			"2026-11-12 — call with Sam and Bo",
		);
	});
});

describe("a queue session", () => {
	it("moves on with each action, undoes the last one back to its card, and sums up", () => {
		const session = new QueueSession<string, string>(["a", "b", "c", "d"]);
		session.record("logged", "undo-a");
		session.record("snoozed", "undo-b");
		session.record("skipped");
		expect(session.current).toBe("d");
		const undone = session.undo();
		expect(undone).toEqual({ index: 2, action: "skipped", undo: null });
		expect(session.current).toBe("c");
		expect(session.undo()?.undo).toBe("undo-b");
		expect(session.current).toBe("b");
		session.record("logged");
		session.record("skipped");
		session.record("skipped");
		expect(session.done).toBe(true);
		session.record("logged");
		expect(sessionSummary(session.counts(), ["logged", "snoozed", "skipped"])).toBe("2 logged, 2 skipped");
		expect(sessionSummary({}, ["logged"])).toBe("Nothing done");
	});
});
