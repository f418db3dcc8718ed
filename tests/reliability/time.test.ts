// @vitest-environment happy-dom
/**
 * Calendar days around daylight-saving changes (US, EU, NZ), leap days, month ends and the year
 * end, with "today" injected, in whatever time zone the suite runs. Run it under several:
 *
 *   for tz in UTC America/Los_Angeles Pacific/Auckland Asia/Kolkata; do TZ=$tz npx vitest run tests/reliability; done
 *
 * Expected values are literal dates, never computed with the code under test.
 */
import { describe, expect, it } from "vitest";
import { parseDateInput } from "../../src/core/date-input";
import { dayFromYmd, formatDay, localDay, parseDateValue, type Day } from "../../src/core/dates";
import { buildPerson } from "../../src/core/person";
import { computeSchedule, defaultCadence, nextBirthday } from "../../src/core/schedule";
import { defaultSettings } from "../../src/core/settings";
import StayInTouchPlugin from "../../src/main";
import { manifest, openSidebar, row } from "../integration/plugin-harness";
import { createTestApp } from "../runtime/harness";

/** [label, ISO date] of the days that move clocks or calendars. */
const SPECIAL: readonly [string, string][] = [
	["US DST starts", "2026-03-08"],
	["US DST ends", "2026-11-01"],
	["EU DST starts", "2026-03-29"],
	["EU DST ends", "2026-10-25"],
	["NZ DST ends", "2026-04-05"],
	["NZ DST starts", "2026-09-27"],
	["leap day", "2028-02-29"],
	["month end", "2026-01-31"],
	["year end", "2026-12-31"],
	["new year", "2027-01-01"],
];

const HOURS = [0, 1, 2, 3, 12, 23];

function ymd(iso: string): [number, number, number] {
	const [y, m, d] = iso.split("-").map(Number);
	return [y, m, d];
}

const day = (iso: string): Day => dayFromYmd(...ymd(iso));

/** The ISO date `n` days from `iso`, by the UTC calendar (independent of the code under test). */
function plus(iso: string, n: number): string {
	const [y, m, d] = ymd(iso);
	return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

describe("localDay: the wall-calendar day of an instant", () => {
	const around = SPECIAL.flatMap(([label, iso]) => [-1, 0, 1].map((n) => [label, plus(iso, n)] as const));
	it.each(around)("%s: %s, at every hour that matters", (_, iso) => {
		const [y, m, d] = ymd(iso);
		for (const h of HOURS) {
			expect(formatDay(localDay(new Date(y, m - 1, d, h))), `${iso} ${h}:00 in ${process.env.TZ ?? "local"}`).toBe(iso);
			expect(formatDay(localDay(new Date(y, m - 1, d, h, 59, 59, 999))), `${iso} ${h}:59`).toBe(iso);
		}
		// One millisecond after the last one of the day is the next day.
		expect(formatDay(localDay(new Date(new Date(y, m - 1, d, 23, 59, 59, 999).getTime() + 1)))).toBe(plus(iso, 1));
	});
});

describe("dates in notes never move with the time zone", () => {
	it.each(SPECIAL)("%s: %s as a string, a date-time and a YAML Date", (_, iso) => {
		expect(parseDateValue(iso)).toEqual({ ok: true, day: day(iso) });
		expect(parseDateValue(`${iso}T23:30`)).toEqual({ ok: true, day: day(iso) });
		expect(parseDateValue(`${iso}T00:15:00+13:00`)).toEqual({ ok: true, day: day(iso) });
		expect(parseDateValue(`${iso}T23:45:00-11:00`)).toEqual({ ok: true, day: day(iso) });
		expect(parseDateValue(`${iso} 23:30`)).toEqual({ ok: true, day: day(iso) });
		expect(parseDateValue(`${iso}T23:30Z`)).toEqual({ ok: true, day: day(iso) });
		expect(parseDateValue(iso.replace(/-/g, "/"))).toEqual({ ok: true, day: day(iso) });
		// "November 2, 2026", written by Intl rather than by the code under test.
		const spoken = new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-US", {
			timeZone: "UTC",
			month: "long",
			day: "numeric",
			year: "numeric",
		});
		expect(parseDateValue(spoken)).toEqual({ ok: true, day: day(iso) });
		// gray-matter's YAML (js-yaml 3) turns an unquoted date into a Date at UTC midnight: read its UTC date.
		const [y, m, d] = ymd(iso);
		const fm = { last_contact: new Date(Date.UTC(y, m - 1, d)), birthday: new Date(Date.UTC(y, m - 1, d)) };
		const person = buildPerson({ path: "People/A.md", frontmatter: fm }, defaultSettings());
		expect(formatDay(person.lastContact ?? Number.NaN)).toBe(iso);
		expect(person.birthday).toEqual({ year: y, month: m, day: d });
		// A Date late in the UTC day is still that UTC day, whatever the local zone says.
		expect(parseDateValue(new Date(Date.UTC(y, m - 1, d, 23, 30)))).toEqual({ ok: true, day: day(iso) });
	});

	it.each(SPECIAL)("%s: typed dates count calendar days from %s", (_, iso) => {
		expect(parseDateInput("today", day(iso))).toEqual({ ok: true, day: day(iso) });
		expect(parseDateInput("yesterday", day(iso))).toEqual({ ok: true, day: day(plus(iso, -1)) });
		expect(parseDateInput("3 days ago", day(iso))).toEqual({ ok: true, day: day(plus(iso, -3)) });
	});

	it("relative months are calendar months", () => {
		expect(parseDateInput("1 month ago", day("2026-03-31"))).toEqual({ ok: true, day: day("2026-02-28") });
		expect(parseDateInput("1 month ago", day("2028-03-31"))).toEqual({ ok: true, day: day("2028-02-29") });
		expect(parseDateInput("1 year ago", day("2028-02-29"))).toEqual({ ok: true, day: day("2027-02-28") });
	});
});

