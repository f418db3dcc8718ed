/**
 * The schedule's status. The statuses are exclusive, so `due` is the status due only (due today,
 * or inside a range), not overdue and not soon.
 */
import { truncate } from "../../dates";
import { STATUSES, type Status } from "../../schedule";
import { keyword } from "../argument-text";
import { plural } from "../text";
import type { Field, FilterDef, FilterInstruction } from "./field";

export interface StatusFilter {
	kind: "status";
	status: Status;
}

const STATUS_LIST = "overdue, due, soon, never, ok, snoozed, untracked, ignored or problem";

function bare(head: string, status: Status): FilterInstruction<StatusFilter> {
	return { heads: [head], usage: head, parse: () => ({ kind: "status", status }) };
}

const statusIs: FilterInstruction<StatusFilter> = {
	heads: ["status is", "status"],
	usage: "status is overdue",
	missing: `status is one of ${STATUS_LIST}`,
	parse(arg) {
		const word = keyword(arg);
		const found = word === "due soon" ? "soon" : STATUSES.find((s) => s === word);
		return found
			? { kind: "status", status: found }
			: { error: `'${truncate(arg, 40)}' is not a status; status is one of ${STATUS_LIST}` };
	},
};

const MEANING: Record<Exclude<Status, "soon">, string> = {
	overdue: "past the due date (past the high end of a range)",
	due: "due today, or inside a cadence range (overdue and soon not included)",
	never: "has a cadence but no contact recorded",
	ok: "has a cadence and is not due yet",
	snoozed: "snoozed until after today",
	untracked: "no cadence",
	ignored: "cadence: never, not someone to keep in touch with",
	problem: "the note's frontmatter cannot be read",
};

const statusFilter: FilterDef<StatusFilter> = {
	kind: "status",
	instructions: [
		bare("overdue", "overdue"),
		bare("due soon", "soon"),
		bare("due", "due"),
		bare("snoozed", "snoozed"),
		bare("untracked", "untracked"),
		statusIs,
	],
	compile({ status }) {
		return (r) => r.schedule.status === status;
	},
	format({ status }) {
		if (status === "soon") return "due soon";
		return status === "never" || status === "ok" || status === "ignored" ? `status is ${status}` : status;
	},
	explain({ status }, { settings }) {
		const meaning = status === "soon" ? `due within the next ${plural(settings.dueSoonDays, "day")}` : MEANING[status];
		return `status ${status}: ${meaning}`;
	},
};

export const status = {
	name: "status",
	filters: [statusFilter],
	group: {
		name: "status",
		keys: (row, add) => add(row.schedule.status),
		order: (a, b) => STATUSES.indexOf(a as Status) - STATUSES.indexOf(b as Status),
		explain: "one group per status",
	},
	cell: (row) => row.schedule.status,
} as const satisfies Field;
