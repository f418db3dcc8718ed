// @vitest-environment happy-dom
/**
 * The people index builds in slices with pauses between them (people-index.ts); whatever the
 * vault does during a pause must reach the finished index. Each test makes every slice pause (a
 * clock that moves 5 ms per reading) and compares the index with one built afresh afterwards.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDay } from "../../src/core/dates";
import type { Person } from "../../src/core/person";
import { PeopleIndex } from "../../src/obsidian/people-index";
import { createTestApp } from "../runtime/harness";
import { macrotask } from "../runtime/scheduler";
import { manifest, PinnedPlugin, start, type Started } from "./plugin-harness";

// The build's pauses: a test can make something happen in the vault during one of them.
const pauses = vi.hoisted(() => ({ count: 0, at: Infinity, during: null as null | (() => Promise<void>) }));
vi.mock("../../src/obsidian/yield", () => ({
	yieldToApp: async () => {
		pauses.count += 1;
		if (pauses.count === pauses.at && pauses.during) await pauses.during();
		await sleep(5);
	},
}));

function byPath(people: Person[]): Record<string, Person> {
	return Object.fromEntries(people.map((p) => [p.path, p]));
}

/** The index as a build from scratch sees the vault now. */
async function fresh(s: Started): Promise<Record<string, Person>> {
	const index = new PeopleIndex(s.app, () => s.plugin.ctx.settings.get());
	index.load();
	await index.rebuild();
	const out = byPath(index.all());
	index.unload();
	return out;
}

/** Every call moves the clock by 5 ms, so every slice of a build ends in a pause. */
function slowClock(): void {
	let t = 0;
	vi.spyOn(performance, "now").mockImplementation(() => (t += 5));
}

function filler(n: number): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i < n; i++) out[`Notes/N${i}.md`] = `note ${i}\n`;
	return out;
}

/**
 * Changes a setting (which rebuilds the index) and, while the rebuild pauses after its second
 * slice of notes (folders are walked in order, so the journal note in Daily/ has been read), does
 * `what` to the vault and lets Obsidian index it. Returns once everything has settled.
 */
async function duringRebuild(s: Started, what: () => Promise<void>): Promise<void> {
	let done = false;
	slowClock();
	pauses.at = pauses.count + 2;
	pauses.during = async () => {
		await what();
		for (let i = 0; i < 5; i++) await macrotask();
		done = true;
	};
	s.plugin.ctx.settings.patch({ tiers: { close: "2 weeks" } });
	await s.plugin.ctx.settings.save();
	await s.app.settle();
	vi.restoreAllMocks();
	pauses.during = null;
	expect(done, "the change happened during the rebuild").toBe(true);
}

afterEach(() => {
	pauses.during = null;
	vi.restoreAllMocks();
});

