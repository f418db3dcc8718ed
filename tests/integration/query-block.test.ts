// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { Plugin } from "obsidian";
import type { StayInTouchApi } from "../../src/api";
import { PersonPicker } from "../../src/ui/person-picker";
import { click, createTestApp, pressKey, type } from "../runtime/harness";
import { exampleFiles, manifest, PinnedPlugin, start } from "./plugin-harness";

function block(query: string): string {
	return `# Note\n\n\`\`\`stay-in-touch\n${query}\n\`\`\`\n`;
}

function tableNames(el: HTMLElement): string[] {
	return [...el.querySelectorAll(".stay-in-touch-query-table tbody tr td:first-child")].map((td) => td.textContent ?? "");
}

describe("the stay-in-touch code block", () => {
	it("renders a table of links with the chosen columns and a count", async () => {
		const s = await start(
			exampleFiles({ "Q.md": block("overdue\ntag #work\nsort by urgency\ncolumns name, last contact, cadence, due, favors") }),
		);
		const note = await s.app.renderNote("Q.md");
		await s.app.settle();
		const el = note.el.querySelector<HTMLElement>(".stay-in-touch-query")!;
		expect(el.querySelector(".stay-in-touch-query-count")?.textContent).toBe("2 people");
		expect([...el.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["Name", "Last contact", "Cadence", "Due", "Favors"]);
		expect([...el.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))).toEqual([
			["Ada Lovelace", "2026-11-12 (2 weeks ago)", "weekly", "7 days overdue", "you owe 1"],
			["Grace Hopper", "2026-10-01 (8 weeks ago)", "monthly", "25 days overdue", "owes you 1"],
		]);
		const link = el.querySelector<HTMLAnchorElement>("a.internal-link")!;
		expect(link.getAttribute("data-href")).toBe("People/Ada Lovelace.md");
		click(link);
		await s.app.settle();
		expect(s.app.workspace.getActiveFile()?.path).toBe("People/Ada Lovelace.md");
	});

	it("opens a name Cmd/Ctrl-clicked in one new tab, not one from the block and one from reading view", async () => {
		const s = await start(exampleFiles({ "Q.md": block("overdue\ntag #work") }));
		const note = await s.app.renderNote("Q.md");
		await s.app.settle();
		const tabs = s.app.workspace.getLeavesOfType("markdown").length;
		click(note.el.querySelector<HTMLAnchorElement>(".stay-in-touch-query a.internal-link")!, { mod: true });
		await s.app.settle();
		const opened = s.app.workspace
			.getLeavesOfType("markdown")
			.filter((l) => (l.view as { file?: { path: string } }).file?.path === "People/Ada Lovelace.md");
		expect(opened).toHaveLength(1);
		expect(s.app.workspace.getLeavesOfType("markdown")).toHaveLength(tabs + 1);
	});

	it("shows mistakes in place, naming the line, and never throws", async () => {
		const s = await start(exampleFiles({ "Q.md": block("overdue\nsort by age\nlimit x") }));
		const note = await s.app.renderNote("Q.md");
		await s.app.settle();
		const items = [...note.el.querySelectorAll(".stay-in-touch-query-error li")].map((li) => li.textContent);
		expect(items).toEqual([
			"line 2: 'sort by age': can sort by urgency, due, last contact, name, cadence, birthday",
			"line 3: 'limit x': limit needs a whole number from 1",
		]);
		expect(note.el.querySelector("table")).toBeNull();
	});

	it("groups, limits and explains", async () => {
		const s = await start(exampleFiles({ "Q.md": block("not untracked\ngroup by status\nsort by name\nlimit 4\nexplain") }));
		const note = await s.app.renderNote("Q.md");
		await s.app.settle();
		// limit applies before grouping: the first four by name, then grouped by status.
		expect([...note.el.querySelectorAll(".stay-in-touch-query-group")].map((h) => h.textContent)).toEqual([
			"overdue (1)",
			"soon (1)",
			"never (1)",
			"snoozed (1)",
		]);
		expect(note.el.querySelector(".stay-in-touch-query-count")?.textContent).toBe("4 people of 13");
		expect(note.el.querySelector(".stay-in-touch-query-explain")?.textContent).toContain("not untracked");
	});

	it("refreshes live when a person it depends on changes, and stops listening when unloaded", async () => {
		const s = await start(exampleFiles({ "Q.md": block("overdue\nsort by name") }));
		const note = await s.app.renderNote("Q.md");
		await s.app.settle();
		const el = () => note.el.querySelector<HTMLElement>(".stay-in-touch-query")!;
		expect(tableNames(el())).toContain("Grace Hopper");
		await s.app.writeFile(
			"People/Grace Hopper.md",
			s.app.readFile("People/Grace Hopper.md").replace("last_contact: 2026-10-01", "last_contact: 2026-11-25"),
		);
		await s.app.settle();
		expect(tableNames(el())).not.toContain("Grace Hopper");
		const blockEl = el();
		const shown = tableNames(blockEl);
		const before = s.app.debugCounts();
		note.unload();
		await s.app.settle();
		expect(s.app.debugCounts().components).toBeLessThan(before.components);
		// Alan becomes overdue, but the unloaded block no longer listens: its table stays as it was.
		await s.app.writeFile(
			"People/Alan Turing.md",
			s.app.readFile("People/Alan Turing.md").replace("cadence: quarterly", "cadence: weekly"),
		);
		await s.app.settle();
		expect(s.plugin.api.query("overdue").map((r) => r.name)).toContain("Alan Turing");
		expect(tableNames(blockEl)).toEqual(shown);
	});

	it("moves on to the new day at midnight while the note stays open", async () => {
		// The runtime's own timers are setTimeout-based; only the plugin's minute clock (setInterval) is faked.
		vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
		try {
			const s = await start(exampleFiles({ "Q.md": block("overdue\nsort by name\ncolumns name, due") }));
			const note = await s.app.renderNote("Q.md");
			await s.app.settle();
			expect(tableNames(note.el)).not.toContain("Katherine Johnson");
			// Katherine was due today; after midnight she is a day overdue, though no note changed.
			s.plugin.now = () => new Date(2026, 10, 27, 0, 5);
			vi.advanceTimersByTime(60 * 1000);
			await s.app.settle();
			const katherine = [...note.el.querySelectorAll("tbody tr")].find(
				(tr) => tr.querySelector("td")?.textContent === "Katherine Johnson",
			);
			expect(katherine?.querySelectorAll("td")[1].textContent).toBe("1 day overdue");
		} finally {
			vi.useRealTimers();
		}
	});

	it("reads a comment line whole, even with a ; in it", async () => {
		const s = await start(exampleFiles({ "Q.md": block("# people who owe me; ask them first\nowes me\nsort by name") }));
		const note = await s.app.renderNote("Q.md");
		await s.app.settle();
		expect(note.el.querySelector(".stay-in-touch-query-error")).toBeNull();
		expect(tableNames(note.el)).toEqual(["Grace Hopper", "Margaret Hamilton", "Sophie Wilson"]);
	});

	it("finds a folder whatever Unicode form its accents are stored in", async () => {
		// macOS stores "É" in file paths as E + a combining accent; a keyboard types the one character.
		const stored = "E\u0301quipe";
		const s = await start({
			[`${stored}/Zoé Ndiaye.md`]: "---\ntags: [person]\ncadence: weekly\n---\n",
			"Q.md": block("folder \u00c9quipe\ncolumns name, folder"),
		});
		const note = await s.app.renderNote("Q.md");
		await s.app.settle();
		expect(tableNames(note.el)).toEqual(["Zoé Ndiaye"]);
	});

	it("shows a name containing HTML as text", async () => {
		const name = "<img src=x onerror=alert(1)>";
		const s = await start({ [`People/${name}.md`]: "---\ncadence: weekly\nlast_contact: 2026-01-01\n---\n", "Q.md": block("overdue") });
		const note = await s.app.renderNote("Q.md");
		await s.app.settle();
		expect(tableNames(note.el)).toEqual([name]);
		expect(note.el.querySelector(".stay-in-touch-query img")).toBeNull();
	});
});

