// @vitest-environment happy-dom
/**
 * Mentions are one rule on two paths: the plugin reads links from Obsidian's metadata cache, the
 * CLI from the files. On one generated vault full of journal notes, both must say the same last
 * contact, from the same note, with the same problems, for every person.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PersonRecord } from "../../src/stay-in-touch-api";
import { start, type Started } from "../integration/plugin-harness";
import { buildCli, cli, tempVault } from "./cli-helpers";

/** A small seeded generator, so a failure can be run again as it was. */
function random(seed: number): () => number {
	let x = seed;
	return () => {
		x = (x * 1103515245 + 12345) % 2147483648;
		return x / 2147483648;
	};
}

const TODAY = "2026-11-26";

function generate(seed: number): Record<string, string> {
	const next = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
	const files: Record<string, string> = {};
	const people: { name: string; alias: string }[] = [];
	for (let i = 0; i < 24; i++) {
		const name = `Person ${i}`;
		const alias = i % 5 === 0 ? "Shared" : `P${i}`;
		people.push({ name, alias });
		const fm = [`cadence: ${pick(["weekly", "monthly", "2w", "quarterly"])}`, `aliases: [${alias}]`];
		if (next() < 0.4) fm.push(`last_contact: 2026-${pick(["08", "09", "10", "11"])}-0${1 + Math.floor(next() * 9)}`);
		if (i === 7) fm.push("track_mentions: false");
		files[`People/${name}.md`] = `---\n${fm.join("\n")}\n---\n`;
	}
	const link = () => {
		const p = pick(people);
		return pick([
			`[[${p.name}]]`,
			`[[${p.name}|them]]`,
			`[[${p.alias}]]`,
			`[[${p.name}#Work]]`,
			`[x](People/${p.name.replace(" ", "%20")}.md)`,
			`[[People/${p.name}]]`,
		]);
	};
	const line = () =>
		pick([
			`Met ${link()}.`,
			`- talked with ${link()}`,
			`- [x] called ${link()}`,
			`- [ ] call ${link()}`,
			`> ${link()} once said`,
			// The digest's shape: a callout whose blank lines are quoted too.
			`> [!note] Stay in touch digest, ${TODAY}\n>\n> ### Overdue\n>\n> - ${link()}: 3 days overdue\n> - ${link()}: due today`,
			"```\n" + link() + "\n```",
			`Type \`${link()}\``,
			`%% ${link()} %%`,
			`!${link()}`,
			`${link()} and ${link()}`,
		]);
	const body = () => Array.from({ length: 1 + Math.floor(next() * 4) }, line).join("\n") + "\n";
	for (let i = 0; i < 60; i++) {
		const month = pick(["09", "10", "11", "11", "11", "12"]);
		const day = String(1 + Math.floor(next() * 28)).padStart(2, "0");
		files[`Daily/2026-${month}-${day}.md`] = body();
	}
	for (let i = 0; i < 10; i++)
		files[`Meetings/Meeting ${i}.md`] = `---\ndate: 2026-11-${String(1 + i * 2).padStart(2, "0")}\n---\n${body()}`;
	for (let i = 0; i < 10; i++) files[`Notes/Note ${i}.md`] = body();
	return files;
}

function comparable(records: PersonRecord[]) {
	return Object.fromEntries(
		records.map((r) => [r.path, { status: r.status, lastContact: r.lastContact, source: r.lastContactSource, problems: r.problems }]),
	);
}

describe("the plugin and the CLI agree on mentions", () => {
	const seeds = [1, 2, 3];
	const runs: { files: Record<string, string>; s: Started; dir: string; cleanup: () => void }[] = [];
	beforeAll(async () => {
		buildCli();
		for (const seed of seeds) {
			const files = generate(seed);
			const { dir, cleanup } = tempVault(files);
			runs.push({ files, s: await start(files), dir, cleanup });
		}
	}, 60000);
	afterAll(() => {
		for (const run of runs) run.cleanup();
	});

	it.each(seeds.map((seed, i) => [seed, i]))("on the vault generated from seed %i", (_, i) => {
		const { s, dir } = runs[i];
		const result = cli(["people", "--vault", dir, "--today", TODAY, "--json"]);
		expect(result.code).toBe(0);
		const fromCli = comparable(JSON.parse(result.stdout) as PersonRecord[]);
		const fromPlugin = comparable(s.plugin.api.people());
		expect(fromCli).toEqual(fromPlugin);
		// The vault really exercises mentions: some contacts come from journal notes, some not.
		const sources = Object.values(fromPlugin).map((r) => r.source);
		expect(sources.filter((x) => x?.startsWith("Daily/") || x?.startsWith("Meetings/")).length).toBeGreaterThan(3);
		expect(sources.filter((x) => x === null || x === "frontmatter").length).toBeGreaterThan(0);
		expect(fromPlugin["People/Person 7.md"].source ?? "frontmatter").toBe("frontmatter");
	});
});
