/**
 * A query's result as a table of texts: the one view the `stay-in-touch` code block and the CLI
 * both print, so `columns`, `group by` and `explain` read the same in a note and in a terminal.
 * Cells are plain text; the code block makes the name a link, the CLI aligns the columns.
 */
import type { Day } from "./dates";
import { cellText, type Column, type QueryResult } from "./query/index";
import type { Scheduled } from "./schedule";

export interface TableRow {
	row: Scheduled;
	/** One text per column, in the columns' order. */
	cells: string[];
}

export interface TableSection {
	/** `#work (3)` under `group by`; null for the one section of an ungrouped result. */
	title: string | null;
	rows: TableRow[];
}

export interface ResultTable {
	columns: Column[];
	/** Column titles as shown: `Last contact`. */
	headers: string[];
	/** With `group by`, one section a group; otherwise one untitled section (empty when nobody matched). */
	sections: TableSection[];
	/** `3 people`, or `3 people of 10` when a limit cut the list. */
	count: string;
	/** With `explain`: how the query was understood, one line per instruction. */
	explanation: string[] | null;
	errors: string[];
}

export function columnTitle(column: Column): string {
	return column.charAt(0).toUpperCase() + column.slice(1);
}

function people(n: number): string {
	return `${n} ${n === 1 ? "person" : "people"}`;
}

/** `3 people`, or `3 people of 10` when fewer are shown than matched. */
export function countText(shown: number, total: number): string {
	return shown === total ? people(shown) : `${people(shown)} of ${total}`;
}

/** The cells of `rows` for `columns`, as of `today`. */
export function tableRows(rows: readonly Scheduled[], columns: readonly Column[], today: Day): TableRow[] {
	return rows.map((row) => ({ row, cells: columns.map((column) => cellText(column, row, today)) }));
}

export function resultTable(result: QueryResult, today: Day): ResultTable {
	const columns = result.columns;
	const sections: TableSection[] = result.groups
		? result.groups.map((group) => ({ title: `${group.key} (${group.rows.length})`, rows: tableRows(group.rows, columns, today) }))
		: [{ title: null, rows: tableRows(result.rows, columns, today) }];
	return {
		columns,
		headers: columns.map(columnTitle),
		sections,
		count: countText(result.rows.length, result.total),
		explanation: result.explanation,
		errors: result.errors,
	};
}
