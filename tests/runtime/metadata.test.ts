// @vitest-environment happy-dom
/**
 * The metadata cache's timing and content — the Obsidian behaviour the people index relies on.
 */
import { describe, expect, it } from "vitest";
import { createTestApp } from "./harness";
import {
	getAllTags,
	getFrontMatterInfo,
	parseFrontMatterAliases,
	parseFrontMatterTags,
	parseYaml,
	stringifyYaml,
	type TFile,
} from "./obsidian";

const ADA = "---\nlast_contact: 2026-11-20\ncadence: monthly\ntags: [person]\n---\n# Ada\n";

function record(app: Awaited<ReturnType<typeof createTestApp>>) {
	const events: string[] = [];
	app.metadataCache.on("changed", (file: TFile) => events.push(`changed ${file.path}`));
	app.metadataCache.on("deleted", (file: TFile, prev: unknown) =>
		events.push(`deleted ${file.path} ${prev ? "with-cache" : "no-cache"}`),
	);
	app.metadataCache.on("resolved", () => events.push("resolved"));
	return events;
}

describe("start-up indexing", () => {
	it("returns null for getFileCache until the file has been indexed", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA }, { waitForIndex: false });
		const file = app.vault.getFileByPath("People/Ada.md")!;
		expect(app.metadataCache.getFileCache(file)).toBeNull();
		expect(app.metadataCache.initialized).toBe(false);
		await app.settle();
		expect(app.metadataCache.getFileCache(file)?.frontmatter?.cadence).toBe("monthly");
		expect(app.metadataCache.initialized).toBe(true);
	});

	it("fires no `changed` during initial indexing, and `resolved` once when done", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA, "People/Bob.md": "# Bob" }, { waitForIndex: false });
		const events = record(app);
		await app.settle();
		expect(events).toEqual(["resolved"]);
	});

	it("by default createTestApp returns with everything indexed (resolved already fired)", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA });
		expect(app.metadataCache.getCache("People/Ada.md")).not.toBeNull();
		const events = record(app);
		await app.settle();
		expect(events).toEqual([]);
	});
});

describe("after a change", () => {
	it("fires `changed(file, data, cache)` on a later macrotask, with dates kept as strings", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA });
		const file = app.vault.getFileByPath("People/Ada.md")!;
		const seen: Array<{ path: string; data: string; lastContact: unknown }> = [];
		app.metadataCache.on("changed", (f: TFile, data: string, cache) =>
			seen.push({ path: f.path, data, lastContact: cache.frontmatter?.last_contact }),
		);
		const next = ADA.replace("2026-11-20", "2026-11-26");
		await app.vault.modify(file, next);
		// The write has landed, the index has not caught up: old cache, no event yet.
		expect(seen).toEqual([]);
		expect(app.metadataCache.getFileCache(file)?.frontmatter?.last_contact).toBe("2026-11-20");
		await app.settle();
		expect(seen).toEqual([{ path: "People/Ada.md", data: next, lastContact: "2026-11-26" }]);
		expect(typeof app.metadataCache.getFileCache(file)?.frontmatter?.last_contact).toBe("string");
	});

	it("fires `changed` for a created file, then `resolved`", async () => {
		const app = await createTestApp({});
		const events = record(app);
		await app.writeFile("People/New.md", "---\ncadence: 2w\n---\n");
		expect(app.metadataCache.getCache("People/New.md")).toBeNull();
		await app.settle();
		expect(events).toEqual(["changed People/New.md", "resolved"]);
	});

	it("does not fire `changed` when the text did not change", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA });
		const events = record(app);
		await app.writeFile("People/Ada.md", ADA);
		await app.settle();
		expect(events).toEqual([]);
	});

	it("coalesces quick successive writes into one re-index of the latest text", async () => {
		const app = await createTestApp({ "a.md": "one" });
		const texts: string[] = [];
		app.metadataCache.on("changed", (_f: TFile, data: string) => texts.push(data));
		await app.writeFile("a.md", "two");
		await app.writeFile("a.md", "three");
		await app.settle();
		expect(texts).toEqual(["three"]);
	});

	it("honours a configurable indexing delay (tick advances virtual time)", async () => {
		const app = await createTestApp({ "a.md": "one" }, { indexDelayMs: 200 });
		const events = record(app);
		await app.writeFile("a.md", "two");
		await app.tick(150);
		expect(events).toEqual([]);
		await app.tick(100);
		expect(events).toEqual(["changed a.md", "resolved"]);
	});
});

