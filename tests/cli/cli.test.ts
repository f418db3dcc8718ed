import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { load } from "js-yaml";
import { generateVault } from "../../bench/generate";
import type { PersonRecord } from "../../src/stay-in-touch-api";
import { BIN, buildCli, cli, cliAsync, EXAMPLE_VAULT, ROOT, tempCopy, tempDir, tempVault } from "./cli-helpers";

const TODAY = "2026-11-26";
const cleanups: (() => void)[] = [];
afterEach(() => {
	while (cleanups.length) cleanups.pop()?.();
});

function vault(files: Record<string, string>): string {
	const t = tempVault(files);
	cleanups.push(t.cleanup);
	return t.dir;
}

function example(): string {
	const t = tempCopy(EXAMPLE_VAULT);
	cleanups.push(t.cleanup);
	return t.dir;
}

/** What --json prints: the plugin API's public record. */
type JsonRecord = PersonRecord;

function json(args: string[]): JsonRecord[] {
	const run = cli([...args, "--json"]);
	expect(run.stderr).toBe("");
	expect(run.code).toBe(0);
	return JSON.parse(run.stdout) as JsonRecord[];
}

beforeAll(() => buildCli(), 60000);

describe("stay-in-touch overdue", () => {
	it("says nothing about attention when no one needs it", () => {
		const dir = vault({ "People/Ann.md": "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n" });
		expect(cli(["overdue", "--vault", dir, "--today", TODAY]).stdout).not.toContain("attention");
		const future = vault({ "People/Ann.md": "---\ncadence: weekly\nlast_contact: 2030-01-01\n---\n" });
		expect(cli(["overdue", "--vault", future, "--today", TODAY]).stdout).toBe(
			`No one is overdue or due soon.\n\n1 person needs attention: stay-in-touch query "has problems" --vault ${future}\n`,
		);
	});

	it("lists overdue people by urgency, then due, then due soon, as JSON records", () => {
		const records = json(["overdue", "--vault", example(), "--today", TODAY]);
		expect(records.map((r) => [r.name, r.status])).toEqual([
			["Ada Lovelace", "overdue"],
			["Grace Hopper", "overdue"],
			["Edsger Dijkstra", "overdue"],
			["Sophie Wilson", "overdue"],
			["Tim Berners-Lee", "overdue"],
			["Linus Torvalds", "due"],
			["Katherine Johnson", "due"],
			["Alan Turing", "soon"],
		]);
		expect(records[0]).toMatchObject({
			path: "People/Ada Lovelace.md",
			lastContact: "2026-11-12",
			cadenceDays: 7,
			dueDate: "2026-11-19",
			daysOverdue: 7,
			urgency: 2,
			owedFavors: ["2026-11-01: intro to Sam"],
			owedToMe: [],
			problems: [],
		});
	});

	it("prints an aligned table without colour when not on a terminal, then who needs attention", () => {
		const dir = example();
		const run = cli(["overdue", "--vault", dir, "--today", TODAY]);
		expect(run.code).toBe(0);
		expect(run.stdout).not.toContain("\u001b[");
		const [table, attention] = run.stdout.trimEnd().split("\n\n");
		// Frances Allen is not overdue, but her note has values that cannot be understood.
		expect(attention).toBe(`1 person needs attention: stay-in-touch query "has problems" --vault ${dir}`);
		const lines = table.split("\n");
		expect(lines[0]).toMatch(/^NAME\s+STATUS\s+LAST CONTACT\s+CADENCE\s+DUE\s+FAVORS$/);
		const statusColumn = lines[0].indexOf("STATUS");
		expect(lines[1].slice(0, statusColumn).trim()).toBe("Ada Lovelace");
		// The cells read as in a stay-in-touch code block: the same core texts.
		expect(lines[1].slice(statusColumn)).toMatch(/^overdue\s+2026-11-12 \(2 weeks ago\)\s+weekly\s+7 days overdue\s+you owe 1$/);
		for (const line of lines.slice(1)) expect(line.indexOf(" ", statusColumn) > statusColumn || line.length > statusColumn).toBe(true);
	});

	it("uses the day it is run when --today is not given", () => {
		const records = json(["people", "--vault", example()]);
		expect(records.length).toBe(15);
	});
});

