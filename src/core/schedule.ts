/**
 * When each person is due, how overdue, how urgent. Everything is integer day arithmetic against
 * an injected "today" (a local calendar day), so it is exact across DST and time zones.
 */
import { addSpan, parseCadence, type Cadence } from "./cadence";
import { dayFromYmd, isLeapYear, ymdFromDay, type Day } from "./dates";
import { contactAsOf, type ContactSource } from "./contact";
import { driftOf, type Drift } from "./drift";
import type { Birthday, Person } from "./person";
import type { Settings } from "./settings";

/**
 * `problem`: the note's frontmatter cannot be read, so nothing about the person can be scheduled.
 * `ignored`: `cadence: never`, the user chose not to keep in touch (never untracked, never drifting).
 */
export type Status = "snoozed" | "never" | "overdue" | "due" | "soon" | "ok" | "untracked" | "ignored" | "problem";

export const STATUSES: readonly Status[] = ["overdue", "due", "soon", "never", "ok", "snoozed", "untracked", "ignored", "problem"];

export interface Schedule {
	status: Status;
	/** The cadence in force: the person's own or the default. */
	cadence: Cadence | null;
	/** The newest contact not after today (see core/contact.ts). */
	lastContact: Day | null;
	/** Where `lastContact` came from: `frontmatter`, `log`, or the mentioning note's path. */
	lastContactSource: ContactSource | null;
	/** The person's problems, and today's: dates after today that were not taken as contact. */
	problems: readonly string[];
	/** last contact + cadence (low end of a range). */
	dueDay: Day | null;
	/** After this day the person is overdue (high end of a range; the due day otherwise). */
	overdueDay: Day | null;
	daysSince: number | null;
	/** today − overdue day: positive when overdue, zero or negative (days left) otherwise. */
	daysOverdue: number | null;
	/** due day − today: negative when past due. */
	daysUntilDue: number | null;
	/** days since last contact ÷ cadence days. */
	urgency: number | null;
	nextBirthday: Day | null;
	daysUntilBirthday: number | null;
	/** Untracked, yet silent for more than twice their usual rhythm (core/drift.ts). */
	drift: Drift | null;
}

export interface ScheduleContext {
	today: Day;
	settings: Settings;
	/** The parsed default cadence setting (see `defaultCadence`). */
	defaultCadence: Cadence | null;
}

/** Parses the default cadence setting once; an unparseable setting means "none". */
export function defaultCadence(settings: Settings): Cadence | null {
	if (settings.defaultCadence.trim() === "") return null;
	const parsed = parseCadence(settings.defaultCadence, settings.tiers);
	return parsed.ok ? parsed.cadence : null;
}

/** The next occurrence of a birthday on or after today; Feb 29 falls on Feb 28 in other years. */
export function nextBirthday(birthday: Birthday, today: Day): Day {
	const { year } = ymdFromDay(today);
	for (const y of [year, year + 1]) {
		const day = birthday.month === 2 && birthday.day === 29 && !isLeapYear(y) ? 28 : birthday.day;
		const candidate = dayFromYmd(y, birthday.month, day);
		if (candidate >= today) return candidate;
	}
	return dayFromYmd(year + 1, birthday.month, birthday.day);
}

