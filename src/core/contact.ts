/**
 * When a person was last in touch, as of a day, and where that came from: the frontmatter's last
 * contact, the newest log entry, or the newest journal note linking them. A date after today is
 * never taken as contact (a typo like 2062 for 2026 would hide someone for decades): it is said,
 * and the newest date that is not in the future is used.
 */
import { formatDay, type Day } from "./dates";
import type { Mention } from "./mentions";
import type { Person } from "./person";

/** `frontmatter`, `log`, or the path of the journal note that mentions the person (a path ends in `.md`). */
export type ContactSource = string;

export interface Contact {
	day: Day;
	source: ContactSource;
}

export interface ContactAsOf {
	last: Contact | null;
	/** Dates after today, worded as problems ("last contact 2030-01-01 is in the future"). */
	future: string[];
}

const NO_FUTURE: string[] = [];

/** The newest of `days` (any order) not after today, the newest after it, and how many days are after it. */
function split(days: readonly Day[], today: Day): { past: Day | null; future: Day | null; futureDays: number } {
	let past: Day | null = null;
	let future: Day | null = null;
	let later: Set<Day> | null = null;
	for (const day of days) {
		if (day <= today) {
			if (past === null || day > past) past = day;
		} else {
			(later ??= new Set()).add(day);
			if (future === null || day > future) future = day;
		}
	}
	return { past, future, futureDays: later?.size ?? 0 };
}

function andMore(n: number): string {
	return n > 1 ? ` (and ${n - 1} more)` : "";
}

/** Index of the newest mention not after today. */
function firstPastMention(mentions: readonly Mention[], today: Day): number {
	let i = 0;
	while (i < mentions.length && mentions[i].day > today) i++;
	return i;
}

/**
 * The contact as of `today`. On the same day the log wins over the frontmatter (it says more),
 * and both win over a mention.
 */
export function contactAsOf(person: Pick<Person, "lastContact" | "logDays" | "mentions">, today: Day): ContactAsOf {
	let future = NO_FUTURE;
	const say = (problem: string) => (future === NO_FUTURE ? (future = [problem]) : future.push(problem));
	let last: Contact | null = null;
	const fm = person.lastContact;
	if (fm !== null) {
		if (fm > today) say(`last contact ${formatDay(fm)} is in the future`);
		else last = { day: fm, source: "frontmatter" };
	}
	const log = split(person.logDays, today);
	if (log.future !== null) say(`log entry ${formatDay(log.future)} is in the future${andMore(log.futureDays)}`);
	if (log.past !== null && (last === null || log.past >= last.day)) last = { day: log.past, source: "log" };
	const m = firstPastMention(person.mentions, today);
	if (m > 0) say(`mention in ${person.mentions[0].path} dated ${formatDay(person.mentions[0].day)} is in the future${andMore(m)}`);
	const mention = person.mentions[m];
	if (mention !== undefined && (last === null || mention.day > last.day)) last = { day: mention.day, source: mention.path };
	return { last, future };
}
