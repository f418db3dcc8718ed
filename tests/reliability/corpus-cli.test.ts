/**
 * The malformed-note corpus through the real `stay-in-touch` binary: people, overdue and query
 * keep working, notes whose frontmatter cannot be read are listed as problems (as the plugin lists
 * them under "Needs attention"), reading changes no byte on disk, and
 * `log` writes surgically or refuses with the note untouched.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORE_SCHEMA, load } from "js-yaml";
import { buildCli, cli } from "../cli/cli-helpers";
import {
	EXPECTED_PROBLEMS,
	expectedProblemsFor,
	fullCorpus,
	HUGE_PATH,
	matchesProblems,
	NOT_PEOPLE,
	readTree,
	UNREADABLE_FRONTMATTER,
	writeVault,
} from "./corpus";
import { surgicalViolations } from "./roundtrip";

describe("the corpus from the command line", () => {
	const dirs: string[] = [];
	const files = fullCorpus();
	/** Notes js-yaml cannot parse: listed with status "problem" and the parser's reason. */
	const SKIPPED = UNREADABLE_FRONTMATTER.filter(
		(p) => p !== "People/frontmatter-is-a-list.md" && p !== "People/frontmatter-is-a-scalar.md",
	);
	/** …of which the CLI's fast YAML path currently reads these (see the skipped test below). */
	const MISREAD = ["People/yaml-bad-indentation.md", "People/nul-in-frontmatter.md"];
	function vault(content: Record<string, string> = files): string {
		const dir = mkdtempSync(join(tmpdir(), "sit-corpus-"));
		dirs.push(dir);
		writeVault(dir, content);
		return dir;
	}

	beforeAll(() => buildCli(), 60000);
	afterAll(() => {
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	});

	it("people, overdue and query keep working, list unreadable notes as problems, and change no file", () => {
		const dir = vault();
		const before = readTree(dir);
		const runs = [
			["people", "--json"],
			["overdue", "--json"],
			["query", "has problems; columns name, problems", "--json"],
			["people"],
			["query", "name includes <script>"],
		].map((args) => ({ args, run: cli([...args, "--vault", dir, "--today", "2026-11-26"]) }));
		for (const { args, run } of runs) {
			expect(run.code, args.join(" ")).toBe(0);
			// Every note could be read as text: there is nothing to report beside the output.
			expect(run.stderr, args.join(" ")).toBe("");
			// No terminal control characters reach the terminal, whatever the file names hold.
			expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(run.stdout), args.join(" ")).toBe(false);
		}
		const people = JSON.parse(runs[0].run.stdout) as { path: string; problems: string[]; status: string }[];
		// Every person note is listed, those whose frontmatter cannot be read as problems: none is dropped silently.
		const expectedPaths = Object.keys(files).filter((p) => !NOT_PEOPLE.includes(p));
		expect(people.map((r) => r.path).sort()).toEqual(expectedPaths.sort());
		for (const p of SKIPPED.filter((x) => !MISREAD.includes(x))) {
			const record = people.find((r) => r.path === p);
			expect(record?.status, p).toBe("problem");
			expect(matchesProblems(record?.problems ?? [], expectedProblemsFor(p)), p).toBe(true);
		}
		for (const [path, expected] of Object.entries(EXPECTED_PROBLEMS)) {
			expect(matchesProblems(people.find((r) => r.path === path)?.problems ?? [], expected), path).toBe(true);
		}
		const overdue = JSON.parse(runs[1].run.stdout) as { status: string }[];
		expect(overdue.length).toBeGreaterThan(5);
		expect(overdue.every((r) => ["overdue", "due", "soon"].includes(r.status))).toBe(true);
		const problems = JSON.parse(runs[2].run.stdout) as { path: string }[];
		expect(problems.map((r) => r.path).sort()).toEqual(
			people
				.filter((r) => r.problems.length > 0)
				.map((r) => r.path)
				.sort(),
		);
		expect(runs[3].run.stdout).toContain("<img src=x onerror=alert(1)>");
		// As the code block shows it: the count, then the table.
		expect(runs[4].run.stdout).toMatch(/^1 person\n\nNAME +STATUS/);
		expect(runs[4].run.stdout).toContain("<script>alert(1)");
		expect(readTree(dir)).toEqual(before);
	});

	// Guards the CLI's YAML fast path (src/cli/simple-yaml.ts): it must refuse what js-yaml (and so
	// Obsidian) rejects, e.g. list items at two indentations or a NUL byte, so those notes are
	// listed as problems, and a frontmatter that is a single value must reach buildPerson as such.
	it("lists as problems exactly the notes whose frontmatter js-yaml cannot read, as the plugin does", () => {
		const dir = vault(fullCorpus({ huge: false }));
		const run = cli(["people", "--json", "--vault", dir, "--today", "2026-11-26"]);
		const people = JSON.parse(run.stdout) as { path: string; status: string; problems: string[] }[];
		const unreadable = people.filter((r) => r.status === "problem").map((r) => r.path);
		expect(unreadable.sort()).toEqual([...UNREADABLE_FRONTMATTER].sort());
		expect(people.find((r) => r.path === "People/frontmatter-is-a-scalar.md")?.problems).toEqual([
			"the frontmatter is 'just some words', not a set of properties",
		]);
	});

	it("log writes surgically or refuses with exit code 1, leaving the note byte for byte", () => {
		// Without the 5 MB note (each run reads the whole vault), which gets a vault of its own.
		const dir = vault(fullCorpus({ huge: false }));
		const hugeDir = vault({ [HUGE_PATH]: files[HUGE_PATH] });
		const cases: [string, string, "written" | "refused"][] = [
			["crlf", "People/crlf.md", "written"],
			["bom-crlf-no-final-newline", "People/bom-crlf-no-final-newline.md", "written"],
			["mixed-line-endings", "People/mixed-line-endings.md", "written"],
			["nul-in-body", "People/nul-in-body.md", "written"],
			["ليلى أحمد", "People/ليلى أحمد.md", "written"],
			["huge-5mb", HUGE_PATH, "written"],
			["impossible-date-2026-13-45", "People/impossible-date-2026-13-45.md", "refused"],
			["html-in-values", "People/html-in-values.md", "refused"],
			["yaml-proto-keys", "People/yaml-proto-keys.md", "written"],
		];
		for (const [name, path, outcome] of cases) {
			const where = path === HUGE_PATH ? hugeDir : dir;
			const before = readFileSync(join(where, path), "utf8");
			const run = cli([
				"log",
				name,
				"--date",
				"2026-11-20",
				"--type",
				"call",
				"--note",
				"From the CLI",
				"--vault",
				where,
				"--today",
				"2026-11-26",
			]);
			const after = readFileSync(join(where, path), "utf8");
			if (outcome === "written") {
				expect(run.code, `${name}: ${run.stderr}`).toBe(0);
				expect(surgicalViolations(before, after, { entryLines: ["- 2026-11-20 — call: From the CLI"] }), name).toEqual([]);
			} else {
				expect(run.code, name).toBe(1);
				expect(run.stderr).toMatch(
					new RegExp(
						`^stay-in-touch: nothing was written to ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: last_contact .+; fix it in the note first\n`,
						"m",
					),
				);
				expect(after, name).toBe(before);
			}
		}
		// An unreadable note is not written: a refused write naming it.
		const broken = readFileSync(join(dir, "People/yaml-unclosed-flow-list.md"), "utf8");
		const run = cli(["log", "yaml-unclosed-flow-list", "--vault", dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(
			"stay-in-touch: nothing was written to People/yaml-unclosed-flow-list.md: the frontmatter is not valid YAML",
		);
		expect(readFileSync(join(dir, "People/yaml-unclosed-flow-list.md"), "utf8")).toBe(broken);
		// And the frontmatter it wrote parses.
		const crlf = readFileSync(join(dir, "People/crlf.md"), "utf8");
		expect((load(crlf.split("---")[1], { schema: CORE_SCHEMA }) as Record<string, unknown>).last_contact).toBe("2026-11-20");
	});
});
