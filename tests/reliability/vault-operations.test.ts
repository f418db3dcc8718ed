// @vitest-environment happy-dom
/**
 * 1,000 random vault operations (create, modify, frontmatter edits, rename, delete, folder moves,
 * logs through the plugin, settings changes), with `app.settle()` at random points, keep the
 * plugin's incrementally updated PeopleIndex equal to a fresh build.
 *
 * The reference is deliberately not `plugin.ctx.index.rebuild()` on the same app: that would read
 * the same metadata cache the incremental path has been maintaining. Instead each check starts a
 * second app on a snapshot of the files, so the runtime indexes every note from its text as at
 * start-up, and builds a second `PeopleIndex` (the plugin's own class) there with the settings
 * read back from the saved data.json: what a user would see after restarting Obsidian. (A second
 * plugin instance cannot be loaded beside the first: code-block processors are global, as in
 * Obsidian.) The two indexes are compared as path → Person record.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Person } from "../../src/core/person";
import { migrateSettings, type Settings } from "../../src/core/settings";
import { PeopleIndex } from "../../src/obsidian/people-index";
import { manifest, start, type Started } from "../integration/plugin-harness";
import { createTestApp, type TestApp } from "../runtime/harness";

const FILES = [
	"People/Ann.md",
	"People/Bob.md",
	"People/Team/Cy.md",
	"People/Team/Dee.md",
	"Notes/Eve.md",
	"Notes/Fay.md",
	"Gus.md",
	"Archive/Hal.md",
	"Archive/Team/Ida.md",
	"Notes/Jo.txt",
	"People/Kit.txt",
];
const FOLDERS = ["People/Team", "Notes/Team", "Archive/Team"];

const dayText = fc
	.tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
	.map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

/** Note texts: person by folder, tag or marker, or not a person; valid, odd and broken frontmatter. */
const noteText: fc.Arbitrary<string> = fc.oneof(
	fc
		.record({
			cadence: fc.constantFrom(null, "weekly", "monthly", "4-6 weeks", "fortnighly", "0", "[weekly"),
			last: fc.option(fc.oneof(dayText, fc.constantFrom("2026-13-45", "26/11/2026")), { nil: null }),
			snooze: fc.option(dayText, { nil: null }),
			favors: fc.subarray(["lunch", "2026-01-01: intro to Sam"]),
			tag: fc.constantFrom(null, "person", "person/work", "project"),
			marker: fc.boolean(),
			inlineTag: fc.boolean(),
			log: fc.array(dayText, { maxLength: 3 }),
			heading: fc.constantFrom("## Interactions", "# interactions", "## Log"),
			crlf: fc.boolean(),
		})
		.map((r) => {
			const fm = [
				r.cadence === null ? null : `cadence: ${r.cadence}`,
				r.last === null ? null : `last_contact: ${r.last}`,
				r.snooze === null ? null : `snooze_until: ${r.snooze}`,
				r.favors.length ? `owed_favors: [${r.favors.map((f) => JSON.stringify(f)).join(", ")}]` : null,
				r.tag === null ? null : `tags: [${r.tag}]`,
				r.marker ? "type: person" : null,
			].filter((l): l is string => l !== null);
			const body = [
				r.inlineTag ? "Met at #person/conference." : "Some notes.",
				"",
				...(r.log.length ? [r.heading, ...r.log.map((d) => `- ${d} — call`)] : []),
			];
			const text = `---\n${fm.join("\n")}\n---\n${body.join("\n")}\n`;
			return r.crlf ? text.replace(/\n/g, "\r\n") : text;
		}),
	fc.constantFrom(
		"",
		"# Just a heading\n",
		"#person\n",
		"---\ncadence: [weekly\n---\n#person\n",
		"---\n- a list\n---\n",
		"\uFEFF---\ncadence: weekly\n---\n## Interactions\n- 2026-11-01\n",
	),
);

