/**
 * The reach-out queue: everyone with a reason to get in touch now, one at a time, most urgent
 * first, each with why now. The order:
 *
 * 1. overdue (by urgency, as the Overdue group), then due today or inside a range;
 * 2. a birthday within the birthday window (soonest first);
 * 3. a favor you owe them (owed longest first);
 * 4. drifting (silent longest for their rhythm first);
 * 5. a cadence and no contact yet (by name).
 *
 * A person with several reasons comes at the first of them and is told all of them. Snoozed,
 * ignored (`cadence: never`) and unreadable notes are not in the queue.
 */
import { formatDay, type Day } from "./dates";
import { everyText } from "./drift";
import { relativeDays } from "./query/text";
import { compareByUrgency, compareNames, type Scheduled } from "./schedule";
import { plural } from "./text";

const RANKS = { overdue: 0, due: 1, birthday: 2, favor: 3, drifting: 4, never: 5 } as const;

/** The first reason a person is in the queue, or null when they are not. */
function rankOf(s: Scheduled, birthdayWindowDays: number): number | null {
	const { status, daysUntilBirthday, drift } = s.schedule;
	if (status === "snoozed" || status === "ignored" || status === "problem") return null;
	if (status === "overdue") return RANKS.overdue;
	if (status === "due") return RANKS.due;
	if (daysUntilBirthday !== null && daysUntilBirthday <= birthdayWindowDays) return RANKS.birthday;
	if (s.person.owedFavors.length > 0) return RANKS.favor;
	if (drift !== null) return RANKS.drifting;
	if (status === "never") return RANKS.never;
	return null;
}

function oldestFavor(s: Scheduled): number {
	let oldest = Infinity;
	for (const favor of s.person.owedFavors) if (favor.day !== null && favor.day < oldest) oldest = favor.day;
	return oldest;
}

function driftRatio(s: Scheduled): number {
	const drift = s.schedule.drift;
	return drift === null ? 0 : drift.silenceDays / drift.rhythmDays;
}

const WITHIN_RANK: ((a: Scheduled, b: Scheduled) => number)[] = [
	compareByUrgency,
	compareByUrgency,
	(a, b) => (a.schedule.daysUntilBirthday ?? 0) - (b.schedule.daysUntilBirthday ?? 0) || compareNames(a.person, b.person),
	(a, b) => {
		const fa = oldestFavor(a);
		const fb = oldestFavor(b);
		return (fa === fb ? 0 : fa < fb ? -1 : 1) || compareNames(a.person, b.person);
	},
	(a, b) => driftRatio(b) - driftRatio(a) || compareNames(a.person, b.person),
	(a, b) => compareNames(a.person, b.person),
];

/**
 * The queue for one day, from everyone's schedules (any order). One pass to pick, then a sort of
 * the picked only: with 10,000 people most have no reason today.
 */
export function reachOutQueue(list: readonly Scheduled[], birthdayWindowDays: number): Scheduled[] {
	const ranked: { s: Scheduled; rank: number }[] = [];
	for (const s of list) {
		const rank = rankOf(s, birthdayWindowDays);
		if (rank !== null) ranked.push({ s, rank });
	}
	ranked.sort((a, b) => a.rank - b.rank || WITHIN_RANK[a.rank](a.s, b.s));
	return ranked.map((r) => r.s);
}

/**
 * Who triage asks about: untracked people with no cadence written (`cadence: never` is a status
 * of its own and never asked again; a cadence that cannot be read is listed under Needs attention), drifting ones first, then whoever was in touch most recently, then the
 * rest by name.
 */
export function triageQueue(list: readonly Scheduled[]): Scheduled[] {
	return (
		list
			// A cadence written but not understood ("fortnighly") is a problem to fix, not a choice to make again.
			.filter((s) => s.schedule.status === "untracked" && s.person.cadenceText === null)
			.sort(
				(a, b) =>
					Number(b.schedule.drift !== null) - Number(a.schedule.drift !== null) ||
					(b.schedule.lastContact ?? -Infinity) - (a.schedule.lastContact ?? -Infinity) ||
					compareNames(a.person, b.person),
			)
	);
}

