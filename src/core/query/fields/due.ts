/**
 * The due date: `due within`, `sort by due`, the due column.
 */
import { addSpan } from "../../cadence";
import { formatDay, type Day } from "../../dates";
import type { Scheduled } from "../../schedule";
import { plural, relativeDays } from "../text";
import type { Field, FilterDef } from "./field";
import { within, type WithinFilter } from "./length";
import { missingLast } from "./missing-last";

export type DueWithinFilter = WithinFilter<"due within">;

/** "12 days overdue", "due today", "due in 3 days", "due 2 days ago" (inside a range), "snoozed until …". */
export function dueText({ person, schedule }: Scheduled, today: Day): string {
	if (schedule.status === "snoozed" && person.snoozeUntil !== null) return `snoozed until ${formatDay(person.snoozeUntil)}`;
	if (schedule.dueDay === null || schedule.overdueDay === null) return "";
	if (today > schedule.overdueDay) return `${plural(today - schedule.overdueDay, "day")} overdue`;
	if (today === schedule.dueDay) return "due today";
	return `due ${relativeDays(today - schedule.dueDay)}`;
}

const dueWithin: FilterDef<DueWithinFilter> = {
	kind: "due within",
	instructions: [within("due within", "due within 2 weeks")],
	compile({ span }, { today }) {
		// Calendar arithmetic: "due within 1 month" on Jan 31 reaches Feb 28, like cadences do.
		const until = addSpan(today, span);
		return (r) => r.schedule.dueDay !== null && r.schedule.dueDay <= until && r.schedule.status !== "snoozed";
	},
	format: ({ text }) => `due within ${text}`,
	explain: ({ span }, { today }) => `has a due date on or before ${formatDay(addSpan(today, span))}, overdue included, snoozed excluded`,
};

export const due = {
	name: "due",
	aliases: ["due date"],
	filters: [dueWithin],
	sort: {
		compare: (reverse) => (a, b) => missingLast(a.schedule.dueDay, b.schedule.dueDay, reverse),
		explain: ["earliest due date first", "latest due date first"],
	},
	cell: dueText,
} as const satisfies Field;
