import { describe, expect, it } from "vitest";
import { displayWidth, renderTable, sanitize, type TextTable } from "../../src/cli/table";

const HEADERS = ["Name", "Status", "Last contact", "Cadence", "Due", "Favors"];

/** The table `overdue` prints for people who are all 18 days overdue. */
function table(names: string[], cadence: (name: string) => string = () => "weekly"): TextTable {
	return {
		headers: HEADERS,
		statusColumn: 1,
		rows: names.map((name) => ({
			cells: [name, "overdue", "2026-11-01", cadence(name), "18 days overdue", ""],
			status: "overdue" as const,
		})),
	};
}

describe("displayWidth and sanitize", () => {
	it.each([
		["Ada Lovelace", 12],
		["山田太郎", 8],
		["Zoe\u0308 (decomposed)", 16],
		["🦄 Unicorn", 10],
		["", 0],
	])("%s takes %i columns", (text, width) => {
		expect(displayWidth(text)).toBe(width);
	});

	it("keeps printable text and blanks control characters", () => {
		expect(sanitize("Ada ~ Lovelace")).toBe("Ada ~ Lovelace");
		expect(sanitize("山田 Zoë")).toBe("山田 Zoë");
		expect(sanitize("\u001b[31mred\u001b[0m\ttab\u0085")).toBe(" [31mred [0m tab ");
		expect(sanitize("del\u007f")).toBe("del ");
	});
});

describe("renderTable", () => {
	it("lines up every column in terminal columns, whatever the names' scripts and widths", () => {
		const names = ["Ada Lovelace", "山田太郎", "Zoe\u0308", "🦄 Unicorn 👩‍💻", "\u001b[31mred\u001b[0m escape", "ليلى أحمد"];
		const lines = renderTable(
			table(names, (n) => (n === "Ada Lovelace" ? "every 2 weeks" : "weekly")),
			false,
		).split("\n");
		expect(lines).toHaveLength(names.length + 1);
		const columnOf = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text)));
		const statusColumn = columnOf(lines[0], "STATUS");
		const dueColumn = columnOf(lines[0], "DUE");
		// The widest name is the escape one, shown as " [31mred [0m escape" (19 columns).
		expect(statusColumn).toBe(21);
		for (const line of lines.slice(1)) {
			expect(columnOf(line, "overdue  2026-11-01"), line).toBe(statusColumn);
			expect(columnOf(line, "18 days overdue"), line).toBe(dueColumn);
			expect(/[\u0000-\u001f]/.test(line), line).toBe(false);
		}
	});

	it("prints a table longer than a function's argument list can hold", () => {
		// Math.max(...widths) throws "Maximum call stack size exceeded" at about 120,000 values.
		const lines = renderTable(table(Array.from({ length: 150_000 }, (_, i) => `Person ${i}`)), false).split("\n");
		expect(lines).toHaveLength(150_001);
		expect(lines[150_000]).toMatch(/^Person 149999 {2}overdue {2}2026-11-01/);
	});
});
