// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Person } from "../../src/core/person";
import { GROUP_IDS } from "../../src/core/sidebar-model";
import { PeopleIndex } from "../../src/obsidian/people-index";
import { createTestApp } from "../runtime/harness";
import { manifest, PinnedPlugin, start, type Started } from "./plugin-harness";

type Op =
	| { kind: "create"; folder: string; name: string; body: string }
	| { kind: "modify"; pick: number; body: string }
	| { kind: "rename"; pick: number; folder: string; name: string }
	| { kind: "delete"; pick: number }
	| { kind: "settings"; patch: Record<string, unknown> }
	| { kind: "settle" };

const folders = ["People", "People/Work", "Notes", "Contacts", "Templates", "Daily"];
// Dates are names too: a note named so in Daily/ is a journal note, whose links are mentions.
const names = ["Ada", "Bob", "Cy", "Dee", "Eve", "Fay", "2026-11-20", "2026-11-25", "2026-12-24"];
const bodies = [
	"---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n",
	"---\ntype: person\ncadence: monthly\n---\n## Interactions\n- 2026-11-20 — call\n",
	"---\ntags: [person]\nlast_contact: 2026-10-01\ncadence: close\n---\n",
	"Just a note #person/work\n\n## Log\n- 2026-11-22 — email\n",
	"---\ncadence: fortnighly\n---\nbroken cadence\n",
	"---\ncadence: [weekly\n---\ninvalid yaml\n",
	"# Not a person\n",
	"",
	"---\ncadence: weekly\naliases: [Countess]\n---\n",
	"Lunch with [[Ada]] and [[Bob|Robert]].\n- [ ] call [[Cy]]\n> [[Dee]]\n",
	"Tea with [[Countess]] and [[People/Eve]].\n",
	"---\ndate: 2026-11-22\n---\nMet [[Fay]] and [[Ada#Work]].\n",
];

const op: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant("create" as const),
			folder: fc.constantFrom(...folders),
			name: fc.constantFrom(...names),
			body: fc.constantFrom(...bodies),
		}),
	},
	{ weight: 4, arbitrary: fc.record({ kind: fc.constant("modify" as const), pick: fc.nat(), body: fc.constantFrom(...bodies) }) },
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant("rename" as const),
			pick: fc.nat(),
			folder: fc.constantFrom(...folders),
			name: fc.constantFrom(...names),
		}),
	},
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant("settings" as const),
			patch: fc.constantFrom<Record<string, unknown>>(
				{ useTag: false },
				{ useTag: true },
				{ useFolders: false },
				{ useFolders: true },
				{ peopleFolders: ["Contacts"] },
				{ peopleFolders: ["People"] },
				{ personTag: "person/work" },
				{ logHeading: "## Log" },
				{ excludedFolders: ["People/Work"] },
				{ tiers: { close: "2 weeks" } },
				{ trackMentions: false },
				{ trackMentions: true },
				{ countDatedNotes: false },
			),
		}),
	},
	{ weight: 2, arbitrary: fc.constant({ kind: "settle" as const }) },
);

function byPath(people: Person[]): Record<string, Person> {
	return Object.fromEntries(people.map((p) => [p.path, p]));
}

async function ensureFolder(s: Started, folder: string): Promise<void> {
	let path = "";
	for (const part of folder.split("/")) {
		path = path ? `${path}/${part}` : part;
		if (!s.app.vault.getFolderByPath(path)) await s.app.vault.createFolder(path);
	}
}

async function apply(s: Started, o: Op): Promise<void> {
	if ("folder" in o) await ensureFolder(s, o.folder);
	const notes = s.app.vault
		.getMarkdownFiles()
		.map((f) => f.path)
		.sort();
	const picked = notes.length > 0 && "pick" in o ? notes[o.pick % notes.length] : null;
	switch (o.kind) {
		case "create": {
			const path = `${o.folder}/${o.name}.md`;
			if (!s.app.exists(path)) await s.app.writeFile(path, o.body);
			return;
		}
		case "modify":
			if (picked) await s.app.writeFile(picked, o.body);
			return;
		case "rename": {
			const to = `${o.folder}/${o.name}.md`;
			if (picked && !s.app.exists(to)) await s.app.renameFile(picked, to);
			return;
		}
		case "delete":
			if (picked) await s.app.deleteFile(picked);
			return;
		case "settings":
			s.plugin.ctx.settings.patch(o.patch);
			await s.plugin.ctx.settings.save();
			return;
		case "settle":
			await s.app.settle();
	}
}

