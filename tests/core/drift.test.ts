import { describe, expect, it } from "vitest";
import { contactDays, driftOf, everyText, rhythmOf, rhythmText } from "../../src/core/drift";
import { buildPerson } from "../../src/core/person";
import { parseQuery, runQuery } from "../../src/core/query/index";
import { computeSchedule, defaultCadence, type Scheduled } from "../../src/core/schedule";
import { defaultSettings } from "../../src/core/settings";
import { sidebarModel } from "../../src/core/sidebar-model";
import { d } from "./helpers";

const today = d("2026-11-26");
const settings = defaultSettings();

/** Contact days as offsets before today: `ago(70, 49, 28)` is three contacts three weeks apart. */
function ago(...days: number[]): number[] {
	return days.map((n) => today - n);
}

function person(fm: Record<string, unknown>, logDays: number[] = [], mentions: number[] = [], name = "Ada") {
	return buildPerson(
		{ path: `People/${name}.md`, frontmatter: fm, logDays, mentions: mentions.map((day, i) => ({ day, path: `Daily/${i}.md` })) },
		settings,
	);
}

function scheduled(p: ReturnType<typeof person>): Scheduled {
	return { person: p, schedule: computeSchedule(p, { today, settings, defaultCadence: defaultCadence(settings) }) };
}

describe("the drift rule", () => {
	it.each([
		// contacts (days ago), drifting?, rhythm in days
		["three weeks apart, silent 43 days (> 2 × 21)", [85, 64, 43], true, 21],
		["three weeks apart, silent exactly 42 days (not more than twice)", [84, 63, 42], false, 21],
		["three weeks apart, silent 30 days", [72, 51, 30], false, 21],
		["only two contacts", [100, 79], false, null],
		["a week, then two months: no rhythm", [200, 193, 133], false, null],
		["weekly with one odd gap among many", [100, 93, 86, 79, 72, 40], true, 7],
		["monthly for a year, silent 55 days", [420, 390, 360, 330, 300, 270, 240, 210, 180, 150, 120, 55], false, 30],
		["monthly for a year, silent 3 months", [420, 390, 360, 330, 300, 270, 240, 210, 180, 95], true, 30],
		["monthly, silent 100 days", [220, 190, 160, 130, 100], true, 30],
		["the same day twice counts once", [85, 85, 64, 43], true, 21],
	])("%s", (_, days, drifting, rhythm) => {
		const p = person({}, ago(...days));
		expect(rhythmOf(contactDays(p, today))).toBe(rhythm);
		expect(driftOf(p, today) !== null).toBe(drifting);
	});

	it("reads contact from the last contact property, the log and mentions together", () => {
		const p = person({ last_contact: "2026-09-02" }, [today - 127], [today - 106]);
		expect(contactDays(p, today)).toEqual([today - 127, today - 106, d("2026-09-02")]);
		expect(driftOf(p, today)).toEqual({ rhythmDays: 21, silenceDays: 85 });
	});

	it("never counts a date after today", () => {
		const p = person({}, [...ago(85, 64, 43), today + 5]);
		expect(contactDays(p, today)).toEqual(ago(85, 64, 43));
		expect(driftOf(p, today)?.silenceDays).toBe(43);
	});

	it("is only for people without a cadence, and never for cadence: never", () => {
		expect(scheduled(person({}, ago(85, 64, 43))).schedule.drift).toEqual({ rhythmDays: 21, silenceDays: 43 });
		expect(scheduled(person({ cadence: "monthly" }, ago(85, 64, 43))).schedule.drift).toBeNull();
		const never = scheduled(person({ cadence: "never" }, ago(85, 64, 43)));
		expect(never.schedule.status).toBe("ignored");
		expect(never.schedule.drift).toBeNull();
		expect(never.schedule.problems).toEqual([]);
		expect(scheduled(person({ snooze_until: "2026-12-01" }, ago(85, 64, 43))).schedule.drift).toBeNull();
	});
});

describe("the rhythm as people say it", () => {
	it.each([
		[1, "every day"],
		[5, "every 5 days"],
		[7, "every week"],
		[14, "every 2 weeks"],
		[21, "every 3 weeks"],
		[30, "every month"],
		[91, "every 3 months"],
		[365, "every year"],
		[730, "every 2 years"],
	])("%i days → %s", (days, text) => {
		expect(everyText(days)).toBe(text);
	});

	it("says usually", () => {
		expect(rhythmText({ rhythmDays: 21, silenceDays: 50 })).toBe("usually every 3 weeks");
	});
});

describe("where drifting people show", () => {
	const list = [
		scheduled(person({}, ago(85, 64, 43), [], "Drifter")),
		scheduled(person({}, ago(30, 20, 10), [], "Regular")),
		scheduled(person({ cadence: "never" }, ago(85, 64, 43), [], "Passed")),
	];

	it("the query filter `drifting` and the rhythm column", () => {
		const parsed = parseQuery("drifting\ncolumns name, rhythm", { tiers: settings.tiers });
		if (!parsed.ok) throw new Error("query did not parse");
		const result = runQuery(parsed.query, list, { today, settings });
		expect(result.rows.map((r) => r.person.name)).toEqual(["Drifter"]);
	});

	it("the sidebar's Drifting group", () => {
		const model = sidebarModel(list, "", today, settings);
		const group = model.groups.find((g) => g.id === "drifting");
		expect(group?.title).toBe("Drifting");
		expect(group?.rows.map((r) => r.person.name)).toEqual(["Drifter"]);
	});

	it("`untracked` lists neither the drifter's opposite nor cadence: never", () => {
		const parsed = parseQuery("untracked", { tiers: settings.tiers });
		if (!parsed.ok) throw new Error("query did not parse");
		expect(runQuery(parsed.query, list, { today, settings }).rows.map((r) => r.person.name)).toEqual(["Drifter", "Regular"]);
	});
});
