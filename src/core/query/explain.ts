/**
 * `explain`: how a query was understood, one line per instruction — the canonical instruction,
 * then what it selects with every relative date resolved against today.
 */
import { DEFAULT_COLUMNS, filterOfKind, groupOf, sortOf } from "./fields/registry";
import { formatFilter, formatSort } from "./format";
import type { Filter, Query, RunContext } from "./types";

function describeFilter(filter: Filter, ctx: RunContext): string {
	return filter.kind === "not" ? `not (${describeFilter(filter.filter, ctx)})` : (filterOfKind(filter.kind)?.explain(filter, ctx) ?? "");
}

export function explainQuery(query: Query, ctx: RunContext): string[] {
	const lines = query.filters.map((f) => `${formatFilter(f)} — ${describeFilter(f, ctx)}`);
	if (query.filters.length === 0) lines.push("(no filters) — every person");
	for (const key of query.sort) {
		const [normal, reversed] = sortOf(key.by).explain;
		lines.push(`${formatSort(key)} — ${key.reverse ? reversed : normal}; no value last`);
	}
	if (query.sort.length > 0) lines.push("(then by name)");
	else lines.push("(default sort) — most urgent first, then longer overdue, then by name");
	if (query.group !== null) lines.push(`group by ${query.group} — ${groupOf(query.group).explain}`);
	if (query.limit !== null)
		lines.push(`limit ${query.limit} — the first ${query.limit} after sorting; the total still counts every match`);
	const columns = query.columns ?? DEFAULT_COLUMNS;
	lines.push(`${query.columns === null ? "(default columns)" : "columns"} — ${columns.join(", ")}`);
	return lines;
}
