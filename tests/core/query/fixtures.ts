import type { Day } from "../../../src/core/dates";
import { buildPerson } from "../../../src/core/person";
import { computeSchedule, defaultCadence, type Scheduled } from "../../../src/core/schedule";
import { defaultSettings, type Settings } from "../../../src/core/settings";
import { d } from "../helpers";

/** A Thursday. */
export const today = d("2026-11-26");
export const settings: Settings = defaultSettings();
export const ctx = { today, settings };
export const tiers = settings.tiers;

export function scheduled(
	path: string,
	frontmatter: Record<string, unknown>,
	extra: { tags?: string[]; lastLogged?: Day } = {},
	day: Day = today,
): Scheduled {
	const person = buildPerson({ path, frontmatter, tags: extra.tags ?? [], lastLogged: extra.lastLogged ?? null }, settings);
	return { person, schedule: computeSchedule(person, { today: day, settings, defaultCadence: defaultCadence(settings) }) };
}

/**
 * Sixteen people covering every status and field. Comments give what they are on 2026-11-26.
 */
export const people: Scheduled[] = [
	// overdue 7 days, urgency 2
	scheduled(
		"People/Work/Ada Lovelace.md",
		{ cadence: "weekly", last_contact: "2026-11-12", aliases: ["Countess"], owed_favors: ["intro to Sam"] },
		{ tags: ["work", "work/acme"] },
	),
	// overdue 6 days, urgency 37/30
	scheduled("People/Work/Bob Brown.md", { cadence: "monthly", last_contact: "2026-10-20" }, { tags: ["work"] }),
	// due (inside the 4-6 week range since 11-17, overdue after 12-01)
	scheduled("People/Friends/Carol King.md", { cadence: "4-6 weeks", last_contact: "2026-10-20" }, { tags: ["friends"] }),
	// due today
	scheduled("People/Dan Day.md", { cadence: "weekly", last_contact: "2026-11-19" }),
	// soon: due 12-01; birthday in 9 days
	scheduled(
		"People/Work/Acme/Eve Early.md",
		{ cadence: "monthly", last_contact: "2026-11-01", birthday: "12-05" },
		{ tags: ["work/acme"] },
	),
	// ok: due 2027-01-01; birthday today; owes me
	scheduled("People/Frank Fine.md", { cadence: "quarterly", last_contact: "2026-10-01", birthday: "1980-11-26", owed_to_me: ["lunch"] }),
	// never (cadence, no contact)
	scheduled("People/Friends/Grace Never.md", { cadence: "monthly" }, { tags: ["friends"] }),
	// snoozed (would be overdue)
	scheduled(
		"People/Work/Hank Hidden.md",
		{ cadence: "weekly", last_contact: "2026-09-01", snooze_until: "2026-12-10" },
		{ tags: ["work"] },
	),
	// untracked, contacted
	scheduled("People/Ivy Idle.md", { last_contact: "2026-05-01" }, { tags: ["person"] }),
	// untracked, never contacted, at the vault root
	scheduled("Jack Jones.md", {}),
	// broken cadence: untracked with a problem
	scheduled("People/Kim Problem.md", { cadence: "fortnighly", last_contact: "2026-11-01" }),
	// ok thanks to a log entry newer than last_contact; favors both ways
	scheduled(
		"People/Leo Logged.md",
		{ cadence: "yearly", last_contact: "2025-06-01", owed_favors: ["review"], owed_to_me: ["intro"] },
		{ lastLogged: d("2026-06-10") },
	),
	// overdue 7 days, urgency 372/365
	scheduled("People/Mia Yearly.md", { cadence: "yearly", last_contact: "2025-11-19" }),
	// overdue 7 days through the `inner` tier (2 weeks), urgency 1.5
	scheduled("People/Friends/Ned Inner.md", { cadence: "inner", last_contact: "2026-11-05" }, { tags: ["friends/close"] }),
	// ok: due 12-20; aliases; birthday without a year
	scheduled(
		"People/Olga Alias.md",
		{ cadence: "30d", last_contact: "2026-11-20", aliases: ["Ola", "O. Smith"], birthday: "--12-20" },
		{ tags: ["workshop"] },
	),
	// snoozed and never contacted
	scheduled("People/Pam Paused.md", { cadence: "weekly", snooze_until: "2026-12-01" }),
];

export function byName(name: string): Scheduled {
	const found = people.find((p) => p.person.name === name);
	if (!found) throw new Error(`no fixture ${name}`);
	return found;
}
