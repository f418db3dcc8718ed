/**
 * A log kept as a markdown table (`| Date | Type | Notes |`): which table is one, and a new entry
 * written as a row in its layout. Rows are never realigned: padding the other rows to a new
 * width would change lines the log did not mean to change, and Obsidian renders a table whatever
 * its padding.
 */
import { ENTRY_SEPARATOR, type EntryParts } from "./log-entry-format";
import { cellEnd, firstCellStart, type LogTable } from "./log-reader";
import { lineBounds } from "./text-lines";

/** Headers that name the interaction's type, and those that name what was said. */
const TYPE_HEADERS = new Set(["type", "kind", "how", "via", "channel", "medium", "mode", "format"]);
const NOTE_HEADERS = new Set([
	"note",
	"notes",
	"summary",
	"details",
	"detail",
	"description",
	"comment",
	"comments",
	"topic",
	"topics",
	"about",
	"what",
]);
/** A first column headed like this holds dates: an empty such table is the log. */
const DATE_HEADER = /\b(?:date|day|when)\b/i;

/** The cells of a table line, trimmed, escapes kept (`a \| b`). */
export function rowCells(text: string, start: number, end: number): string[] {
	const cells: string[] = [];
	let i = firstCellStart(text, start, end);
	for (;;) {
		const e = cellEnd(text, i, end);
		cells.push(text.slice(i, e).trim());
		if (e >= end) return cells;
		i = e + 1;
		if (text.slice(i, end).trim() === "") return cells;
	}
}

function cellsOfLine(text: string, start: number): string[] {
	return rowCells(text, start, lineBounds(text, start).end);
}

/** Whether the table's first column is headed as a date (`Date`, `Day`, `When`). */
export function isDateTable(text: string, table: LogTable): boolean {
	return DATE_HEADER.test(cellsOfLine(text, table.headerStart)[0] ?? "");
}

/** The first column after the date whose header is in `names` (and is not `taken`), or -1. */
function columnNamed(header: string[], names: Set<string>, taken = -1): number {
	for (let k = 1; k < header.length; k++) if (k !== taken && names.has(header[k].toLowerCase().replace(/[^a-z]/g, ""))) return k;
	return -1;
}

/** The first column after the date other than `taken`, or -1. */
function freeColumn(count: number, taken: number): number {
	for (let k = 1; k < count; k++) if (k !== taken) return k;
	return -1;
}

/**
 * The entry's cells in the table's layout: the date first; the type under a `Type` (or `Kind`,
 * `How`, `Via` …) column and the note under a `Notes` (or `Summary`, `Details` …) column; without
 * such headers, the type in the second column and the note in the third. A table too narrow for
 * both gets them together (`call: Talked about her move.`) in its last column, and a
 * one-column table gets the whole entry in its one cell. The rest stay empty. A note of several
 * lines is one cell: its lines joined by `<br>`, which Obsidian renders as line breaks.
 */
export function rowCellsFor(header: string[], date: string, parts: EntryParts): string[] {
	const count = Math.max(header.length, 1);
	const cells = new Array<string>(count).fill("");
	const note = [parts.note.map((l) => l.trim()).join("<br>"), ...parts.favors].filter((t) => t !== "").join(ENTRY_SEPARATOR);
	const together = parts.type && note ? `${parts.type}: ${note}` : parts.type || note;
	if (count === 1) {
		cells[0] = together ? `${date}${ENTRY_SEPARATOR}${together}` : date;
		return cells;
	}
	cells[0] = date;
	let typeColumn = columnNamed(header, TYPE_HEADERS);
	let noteColumn = columnNamed(header, NOTE_HEADERS, typeColumn);
	if (typeColumn < 0 && noteColumn < 0 && count >= 3) [typeColumn, noteColumn] = [1, 2];
	if (typeColumn >= 0 && noteColumn < 0) noteColumn = freeColumn(count, typeColumn);
	if (typeColumn >= 0 && noteColumn >= 0) {
		cells[typeColumn] = parts.type;
		cells[noteColumn] = note;
	} else {
		cells[noteColumn >= 0 ? noteColumn : typeColumn >= 0 ? typeColumn : count - 1] = together;
	}
	return cells;
}

/**
 * A row of `cells` written like the row at `like` (its indentation, outer pipes and padding),
 * with `|` in the cells escaped so each stays one cell.
 */
export function formatRow(text: string, like: number, cells: string[]): string {
	const { end } = lineBounds(text, like);
	const line = text.slice(like, end);
	const indent = line.length - line.trimStart().length;
	const body = line.trim();
	const leading = body.startsWith("|");
	const trailing = body.length > 1 && body.endsWith("|") && !body.endsWith("\\|");
	const padded = /\| | \|/.test(body);
	const written = cells.map((c) => {
		const escaped = c.replace(/\|/g, "\\|");
		return padded ? (escaped ? ` ${escaped} ` : " ") : escaped;
	});
	if (!leading) written[0] = written[0].trimStart();
	if (!trailing) written[written.length - 1] = written[written.length - 1].trimEnd();
	return `${line.slice(0, indent)}${leading ? "|" : ""}${written.join("|")}${trailing ? "|" : ""}`;
}

/** The header of a table, as cells. */
export function headerCells(text: string, table: LogTable): string[] {
	return cellsOfLine(text, table.headerStart);
}