describe("statuses, due dates and days overdue on the days that move clocks", () => {
	const settings = defaultSettings();
	function schedule(fm: Record<string, unknown>, today: string) {
		const person = buildPerson({ path: "People/A.md", frontmatter: fm }, settings);
		const s = computeSchedule(person, { today: day(today), settings, defaultCadence: defaultCadence(settings) });
		return { status: s.status, due: s.dueDay === null ? null : formatDay(s.dueDay), daysOverdue: s.daysOverdue };
	}

	// [last contact, cadence, today, status, due date, days overdue]
	const CASES: [string, string, string, string, string, number][] = [
		// A weekly contact due exactly on each DST day, the day after, the day before.
		...SPECIAL.flatMap(([, iso]): [string, string, string, string, string, number][] => [
			[plus(iso, -7), "weekly", iso, "due", iso, 0],
			[plus(iso, -8), "weekly", iso, "overdue", plus(iso, -1), 1],
			[plus(iso, -6), "weekly", iso, "soon", plus(iso, 1), -1],
			[plus(iso, -1), "daily", iso, "due", iso, 0],
			[plus(iso, -30), "30", iso, "due", iso, 0],
		]),
		// Calendar months: Jan 31 + 1 month is the last day of February.
		["2026-01-31", "monthly", "2026-02-28", "due", "2026-02-28", 0],
		["2026-01-31", "monthly", "2026-03-01", "overdue", "2026-02-28", 1],
		["2028-01-31", "monthly", "2028-02-29", "due", "2028-02-29", 0],
		["2028-01-31", "monthly", "2028-03-01", "overdue", "2028-02-29", 1],
		["2026-08-31", "quarterly", "2026-11-30", "due", "2026-11-30", 0],
		["2025-12-31", "P2M", "2026-02-28", "due", "2026-02-28", 0],
		// Leap day + 1 year, and a year that crosses Feb 29.
		["2028-02-29", "yearly", "2029-02-28", "due", "2029-02-28", 0],
		["2028-02-29", "yearly", "2029-03-01", "overdue", "2029-02-28", 1],
		["2027-03-01", "yearly", "2028-03-01", "due", "2028-03-01", 0],
		["2028-02-28", "1d", "2028-02-29", "due", "2028-02-29", 0],
		["2028-02-29", "1d", "2028-03-01", "due", "2028-03-01", 0],
		// Year end.
		["2026-12-31", "daily", "2027-01-01", "due", "2027-01-01", 0],
		["2026-12-25", "weekly", "2027-01-01", "due", "2027-01-01", 0],
		["2026-12-24", "weekly", "2027-01-01", "overdue", "2026-12-31", 1],
		["2026-11-30", "monthly", "2026-12-31", "overdue", "2026-12-30", 1],
		// A range: due from the low end, overdue after the high end.
		["2026-02-01", "4-6 weeks", "2026-03-08", "due", "2026-03-01", -7],
		["2026-02-01", "4-6 weeks", "2026-03-16", "overdue", "2026-03-01", 1],
	];

	it.each(CASES)(
		"last contact %s, cadence %s, today %s: %s, due %s, %i days overdue",
		(last, cadence, today, status, due, daysOverdue) => {
			expect(schedule({ last_contact: last, cadence }, today)).toEqual({ status, due, daysOverdue });
		},
	);

	it("a Feb 29 birthday falls on Feb 28 in common years and on Feb 29 in leap years", () => {
		const birthday = { year: 2000, month: 2, day: 29 };
		expect(formatDay(nextBirthday(birthday, day("2027-01-01")))).toBe("2027-02-28");
		expect(formatDay(nextBirthday(birthday, day("2027-03-01")))).toBe("2028-02-29");
		expect(formatDay(nextBirthday(birthday, day("2028-02-29")))).toBe("2028-02-29");
		expect(formatDay(nextBirthday({ year: null, month: 1, day: 1 }, day("2026-12-31")))).toBe("2027-01-01");
	});
});