describe("people and query", () => {
	it("people lists every person with problems, tag- and marker-recognised ones included", () => {
		const records = json(["people", "--vault", example(), "--today", TODAY]);
		const names = records.map((r) => r.name);
		expect(names).toContain("Edsger Dijkstra");
		expect(names).toContain("Hedy Lamarr");
		expect(names).not.toContain("Person");
		expect(names).not.toContain("Project ideas");
		const frances = records.find((r) => r.name === "Frances Allen");
		expect(frances?.problems).toEqual([
			"cadence 'fortnighly' is not a cadence; did you mean fortnightly?",
			"last_contact '2026-13-45' is not a real calendar date",
		]);
	});

	it("counts mentions in the example vault's daily note, but not an open task's or a quote's", () => {
		const records = json(["people", "--vault", example(), "--today", TODAY]);
		const by = (name: string) => records.find((r) => r.name === name);
		expect(by("Hedy Lamarr")).toMatchObject({ lastContact: "2026-11-24", lastContactSource: "Daily/2026-11-24.md", status: "ok" });
		expect(by("Radia Perlman")).toMatchObject({
			lastContact: "2026-11-24",
			lastContactSource: "Daily/2026-11-24.md",
			status: "untracked",
		});
		expect(by("Grace Hopper")).toMatchObject({ lastContact: "2026-10-01", lastContactSource: "log" });
		expect(by("Ada Lovelace")).toMatchObject({ lastContact: "2026-11-12", lastContactSource: "log" });
	});

	it("query accepts ; as a line separator", () => {
		const records = json(["query", "tag #work; overdue; sort by name", "--vault", example(), "--today", TODAY]);
		expect(records.map((r) => r.name)).toEqual(["Ada Lovelace", "Grace Hopper"]);
	});

	it("a query mistake is a usage error naming the line", () => {
		const run = cli(["query", "overdue; sort by age", "--vault", example(), "--today", TODAY]);
		expect(run.code).toBe(2);
		expect(run.stderr.trim().split("\n")).toHaveLength(1);
		expect(run.stderr).toContain("line 2: 'sort by age'");
	});
});

describe("exit codes and messages", () => {
	it.each([
		[["frobnicate"], 'unknown command "frobnicate"'],
		[["overdue", "--vault", "/nonexistent/vault"], "cannot read the vault folder"],
		[["overdue", "--today", "2026-02-30"], "--today '2026-02-30' is not a real calendar date"],
		[["overdue", "--bogus"], "unknown option --bogus"],
		[["overdue", "-x"], "unknown option -x"],
		[["log"], "log needs a person's name"],
		[["people", "--note", "hi"], "people has no option --note; see stay-in-touch people --help"],
		[["--vault", "example-vault", "overdue", "--date", "yesterday"], "overdue has no option --date"],
		[["overdue", "--vault", ""], "--vault needs a folder"],
		[["log", "Ada", "--vault", " "], "--vault needs a folder"],
	])("%j exits 2 with one line on stderr", (args, message) => {
		const run = cli(args as string[]);
		expect(run.code).toBe(2);
		expect(run.stdout).toBe("");
		const lines = run.stderr.trim().split("\n");
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain(message);
	});

	it("is the launcher package.json names as the binary", () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
		expect(join(ROOT, pkg.bin["stay-in-touch"])).toBe(BIN);
		expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
	});

	it("says how to build the CLI when the launcher finds no bundle", () => {
		const { dir, cleanup } = tempDir();
		cleanups.push(cleanup);
		mkdirSync(join(dir, "bin"));
		// The package is "type": "module": the launcher must stay CommonJS by its extension.
		writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
		copyFileSync(BIN, join(dir, "bin", basename(BIN)));
		const run = spawnSync(process.execPath, [join(dir, "bin", basename(BIN)), "overdue"], { encoding: "utf8" });
		expect(run.status).toBe(2);
		expect(run.stderr).toBe("stay-in-touch: the CLI is not built yet; run `npm run build:cli` (npm ci does it for you)\n");
	});

	it.each(["overdue", "people", "query", "log"])("%s --help explains its options", (command) => {
		const run = cli([command, "--help"]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(`Usage: stay-in-touch ${command}`);
	});
});