describe("rename and delete", () => {
	it("does not fire `changed` on rename; the cache follows the new path", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA });
		const events = record(app);
		const renames: string[] = [];
		app.vault.on("rename", (f: TFile, oldPath: string) => renames.push(`${oldPath} -> ${f.path}`));
		await app.renameFile("People/Ada.md", "People/Ada Lovelace.md");
		await app.settle();
		expect(events).toEqual([]);
		expect(renames).toEqual(["People/Ada.md -> People/Ada Lovelace.md"]);
		expect(app.metadataCache.getCache("People/Ada.md")).toBeNull();
		expect(app.metadataCache.getCache("People/Ada Lovelace.md")?.frontmatter?.cadence).toBe("monthly");
	});

	it("moves the caches of every note in a renamed folder", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA, "People/Work/Bob.md": "# Bob" });
		await app.renameFile("People", "Contacts");
		expect(app.metadataCache.getCache("Contacts/Work/Bob.md")?.headings?.[0].heading).toBe("Bob");
		expect(app.vault.getFileByPath("Contacts/Ada.md")?.parent?.path).toBe("Contacts");
	});

	it("fires `deleted(file, prevCache)` and drops the cache", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA });
		const events = record(app);
		const file = app.vault.getFileByPath("People/Ada.md")!;
		await app.vault.delete(file);
		expect(events).toEqual(["deleted People/Ada.md with-cache"]);
		expect(app.metadataCache.getFileCache(file)).toBeNull();
	});
});

describe("a persisted cache at start-up (app.restart)", () => {
	const CHANGED = ADA.replace("last_contact: 2026-11-20", "last_contact: 2026-11-25");

	it("serves a note changed while the app was closed from its old entry until the layout is ready, then fires `changed`", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA, "People/Bob.md": "# Bob" });
		const next = await app.restart({ whileClosed: { "People/Ada.md": CHANGED }, staleDelayMs: 5000 });
		const events = record(next);
		// The file is new, the cache is the old session's: exactly what a plugin reads at start-up.
		expect(next.readFile("People/Ada.md")).toBe(CHANGED);
		expect(next.metadataCache.getCache("People/Ada.md")?.frontmatter?.last_contact).toBe("2026-11-20");
		expect(next.metadataCache.stalePaths).toEqual(["People/Ada.md"]);
		await next.tick(4000);
		expect(events).toEqual([]);
		await next.tick(1000);
		expect(events).toEqual(["changed People/Ada.md", "resolved"]);
		expect(next.metadataCache.getCache("People/Ada.md")?.frontmatter?.last_contact).toBe("2026-11-25");
		expect(next.metadataCache.stalePaths).toEqual([]);
	});

	it("lists a note in `stalePaths` until it is re-indexed, not just until its re-index is queued", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA, "People/Bob.md": "# Bob" });
		const next = await app.restart({ whileClosed: { "People/Ada.md": CHANGED }, staleDelayMs: 5000 });
		next.metadataCache.indexDelayMs = 1000;
		const events = record(next);
		expect(next.metadataCache.pendingCount).toBe(1);
		// The re-check came due and queued the note; the indexer has not read it yet.
		await next.tick(5000);
		expect(next.metadataCache.stalePaths).toEqual(["People/Ada.md"]);
		expect(next.metadataCache.pendingCount).toBe(1);
		expect(next.metadataCache.getCache("People/Ada.md")?.frontmatter?.last_contact).toBe("2026-11-20");
		expect(events).toEqual([]);
		await next.tick(1000);
		expect(events).toEqual(["changed People/Ada.md", "resolved"]);
		expect(next.metadataCache.stalePaths).toEqual([]);
		expect(next.metadataCache.pendingCount).toBe(0);
	});

	it("takes a note written back to its old text before the re-index off `stalePaths`, without `changed`", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA });
		const next = await app.restart({ whileClosed: { "People/Ada.md": CHANGED }, staleDelayMs: 5000 });
		const events = record(next);
		await next.writeFile("People/Ada.md", ADA);
		await next.tick(100);
		expect(events).toEqual([]);
		expect(next.metadataCache.stalePaths).toEqual([]);
		expect(next.metadataCache.pendingCount).toBe(0);
		expect(next.metadataCache.getCache("People/Ada.md")?.frontmatter?.last_contact).toBe("2026-11-20");
	});

	it("does not re-index before the layout is ready, nor notes that did not change", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA, "People/Bob.md": "# Bob" });
		const persisted = app.metadataCache.persist();
		// What restart() does, by hand, to stop before the layout is ready.
		const late = await createTestApp({ "People/Ada.md": CHANGED, "People/Bob.md": "# Bob" }, { cachedMetadata: persisted });
		const events = record(late);
		await late.settle();
		expect(events).toEqual([]);
		expect(late.metadataCache.getCache("People/Ada.md")?.frontmatter?.last_contact).toBe("2026-11-20");
		late.workspace.onLayoutReady(() => events.push("layout ready"));
		await late.finishStartup();
		await late.settle();
		expect(events).toEqual(["layout ready", "changed People/Ada.md", "resolved"]);
	});

	it("indexes a note created while closed silently, drops one deleted while closed, and a modify before the re-index wins", async () => {
		const app = await createTestApp({ "People/Ada.md": ADA, "People/Bob.md": "# Bob" });
		const next = await app.restart({
			whileClosed: { "People/Ada.md": CHANGED, "People/Bob.md": null, "People/Cy.md": "# Cy" },
			staleDelayMs: 5000,
		});
		const events = record(next);
		expect(next.metadataCache.getCache("People/Cy.md")?.headings?.[0].heading).toBe("Cy");
		expect(next.metadataCache.getCache("People/Bob.md")).toBeNull();
		await next.writeFile("People/Ada.md", CHANGED.replace("monthly", "weekly"));
		await next.settle();
		// One `changed`, with the latest text: the stale re-index has nothing left to do.
		expect(events).toEqual(["changed People/Ada.md", "resolved"]);
		expect(next.metadataCache.getCache("People/Ada.md")?.frontmatter?.cadence).toBe("weekly");
		expect(next.metadataCache.stalePaths).toEqual([]);
	});
});