// ---------------------------------------------------------------------------------------------
// The plugin with its clock pinned to an hour of a special day

let clock = new Date(2026, 0, 1, 12);

/** The real plugin, reading "now" from a clock the test moves. */
class ClockedPlugin extends StayInTouchPlugin {
	now = () => new Date(clock.getTime());
}

describe("the plugin on the days that move clocks", () => {
	it.each(SPECIAL)("%s (%s): today, statuses and the logged entry's date are exact at every hour", async (_, iso) => {
		const [y, m, d] = ymd(iso);
		clock = new Date(y, m - 1, d, 12);
		const app = await createTestApp({
			"People/Due.md": `---\ncadence: weekly\nlast_contact: ${plus(iso, -7)}\n---\n`,
			"People/Late.md": `---\ncadence: weekly\nlast_contact: ${plus(iso, -8)}\n---\n## Interactions\n- ${plus(iso, -9)} — call\n`,
			"People/Birthday.md": `---\ncadence: yearly\nlast_contact: ${plus(iso, -1)}\nbirthday: --${iso.slice(5)}\n---\n`,
		});
		const plugin = await app.loadPlugin(ClockedPlugin, manifest);
		await app.settle();
		const view = await openSidebar({ app, plugin });
		for (const h of HOURS) {
			for (const minute of [0, 59]) {
				clock = new Date(y, m - 1, d, h, minute);
				const when = `${iso} ${h}:${minute} in ${process.env.TZ ?? "local"}`;
				expect(formatDay(plugin.ctx.clock.today()), when).toBe(iso);
				expect(plugin.api.person("People/Due.md"), when).toMatchObject({ status: "due", dueDate: iso, daysOverdue: 0 });
				expect(plugin.api.person("People/Late.md"), when).toMatchObject({
					status: "overdue",
					dueDate: plus(iso, -1),
					daysOverdue: 1,
					lastContact: plus(iso, -8),
				});
				expect(plugin.api.person("People/Birthday.md"), when).toMatchObject({ status: "ok", nextBirthday: iso });
			}
		}
		view.refresh(true);
		expect(row(view, "soon", "Due").querySelector(".stay-in-touch-due")?.textContent).toBe("due today");
		expect(row(view, "overdue", "Late").querySelector(".stay-in-touch-due")?.textContent).toBe("1 day overdue");
		expect(row(view, "birthdays", "Birthday").querySelector(".stay-in-touch-badge.mod-birthday")?.textContent).toBe("birthday today");

		// A log at half past midnight and one at 23:59 are both dated today; "yesterday" is the day before.
		clock = new Date(y, m - 1, d, 0, 30);
		expect((await plugin.api.logInteraction("People/Late.md", { type: "call", note: "just after midnight" })).ok).toBe(true);
		clock = new Date(y, m - 1, d, 23, 59);
		expect((await plugin.api.logInteraction("People/Late.md", { date: "yesterday", type: "call", note: "yesterday" })).ok).toBe(true);
		expect((await plugin.api.logInteraction("People/Due.md", {})).ok).toBe(true);
		await app.settle();
		expect(app.readFile("People/Late.md")).toBe(
			`---\ncadence: weekly\nlast_contact: ${iso}\n---\n## Interactions\n- ${plus(iso, -9)} — call\n- ${plus(iso, -1)} — call: yesterday\n- ${iso} — call: just after midnight\n`,
		);
		expect(app.readFile("People/Due.md")).toBe(`---\ncadence: weekly\nlast_contact: ${iso}\n---\n## Interactions\n\n- ${iso} — call\n`);
		expect(plugin.api.person("People/Late.md")).toMatchObject({
			status: "soon",
			lastContact: iso,
			dueDate: plus(iso, 7),
			daysOverdue: -7,
		});

		// Crossing midnight into the next day moves every count by exactly one.
		clock = new Date(y, m - 1, d + 1, 0, 0, 1);
		expect(formatDay(plugin.ctx.clock.today())).toBe(plus(iso, 1));
		expect(plugin.api.person("People/Late.md")).toMatchObject({ daysOverdue: -6 });
	});
});