type Op =
	| { kind: "create"; path: string; text: string }
	| { kind: "modify"; pick: number; text: string }
	| { kind: "edit"; pick: number; line: string }
	| { kind: "rename"; pick: number; to: string }
	| { kind: "delete"; pick: number }
	| { kind: "move-folder"; from: string; to: string }
	| { kind: "delete-folder"; folder: string }
	| { kind: "log"; pick: number; date: string }
	| { kind: "settings"; patch: Partial<Settings> }
	| { kind: "burst"; ops: Op[] }
	| { kind: "settle" }
	| { kind: "check" };

const pick = fc.nat();
const fileOps: fc.WeightedArbitrary<Op>[] = [
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant("create" as const), path: fc.constantFrom(...FILES), text: noteText }) },
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant("modify" as const), pick, text: noteText }) },
	{
		weight: 5,
		arbitrary: fc.record({
			kind: fc.constant("edit" as const),
			pick,
			line: fc.oneof(
				dayText.map((d) => `last_contact: ${d}`),
				fc.constantFrom(
					"cadence: weekly",
					"cadence: yearly",
					"cadence: nope",
					"tags: [person]",
					"type: person",
					"type: project",
					"aliases: [Zed]",
				),
			),
		}),
	},
	{ weight: 4, arbitrary: fc.record({ kind: fc.constant("rename" as const), pick, to: fc.constantFrom(...FILES) }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick }) },
];
const opArb: fc.Arbitrary<Op> = fc.oneof(
	...fileOps,
	// Several file operations started in the same tick, not awaited one by one.
	{
		weight: 3,
		arbitrary: fc.record({ kind: fc.constant("burst" as const), ops: fc.array(fc.oneof(...fileOps), { minLength: 2, maxLength: 4 }) }),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant("move-folder" as const),
			from: fc.constantFrom(...FOLDERS),
			to: fc.constantFrom(...FOLDERS),
		}),
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant("delete-folder" as const), folder: fc.constantFrom(...FOLDERS) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant("log" as const), pick, date: dayText }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant("settings" as const),
			patch: fc.constantFrom<Partial<Settings>>(
				{ peopleFolders: ["People"] },
				{ peopleFolders: ["People", "Archive"] },
				{ useTag: false },
				{ useTag: true },
				{ excludedFolders: ["People/Team"] },
				{ excludedFolders: [] },
				{ logHeading: "## Log" },
				{ logHeading: "## Interactions" },
			),
		}),
	},
	{ weight: 6, arbitrary: fc.constant({ kind: "settle" as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "check" as const }) },
);

const DATA_JSON = `.obsidian/plugins/${manifest.id}/data.json`;
const OPS_PER_RUN = 250;
const RUNS = 4;

