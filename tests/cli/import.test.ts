/**
 * `stay-in-touch import` and `export` as a user runs them: the plan printed (the same text as the
 * golden plans of tests/core/import), written only without --dry-run, all or nothing, nothing
 * written for a file that cannot be read; and export then import plans nothing.
 */
import { chmodSync, closeSync, ftruncateSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildCli, cli, EXAMPLE_VAULT, ROOT, snapshot, tempCopy, tempDir, tempVault } from "./cli-helpers";

const FIXTURES = join(ROOT, "tests", "fixtures", "import");
const fixture = (name: string) => join(FIXTURES, name);

beforeAll(() => buildCli(), 120_000);

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function vault(files: Record<string, string>): string {
	const t = tempVault(files);
	cleanups.push(t.cleanup);
	return t.dir;
}

const MARGARET = "---\nemail: margaret@apollo.example\ntags: [mentor]\n---\n# Margaret\n";

describe("import", () => {
	it("--dry-run prints the plan (the golden text) and writes nothing", () => {
		const dir = vault({ "Notes/x.md": "x" });
		const before = snapshot(dir);
		const run = cli(["import", fixture("linkedin-preamble.csv"), "--vault", dir, "--dry-run"]);
		expect(run.code).toBe(0);
		const golden = readFileSync(join(FIXTURES, "golden", "linkedin-preamble.csv.plan.txt"), "utf8");
		expect(run.stdout).toBe(`${golden}\n\nNothing was written (--dry-run).\n`);
		expect(snapshot(dir)).toEqual(before);
	});

	it("writes new people and fills a match's empty properties; a second run changes nothing", () => {
		const dir = vault({ "People/Margaret Hamilton.md": MARGARET });
		const run = cli(["import", fixture("linkedin-preamble.csv"), "--vault", dir, "--tier", "casual"]);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/\nImported: 2 new, 1 updated \(2 new, 1 to update, 0 unchanged, 0 ambiguous, 0 skipped\)\.\n$/);
		const after = snapshot(dir);
		expect(after["People/Margaret Hamilton.md"]).toBe(
			"---\nemail: margaret@apollo.example\ntags: [mentor]\ncompany: Hamilton Technologies\nrole: Founder, CEO\nlinkedin: https://www.linkedin.com/in/margaret-hamilton\nmet: 2021-01-03\n---\n# Margaret\n",
		);
		expect(after["People/Ada Lovelace.md"]).toBe(
			"---\ncadence: casual\ncompany: Analytical Engines Ltd.\nrole: Mathematician\nlinkedin: https://www.linkedin.com/in/adalovelace\nmet: 2024-03-12\n---\n",
		);
		const again = cli(["import", fixture("linkedin-preamble.csv"), "--vault", dir, "--json"]);
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout)).toMatchObject({
			counts: { new: 0, update: 0, unchanged: 3 },
			written: true,
			created: 0,
			updated: 0,
		});
		expect(snapshot(dir)).toEqual(after);
	});

	it("new people take the person template from the plugin's settings", () => {
		const dir = vault({
			".obsidian/plugins/stay-in-touch/data.json": JSON.stringify({ version: 1, personTemplate: "Templates/Person.md" }),
			"Templates/Person.md": "---\ntags: [person]\ncadence:\n---\n# {{title}}\n\n## Interactions\n",
		});
		expect(cli(["import", fixture("linkedin-plain.csv"), "--vault", dir]).code).toBe(0);
		expect(readFileSync(join(dir, "People", "Tim Berners-Lee.md"), "utf8")).toBe(
			"---\ntags: [person]\ncadence:\ncompany: W3C\nrole: Director\nlinkedin: https://www.linkedin.com/in/timbl\nmet: 2015-04-01\n---\n# Tim Berners-Lee\n\n## Interactions\n",
		);
	});

	it("all or nothing: one note that cannot take its changes stops the whole import, naming it", () => {
		const dir = vault({ "People/Ada Lovelace.md": "---\ntags: person, poets\n---\n" });
		const before = snapshot(dir);
		const run = cli(["import", fixture("google-new.csv"), "--vault", dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe(
			'stay-in-touch: nothing was imported: People/Ada Lovelace.md: tags is written as one text ("person, poets"); make it a list to add the labels\n',
		);
		expect(snapshot(dir)).toEqual(before);
	});

	it("all or nothing: a read-only note stops the whole import before anything is written", () => {
		const dir = vault({ "People/Margaret Hamilton.md": MARGARET });
		chmodSync(join(dir, "People", "Margaret Hamilton.md"), 0o444);
		const before = snapshot(dir);
		const run = cli(["import", fixture("linkedin-preamble.csv"), "--vault", dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe("stay-in-touch: nothing was imported: People/Margaret Hamilton.md: the note is read-only\n");
		expect(snapshot(dir)).toEqual(before);
	});

	it.each([
		["People/Edsger Dijkstra.md.stay-in-touch.tmp", "People/Edsger Dijkstra.md"],
		["People/Margaret Hamilton.md.stay-in-touch.tmp", "People/Margaret Hamilton.md"],
	])("all or nothing: a lock file left behind (%s) stops the whole import at once", (lockFile, note) => {
		const dir = vault({ "People/Margaret Hamilton.md": MARGARET, [lockFile]: "" });
		const before = snapshot(dir);
		const run = cli(["import", fixture("linkedin-preamble.csv"), "--vault", dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(
			new RegExp(`^stay-in-touch: nothing was imported: ${note.replace(/\./g, "\\.")}: .*stay-in-touch\\.tmp`),
		);
		expect(snapshot(dir)).toEqual(before);
	});

	it("all or nothing: a path too long for the file system stops the whole import before anything is written", () => {
		// New people go to a folder whose name no file system holds (255 bytes at most); Margaret is an update.
		const folder = `People/${"日本".repeat(50)}`;
		const dir = vault({
			".obsidian/plugins/stay-in-touch/data.json": JSON.stringify({ version: 1, peopleFolders: [folder, "People"] }),
			"People/Margaret Hamilton.md": MARGARET,
		});
		const before = snapshot(dir);
		const run = cli(["import", fixture("linkedin-preamble.csv"), "--vault", dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^stay-in-touch: nothing was imported: People\/日本.*\/Ada Lovelace\.md: the name is too long/);
		expect(snapshot(dir)).toEqual(before);
	});

	it.each([
		["truncated.vcf", "truncated.vcf: card 2 (line 5) is cut short: the file ends before its END:VCARD"],
		["latin1.csv", "latin1.csv is not UTF-8 text (it may have been saved as Latin-1 or Windows-1252); export it again as UTF-8"],
	])("%s: a clear error and nothing written", (name, message) => {
		const dir = vault({ "People/Ada Lovelace.md": "# Ada\n" });
		const before = snapshot(dir);
		const run = cli(["import", fixture(name), "--vault", dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe(`stay-in-touch: nothing was imported: ${message}\n`);
		expect(snapshot(dir)).toEqual(before);
	});

	it("--json says why nothing was imported, as log --json does", () => {
		const dir = vault({});
		const run = cli(["import", fixture("truncated.vcf"), "--vault", dir, "--json"]);
		expect(run.code).toBe(1);
		expect(JSON.parse(run.stdout)).toEqual({
			written: false,
			error: "truncated.vcf: card 2 (line 5) is cut short: the file ends before its END:VCARD",
		});
	});

	it("a 50 MB file is refused by its size, unread, and nothing written", () => {
		const t = tempDir();
		cleanups.push(t.cleanup);
		const big = join(t.dir, "everyone.vcf");
		writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n"));
		expect(statSync(big).size).toBe(50 * 1024 * 1024);
		const dir = vault({ "People/Ada Lovelace.md": "# Ada\n" });
		const before = snapshot(dir);
		const run = cli(["import", big, "--vault", dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^stay-in-touch: nothing was imported: everyone\.vcf is 50\.0 MB; files up to 20\.0 MB can be imported/);
		expect(snapshot(dir)).toEqual(before);
	});

	it("an 8 GB file is refused by its size, never loaded (nor a buffer of its size made)", () => {
		const t = tempDir();
		cleanups.push(t.cleanup);
		const big = join(t.dir, "huge.vcf");
		const fd = openSync(big, "w");
		ftruncateSync(fd, 8 * 1024 ** 3); // sparse: no disk used
		closeSync(fd);
		const dir = vault({});
		const run = cli(["import", big, "--vault", dir]);
		expect(run.stderr).toMatch(/^stay-in-touch: nothing was imported: huge\.vcf is 8192\.0 MB; files up to 20\.0 MB can be imported/);
		expect(run.code).toBe(1);
	});

	it("refuses a tier the vault does not have, and a missing file", () => {
		const dir = vault({});
		expect(cli(["import", fixture("linkedin-plain.csv"), "--vault", dir, "--tier", "besties"]).stderr).toMatch(
			/^stay-in-touch: --tier besties is not a tier; the vault's tiers are inner, close, casual, distant, dormant\n$/,
		);
		const missing = cli(["import", "no-such.csv", "--vault", dir]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/^stay-in-touch: cannot read .*no-such\.csv \(ENOENT\)\n$/);
	});
});

describe("export", () => {
	it("prints vCard 3.0, and importing it into the same vault plans nothing", () => {
		const copy = tempCopy(EXAMPLE_VAULT);
		cleanups.push(copy.cleanup);
		const run = cli(["export", "--format", "vcard", "--vault", copy.dir]);
		expect(run.code).toBe(0);
		expect(run.stdout.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:")).toBe(true);
		// Every line ends with CRLF, the last one too.
		expect(run.stdout.endsWith("END:VCARD\r\n")).toBe(true);
		expect(run.stdout.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
		const out = tempDir();
		cleanups.push(out.cleanup);
		const file = join(out.dir, "people.vcf");
		writeFileSync(file, run.stdout);
		const back = cli(["import", file, "--vault", copy.dir, "--dry-run", "--json"]);
		const plan = JSON.parse(back.stdout) as { counts: Record<string, number> };
		expect(plan.counts.unchanged).toBeGreaterThan(3);
		expect(plan.counts).toMatchObject({ new: 0, update: 0, skipped: 0 });
	});

	it("refuses another format", () => {
		expect(cli(["export", "--format", "csv", "--vault", EXAMPLE_VAULT]).stderr).toBe(
			"stay-in-touch: --format csv is not a format; export writes vcard\n",
		);
	});
});
