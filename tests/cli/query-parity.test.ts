// @vitest-environment happy-dom
/**
 * Golden tests: `stay-in-touch query` prints what a `stay-in-touch` code block shows for the same
 * query on the same vault and day: the explanation, the count, the group titles, the column
 * titles and every cell, in the same order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleFiles, start, type Started } from "../integration/plugin-harness";
import { buildCli, cli, EXAMPLE_VAULT, tempCopy } from "./cli-helpers";

interface Shown {
	explanation: string[] | null;
	count: string;
	sections: { title: string | null; headers: string[]; rows: string[][] }[];
}

const QUERIES = [
	"overdue\ntag #work\nsort by urgency\ncolumns name, last contact, cadence, due, favors",
	"not untracked\ngroup by status\nsort by name\nlimit 4\nexplain",
	"group by tag\ncolumns name, tags, birthday, aliases",
	"group by folder; sort by last contact reverse; columns name, folder, urgency, status",
	"has problems\ncolumns name, problems",
	"birthday within 1 year\nsort by birthday\ncolumns name, birthday",
	"due within 2 weeks\ncolumns name, due, status, cadence",
	"explain\ncontacted since 3 months ago\nsort by name",
	"name includes zzz nobody\nexplain",
];

/** What the code block shows, read from its DOM. */
function fromBlock(el: HTMLElement): Shown {
	const sections: Shown["sections"] = [];
	let title: string | null = null;
	for (const child of Array.from(el.children)) {
		if (child.matches(".stay-in-touch-query-group")) title = child.textContent;
		if (!child.matches("table")) continue;
		sections.push({
			title,
			headers: [...child.querySelectorAll("th")].map((th) => th.textContent ?? ""),
			rows: [...child.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
		});
	}
	const explain = el.querySelector(".stay-in-touch-query-explain")?.textContent;
	return {
		explanation: explain ? explain.split("\n") : null,
		count: el.querySelector(".stay-in-touch-query-count")?.textContent ?? "",
		sections,
	};
}

/** Splits an aligned table at its header's column starts (the example vault's texts are one column a character). */
function readTable(lines: string[]): { headers: string[]; rows: string[][] } {
	const header = lines[0];
	const starts: number[] = [];
	for (const m of header.matchAll(/\S+(?: \S+)*/g)) starts.push(m.index);
	const cut = (line: string) => starts.map((at, i) => line.slice(at, starts[i + 1]).trim());
	return { headers: cut(header), rows: lines.slice(1).map(cut) };
}

/** What the CLI printed, read back into the same shape. */
function fromCli(stdout: string, explained: boolean): Shown {
	const parts = stdout.trimEnd().split("\n\n");
	const explanation = explained ? (parts.shift() ?? "").split("\n") : null;
	const count = parts.shift() ?? "";
	const sections = parts.map((part) => {
		const lines = part.split("\n");
		const title = /^[A-Z ]+$/.test(lines[0].split("  ")[0]) ? null : (lines.shift() ?? null);
		return { title, ...readTable(lines) };
	});
	return { explanation, count, sections };
}

/** Column titles compared the way the CLI prints them, in capitals. */
function upper(shown: Shown): Shown {
	return { ...shown, sections: shown.sections.map((s) => ({ ...s, headers: s.headers.map((h) => h.toUpperCase()) })) };
}

describe("stay-in-touch query prints what the code block shows", () => {
	let s: Started;
	let vault: { dir: string; cleanup: () => void };
	beforeAll(async () => {
		buildCli();
		vault = tempCopy(EXAMPLE_VAULT);
		s = await start(exampleFiles(Object.fromEntries(QUERIES.map((q, i) => [`Q${i}.md`, `\`\`\`stay-in-touch\n${q}\n\`\`\`\n`]))));
	}, 60000);
	afterAll(() => vault.cleanup());

	it.each(QUERIES.map((q, i) => [q.replace(/\n/g, "; "), i] as const))("%s", async (_, i) => {
		const note = await s.app.renderNote(`Q${i}.md`);
		await s.app.settle();
		const block = fromBlock(note.el.querySelector<HTMLElement>(".stay-in-touch-query")!);
		const run = cli(["query", QUERIES[i], "--vault", vault.dir, "--today", "2026-11-26"]);
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		if (block.sections.length === 0 && block.explanation === null) {
			expect(run.stdout.trim()).toBe("No person matches.");
			return;
		}
		expect(block.sections.length + block.count.length).toBeGreaterThan(0);
		expect(fromCli(run.stdout, block.explanation !== null)).toEqual(upper(block));
	});
});
