/**
 * `stay-in-touch ics`: the calendar file read back by an independent parser (ical.js, the
 * parser behind Thunderbird's calendar), every event checked against what the vault says.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core/dates";
import { escapeText, foldLine, icsText } from "../../src/core/ics";
import { buildPerson } from "../../src/core/person";
import { computeSchedule, defaultCadence } from "../../src/core/schedule";
import { defaultSettings } from "../../src/core/settings";
import { buildCli, cli, EXAMPLE_VAULT, tempDir, tempVault, type CliRun } from "./cli-helpers";

beforeAll(buildCli);

interface Event {
	uid: string;
	summary: string;
	start: string;
	isDate: boolean;
	end: string | null;
	rrule: string | null;
	alarm: string | null;
	description: string | null;
}

function parse(text: string): Event[] {
	const root = new ICAL.Component(ICAL.parse(text));
	expect(root.name).toBe("vcalendar");
	expect(root.getFirstPropertyValue("version")).toBe("2.0");
	expect(root.getFirstPropertyValue("prodid")).toBeTruthy();
	return root.getAllSubcomponents("vevent").map((c) => {
		const event = new ICAL.Event(c);
		const alarm = c.getFirstSubcomponent("valarm");
		expect(c.getFirstPropertyValue("dtstamp")).toBeTruthy();
		return {
			uid: event.uid,
			summary: event.summary,
			start: event.startDate.toString(),
			isDate: event.startDate.isDate,
			end: c.hasProperty("dtend") ? event.endDate.toString() : null,
			rrule: c.hasProperty("rrule") ? String(c.getFirstPropertyValue("rrule")) : null,
			alarm: alarm ? `${String(alarm.getFirstPropertyValue("action"))} ${String(alarm.getFirstPropertyValue("trigger"))}` : null,
			description: event.description,
		};
	});
}

describe("stay-in-touch ics on the example vault", () => {
	// Run once the CLI is built (the file's beforeAll runs first): at collection it would be a stale dist/cli.cjs.
	let run: CliRun;
	let events: Event[];
	let people: { name: string; status: string; dueDate: string | null; birthday: string | null; snoozeUntil: string | null }[];
	beforeAll(() => {
		run = cli(["ics", "--vault", EXAMPLE_VAULT, "--today", "2026-11-26"]);
		events = parse(run.stdout);
		people = JSON.parse(cli(["people", "--vault", EXAMPLE_VAULT, "--today", "2026-11-26", "--json"]).stdout) as typeof people;
	});

	it("exits 0, every line ends with CRLF (the last one too) and every UID is unique", () => {
		expect(run.code).toBe(0);
		expect(run.stdout.endsWith("END:VCALENDAR\r\n")).toBe(true);
		expect(run.stdout).not.toMatch(/[^\r]\n/);
		expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
	});

	it("has one yearly all-day birthday per person with a birthday, starting on the birthday", () => {
		const birthdays = events.filter((e) => e.uid.startsWith("birthday-"));
		const expected = people.filter((p) => p.birthday !== null && p.status !== "problem");
		expect(expected.length).toBeGreaterThan(0);
		expect(birthdays.map((e) => e.summary).sort()).toEqual(expected.map((p) => `${p.name}'s birthday`).sort());
		for (const p of expected) {
			const e = birthdays.find((x) => x.summary === `${p.name}'s birthday`);
			expect(e?.isDate).toBe(true);
			expect(e?.rrule).toBe("FREQ=YEARLY");
			// A birthday without a year (--MM-DD) starts in 2000.
			expect(e?.start).toBe(p.birthday?.startsWith("--") ? `2000-${p.birthday.slice(2)}` : p.birthday);
		}
	});

	it("has one all-day due event with a 9:00 alarm for every person the CLI says is due, on the due date (today when past)", () => {
		const due = events.filter((e) => e.uid.startsWith("due-"));
		const expected = people.filter((p) => p.dueDate !== null || p.status === "never");
		expect(due.map((e) => e.summary).sort()).toEqual(expected.map((p) => `Get in touch with ${p.name}`).sort());
		for (const p of expected) {
			const e = due.find((x) => x.summary === `Get in touch with ${p.name}`);
			if (!e) throw new Error(`no event for ${p.name}`);
			expect(e.isDate).toBe(true);
			const want = p.dueDate === null || p.dueDate < "2026-11-26" ? "2026-11-26" : p.dueDate;
			// A snoozed person's on the day the snooze ends (or the due date, when that is later).
			if (p.status === "snoozed") expect(e.start).toBe([p.dueDate ?? "", p.snoozeUntil ?? ""].sort()[1]);
			else expect(e.start).toBe(want);
			expect(e.end).toBe(new Date(Date.parse(`${e.start}T00:00:00Z`) + 86400000).toISOString().slice(0, 10));
			expect(e.alarm).toBe("DISPLAY PT9H");
		}
		expect(due.find((e) => e.summary === "Get in touch with Ada Lovelace")?.description).toContain("you owe them: intro to Sam");
		// Donald Knuth is snoozed until 2026-12-15.
		expect(people.filter((p) => p.status === "snoozed").map((p) => p.name)).toEqual(["Donald Knuth"]);
		expect(due.find((e) => e.summary === "Get in touch with Donald Knuth")?.start).toBe("2026-12-15");
	});

	it("stamps the events with the moment the file was made", () => {
		const stamp = /^DTSTAMP:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z\r$/m.exec(run.stdout);
		if (!stamp) throw new Error("no DTSTAMP");
		const [, y, mo, d, h, mi, sec] = stamp.map(Number);
		expect(Math.abs(Date.UTC(y, mo - 1, d, h, mi, sec) - Date.now())).toBeLessThan(5 * 60 * 1000);
	});

	it("keeps every UID from one day to the next, so a subscribed calendar updates its events", () => {
		const tomorrow = parse(cli(["ics", "--vault", EXAMPLE_VAULT, "--today", "2026-11-27"]).stdout);
		expect(tomorrow.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
	});
});

describe("ics text", () => {
	const settings = defaultSettings();
	const today = dayFromYmd(2026, 11, 26);
	/** 08:30:05 on 2026-11-26 in Auckland, still 2026-11-25 in UTC. */
	const NOW = new Date(Date.UTC(2026, 10, 25, 19, 30, 5));
	const one = (fm: Record<string, unknown>, name: string) => {
		const person = buildPerson({ path: `People/${name}.md`, frontmatter: fm }, settings);
		return { person, schedule: computeSchedule(person, { today, settings, defaultCadence: defaultCadence(settings) }) };
	};

	it("escapes text, folds long lines at 75 octets without splitting a character, and parses back the same", () => {
		const name = "Zoë, the; very \\ long-named Ångström person with a name that goes on and on 日本語";
		const text = icsText([one({ birthday: "--02-29", cadence: "weekly", last_contact: "2026-11-25" }, name)], today, NOW);
		for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
		expect(text.endsWith("\r\n")).toBe(true);
		const events = parse(text);
		expect(events.map((e) => e.summary)).toEqual([`${name}'s birthday`, `Get in touch with ${name}`]);
		// A Feb 29 birthday without a year: a leap year start, and the last day of February in other years.
		expect(events[0].start).toBe("2000-02-29");
		expect(events[0].rrule).toBe("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1");
		expect(events[1].start).toBe("2026-12-02");
	});

	it("puts a snoozed person's due event on the day the snooze ends, with the snooze in its description", () => {
		const events = parse(
			icsText([one({ cadence: "weekly", last_contact: "2026-11-01", snooze_until: "2026-12-10" }, "Sam")], today, NOW),
		);
		expect(events.map((e) => [e.summary, e.start, e.end])).toEqual([["Get in touch with Sam", "2026-12-10", "2026-12-11"]]);
		expect(events[0].description).toContain("snoozed until 2026-12-10");
	});

	it("stamps every event with the instant it was made, in UTC (not today's local midnight)", () => {
		const text = icsText([one({ cadence: "weekly", last_contact: "2026-11-25", birthday: "1990-05-01" }, "Sam")], today, NOW);
		expect(text.match(/^DTSTAMP:.*$/gm)).toEqual(["DTSTAMP:20261125T193005Z", "DTSTAMP:20261125T193005Z"]);
	});

	it("leaves out what cannot be scheduled and cadence: never's due dates", () => {
		const events = parse(icsText([one({ cadence: "never", birthday: "1990-05-01" }, "Pat"), one({}, "Untracked")], today, NOW));
		expect(events.map((e) => e.summary)).toEqual(["Pat's birthday"]);
	});

	it.each([
		["a;b,c\\d", "a\\;b\\,c\\\\d"],
		["line\r\nnext", "line\\nnext"],
		["bell\u0007", "bell"],
	])("escapes %j", (raw, escaped) => {
		expect(escapeText(raw)).toBe(escaped);
	});

	it("folds by octets", () => {
		expect(foldLine("x".repeat(80))).toBe(`${"x".repeat(75)}\r\n ${"x".repeat(5)}`);
		expect(foldLine("é".repeat(40)).split("\r\n")[0]).toBe("é".repeat(37));
	});
});

describe("stay-in-touch ics --out", () => {
	it("writes the file, whole, and says why when it cannot", () => {
		const vault = tempVault({ "People/Ada.md": "---\ncadence: weekly\nlast_contact: 2026-11-20\n---\n" });
		const out = tempDir();
		try {
			const file = join(out.dir, "people.ics");
			const run = cli(["ics", "--vault", vault.dir, "--today", "2026-11-26", "--out", file]);
			expect(run.code).toBe(0);
			expect(run.stdout).toBe("");
			expect(parse(readFileSync(file, "utf8")).map((e) => [e.summary, e.start])).toEqual([["Get in touch with Ada", "2026-11-27"]]);
			const bad = cli(["ics", "--vault", vault.dir, "--out", join(out.dir, "missing", "x.ics")]);
			expect(bad.code).toBe(1);
			expect(bad.stderr).toContain("cannot write");
		} finally {
			vault.cleanup();
			out.cleanup();
		}
	});
});
