/**
 * `explain`: how a query was understood, one line per instruction — the canonical instruction,
 * then what it selects with every relative date resolved against today.
 */
import { addSpan } from "../cadence";
import { parseDateInput } from "../date-input";
import { formatDay } from "../dates";
import { formatFilter, formatSort } from "./format";
import { DEFAULT_COLUMNS, type Filter, type Query, type RunContext, type SortKey } from "./types";

function days(n: number): string {
	return `${n} day${n === 1 ? "" : "s"}`;
}

function describeFilter(filter: Filter, ctx: RunContext): string {
	const { today } = ctx;
	switch (filter.kind) {
		case "status":
			switch (filter.status) {
				case "overdue":
					return "status overdue: past the due date (past the high end of a range)";
				case "due":
					return "status due: due today, or inside a cadence range (overdue and soon not included)";
				case "soon":
					return `status soon: due within the next ${days(ctx.settings.dueSoonDays)}`;
				case "never":
					return "status never: has a cadence but no contact recorded";
				case "ok":
					return "status ok: has a cadence and is not due yet";
				case "snoozed":
					return "status snoozed: snoozed until after today";
				case "untracked":
					return "status untracked: no cadence";
			}
			break;
		case "never contacted":
			return "no contact recorded at all, with or without a cadence";
		case "due within":
			return `has a due date on or before ${formatDay(addSpan(today, filter.span))}, overdue included, snoozed excluded`;
		case "contacted": {
			const day = parseDateInput(filter.date, today);
			const shown = day.ok ? formatDay(day.day) : `(${day.error})`;
			return filter.when === "since" ? `last contact on or after ${shown}` : `last contact before ${shown}; never contacted excluded`;
		}
		case "tag":
			return `tagged #${filter.tag} or a tag inside it (#${filter.tag}/…)`;
		case "folder":
			return `in the folder ${filter.folder} or its subfolders (any case)`;
		case "name includes":
			return `the name or an alias contains "${filter.text}" (any case)`;
		case "cadence": {
			const length = filter.lowDays === filter.highDays ? days(filter.lowDays) : `${filter.lowDays}–${filter.highDays} days`;
			return `cadence of ${length} (counting a month as 30 days, a year as 365)`;
		}
		case "cadence bound":
			return `cadence (its low end) of ${filter.bound} ${days(filter.days)}; no cadence excluded`;
		case "favors":
			if (filter.which === "owed") return "you owe them a favor";
			return filter.which === "owed to me" ? "they owe you a favor" : "a favor open either way";
		case "birthday within":
			return `birthday between ${formatDay(today)} and ${formatDay(addSpan(today, filter.span))}`;
		case "has problems":
			return "a frontmatter value could not be understood";
		case "not":
			return `not (${describeFilter(filter.filter, ctx)})`;
	}
	return "";
}

const SORT_MEANING: Record<SortKey["by"], [string, string]> = {
	urgency: ["most urgent first", "least urgent first"],
	due: ["earliest due date first", "latest due date first"],
	"last contact": ["longest ago first, never contacted leading", "most recent first, never contacted last"],
	name: ["A to Z", "Z to A"],
	cadence: ["shortest cadence first", "longest cadence first"],
	birthday: ["next birthday first", "furthest birthday first"],
};

export function explainQuery(query: Query, ctx: RunContext): string[] {
	const lines = query.filters.map((f) => `${formatFilter(f)} — ${describeFilter(f, ctx)}`);
	if (query.filters.length === 0) lines.push("(no filters) — every person");
	for (const key of query.sort) {
		const [normal, reversed] = SORT_MEANING[key.by];
		lines.push(`${formatSort(key)} — ${key.reverse ? reversed : normal}; no value last`);
	}
	if (query.sort.length > 0) lines.push("(then by name)");
	else lines.push("(default sort) — most urgent first, then longer overdue, then by name");
	if (query.group !== null) {
		const how = query.group === "tag" ? "; someone with several tags appears under each, untagged under (no tag)" : "";
		lines.push(`group by ${query.group} — one group per ${query.group}${how}`);
	}
	if (query.limit !== null) lines.push(`limit ${query.limit} — the first ${query.limit} after sorting; the total still counts every match`);
	const columns = query.columns ?? DEFAULT_COLUMNS;
	lines.push(`${query.columns === null ? "(default columns)" : "columns"} — ${columns.join(", ")}`);
	return lines;
}
