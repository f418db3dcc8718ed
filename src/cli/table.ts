/** An aligned text table; colour only when writing to a terminal. */
import type { Status } from "../core/schedule";

const COLORS: Record<Status, string> = {
	overdue: "31",
	due: "33",
	soon: "33",
	never: "35",
	ok: "32",
	snoozed: "90",
	untracked: "90",
	ignored: "90",
	problem: "91",
};

function paint(text: string, code: string | undefined, color: boolean): string {
	return color && code ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** Printable ASCII only: one column per character, nothing to sanitize (most names and cells). */
const PLAIN = /^[ -~]*$/;

/** Terminal width of a string: wide (CJK, emoji) characters take two columns. */
export function displayWidth(text: string): number {
	if (PLAIN.test(text)) return text.length;
	let width = 0;
	for (const ch of text) {
		const cp = ch.codePointAt(0) ?? 0;
		if (cp < 32 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
		width +=
			cp >= 0x1100 &&
			(cp <= 0x115f ||
				(cp >= 0x2e80 && cp <= 0xa4cf) ||
				(cp >= 0xac00 && cp <= 0xd7a3) ||
				(cp >= 0xf900 && cp <= 0xfaff) ||
				(cp >= 0xfe30 && cp <= 0xfe4f) ||
				(cp >= 0xff00 && cp <= 0xff60) ||
				(cp >= 0xffe0 && cp <= 0xffe6) ||
				cp >= 0x1f300)
				? 2
				: 1;
	}
	return width;
}

/** Control characters from a note would move the cursor or recolour the terminal: show them inert. */
export function sanitize(text: string): string {
	if (PLAIN.test(text)) return text;
	let out = "";
	for (const ch of text) {
		const cp = ch.codePointAt(0) ?? 0;
		out += cp < 32 || (cp >= 0x7f && cp <= 0x9f) ? " " : ch;
	}
	return out;
}

export interface TextTable {
	headers: string[];
	/** The cells of each row, in the headers' order; `status` colours the status column. */
	rows: { cells: string[]; status: Status }[];
	/** Which column holds the status (coloured by it), or -1. */
	statusColumn: number;
}

export function renderTable(table: TextTable, color: boolean): string {
	const header = table.headers.map((h) => sanitize(h.toUpperCase()));
	const rows = table.rows.map((r) => r.cells.map(sanitize));
	// Each cell is measured once, for its column's width and for its own padding.
	const cellWidths = [header, ...rows].map((cells) => cells.map(displayWidth));
	// A loop, not Math.max(...column): a vault's worth of rows would overflow the argument list.
	const widths = header.map((_, i) => cellWidths.reduce((max, row) => Math.max(max, row[i]), 0));
	const line = (cells: string[], row: number, status?: Status) =>
		cells
			.map((cell, i) => {
				const padded = i === cells.length - 1 ? cell : cell + " ".repeat(widths[i] - cellWidths[row][i]);
				return i === table.statusColumn && status ? paint(padded, COLORS[status], color) : padded;
			})
			.join("  ")
			.trimEnd();
	return [paint(line(header, 0), "1", color), ...rows.map((cells, i) => line(cells, i + 1, table.rows[i].status))].join("\n");
}
