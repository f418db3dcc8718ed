/**
 * What the read commands print: a table of core's cell texts (the same texts a `stay-in-touch`
 * code block shows) or the JSON records, with the problems of each person after a table.
 */
import type { Day } from "../core/dates";
import type { Column } from "../core/query/index";
import { toRecord } from "../core/record";
import { resultTable, tableRows, type TableSection } from "../core/result-table";
import type { Scheduled } from "../core/schedule";
import type { QueryResult } from "../core/query/index";
import { renderTable, sanitize } from "./table";

export interface Output {
	json: boolean;
	color: boolean;
	stdout: (text: string) => void;
}

/** The columns `overdue` and `people` show. */
export const LIST_COLUMNS: readonly Column[] = ["name", "status", "last contact", "cadence", "due", "favors"];

function table(section: TableSection, columns: readonly Column[], headers: string[], color: boolean): string {
	const rows = section.rows.map(({ row, cells }) => ({ cells, status: row.schedule.status }));
	return renderTable({ headers, rows, statusColumn: columns.indexOf("status") }, color);
}

function problemLines(list: readonly Scheduled[]): string[] {
	return list.flatMap(({ person, schedule }) => schedule.problems.map((problem) => `  ! ${sanitize(person.name)}: ${sanitize(problem)}`));
}

/** `overdue` and `people`: everyone listed, their problems below the table. */
export function printPeople(list: readonly Scheduled[], today: Day, out: Output, empty: string): void {
	if (out.json) {
		out.stdout(JSON.stringify(list.map(toRecord), null, 2));
		return;
	}
	if (list.length === 0) {
		out.stdout(empty);
		return;
	}
	const section = { title: null, rows: tableRows(list, LIST_COLUMNS, today) };
	const headers = LIST_COLUMNS.map((c) => c);
	out.stdout([table(section, LIST_COLUMNS, headers, out.color), ...problemLines(list)].join("\n"));
}

/**
 * `query`: what the code block shows for the same query, in the same order: how it was understood
 * (`explain`), how many matched, then one table, or one titled table per group.
 */
export function printQuery(result: QueryResult, today: Day, out: Output): void {
	if (out.json) {
		out.stdout(JSON.stringify(result.rows.map(toRecord), null, 2));
		return;
	}
	if (result.total === 0 && !result.explanation) {
		out.stdout("No person matches.");
		return;
	}
	const view = resultTable(result, today);
	const parts: string[] = [];
	if (view.explanation) parts.push(view.explanation.map(sanitize).join("\n"));
	parts.push(view.count);
	for (const section of view.sections) {
		if (section.rows.length === 0) continue;
		const rendered = table(section, view.columns, view.headers, out.color);
		parts.push(section.title === null ? rendered : `${sanitize(section.title)}\n${rendered}`);
	}
	out.stdout(parts.join("\n\n"));
}

/**
 * The line `overdue` ends with when anyone needs attention (a value that cannot be understood, a
 * date after today, a note that cannot be read), with the command that lists them: they may be
 * missing from the list above, and must not be missed.
 */
export function printAttention(list: readonly Scheduled[], out: Output, options: string): void {
	const n = list.filter((s) => s.schedule.problems.length > 0).length;
	if (n === 0) return;
	out.stdout(`\n${n === 1 ? "1 person needs" : `${n} people need`} attention: stay-in-touch query "has problems"${sanitize(options)}`);
}
