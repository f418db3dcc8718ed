/**
 * SPEC "Command-line interface" promises checked against the built binary, run as a child process:
 * the CLI is "built from the same core" and reads the vault "using the vault's own plugin settings
 * when present".
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PersonRecord } from "../../src/stay-in-touch-api";
import { buildCli, cli, tempVault } from "./cli-helpers";

const TODAY = "2026-11-26";
const cleanups: (() => void)[] = [];
afterEach(() => {
	while (cleanups.length) cleanups.pop()?.();
});
beforeAll(() => buildCli());

function vault(files: Record<string, string>): string {
	const t = tempVault(files);
	cleanups.push(t.cleanup);
	return t.dir;
}

function paths(dir: string): string[] {
	const run = cli(["people", "--vault", dir, "--today", TODAY, "--json"]);
	expect(run.stderr).toBe("");
	expect(run.code).toBe(0);
	return (JSON.parse(run.stdout) as PersonRecord[]).map((r) => r.path).sort();
}

describe("SPEC: a person tag counts where Obsidian sees a tag, in the CLI as in the plugin", () => {
	it("does not take a #person inside an Obsidian %% comment or a $$ math block as the person tag", () => {
		const dir = vault({
			"Notes/Inline comment.md": "Met Sam %% #person %% at the fair.\n",
			"Notes/Block comment.md": "Meeting notes\n%%\nmaybe tag this #person later\n%%\n",
			"Notes/Math.md": "Formula\n$$\n#person\n$$\n",
			"Notes/Real tag.md": "Met at the fair. #person/work\n",
			"Notes/After a comment.md": "%% hidden %% and then #person\n",
		});
		expect(paths(dir)).toEqual(["Notes/After a comment.md", "Notes/Real tag.md"]);
	});
});

describe("SPEC: the vault's own plugin settings", () => {
	it("says so on stderr when data.json is there but cannot be read, instead of silently using the defaults", () => {
		const dir = vault({
			".obsidian/plugins/stay-in-touch/data.json": '{ "peopleFolders": ["Contacts"], ',
			"Contacts/Ann.md": "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n",
		});
		const run = cli(["people", "--vault", dir, "--today", TODAY]);
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(
			/^stay-in-touch: the vault's plugin settings: \.obsidian\/plugins\/stay-in-touch\/data\.json cannot be read \(not valid JSON: .+\); using the defaults$/m,
		);
	});

	it("stays quiet when the vault has no plugin settings at all", () => {
		const dir = vault({ "People/Ann.md": "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n" });
		const run = cli(["people", "--vault", dir, "--today", TODAY]);
		expect(run.code).toBe(0);
		expect(run.stderr).toBe("");
	});
});