/** Why this person now, each reason a short phrase: "12 days overdue", "birthday in 3 days", "you owe them: intro to Sam". */
export function whyNow(s: Scheduled, birthdayWindowDays: number): string[] {
	const { schedule, person } = s;
	const why: string[] = [];
	if (schedule.status === "overdue" && schedule.daysOverdue !== null) why.push(`${plural(schedule.daysOverdue, "day")} overdue`);
	else if (schedule.status === "due") why.push("due today");
	else if (schedule.status === "never") why.push("not contacted yet");
	if (schedule.daysUntilBirthday !== null && schedule.daysUntilBirthday <= birthdayWindowDays) {
		const n = schedule.daysUntilBirthday;
		why.push(n === 0 ? "birthday today" : n === 1 ? "birthday tomorrow" : `birthday in ${n} days`);
	}
	if (person.owedFavors.length > 0) why.push(`you owe them: ${person.owedFavors.map((f) => f.text).join("; ")}`);
	if (schedule.drift !== null) {
		why.push(`drifting: usually ${everyText(schedule.drift.rhythmDays)}, last in touch ${relativeDays(schedule.drift.silenceDays)}`);
	}
	return why;
}

/** The birthday line of a card: "Dec 10 (in 14 days)", or null when none is known. */
export function birthdayText(s: Scheduled, today: Day): string | null {
	const next = s.schedule.nextBirthday;
	if (next === null) return null;
	const n = next - today;
	return `${formatDay(next)} (${n === 0 ? "today" : n === 1 ? "tomorrow" : `in ${n} days`})`;
}

/** What a session did, counted for its closing line. */
export type QueueAction = "logged" | "contacted" | "snoozed" | "skipped" | "opened" | "set" | "ignored";

/** "4 logged, 2 snoozed, 3 skipped": only what happened, in the order of `order`. */
export function sessionSummary(counts: Partial<Record<QueueAction, number>>, order: readonly QueueAction[]): string {
	const parts = order.filter((a) => (counts[a] ?? 0) > 0).map((a) => `${counts[a]} ${a}`);
	return parts.length === 0 ? "Nothing done" : parts.join(", ");
}

/** One step of a session: which card, what was done, and what undoes it (a write's before and after). */
export interface Step<U> {
	index: number;
	action: QueueAction;
	undo: U | null;
}

/**
 * A queue worked through one card at a time: each action moves to the next card and is kept, so
 * `u` goes back to the card it was taken on and undoes it (the caller restores the note with
 * the step's `undo`). Pure: no writes, no DOM.
 */
export class QueueSession<T, U = unknown> {
	private position = 0;
	private readonly steps: Step<U>[] = [];

	constructor(readonly items: readonly T[]) {}

	get index(): number {
		return this.position;
	}

	get current(): T | null {
		return this.items[this.position] ?? null;
	}

	get done(): boolean {
		return this.position >= this.items.length;
	}

	get canUndo(): boolean {
		return this.steps.length > 0;
	}

	/** Records what was done with the current card and moves to the next. */
	record(action: QueueAction, undo: U | null = null): void {
		if (this.done) return;
		this.steps.push({ index: this.position, action, undo });
		this.position += 1;
	}

	/** The step `undo` would take back. */
	get last(): Step<U> | null {
		return this.steps[this.steps.length - 1] ?? null;
	}

	/** Takes back the last step and returns to its card; the caller undoes its write. */
	undo(): Step<U> | null {
		const step = this.steps.pop() ?? null;
		if (step) this.position = step.index;
		return step;
	}

	counts(): Partial<Record<QueueAction, number>> {
		const counts: Partial<Record<QueueAction, number>> = {};
		for (const step of this.steps) counts[step.action] = (counts[step.action] ?? 0) + 1;
		return counts;
	}
}
