/**
 * `stay-in-touch digest`: golden output on the example vault (read the golden files to review a
 * change), and the digest's rules on small vaults.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { digestText } from "../../src/core/digest";
import { buildPerson } from "../../src/core/person";
import { computeSchedule, defaultCadence } from "../../src/core/schedule";
import { defaultSettings } from "../../src/core/settings";
import { d } from "../core/helpers";
import { buildCli, cli, EXAMPLE_VAULT, ROOT, tempCopy } from "./cli-helpers";

beforeAll(buildCli);

const golden = (name: string) => readFileSync(join(ROOT, "tests", "cli", "golden", name), "utf8");

describe("stay-in-touch digest on the example vault", () => {
	it("prints the golden digest for the week", () => {
		const run = cli(["digest", "--vault", EXAMPLE_VAULT, "--today", "2026-11-26"]);
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(golden("example-digest.md"));
	});

	it("looks further ahead with --days", () => {
		expect(cli(["digest", "--vault", EXAMPLE_VAULT, "--today", "2026-11-26", "--days", "14"]).stdout).toBe(
			golden("example-digest-14.md"),
		);
	});

	it("is no contact once cron appends it to the daily note: the overdue list stays the same", () => {
		const vault = tempCopy(EXAMPLE_VAULT);
		try {
			const overdue = () => cli(["overdue", "--vault", vault.dir, "--today", "2026-11-26", "--json"]);
			const before = overdue();
			expect(before.code).toBe(0);
			const digest = cli(["digest", "--vault", vault.dir, "--today", "2026-11-26"]).stdout;
			expect(digest).toContain("[[Ada Lovelace]]");
			appendFileSync(join(vault.dir, "Daily", "2026-11-26.md"), `# Thursday\n\n${digest}`);
			expect(overdue().stdout).toBe(before.stdout);
			expect(JSON.parse(before.stdout)).not.toEqual([]);
		} finally {
			vault.cleanup();
		}
	});

	it.each(["0", "-3", "two", "400"])("refuses --days %s", (days) => {
		const run = cli(["digest", "--vault", EXAMPLE_VAULT, "--days", days]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("--days takes a number of days from 1 to 366");
	});
});

describe("digest text", () => {
	const settings = defaultSettings();
	const today = d("2026-11-26");
	const one = (path: string, fm: Record<string, unknown>) => {
		const person = buildPerson({ path, frontmatter: fm }, settings);
		return { person, schedule: computeSchedule(person, { today, settings, defaultCadence: defaultCadence(settings) }) };
	};

	it("says so when there is nothing to do", () => {
		expect(digestText([one("People/Ada.md", { cadence: "monthly", last_contact: "2026-11-20" })], { today, days: 7, level: 2 })).toBe(
			"> [!note] Stay in touch digest, 2026-11-26\n>\n> Nobody is overdue or due in the next 7 days, no favor is open and no birthday is near.\n",
		);
	});

	it("links two people of the same name by their paths", () => {
		const text = digestText(
			[one("Work/Sam.md", { cadence: "weekly", last_contact: "2026-11-01" }), one("Family/Sam.md", { owed_to_me: ["a book"] })],
			{ today, days: 7, level: 1 },
		);
		expect(text).toContain("- [[Work/Sam|Sam]]: 18 days overdue");
		expect(text).toContain("- [[Family/Sam|Sam]] owes you: a book");
	});

	it("counts a birthday today and the age turned", () => {
		const text = digestText([one("People/Ada.md", { birthday: "1990-11-26" })], { today, days: 7, level: 1 });
		expect(text).toContain("> ## Birthdays\n>\n> - [[Ada]]: today (turns 36)\n");
	});
});