describe("the index and what happens while it builds", () => {
	it("a nearer note of the same name created during a rebuild takes the journal's link", async () => {
		const s = await start({
			"Daily/2026-11-20.md": "Met [[Bob]].\n",
			"People/Bob.md": "---\ncadence: monthly\nlast_contact: 2026-11-01\n---\n",
			...filler(200),
		});
		await duringRebuild(s, async () => void (await s.app.writeFile("Daily/Bob.md", "---\ncadence: weekly\ntags: [person]\n---\n")));
		expect(s.app.metadataCache.getFirstLinkpathDest("Bob", "Daily/2026-11-20.md")?.path).toBe("Daily/Bob.md");
		const index = byPath(s.plugin.ctx.index.all());
		expect(index["Daily/Bob.md"].mentions.map((m) => formatDay(m.day))).toEqual(["2026-11-20"]);
		expect(index["People/Bob.md"].mentions).toEqual([]);
		expect(index).toEqual(await fresh(s));
	});

	it("deleting the nearer note during a rebuild gives the link back", async () => {
		const s = await start({
			"Daily/2026-11-20.md": "Met [[Bob]].\n",
			"Daily/Bob.md": "---\ncadence: weekly\ntags: [person]\n---\n",
			"People/Bob.md": "---\ncadence: monthly\nlast_contact: 2026-11-01\n---\n",
			...filler(200),
		});
		await duringRebuild(s, () => s.app.deleteFile("Daily/Bob.md"));
		const index = byPath(s.plugin.ctx.index.all());
		expect(index["People/Bob.md"].mentions.map((m) => formatDay(m.day))).toEqual(["2026-11-20"]);
		expect(index).toEqual(await fresh(s));
	});

	it("a note Obsidian indexes while the first build runs is not left out", async () => {
		const app = await createTestApp(
			{ "People/Zed.md": "---\ncadence: weekly\n---\n", ...filler(1200) },
			{ waitForIndex: false, indexDelayMs: 1 },
		);
		slowClock();
		const plugin = await app.loadPlugin(PinnedPlugin, manifest);
		await app.settle();
		vi.restoreAllMocks();
		expect(plugin.ctx.index.get("People/Zed.md")?.cadenceText).toBe("weekly");
	});

	it("a body read under an old log heading does not come back on a rename", async () => {
		const s = await start({ "People/Ann.md": "---\ncadence: weekly\n---\n## Interactions\n- 2026-11-20 — call\n" });
		expect(s.plugin.ctx.index.get("People/Ann.md")?.logDays.map(formatDay)).toEqual(["2026-11-20"]);
		s.plugin.ctx.settings.patch({ logHeading: "## Log" });
		await s.plugin.ctx.settings.save();
		await s.app.settle();
		expect(s.plugin.ctx.index.get("People/Ann.md")?.logDays).toEqual([]);
		await s.app.renameFile("People/Ann.md", "People/Ann Lee.md");
		await s.app.settle();
		expect(s.plugin.ctx.index.get("People/Ann Lee.md")?.logDays).toEqual([]);
		expect(byPath(s.plugin.ctx.index.all())).toEqual(await fresh(s));
	});

	// "A team" is walked before the pause, "Zeta" after it.
	it("a folder renamed during a rebuild after it was read: its people move to their new paths", async () => {
		const s = await start({
			"Daily/2026-11-20.md": "Met [[Ann]].\n",
			"A team/Ann.md": "---\ncadence: weekly\ntags: [person]\n---\n",
			"A team/Bo.md": "---\ncadence: monthly\ntags: [person]\n---\n",
			...filler(200),
		});
		await duringRebuild(s, () => s.app.renameFile("A team", "Crew"));
		const index = byPath(s.plugin.ctx.index.all());
		expect(Object.keys(index).sort()).toEqual(["Crew/Ann.md", "Crew/Bo.md"]);
		expect(index["Crew/Ann.md"].mentions.map((m) => formatDay(m.day))).toEqual(["2026-11-20"]);
		expect(index).toEqual(await fresh(s));
	});

	it("a folder deleted during a rebuild before it was read takes its people with it", async () => {
		const s = await start({
			"Team/Ann.md": "---\ncadence: weekly\ntags: [person]\n---\n",
			"Zeta/Bo.md": "---\ncadence: monthly\ntags: [person]\n---\n",
			...filler(200),
		});
		await duringRebuild(s, () => s.app.deleteFile("Zeta"));
		expect(Object.keys(byPath(s.plugin.ctx.index.all()))).toEqual(["Team/Ann.md"]);
		expect(byPath(s.plugin.ctx.index.all())).toEqual(await fresh(s));
	});

	it("a folder of thousands of attachments is read in slices too", async () => {
		const attachments: Record<string, string> = {};
		for (let i = 0; i < 1000; i++) attachments[`Attachments/image ${i}.png`] = "png";
		const s = await start({ "People/Ada.md": "---\ncadence: weekly\n---\n", ...attachments });
		slowClock();
		const before = pauses.count;
		await s.plugin.ctx.index.rebuild();
		vi.restoreAllMocks();
		expect(pauses.count - before).toBeGreaterThan(100);
		expect(s.plugin.ctx.index.all().map((p) => p.path)).toEqual(["People/Ada.md"]);
	});

	it("a build reads the vault folder by folder, never every note in one call", async () => {
		const s = await start({ "People/Ada.md": "---\ncadence: weekly\n---\n", ...filler(50) });
		const { vault } = s.app;
		const listings = [vi.spyOn(vault, "getMarkdownFiles"), vi.spyOn(vault, "getFiles"), vi.spyOn(vault, "getAllLoadedFiles")];
		await s.plugin.ctx.index.rebuild();
		expect(listings.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
		expect(s.plugin.ctx.index.get("People/Ada.md")?.cadenceText).toBe("weekly");
	});

	it("a second rebuild started between two slices of the first wins, with its own rules", async () => {
		const s = await start({ "People/Ada.md": "---\ncadence: weekly\n---\n", "Notes/Bob.md": "Met #person\n", ...filler(200) });
		const { index, settings } = s.plugin.ctx;
		expect(index.get("Notes/Bob.md")).toBeDefined();
		const first = index.rebuild();
		settings.patch({ useTag: false });
		const second = index.rebuild();
		const results = await Promise.allSettled([first, second]);
		await s.app.settle();
		expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
		expect(index.get("Notes/Bob.md")).toBeUndefined();
		expect(index.get("People/Ada.md")).toBeDefined();
	});
});
