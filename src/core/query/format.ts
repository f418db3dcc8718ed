/**
 * `Query` → canonical text, one instruction a line. `parseQuery(formatQuery(q))` gives `q` back,
 * so a query built in code (or by the sidebar) can always be shown to the user as text.
 */
import { filterOfKind } from "./fields/registry";
import type { Filter, Query, SortKey } from "./types";

export function formatFilter(filter: Filter): string {
	return filter.kind === "not" ? `not ${formatFilter(filter.filter)}` : (filterOfKind(filter.kind)?.format(filter) ?? "");
}

export function formatSort(key: SortKey): string {
	return `sort by ${key.by}${key.reverse ? " reverse" : ""}`;
}

/** The instructions of a query, canonical, in a fixed order: filters, sorts, group, limit, columns, explain. */
export function queryLines(query: Query): string[] {
	const lines = query.filters.map(formatFilter);
	lines.push(...query.sort.map(formatSort));
	if (query.group !== null) lines.push(`group by ${query.group}`);
	if (query.limit !== null) lines.push(`limit ${query.limit}`);
	if (query.columns !== null) lines.push(`columns ${query.columns.join(", ")}`);
	if (query.explain) lines.push("explain");
	return lines;
}

export function formatQuery(query: Query): string {
	return queryLines(query).join("\n");
}