export function computeSchedule(person: Person, ctx: ScheduleContext): Schedule {
	const { today } = ctx;
	const cadence = person.cadence ?? (person.cadenceText === null ? ctx.defaultCadence : null);
	const contact = contactAsOf(person, today);
	const lastContact = contact.last?.day ?? null;
	const lastContactSource = contact.last?.source ?? null;
	const problems = contact.future.length === 0 ? person.problems : [...person.problems, ...contact.future];
	const nextBday = person.birthday ? nextBirthday(person.birthday, today) : null;
	const daysSince = lastContact === null ? null : today - lastContact;
	const daysUntilBirthday = nextBday === null ? null : nextBday - today;
	const snoozed = person.snoozeUntil !== null && person.snoozeUntil > today;
	// Both returns are one literal shape with the keys in the same order: V8 then shares a hidden
	// class across all schedules, which keeps loops over 10,000 people fast.
	if (cadence === null || lastContact === null || person.frontmatterError !== null) {
		const status: Status =
			person.frontmatterError !== null
				? "problem"
				: snoozed
					? "snoozed"
					: person.neverTrack
						? "ignored"
						: cadence === null
							? "untracked"
							: "never";
		return {
			status,
			cadence,
			lastContact,
			lastContactSource,
			problems,
			dueDay: null,
			overdueDay: null,
			daysSince,
			daysOverdue: null,
			daysUntilDue: null,
			urgency: null,
			nextBirthday: nextBday,
			daysUntilBirthday,
			drift: status === "untracked" ? driftOf(person, today) : null,
		};
	}
	const dueDay = addSpan(lastContact, cadence.low);
	const overdueDay = cadence.isRange ? addSpan(lastContact, cadence.high) : dueDay;
	const daysUntilDue = dueDay - today;
	let status: Status;
	if (snoozed) status = "snoozed";
	else if (today > overdueDay) status = "overdue";
	else if (today >= dueDay) status = "due";
	else if (daysUntilDue <= ctx.settings.dueSoonDays) status = "soon";
	else status = "ok";
	const urgency = (today - lastContact) / cadence.lowDays;
	return {
		status,
		cadence,
		lastContact,
		lastContactSource,
		problems,
		dueDay,
		overdueDay,
		daysSince,
		daysOverdue: today - overdueDay,
		daysUntilDue,
		urgency,
		nextBirthday: nextBday,
		daysUntilBirthday,
		drift: null,
	};
}

export interface Scheduled {
	person: Person;
	schedule: Schedule;
}

/**
 * The Overdue ordering: most urgent first (a weekly friend 7 days late outranks a yearly
 * contact 7 days late), then longer overdue, then name.
 */
export function compareByUrgency(a: Scheduled, b: Scheduled): number {
	const ua = a.schedule.urgency ?? -Infinity;
	const ub = b.schedule.urgency ?? -Infinity;
	if (ua !== ub) return ub - ua;
	const oa = a.schedule.daysOverdue ?? -Infinity;
	const ob = b.schedule.daysOverdue ?? -Infinity;
	if (oa !== ob) return ob - oa;
	return compareNames(a.person, b.person);
}

/** A note that cannot be read needs fixing: after the people to contact, before the rest. */
const STATUS_RANK: Record<Status, number> = {
	overdue: 0,
	due: 1,
	soon: 2,
	never: 3,
	problem: 4,
	ok: 5,
	snoozed: 6,
	untracked: 7,
	ignored: 8,
};

/**
 * The order of a list of everyone (the index, `people`, a query without a sort line): what needs
 * action first (overdue, due, soon, never contacted), then the rest; by urgency within a status.
 * A snoozed person is never listed above someone who is overdue, however late they are.
 */
export function comparePeople(a: Scheduled, b: Scheduled): number {
	return STATUS_RANK[a.schedule.status] - STATUS_RANK[b.schedule.status] || compareByUrgency(a, b);
}

/** Everyone's schedule for one day, in `comparePeople` order. */
export function scheduleAll(people: readonly Person[], ctx: ScheduleContext): Scheduled[] {
	return people.map((person) => ({ person, schedule: computeSchedule(person, ctx) })).sort(comparePeople);
}

const NEEDS_ACTION_RANK: Partial<Record<Status, number>> = { overdue: 0, due: 1, soon: 2 };

/**
 * Who to get back in touch with, as `stay-in-touch overdue` lists them: the overdue by urgency,
 * then those due now and due soon by due date.
 */
export function overdueOrder(list: readonly Scheduled[]): Scheduled[] {
	const rank = (s: Scheduled) => NEEDS_ACTION_RANK[s.schedule.status] ?? -1;
	return list
		.filter((s) => rank(s) >= 0)
		.sort(
			(a, b) =>
				rank(a) - rank(b) ||
				(a.schedule.status === "overdue"
					? compareByUrgency(a, b)
					: (a.schedule.dueDay ?? 0) - (b.schedule.dueDay ?? 0) || compareByUrgency(a, b)),
		);
}

/** Name order: accents and case ignored, numbers by value ("P2" before "P10"), then path. */
export function compareNames(a: Pick<Person, "sortKey" | "path">, b: Pick<Person, "sortKey" | "path">): number {
	if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
