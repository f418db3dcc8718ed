/**
 * `Query` → canonical text, one instruction a line. `parseQuery(formatQuery(q))` gives `q` back,
 * so a query built in code (or by the sidebar) can always be shown to the user as text.
 */
import type { Filter, Query, SortKey } from "./types";

/** Quotes a value that would otherwise lose surrounding spaces or quotes when read back. */
function quoted(value: string): string {
	const needs = value !== value.trim() || (value.length >= 2 && value.startsWith('"') && value.endsWith('"'));
	return needs ? `"${value}"` : value;
}

export function formatFilter(filter: Filter): string {
	switch (filter.kind) {
		case "status":
			switch (filter.status) {
				case "soon":
					return "due soon";
				case "never":
				case "ok":
					return `status is ${filter.status}`;
				default:
					return filter.status;
			}
		case "never contacted":
			return "never contacted";
		case "due within":
			return `due within ${filter.text}`;
		case "contacted":
			return `contacted ${filter.when} ${filter.date}`;
		case "tag":
			return `tag #${filter.tag}`;
		case "folder":
			return `folder ${quoted(filter.folder)}`;
		case "name includes":
			return `name includes ${quoted(filter.text)}`;
		case "cadence":
			// `cadence is` keeps a tier called "is" (or "at …") from reading as another instruction.
			return /^(is|at)(\s|$)/i.test(filter.text) ? `cadence is ${filter.text}` : `cadence ${filter.text}`;
		case "cadence bound":
			return `cadence ${filter.bound} ${filter.text}`;
		case "favors":
			return filter.which === "owed" ? "has owed favors" : filter.which === "owed to me" ? "owes me" : "has favors";
		case "birthday within":
			return `birthday within ${filter.text}`;
		case "has problems":
			return "has problems";
		case "not":
			return `not ${formatFilter(filter.filter)}`;
	}
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