describe("the people index", () => {
	it("always equals a fresh build, people and order, after any sequence of vault and settings changes", async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
				const s = await start({
					"People/Ada.md": bodies[0],
					"Notes/Bob.md": bodies[3],
					"Templates/Cy.md": bodies[1],
					".obsidian/templates.json": '{"folder":"Templates"}',
				});
				const today = s.plugin.ctx.clock.today();
				for (const o of ops) {
					await apply(s, o);
					// Asking for the order and the groups between changes makes the index keep them per
					// change from then on.
					s.plugin.ctx.index.scheduled(today);
					s.plugin.ctx.index.sidebarGroups(today);
				}
				await s.app.settle();
				const live = byPath(s.plugin.ctx.index.all());
				// A second, independent index over the same app and settings, built from scratch.
				const fresh = new PeopleIndex(s.app, () => s.plugin.ctx.settings.get());
				fresh.load();
				await fresh.rebuild();
				expect(live).toEqual(byPath(fresh.all()));
				const order = (index: PeopleIndex) => index.scheduled(today).map((row) => row.person.path);
				expect(order(s.plugin.ctx.index)).toEqual(order(fresh));
				const groups = (index: PeopleIndex) =>
					GROUP_IDS.map((id) =>
						index
							.sidebarGroups(today)
							.get(id)
							.map((row) => row.person.path),
					);
				expect(groups(s.plugin.ctx.index)).toEqual(groups(fresh));
				fresh.unload();
			}),
			{ numRuns: 150 },
		);
	}, 120000);

	it("treats a note Obsidian has not indexed yet as pending, and adds it when its cache arrives", async () => {
		const s = await start({ "People/Ada.md": bodies[0] });
		await s.app.writeFile("People/New.md", bodies[0]);
		// Before the metadata cache has parsed the new note, the index does not guess.
		expect(s.plugin.ctx.index.get("People/New.md")).toBeUndefined();
		await s.app.settle();
		expect(s.plugin.ctx.index.get("People/New.md")?.cadence?.label).toBe("weekly");
	});

	it("finds the people Obsidian indexes after the plugin is ready (enabled while Obsidian still indexes)", async () => {
		// Start-up indexing fires no `changed`: a note whose cache was null at the build must still arrive.
		const app = await createTestApp(
			{
				"People/Ada.md": "---\ncadence: weekly\n---\n## Interactions\n- 2026-11-10 — call\n",
				"Notes/Bob.md": "Met at the conference #person\n",
				"People/Cy.md": "---\ncadence: [weekly\n---\n",
				"Notes/Plain.md": "# Not a person\n",
			},
			{ waitForIndex: false },
		);
		const plugin = await app.loadPlugin(PinnedPlugin, manifest);
		await app.settle();
		expect(
			plugin.ctx.index
				.all()
				.map((p) => p.path)
				.sort(),
		).toEqual(["Notes/Bob.md", "People/Ada.md", "People/Cy.md"]);
		expect(plugin.ctx.index.get("People/Ada.md")?.lastLogged).not.toBeNull();
		expect(plugin.ctx.index.get("People/Cy.md")?.problems.join()).toMatch(/frontmatter/i);
		const status = app.dom.statusBarEl.querySelector(".stay-in-touch-status-bar");
		expect(status?.textContent).toBe("1 overdue");
	});

	it("moves a person on a rename with no content change, keeping the log date", async () => {
		const s = await start({ "People/Ann.md": "---\ncadence: weekly\n---\n## Interactions\n- 2026-11-20 — call\n" });
		expect(s.plugin.ctx.index.get("People/Ann.md")?.lastLogged).not.toBeNull();
		const revision = s.plugin.ctx.index.revision;
		await s.app.renameFile("People/Ann.md", "People/Ann Lee.md");
		await s.app.settle();
		expect(s.plugin.ctx.index.get("People/Ann.md")).toBeUndefined();
		expect(s.plugin.ctx.index.get("People/Ann Lee.md")).toMatchObject({
			name: "Ann Lee",
			lastLogged: s.plugin.ctx.index.get("People/Ann Lee.md")?.lastLogged,
		});
		expect(s.plugin.ctx.index.get("People/Ann Lee.md")?.lastLogged).not.toBeNull();
		expect(s.plugin.ctx.index.revision).toBeGreaterThan(revision);
	});

	it("tells subscribers once per burst of changes", async () => {
		const s = await start({ "People/Ann.md": bodies[0], "People/Bob.md": bodies[0] });
		let calls = 0;
		s.plugin.ctx.index.subscribe(() => calls++);
		await s.app.writeFile("People/Ann.md", bodies[2]);
		await s.app.writeFile("People/Bob.md", bodies[2]);
		await s.app.writeFile("People/Cy.md", bodies[2]);
		await s.app.settle();
		expect(calls).toBe(1);
	});
});

describe("the people index and settings", () => {
	it("keeps log dates already read while a rebuild re-reads note bodies", async () => {
		const s = await start({ "People/John.md": "---\ncadence: biweekly\n---\n## Interactions\n- 2026-11-20 — message\n" });
		const logged = s.plugin.ctx.index.get("People/John.md")?.lastLogged;
		expect(logged).not.toBeNull();
		// The synchronous part of a rebuild (as after any settings change) must not forget it.
		s.plugin.ctx.index.buildFromCache();
		expect(s.plugin.ctx.index.get("People/John.md")?.lastLogged).toBe(logged);
	});

	it("matches the log heading the way the writer does (case and inner spaces)", async () => {
		const s = await start({
			"People/Ann.md": "---\ncadence: weekly\n---\n### CALL  log\n- 2026-11-20 — call\n",
			".obsidian/plugins/stay-in-touch/data.json": JSON.stringify({ version: 1, logHeading: "## Call log" }),
		});
		expect(s.plugin.ctx.index.get("People/Ann.md")?.lastLogged).not.toBeNull();
	});
});