describe("the public API", () => {
	class OtherPlugin extends Plugin {
		api(): StayInTouchApi {
			// app.plugins is not in obsidian.d.ts, but it is how other plugins reach ours.
			const registry = (this.app as unknown as { plugins: { getPlugin(id: string): unknown } }).plugins;
			const plugin = registry.getPlugin("stay-in-touch") as { api: StayInTouchApi } | null;
			if (!plugin) throw new Error("Stay in touch is not enabled");
			return plugin.api;
		}
	}

	it("serves people(), person(), query() and logInteraction() to another plugin", async () => {
		const s = await start(exampleFiles());
		const other = await s.app.loadPlugin(OtherPlugin, {
			id: "other",
			name: "Other",
			version: "1.0.0",
			minAppVersion: "1.7.2",
			description: "",
			author: "",
		});
		const api = other.api();
		expect(api.people()).toHaveLength(15);
		expect(api.people()[0]).toMatchObject({
			name: "Ada Lovelace",
			status: "overdue",
			lastContact: "2026-11-12",
			cadenceDays: 7,
			dueDate: "2026-11-19",
			daysOverdue: 7,
			urgency: 2,
			owedFavors: ["2026-11-01: intro to Sam"],
			owedToMe: [],
			problems: [],
		});
		expect(api.person("People/Frances Allen.md")?.problems).toHaveLength(2);
		expect(api.person("Notes/Project ideas.md")).toBeNull();
		expect(api.query("owes me; sort by name").map((r) => r.name)).toEqual(["Grace Hopper", "Margaret Hamilton", "Sophie Wilson"]);
		expect(() => api.query("sort by age")).toThrow("line 1: 'sort by age'");
		expect(await api.logInteraction("People/Alan Turing.md", { date: "yesterday", type: "email", note: "Sent puzzles" })).toEqual({
			ok: true,
		});
		expect(s.app.readFile("People/Alan Turing.md")).toContain("last_contact: 2026-11-25\n");
		expect(await api.logInteraction("Notes/Project ideas.md")).toEqual({
			ok: false,
			error: "Notes/Project ideas.md is not a person note",
		});
		expect(await api.logInteraction("People/Alan Turing.md", { date: "someday" })).toMatchObject({ ok: false });
	});
});