describe("CachedMetadata content", () => {
	const NOTE = [
		"---",
		"tags: [person, work]",
		"aliases: Ada, Countess",
		"---",
		"# Ada Lovelace #vip",
		"",
		"Met at the #conference. See [[Bob|Robert]] and [notes](Notes/Meeting.md). `#notatag`",
		"",
		"```js",
		"# not a heading #nope",
		"```",
		"",
		"## Interactions",
		"- 2026-09-01 — call: engines #log",
		"  more text",
		"  - child ^blk1",
		"- [x] done",
		"",
		"%% #hidden",
		"## hidden heading %%",
		"Setext",
		"======",
	].join("\n");

	it("parses frontmatter, headings, tags, links, lists, sections", async () => {
		const app = await createTestApp({ "Ada.md": NOTE, "Bob.md": "", "Notes/Meeting.md": "" });
		const cache = app.metadataCache.getCache("Ada.md")!;
		expect(cache.frontmatter).toEqual({ tags: ["person", "work"], aliases: "Ada, Countess" });
		expect(cache.frontmatterPosition).toEqual({
			start: { line: 0, col: 0, offset: 0 },
			end: { line: 3, col: 3, offset: NOTE.indexOf("\n---", 3) + 4 },
		});
		expect(cache.headings?.map((h) => [h.heading, h.level, h.position.start.line])).toEqual([
			["Ada Lovelace #vip", 1, 4],
			["Interactions", 2, 12],
			["Setext", 1, 20],
		]);
		expect(cache.tags?.map((t) => t.tag)).toEqual(["#vip", "#conference", "#log"]);
		expect(cache.tags?.[1].position.start).toEqual({ line: 6, col: 11, offset: NOTE.indexOf("#conference") });
		expect(cache.links?.map((l) => [l.link, l.displayText])).toEqual([
			["Bob", "Robert"],
			["Notes/Meeting.md", "notes"],
		]);
		expect(cache.sections?.map((s) => s.type)).toEqual([
			"yaml",
			"heading",
			"paragraph",
			"code",
			"heading",
			"list",
			"comment",
			"heading",
		]);
		expect(cache.listItems?.map((li) => [li.position.start.line, li.position.end.line, li.parent, li.task, li.id])).toEqual([
			[13, 14, -13, undefined, undefined],
			[15, 15, 13, undefined, "blk1"],
			[16, 16, -13, "x", undefined],
		]);
		expect(getAllTags(cache)).toEqual(["#person", "#work", "#vip", "#conference", "#log"]);
		expect(parseFrontMatterAliases(cache.frontmatter)).toEqual(["Ada", "Countess"]);
		expect(app.metadataCache.resolvedLinks["Ada.md"]).toEqual({ "Bob.md": 1, "Notes/Meeting.md": 1 });
	});

	it("has frontmatterPosition but no frontmatter when the YAML is invalid", async () => {
		const app = await createTestApp({ "bad.md": "---\ncadence: [monthly\n---\nbody #tag\n" });
		const cache = app.metadataCache.getCache("bad.md")!;
		expect(cache.frontmatter).toBeUndefined();
		expect(cache.frontmatterPosition?.end.line).toBe(2);
		expect(cache.tags?.map((t) => t.tag)).toEqual(["#tag"]);
	});

	it("keeps YAML scalars the way Obsidian's cache does", async () => {
		const app = await createTestApp({
			"a.md": "---\nd: 2026-11-20\ndt: 2026-11-20T10:00:00Z\nn: 30\nb: true\nyes_word: yes\nempty:\n---\n",
		});
		expect(app.metadataCache.getCache("a.md")?.frontmatter).toEqual({
			d: "2026-11-20",
			dt: "2026-11-20T10:00:00Z",
			n: 30,
			b: true,
			yes_word: "yes",
			empty: null,
		});
	});

	it("a %% inside a code fence does not start a comment", async () => {
		const app = await createTestApp({ "a.md": "```\n50%% off\n```\n## Interactions\n- 2026-01-01 — call #log\n" });
		const cache = app.metadataCache.getCache("a.md")!;
		expect(cache.headings?.map((h) => h.heading)).toEqual(["Interactions"]);
		expect(cache.tags?.map((t) => t.tag)).toEqual(["#log"]);
	});

	it("handles CRLF line endings and a BOM", async () => {
		const app = await createTestApp({ "crlf.md": "\uFEFF---\r\ncadence: weekly\r\n---\r\n# Title\r\n" });
		const cache = app.metadataCache.getCache("crlf.md")!;
		expect(cache.frontmatter).toEqual({ cadence: "weekly" });
		expect(cache.headings?.[0].heading).toBe("Title");
	});
});

