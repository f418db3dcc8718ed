import { describe, expect, it } from "vitest";
import { contactAsOf } from "../../src/core/contact";
import { dayFromYmd, type Day } from "../../src/core/dates";
import { buildPerson } from "../../src/core/person";
import { computeSchedule, defaultCadence } from "../../src/core/schedule";
import { defaultSettings } from "../../src/core/settings";

const d = (iso: string): Day => dayFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const TODAY = d("2026-11-26");

function sources(fm: string | null, log: string[], mentions: [string, string][] = []) {
	return {
		lastContact: fm === null ? null : d(fm),
		logDays: log.map(d).sort((a, b) => b - a),
		mentions: mentions.map(([day, path]) => ({ day: d(day), path })).sort((a, b) => b.day - a.day),
	};
}

describe("the last contact, as of today", () => {
	it.each([
		["the frontmatter alone", sources("2026-11-01", []), "2026-11-01", "frontmatter"],
		["the newer log", sources("2026-11-01", ["2026-11-10"]), "2026-11-10", "log"],
		["the log on the frontmatter's day", sources("2026-11-10", ["2026-11-10"]), "2026-11-10", "log"],
		[
			"a newer mention",
			sources("2026-11-01", ["2026-11-10"], [["2026-11-20", "Daily/2026-11-20.md"]]),
			"2026-11-20",
			"Daily/2026-11-20.md",
		],
		["a mention on the log's day loses", sources(null, ["2026-11-20"], [["2026-11-20", "Daily/2026-11-20.md"]]), "2026-11-20", "log"],
		[
			"the newest of several mentions",
			sources(
				null,
				[],
				[
					["2026-11-02", "Daily/a.md"],
					["2026-11-12", "Daily/b.md"],
				],
			),
			"2026-11-12",
			"Daily/b.md",
		],
	])("%s", (_, person, day, source) => {
		const { last, future } = contactAsOf(person, TODAY);
		expect(last).toEqual({ day: d(day), source });
		expect(future).toEqual([]);
	});

	it("never takes a date after today, says so, and falls back to the newest one before", () => {
		const { last, future } = contactAsOf(
			sources(
				"2030-01-01",
				["2026-12-24", "2027-01-05", "2026-11-02"],
				[
					["2026-12-01", "Daily/2026-12-01.md"],
					["2026-10-01", "Daily/2026-10-01.md"],
				],
			),
			TODAY,
		);
		expect(last).toEqual({ day: d("2026-11-02"), source: "log" });
		expect(future).toEqual([
			"last contact 2030-01-01 is in the future",
			"log entry 2027-01-05 is in the future (and 1 more)",
			"mention in Daily/2026-12-01.md dated 2026-12-01 is in the future",
		]);
		// Today itself is no future.
		expect(contactAsOf(sources(null, ["2026-11-26"]), TODAY).future).toEqual([]);
	});
});

describe("the schedule", () => {
	const settings = defaultSettings();
	const ctx = { today: TODAY, settings, defaultCadence: defaultCadence(settings) };

	it("counts a future last contact as none: a weekly friend last seen 'in 2030' is never contacted, and it is said", () => {
		const person = buildPerson({ path: "People/Ann.md", frontmatter: { cadence: "weekly", last_contact: "2030-01-01" } }, settings);
		const schedule = computeSchedule(person, ctx);
		expect(schedule).toMatchObject({
			status: "never",
			lastContact: null,
			lastContactSource: null,
			problems: ["last contact 2030-01-01 is in the future"],
		});
		expect(person.problems).toEqual([]);
	});

	it("takes the newest date before today when a future one is there", () => {
		const person = buildPerson(
			{ path: "People/Ann.md", frontmatter: { cadence: "weekly", last_contact: "2062-11-01" }, logDays: [d("2026-11-20")] },
			settings,
		);
		expect(computeSchedule(person, ctx)).toMatchObject({ status: "soon", lastContact: d("2026-11-20"), lastContactSource: "log" });
	});

	it("a person whose frontmatter cannot be read has status problem, with the reason", () => {
		const person = buildPerson(
			{ path: "People/Bob.md", frontmatter: null, frontmatterError: "the frontmatter is not valid YAML: x" },
			settings,
		);
		expect(computeSchedule(person, ctx)).toMatchObject({ status: "problem", problems: ["the frontmatter is not valid YAML: x"] });
		const list = buildPerson({ path: "People/Cy.md", frontmatter: ["a"] }, settings);
		expect(computeSchedule(list, ctx)).toMatchObject({
			status: "problem",
			problems: ["the frontmatter is a list, not a set of properties"],
		});
	});

	it("takes mentions unless the person opts out", () => {
		const mentions = [{ day: d("2026-11-25"), path: "Daily/2026-11-25.md" }];
		const on = buildPerson({ path: "People/Ann.md", frontmatter: { cadence: "weekly" }, mentions }, settings);
		expect(computeSchedule(on, ctx)).toMatchObject({
			status: "soon",
			lastContact: d("2026-11-25"),
			lastContactSource: "Daily/2026-11-25.md",
		});
		for (const off of [false, "false", "no", "off"]) {
			const person = buildPerson(
				{ path: "People/Ann.md", frontmatter: { cadence: "weekly", track_mentions: off }, mentions },
				settings,
			);
			expect(person.mentions).toEqual([]);
			expect(computeSchedule(person, ctx).status).toBe("never");
		}
	});
});
