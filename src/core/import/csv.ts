/**
 * CSV as RFC 4180 writes it and Google and LinkedIn export it: cells split by commas, a cell in
 * double quotes may hold commas, line breaks and `""` for a quote; rows end in CRLF, LF or CR.
 * Hand-written rather than a dependency: the bundle budget has no room for a general parser
 * (papaparse alone is ~20 KB minified) and these two files need nothing else. One pass over the
 * text, so a hostile file of any size costs its length.
 */

export interface CsvRow {
	/** 1-based line of the file where the row starts (a quoted cell may span several lines). */
	line: number;
	cells: string[];
}

export type CsvParse = { ok: true; rows: CsvRow[] } | { ok: false; error: string };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Rows of `text` (its BOM already removed). A quoted cell never closed is an error naming its line. */
export function parseCsv(text: string): CsvParse {
	const rows: CsvRow[] = [];
	let cells: string[] = [];
	let line = 1;
	let rowLine = 1;
	let i = 0;
	const n = text.length;
	while (i < n) {
		let cell: string;
		if (text.charCodeAt(i) === QUOTE) {
			const opened = line;
			const parts: string[] = [];
			let from = i + 1;
			let j = from;
			for (;;) {
				const q = text.indexOf('"', j);
				if (q < 0) return { ok: false, error: `line ${opened}: a quoted cell is never closed (the file may be cut short)` };
				line += countBreaks(text, j, q);
				if (text.charCodeAt(q + 1) === QUOTE) {
					parts.push(text.slice(from, q + 1));
					from = j = q + 2;
					continue;
				}
				parts.push(text.slice(from, q));
				i = q + 1;
				break;
			}
			cell = parts.join("");
			// Text after the closing quote (`"a"b`) is kept, as spreadsheets do.
			const end = cellEnd(text, i);
			if (end > i) cell += text.slice(i, end);
			i = end;
		} else {
			const end = cellEnd(text, i);
			cell = text.slice(i, end);
			i = end;
		}
		cells.push(cell);
		const c = text.charCodeAt(i);
		if (c === COMMA) {
			i++;
			if (i === n) cells.push("");
			continue;
		}
		// End of the row: a line break or the end of the text.
		rows.push({ line: rowLine, cells });
		cells = [];
		if (c === CR && text.charCodeAt(i + 1) === LF) i += 2;
		else if (i < n) i++;
		line++;
		rowLine = line;
	}
	return { ok: true, rows };
}

/** Where an unquoted cell starting at `from` ends: the next comma or line break. */
function cellEnd(text: string, from: number): number {
	let i = from;
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === COMMA || c === LF || c === CR) break;
	}
	return i;
}

function countBreaks(text: string, from: number, to: number): number {
	let count = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
	}
	return count;
}

/** Whether every cell of a row is blank (LinkedIn's files end with some). */
export function isBlankRow(row: CsvRow): boolean {
	return row.cells.every((cell) => cell.trim() === "");
}

/** A cell of the row by column name, trimmed ("" when the row is short or the column absent). */
export class CsvHeader {
	private readonly columns = new Map<string, number>();

	constructor(readonly cells: readonly string[]) {
		cells.forEach((name, index) => {
			const key = name.trim().toLowerCase();
			if (!this.columns.has(key)) this.columns.set(key, index);
		});
	}

	has(name: string): boolean {
		return this.columns.has(name.toLowerCase());
	}

	get(row: CsvRow, name: string): string {
		const index = this.columns.get(name.toLowerCase());
		return index === undefined ? "" : (row.cells[index] ?? "").trim();
	}

	/** Numbered columns such as `E-mail 1 - Value`, `E-mail 2 - Value`…: `prefix` is "E-mail", `suffix` "Value". */
	numbered(row: CsvRow, prefix: string, suffix: string): { label: string; value: string }[] {
		const out: { label: string; value: string }[] = [];
		for (let k = 1; this.has(`${prefix} ${k} - ${suffix}`); k++) {
			const value = this.get(row, `${prefix} ${k} - ${suffix}`);
			const label = this.get(row, `${prefix} ${k} - Label`) || this.get(row, `${prefix} ${k} - Type`);
			if (value !== "") out.push({ label, value });
		}
		return out;
	}
}
