/**
 * Urgency: `sort by urgency` and the urgency column.
 */
import type { Field } from "./field";
import { missingLast } from "./missing-last";

export const urgency = {
	name: "urgency",
	sort: {
		compare(reverse) {
			// The most urgent first; at equal urgency, the longer overdue.
			const descending = !reverse;
			return (a, b) =>
				missingLast(a.schedule.urgency, b.schedule.urgency, descending) ||
				missingLast(a.schedule.daysOverdue, b.schedule.daysOverdue, descending);
		},
		explain: ["most urgent first", "least urgent first"],
	},
	cell: ({ schedule }) => (schedule.urgency === null ? "" : schedule.urgency.toFixed(2)),
} as const satisfies Field;