describe("robustness", () => {
	it("lists a person whose frontmatter cannot be read with status problem and why, and carries on", () => {
		const dir = vault({
			"People/Good.md": "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n",
			"People/Broken.md": "---\ncadence: [weekly\nlast_contact: 2026-11-01\n---\n",
		});
		const run = cli(["people", "--vault", dir, "--today", TODAY, "--json"]);
		expect(run.code).toBe(0);
		expect(run.stderr).toBe("");
		const records = JSON.parse(run.stdout) as JsonRecord[];
		expect(records.map((r) => [r.name, r.status])).toEqual([
			["Good", "overdue"],
			["Broken", "problem"],
		]);
		expect(records[1].problems).toEqual([expect.stringMatching(/^the frontmatter is not valid YAML: .+/)]);
		expect(json(["query", "has problems", "--vault", dir, "--today", TODAY]).map((r) => r.name)).toEqual(["Broken"]);
	});

	it("says which of the vault's plugin settings it cannot understand, and goes on", () => {
		const dir = vault({
			".obsidian/plugins/stay-in-touch/data.json": JSON.stringify({
				version: 1,
				defaultCadence: "fortnighly",
				tiers: { close: "sometimes" },
			}),
			"People/Ann.md": "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n",
		});
		const run = cli(["overdue", "--vault", dir, "--today", TODAY, "--json"]);
		expect(run.code).toBe(0);
		expect(run.stderr.trim().split("\n")).toEqual([
			"stay-in-touch: the vault's plugin settings: tier close 'sometimes' is not a cadence; try 2w, monthly or every 3 months",
			"stay-in-touch: the vault's plugin settings: default cadence 'fortnighly' is not a cadence; did you mean fortnightly?",
		]);
		expect((JSON.parse(run.stdout) as JsonRecord[]).map((r) => r.name)).toEqual(["Ann"]);
	});

	it("applies the vault's own plugin settings and templates folder", () => {
		const dir = vault({
			".obsidian/plugins/stay-in-touch/data.json": JSON.stringify({
				version: 1,
				peopleFolders: ["Contacts"],
				useTag: false,
				keys: { lastContact: "met" },
			}),
			".obsidian/templates.json": JSON.stringify({ folder: "Tpl" }),
			"Contacts/Ann.md": "---\ncadence: weekly\nmet: 2026-11-01\n---\n",
			"People/Bob.md": "---\ncadence: weekly\n---\n#person\n",
			"Tpl/Person.md": "---\ntype: person\n---\n",
		});
		const records = json(["people", "--vault", dir, "--today", TODAY]);
		expect(records.map((r) => [r.name, r.lastContact])).toEqual([["Ann", "2026-11-01"]]);
	});

	it("never follows a symlink out of the vault", () => {
		const outside = vault({ "Secret.md": "---\ntype: person\n---\n" });
		const dir = vault({ "People/Ann.md": "---\ncadence: weekly\n---\n" });
		symlinkSync(outside, join(dir, "People", "Linked"));
		symlinkSync(join(outside, "Secret.md"), join(dir, "People", "Secret.md"));
		expect(json(["people", "--vault", dir, "--today", TODAY]).map((r) => r.name)).toEqual(["Ann"]);
	});

	it("never runs code from a note's frontmatter, and reads `---js` as no frontmatter like Obsidian", () => {
		const marker = join(vault({}), "ran");
		const code = `(function () { require("fs").writeFileSync(${JSON.stringify(marker)}, "ran"); return "weekly"; })()`;
		const dir = vault({
			"People/Js.md": `---js\n{ cadence: ${code} }\n---\n`,
			"People/Javascript.md": `---javascript\n{ cadence: ${code} }\n---\n`,
		});
		const records = json(["people", "--vault", dir, "--today", TODAY]);
		expect(existsSync(marker)).toBe(false);
		expect(records.map((r) => [r.name, r.status, r.cadence])).toEqual([
			["Javascript", "untracked", null],
			["Js", "untracked", null],
		]);
	});

	it("is bundled without gray-matter's eval-based JavaScript engine", () => {
		const bundle = readFileSync(join(ROOT, "dist", "cli.cjs"), "utf8");
		expect(bundle).not.toMatch(/\beval\s*\(/);
		expect(bundle).not.toMatch(/\bnew Function\s*\(/);
	});

	it.each(["stdout", "stderr"] as const)(
		"stops quietly when the reader closes %s early (stay-in-touch people 2>&1 | head -1)",
		async (closed) => {
			const files: Record<string, string> = {};
			for (let i = 0; i < 2000; i++) {
				files[`People/Person ${i}.md`] = "---\ncadence: weekly\nlast_contact: 2026-01-01\n---\n";
				files[`People/Broken ${i}.md`] = "---\ncadence: [weekly\n---\n";
			}
			const dir = vault(files);
			const child = spawn(process.execPath, [BIN, "people", "--json", "--vault", dir, "--today", TODAY], {
				stdio: ["ignore", "pipe", "pipe"],
			});
			const other = closed === "stdout" ? child.stderr : child.stdout;
			let output = "";
			other.on("data", (chunk: Buffer) => (output += chunk.toString()));
			child[closed].once("data", () => child[closed].destroy());
			const code = await new Promise<number | null>((done) => child.on("close", (status) => done(status)));
			expect(output).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
			expect(code).toBe(0);
		},
		60000,
	);

	it("reads a vault with 1,000 people", () => {
		const { files, people } = generateVault(10000, 7);
		const dir = vault(files);
		const run = cli(["people", "--vault", dir, "--today", TODAY, "--json"]);
		expect(run.code).toBe(0);
		expect(run.stderr).toBe("");
		const records = JSON.parse(run.stdout) as JsonRecord[];
		expect(records.length).toBe(people);
		const unreadable = records.filter((r) => r.status === "problem");
		expect(unreadable.length).toBeGreaterThan(0);
		expect(unreadable.every((r) => /^People\/Broken \d+\.md$/.test(r.path))).toBe(true);
		expect(records.filter((r) => r.problems.length > 0).length).toBeGreaterThan(unreadable.length);
	}, 60000);
});

describe("stay-in-touch log", () => {
	it("finds a person by the start of each word, by a path without .md, and by a name in another Unicode composition", () => {
		const dir = vault({
			"People/Joanna Smith.md": "---\ncadence: weekly\n---\n",
			"People/Ada Lovelace.md": "---\ncadence: weekly\n---\n",
			// Decomposed, as macOS file names are: e + combining acute, n + combining tilde.
			"People/Jose\u0301 Nu\u0301n\u0303ez.md": "---\ncadence: weekly\n---\n",
			"People/-Dash.md": "---\ncadence: weekly\n---\n",
		});
		const log = (...name: string[]) => cli(["log", "--vault", dir, "--today", TODAY, ...name]);
		expect(log("Ann").stderr).toBe('stay-in-touch: no person named "Ann" in this vault\n');
		expect(log("ada l").stdout).toBe("Logged call with Ada Lovelace in People/Ada Lovelace.md\n");
		expect(log("People/Ada Lovelace").code).toBe(0);
		expect(log("Jos\u00e9 N\u00fa\u00f1ez").code).toBe(0);
		expect(log("jos\u00e9").code).toBe(0);
		expect(log("--", "-Dash").code).toBe(0);
		expect(readFileSync(join(dir, "People/Joanna Smith.md"), "utf8")).toBe("---\ncadence: weekly\n---\n");
		expect(readFileSync(join(dir, "People/Ada Lovelace.md"), "utf8")).toContain("last_contact: 2026-11-26");
		expect(readFileSync(join(dir, "People/Jose\u0301 Nu\u0301n\u0303ez.md"), "utf8").match(/- 2026-11-26 — call/g)).toHaveLength(2);
		expect(readFileSync(join(dir, "People/-Dash.md"), "utf8")).toContain("- 2026-11-26 — call");
	});

	it("lands every entry when several logs write one note at the same time", async () => {
		const dir = vault({ "People/Ann.md": "---\ncadence: weekly\n---\n" });
		const notes = ["one", "two", "three", "four"];
		const codes = await Promise.all(notes.map((note) => cliAsync(["log", "Ann", "--note", note, "--vault", dir, "--today", TODAY])));
		expect(codes).toEqual([0, 0, 0, 0]);
		const text = readFileSync(join(dir, "People/Ann.md"), "utf8");
		for (const note of notes) expect(text).toContain(`- 2026-11-26 — call: ${note}\n`);
		expect(readdirSync(join(dir, "People"))).toEqual(["Ann.md"]);
	});

	it("refuses a note that is not UTF-8 text, leaving every byte", () => {
		const bytes = Buffer.from([...Buffer.from("---\ncadence: weekly\n---\ncaf"), 0xe9, 0x0a]);
		const dir = vault({});
		mkdirSync(join(dir, "People"));
		writeFileSync(join(dir, "People/Latin.md"), bytes);
		const run = cli(["log", "Latin", "--vault", dir, "--today", TODAY]);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe("stay-in-touch: nothing was written to People/Latin.md: the note is not valid UTF-8 text\n");
		expect(readFileSync(join(dir, "People/Latin.md"))).toEqual(bytes);
	});

	it("prints no control character from a note or a file name", () => {
		const dir = vault({
			// YAML's own escapes: \e is ESC, \a is BEL once parsed.
			"People/Bob.md": '---\ncadence: weekly\nlast_contact: "\\e]0;HACKED\\a\\e[2J"\n---\n',
			"People/Eve\u001b[31m.md": "---\ncadence: weekly\n---\n",
		});
		const refused = cli(["log", "Bob", "--vault", dir, "--today", TODAY]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/^stay-in-touch: nothing was written to People\/Bob\.md: .*HACKED/);
		const logged = cli(["log", "Eve", "--vault", dir, "--today", TODAY]);
		expect(logged.code).toBe(0);
		expect(logged.stdout).toBe("Logged call with Eve [31m in People/Eve [31m.md\n");
		for (const text of [refused.stderr, logged.stdout]) expect(/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text), text).toBe(false);
	});

	it("writes the entry and last contact, changing no other byte", () => {
		const original =
			"\uFEFF---\r\n# who\r\ncadence: weekly   # keep in touch\r\nlast_contact: '2026-11-01'\r\nowed_favors:\r\n  - \"2026-10-01: intro to Sam\"\r\n---\r\nNotes.\r\n\r\n## Interactions\r\n\r\n- 2026-11-01 — call: First chat.\r\n\r\nLater text";
		const dir = vault({ "People/Ada Lovelace.md": original });
		const run = cli([
			"log",
			"Ada",
			"--vault",
			dir,
			"--today",
			TODAY,
			"--type",
			"coffee",
			"--note",
			"Talked about Acme",
			"--resolve",
			"intro to Sam",
		]);
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		expect(run.stdout).toBe("Logged coffee with Ada Lovelace in People/Ada Lovelace.md\n");
		const after = readFileSync(join(dir, "People/Ada Lovelace.md"), "utf8");
		expect(after).toBe(
			"\uFEFF---\r\n# who\r\ncadence: weekly   # keep in touch\r\nlast_contact: '2026-11-26'\r\nowed_favors:\r\n---\r\nNotes.\r\n\r\n## Interactions\r\n\r\n- 2026-11-01 — call: First chat.\r\n- 2026-11-26 — coffee: Talked about Acme — favor returned: intro to Sam\r\n\r\nLater text",
		);
		expect(load(after.slice(1).split("---")[1])).toMatchObject({ cadence: "weekly", last_contact: "2026-11-26" });
	});

	it.skipIf(process.platform === "win32")("keeps a private note private", () => {
		const dir = vault({ "People/Ann.md": "---\ncadence: weekly\n---\n" });
		chmodSync(join(dir, "People/Ann.md"), 0o600);
		expect(cli(["log", "Ann", "--vault", dir, "--today", TODAY]).code).toBe(0);
		expect(statSync(join(dir, "People/Ann.md")).mode & 0o777).toBe(0o600);
		expect(readdirSync(join(dir, "People"))).toEqual(["Ann.md"]);
	});

	it("leaves a note it cannot parse untouched and says why", () => {
		const broken = "---\ncadence: [weekly\n---\n#person\n";
		const dir = vault({ "People/Bob.md": broken, "People/Ann.md": "---\ncadence: weekly\n---\n" });
		const run = cli(["log", "Bob", "--vault", dir, "--today", TODAY]);
		// A refused write (exit 1) naming the note and why, not "no person named Bob".
		expect(run.code).toBe(1);
		expect(run.stderr.trim().split("\n").at(-1)).toMatch(
			/^stay-in-touch: nothing was written to People\/Bob\.md: the frontmatter is not valid YAML: .+/,
		);
		expect(readFileSync(join(dir, "People/Bob.md"), "utf8")).toBe(broken);
	});

	it("never logs to another person when the one named exactly cannot be read", () => {
		const broken = "---\ncadence: [weekly\n---\n";
		const ada = "---\ncadence: weekly\n---\n";
		const dir = vault({ "People/Ada.md": broken, "People/Ada Lovelace.md": ada });
		const run = cli(["log", "Ada", "--vault", dir, "--today", TODAY]);
		expect(run.code).toBe(1);
		expect(run.stderr.trim().split("\n").at(-1)).toMatch(/^stay-in-touch: nothing was written to People\/Ada\.md: /);
		expect(readFileSync(join(dir, "People/Ada Lovelace.md"), "utf8")).toBe(ada);
		expect(readFileSync(join(dir, "People/Ada.md"), "utf8")).toBe(broken);
	});

	it("refuses a favor that is not there, writing nothing", () => {
		const text = "---\ncadence: weekly\n---\n";
		const dir = vault({ "People/Ann.md": text });
		const run = cli(["log", "Ann", "--resolve", "a lift", "--vault", dir, "--today", TODAY]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('has no open favor "a lift"');
		expect(readFileSync(join(dir, "People/Ann.md"), "utf8")).toBe(text);
	});

	it("log --json says what was written, or why nothing was, as JSON", () => {
		const broken = "---\ncadence: [weekly\n---\n";
		const dir = vault({ "People/Ann.md": "---\ncadence: weekly\n---\n", "People/Bob.md": broken });
		const logged = cli(["log", "Ann", "--type", "coffee", "--date", "yesterday", "--vault", dir, "--today", TODAY, "--json"]);
		expect(logged.code).toBe(0);
		expect(logged.stderr).toBe("");
		expect(JSON.parse(logged.stdout)).toEqual({ ok: true, path: "People/Ann.md", name: "Ann", date: "2026-11-25", type: "coffee" });
		expect(readFileSync(join(dir, "People/Ann.md"), "utf8")).toContain("- 2026-11-25 — coffee\n");
		const refused = cli(["log", "Bob", "--vault", dir, "--today", TODAY, "--json"]);
		expect(refused.code).toBe(1);
		const report = JSON.parse(refused.stdout) as { ok: boolean; path: string; error: string };
		expect(report).toMatchObject({ ok: false, path: "People/Bob.md", name: "Bob" });
		expect(report.error).toMatch(/^the frontmatter is not valid YAML: /);
		expect(readFileSync(join(dir, "People/Bob.md"), "utf8")).toBe(broken);
	});

	it("logs an older date in place and never moves last contact back", () => {
		const text = "---\nlast_contact: 2026-11-20\n---\n## Interactions\n- 2026-11-01 — call\n- 2026-11-20 — email\n";
		const dir = vault({ "People/Ann.md": text });
		const run = cli(["log", "Ann", "--date", "2026-11-10", "--type", "meal", "--vault", dir, "--today", TODAY]);
		expect(run.code).toBe(0);
		expect(readFileSync(join(dir, "People/Ann.md"), "utf8")).toBe(
			"---\nlast_contact: 2026-11-20\n---\n## Interactions\n- 2026-11-01 — call\n- 2026-11-10 — meal\n- 2026-11-20 — email\n",
		);
	});
});
