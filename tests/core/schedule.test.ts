import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatDay, type Day } from "../../src/core/dates";
import { buildPerson } from "../../src/core/person";
import { compareByUrgency, computeSchedule, defaultCadence, nextBirthday, type Scheduled } from "../../src/core/schedule";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { d } from "./helpers";

function scheduled(fm: Record<string, unknown>, today: Day, patch: Partial<Settings> = {}, name = "Ada"): Scheduled {
	const settings = { ...defaultSettings(), ...patch };
	const person = buildPerson({ path: `People/${name}.md`, frontmatter: fm }, settings);
	return { person, schedule: computeSchedule(person, { today, settings, defaultCadence: defaultCadence(settings) }) };
}

const today = d("2026-11-26");

describe("status", () => {
	it.each([
		[{ cadence: "weekly" }, "never"],
		[{ last_contact: "2026-11-01" }, "untracked"],
		[{ cadence: "weekly", last_contact: "2026-11-18" }, "overdue"],
		[{ cadence: "weekly", last_contact: "2026-11-19" }, "due"],
		[{ cadence: "weekly", last_contact: "2026-11-20" }, "soon"],
		[{ cadence: "monthly", last_contact: "2026-11-02" }, "soon"],
		[{ cadence: "monthly", last_contact: "2026-11-03" }, "soon"],
		[{ cadence: "monthly", last_contact: "2026-11-04" }, "ok"],
		[{ cadence: "weekly", last_contact: "2026-11-01", snooze_until: "2026-11-27" }, "snoozed"],
		[{ cadence: "weekly", last_contact: "2026-11-01", snooze_until: "2026-11-26" }, "overdue"],
		[{ cadence: "4-6 weeks", last_contact: "2026-10-20" }, "due"],
		[{ cadence: "4-6 weeks", last_contact: "2026-10-15" }, "due"],
		[{ cadence: "4-6 weeks", last_contact: "2026-10-14" }, "overdue"],
		[{ cadence: "fortnighly", last_contact: "2026-01-01" }, "untracked"],
	])("%o → %s", (fm, status) => {
		expect(scheduled(fm, today).schedule.status).toBe(status);
	});

	it("computes due dates with calendar months", () => {
		const s = scheduled({ cadence: "1 month", last_contact: "2026-01-31" }, d("2026-02-27")).schedule;
		expect(formatDay(s.dueDay ?? 0)).toBe("2026-02-28");
		expect(s.daysUntilDue).toBe(1);
		expect(s.status).toBe("soon");
		const leap = scheduled({ cadence: "yearly", last_contact: "2024-02-29" }, d("2025-03-01")).schedule;
		expect(formatDay(leap.dueDay ?? 0)).toBe("2025-02-28");
		expect(leap.daysOverdue).toBe(1);
	});

	it("counts days overdue from the high end of a range", () => {
		const s = scheduled({ cadence: "4-6 weeks", last_contact: "2026-10-01" }, today).schedule;
		expect(formatDay(s.dueDay ?? 0)).toBe("2026-10-29");
		expect(formatDay(s.overdueDay ?? 0)).toBe("2026-11-12");
		expect(s.daysOverdue).toBe(14);
	});

	it("uses the default cadence setting, but not for a person whose own cadence is broken", () => {
		expect(scheduled({ last_contact: "2026-11-01" }, today, { defaultCadence: "2w" }).schedule.status).toBe("overdue");
		expect(scheduled({ last_contact: "2026-11-01", cadence: "sometimes" }, today, { defaultCadence: "2w" }).schedule.status).toBe(
			"untracked",
		);
	});

	it("takes the newest log entry as contact", () => {
		const settings = defaultSettings();
		const person = buildPerson(
			{ path: "People/A.md", frontmatter: { cadence: "weekly", last_contact: "2026-10-01" }, lastLogged: d("2026-11-25") },
			settings,
		);
		const s = computeSchedule(person, { today, settings, defaultCadence: null });
		expect(s.status).toBe("soon");
		expect(s.daysSince).toBe(1);
	});

	it("applies tiers from settings", () => {
		expect(scheduled({ cadence: "close", last_contact: "2026-10-20" }, today).schedule.status).toBe("overdue");
		expect(scheduled({ cadence: "close", last_contact: "2026-10-20" }, today, { tiers: { close: "2 months" } }).schedule.status).toBe(
			"ok",
		);
	});
});

