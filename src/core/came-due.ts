/**
 * What came due while the app was closed: people whose due or overdue day fell after the day the
 * vault was last opened (on this device) and on or before today. Said once, at start-up.
 */
import type { Day } from "./dates";
import type { Scheduled } from "./schedule";

export interface CameDue {
	/** Overdue now, and not yet overdue on the last day the vault was open. */
	overdue: number;
	/** Due now (today, or inside a range), and not yet due then. */
	due: number;
}

export function cameDueSince(list: readonly Scheduled[], lastOpened: Day, today: Day): CameDue {
	let overdue = 0;
	let due = 0;
	if (lastOpened >= today) return { overdue, due };
	for (const { schedule } of list) {
		// Overdue from the day after the overdue day: it was not yet overdue on `lastOpened`.
		if (schedule.status === "overdue" && schedule.overdueDay !== null && schedule.overdueDay >= lastOpened) overdue += 1;
		else if (schedule.status === "due" && schedule.dueDay !== null && schedule.dueDay > lastOpened) due += 1;
	}
	return { overdue, due };
}

function people(n: number): string {
	return n === 1 ? "1 person" : `${n} people`;
}

/** "2 people became overdue and 1 came due since you last opened this vault", or null when nothing did. */
export function cameDueText({ overdue, due }: CameDue): string | null {
	const parts: string[] = [];
	if (overdue > 0) parts.push(`${people(overdue)} became overdue`);
	if (due > 0) parts.push(overdue > 0 ? `${due} came due` : `${people(due)} came due`);
	return parts.length === 0 ? null : `${parts.join(" and ")} since you last opened this vault`;
}