describe("frontmatter helpers", () => {
	it("getFrontMatterInfo gives the offsets of the YAML block", () => {
		const text = "---\na: 1\n---\nbody";
		expect(getFrontMatterInfo(text)).toEqual({ exists: true, frontmatter: "a: 1\n", from: 4, to: 9, contentStart: 13 });
		expect(getFrontMatterInfo("no frontmatter").exists).toBe(false);
		expect(getFrontMatterInfo("---\nunclosed").exists).toBe(false);
	});

	it("parseFrontMatterTags accepts tags/tag, lists and strings, and adds #", () => {
		expect(parseFrontMatterTags({ tags: ["person", "#work"] })).toEqual(["#person", "#work"]);
		expect(parseFrontMatterTags({ tag: "a, b c" })).toEqual(["#a", "#b", "#c"]);
		expect(parseFrontMatterTags({})).toBeNull();
	});

	it("parseYaml keeps dates as strings; stringifyYaml re-serialises", () => {
		expect(parseYaml("d: 2026-01-02\nl: [a, b]")).toEqual({ d: "2026-01-02", l: ["a", "b"] });
		expect(parseYaml("# only a comment")).toBeNull();
		expect(stringifyYaml({ d: "2026-01-02", l: ["a"] })).toBe("d: 2026-01-02\nl:\n  - a\n");
	});
});