describe("the public API for a script that starts with Obsidian", () => {
	it("says when the people are read and when they change, and stops when told", async () => {
		const app = await createTestApp(exampleFiles());
		const plugin = await app.loadPlugin(PinnedPlugin, manifest, { finishStartup: false });
		const api = plugin.api;
		const heard: number[] = [];
		const stop = api.onChange(() => heard.push(api.people().length));
		// A script that throws must not keep the sidebar and other listeners from hearing.
		api.onChange(() => {
			throw new Error("a script's mistake");
		});
		const errors = vi.spyOn(console, "error").mockImplementation(() => {});
		try {
			expect(api.ready).toBe(false);
			expect(api.people()).toEqual([]);
			await app.finishStartup();
			await app.settle();
			expect(api.ready).toBe(true);
			expect(heard).toEqual([15]);
			await app.writeFile("People/Katherine Johnson 2.md", "---\ncadence: monthly\n---\n");
			await app.settle();
			expect(heard).toEqual([15, 16]);
			stop();
			await app.deleteFile("People/Katherine Johnson 2.md");
			await app.settle();
			expect(heard).toEqual([15, 16]);
			expect(errors).toHaveBeenCalledWith("stay-in-touch: an onChange callback failed", expect.any(Error));
		} finally {
			errors.mockRestore();
		}
	});

	it("takes a path the way Obsidian writes it or with a leading slash", async () => {
		const s = await start(exampleFiles());
		expect(s.plugin.api.person("/People/Ada Lovelace.md")?.name).toBe("Ada Lovelace");
		expect(await s.plugin.api.logInteraction("/People/Alan Turing.md", { note: "Sent puzzles" })).toEqual({ ok: true });
		expect(s.app.readFile("People/Alan Turing.md")).toContain("— call: Sent puzzles");
	});
});

describe("the public API's logInteraction with what scripts pass", () => {
	it("answers a bad entry with { ok: false, error } and writes nothing, never dropping a value silently", async () => {
		const s = await start(exampleFiles());
		const api = s.plugin.api as unknown as { logInteraction(path: unknown, entry?: unknown): Promise<unknown> };
		const before = s.app.readFile("People/Alan Turing.md");
		// A Templater script's `null` is "no details", like leaving the entry out.
		await expect(api.logInteraction("People/Alan Turing.md", null)).resolves.toEqual({ ok: true });
		await s.app.settle();
		const afterNull = s.app.readFile("People/Alan Turing.md");
		expect(afterNull).not.toBe(before);
		await expect(api.logInteraction("People/Alan Turing.md", { note: 42 })).resolves.toEqual({ ok: false, error: "note must be text" });
		await expect(api.logInteraction("People/Alan Turing.md", { type: ["call"] })).resolves.toEqual({
			ok: false,
			error: "type must be text",
		});
		await expect(api.logInteraction("People/Alan Turing.md", "call")).resolves.toEqual({
			ok: false,
			error: 'the entry must be an object, e.g. { type: "call", note: "…" }',
		});
		await expect(api.logInteraction(undefined, {})).resolves.toEqual({
			ok: false,
			error: 'the path must be text, e.g. "People/Ada Lovelace.md"',
		});
		const untyped = s.plugin.api as unknown as { person(path: unknown): unknown; onChange(callback: unknown): unknown };
		expect(untyped.person(undefined)).toBeNull();
		expect(() => untyped.onChange(undefined)).toThrow(TypeError);
		await s.app.settle();
		expect(s.app.readFile("People/Alan Turing.md")).toBe(afterNull);
	});
});

describe("Find person", () => {
	it("opens the chosen person's note from a fuzzy picker over names and aliases", async () => {
		const s = await start(exampleFiles());
		s.app.runCommand("find-person");
		const picker = s.app.activeModal;
		if (!(picker instanceof PersonPicker)) throw new Error("no picker");
		type(picker.inputEl, "grce");
		expect([...picker.modalEl.querySelectorAll(".stay-in-touch-suggestion-name")].map((e) => e.textContent)[0]).toBe("Grace Hopper");
		pressKey(picker.inputEl, "Enter");
		await s.app.settle();
		expect(s.app.workspace.getActiveFile()?.path).toBe("People/Grace Hopper.md");
	});
});