describe("urgency ordering", () => {
	it("ranks a weekly friend 7 days late above a yearly contact 7 days late", () => {
		const weekly = scheduled({ cadence: "weekly", last_contact: "2026-11-12" }, today, {}, "Weekly");
		const yearly = scheduled({ cadence: "yearly", last_contact: "2025-11-19" }, today, {}, "Yearly");
		expect(weekly.schedule.daysOverdue).toBe(7);
		expect(yearly.schedule.daysOverdue).toBe(7);
		expect([yearly, weekly].sort(compareByUrgency).map((s) => s.person.name)).toEqual(["Weekly", "Yearly"]);
	});

	it("breaks ties by days overdue, then by name", () => {
		const b = scheduled({ cadence: "10d", last_contact: "2026-11-06" }, today, {}, "Bea");
		const a = scheduled({ cadence: "10d", last_contact: "2026-11-06" }, today, {}, "Al");
		const c = scheduled({ cadence: "4-6 weeks", last_contact: "2026-09-03" }, today, {}, "Cy");
		const e = scheduled({ cadence: "2-3 weeks", last_contact: "2026-10-15" }, today, {}, "Ed");
		expect(c.schedule.urgency).toBeCloseTo(e.schedule.urgency ?? 0, 5);
		expect([b, a].sort(compareByUrgency).map((s) => s.person.name)).toEqual(["Al", "Bea"]);
		expect([c, e].sort(compareByUrgency).map((s) => s.person.name)).toEqual(["Cy", "Ed"]);
	});
});

describe("properties", () => {
	const cadences = ["3", "2w", "monthly", "quarterly", "1y", "4-6 weeks", "every other week", "P1Y6M", "18 months"];
	const dayArb = fc.integer({ min: d("1990-01-01"), max: d("2060-12-31") });

	it("due date is never before the last contact, and a contact logged today is never overdue", () => {
		fc.assert(
			fc.property(fc.constantFrom(...cadences), dayArb, (cadence, t) => {
				const s = scheduled({ cadence, last_contact: formatDay(t) }, t).schedule;
				expect(s.dueDay).toBeGreaterThan(t);
				expect(s.status).not.toBe("overdue");
				expect(s.daysOverdue).toBeLessThan(0);
			}),
		);
	});

	it("urgency grows with elapsed time", () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...cadences),
				dayArb,
				fc.integer({ min: 0, max: 2000 }),
				fc.integer({ min: 1, max: 400 }),
				(cadence, last, gap, more) => {
					const fm = { cadence, last_contact: formatDay(last) };
					const before = scheduled(fm, last + gap).schedule.urgency ?? 0;
					const after = scheduled(fm, last + gap + more).schedule.urgency ?? 0;
					expect(after).toBeGreaterThan(before);
				},
			),
		);
	});
});

describe("birthdays", () => {
	it("finds the next occurrence, Feb 29 on Feb 28 in common years", () => {
		expect(formatDay(nextBirthday({ year: 1990, month: 12, day: 1 }, today))).toBe("2026-12-01");
		expect(formatDay(nextBirthday({ year: null, month: 11, day: 26 }, today))).toBe("2026-11-26");
		expect(formatDay(nextBirthday({ year: null, month: 1, day: 3 }, today))).toBe("2027-01-03");
		expect(formatDay(nextBirthday({ year: 2000, month: 2, day: 29 }, d("2027-01-01")))).toBe("2027-02-28");
		expect(formatDay(nextBirthday({ year: 2000, month: 2, day: 29 }, d("2028-01-01")))).toBe("2028-02-29");
	});
});