function byPath(people: Person[]): Record<string, Person> {
	return Object.fromEntries(people.map((p) => [p.path, p]).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The plugin's live index must equal what a fresh start on the same files builds. */
async function check(s: Started): Promise<number> {
	await s.app.settle();
	const files = s.app.snapshot();
	const saved = files[DATA_JSON];
	const settings = migrateSettings(saved === undefined ? null : JSON.parse(saved));
	expect(settings).toEqual(s.plugin.ctx.settings.get());
	const fresh: TestApp = await createTestApp(files, { keepOtherApps: true });
	const index = new PeopleIndex(fresh, () => settings);
	try {
		index.load();
		fresh.workspace.onLayoutReady(() => undefined);
		await index.rebuild();
		await fresh.settle();
		expect(byPath(s.plugin.ctx.index.all())).toEqual(byPath(index.all()));
		return index.size;
	} finally {
		index.unload();
		fresh.destroy();
	}
}

function existing(app: TestApp): string[] {
	return app.vault
		.getFiles()
		.map((f) => f.path)
		.sort();
}

async function apply(s: Started, op: Op): Promise<void> {
	const { app } = s;
	const files = existing(app);
	const chosen = (n: number) => (files.length ? files[n % files.length] : null);
	switch (op.kind) {
		case "create":
			await app.writeFile(op.path, op.text);
			return;
		case "modify": {
			const path = chosen(op.pick);
			if (path) await app.writeFile(path, op.text);
			return;
		}
		case "edit": {
			// Change one frontmatter key in place, or add a frontmatter block with it.
			const path = chosen(op.pick);
			if (!path) return;
			const text = app.readFile(path);
			const key = op.line.slice(0, op.line.indexOf(":") + 1);
			const lines = text.split("\n");
			const close = lines[0].replace(/^\uFEFF/, "").trim() === "---" ? lines.findIndex((l, i) => i > 0 && l.trim() === "---") : -1;
			if (close < 0) {
				await app.writeFile(path, `---\n${op.line}\n---\n${text}`);
				return;
			}
			const at = lines.findIndex((l, i) => i > 0 && i < close && l.startsWith(key));
			if (at >= 0) lines[at] = op.line;
			else lines.splice(close, 0, op.line);
			await app.writeFile(path, lines.join("\n"));
			return;
		}
		case "rename": {
			const path = chosen(op.pick);
			// The runtime's metadata cache does not index a file renamed from .txt to .md (nor drop
			// one renamed the other way), so renames keep the extension; see the README.
			const ext = (p: string) => p.slice(p.lastIndexOf("."));
			if (!path || app.exists(op.to) || ext(path) !== ext(op.to)) return;
			const folder = op.to.slice(0, op.to.lastIndexOf("/"));
			if (folder && !app.vault.getFolderByPath(folder)) await app.vault.createFolder(folder);
			await app.renameFile(path, op.to);
			return;
		}
		case "delete": {
			const path = chosen(op.pick);
			if (path) await app.deleteFile(path);
			return;
		}
		case "move-folder": {
			if (op.from === op.to || !app.vault.getFolderByPath(op.from) || app.exists(op.to)) return;
			const parent = op.to.slice(0, op.to.lastIndexOf("/"));
			if (!app.vault.getFolderByPath(parent)) await app.vault.createFolder(parent);
			await app.renameFile(op.from, op.to);
			return;
		}
		case "delete-folder":
			if (app.vault.getFolderByPath(op.folder)) await app.deleteFile(op.folder);
			return;
		case "log": {
			const path = chosen(op.pick);
			if (!path) return;
			const result = await s.plugin.api.logInteraction(path, { date: op.date, type: "call", note: "random" });
			if (!s.plugin.ctx.index.get(path)) expect(result).toEqual({ ok: false, error: `${path} is not a person note` });
			return;
		}
		case "settings":
			s.plugin.ctx.settings.patch(op.patch);
			await s.plugin.ctx.settings.save();
			return;
		case "burst": {
			// Operations racing each other may legitimately fail (a rename of a file just deleted).
			const results = await Promise.allSettled(op.ops.map((o) => apply(s, o)));
			for (const r of results) if (r.status === "rejected") expect(String(r.reason)).toMatch(/ENOENT|already exists|no file at/);
			return;
		}
		case "settle":
			await app.settle();
			return;
		case "check":
			await check(s);
			return;
	}
}

describe("random vault operations", () => {
	it(`keep the live index equal to a fresh start (${RUNS} × ${OPS_PER_RUN} operations)`, async () => {
		let operations = 0;
		let peopleSeen = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(opArb, { minLength: OPS_PER_RUN, maxLength: OPS_PER_RUN }), async (ops) => {
				const s = await start({
					"People/Ann.md": "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n",
					"Notes/Eve.md": "#person\n## Interactions\n- 2026-10-01 — call\n",
				});
				for (const op of ops) {
					await apply(s, op);
					operations++;
				}
				peopleSeen += await check(s);
			}),
			// No shrinking (250 async steps shrink slowly): a failure prints its seed and the operations to replay.
			{ numRuns: RUNS, endOnFailure: true },
		);
		expect(operations).toBe(RUNS * OPS_PER_RUN);
		// Not vacuous: the final vaults held people.
		expect(peopleSeen).toBeGreaterThan(0);
	}, 120000);
});
