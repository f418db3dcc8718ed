// @vitest-environment happy-dom
/**
 * What reaches the user outside the sidebar: "Insert digest" at the cursor, the digest added to
 * today's daily note once a day (only when it exists), and the start-up notice of who came due
 * while the vault was closed.
 */
import { describe, expect, it, vi } from "vitest";
import { addDigestToDailyNote } from "../../src/obsidian/daily-digest";
import { LAST_OPENED_KEY, noticeWhatCameDue } from "../../src/ui/startup-notice";
import { createTestApp } from "../runtime/harness";
import { exampleFiles, manifest, PinnedPlugin, start } from "./plugin-harness";

const DAILY = "Daily/2026-11-26.md";
const SETTINGS = ".obsidian/plugins/stay-in-touch/data.json";
const DIGEST_ON = JSON.stringify({ version: 1, digestInDailyNote: true });

describe("Insert digest", () => {
	async function insertAt(line: number, ch: number) {
		const s = await start(exampleFiles({ "Notes/Plan.md": "# Plan\n\nBefore\nAfter\n" }));
		await s.app.openNote("Notes/Plan.md");
		const editor = s.app.editor!;
		editor.setCursor({ line, ch });
		s.app.runCommand("insert-digest");
		await s.app.settle();
		const text = editor.getValue();
		const at = text.indexOf("> [!note]");
		const end = text.lastIndexOf("\n> ") + 1;
		return {
			before: text.slice(0, at),
			digest: text.slice(at, text.indexOf("\n", end) + 1),
			after: text.slice(text.indexOf("\n", end) + 1),
		};
	}

	it("puts the week's digest at the cursor, the same text the CLI prints (a section of the note)", async () => {
		const { before, digest, after } = await insertAt(3, 0);
		expect(before).toBe("# Plan\n\nBefore\n\n");
		expect(
			digest.startsWith("> [!note] Stay in touch digest, 2026-11-26\n>\n> ### Overdue\n>\n> - [[Ada Lovelace]]: 7 days overdue"),
		).toBe(true);
		expect(digest).toContain("> ### Favors\n>\n> - You owe [[Ada Lovelace]]: intro to Sam (since 2026-11-01)\n");
		expect(after).toBe("\nAfter\n");
	});

	it("at the end of a line, starts a paragraph of its own after a blank line", async () => {
		const { before, after } = await insertAt(2, "Before".length);
		expect(before).toBe("# Plan\n\nBefore\n\n");
		expect(after).toBe("\nAfter\n");
	});

	it("in the middle of a line, splits it with a blank line on each side", async () => {
		const { before, after } = await insertAt(2, 3);
		expect(before).toBe("# Plan\n\nBef\n\n");
		expect(after).toBe("\nore\nAfter\n");
	});

	it("before the people are read, says so rather than that nobody is overdue", async () => {
		const app = await createTestApp(exampleFiles({ "Notes/Plan.md": "# Plan\n" }));
		await app.loadPlugin(PinnedPlugin, manifest, { finishStartup: false });
		await app.openNote("Notes/Plan.md");
		app.runCommand("insert-digest");
		expect(app.editor!.getValue()).toBe("# Plan\n");
		expect(app.noticeMessages()).toContain("The people notes are still being read; insert the digest again in a moment.");
	});
});

describe("the digest in today's daily note", () => {
	it("is added at the end once, when the setting is on and the note exists", async () => {
		const note = "# Thursday\r\n\r\n- [ ] groceries";
		const s = await start(exampleFiles({ [SETTINGS]: DIGEST_ON, [DAILY]: note }));
		const after = s.app.readFile(DAILY);
		expect(after.startsWith(`${note}\r\n\r\n> [!note] Stay in touch digest, 2026-11-26\r\n>\r\n> ### Overdue\r\n`)).toBe(true);
		expect(after).not.toMatch(/[^\r]\n/);
		// Once a day: again (midnight watch, another start) changes nothing.
		expect(await addDigestToDailyNote(s.plugin.ctx)).toBe(false);
		expect(s.app.readFile(DAILY)).toBe(after);
	});

	it("never counts as contact: after start-up everyone's status and last contact are as before", async () => {
		const day = "# Thursday\n\nLunch with [[Linus Torvalds]].\n";
		const seen = ({ plugin }: { plugin: PinnedPlugin }) =>
			plugin.ctx.index
				.scheduled(plugin.ctx.clock.today())
				.map((x) => `${x.person.name}: ${x.schedule.status} ${x.schedule.lastContact ?? "-"}`)
				.sort();
		const without = seen(await start(exampleFiles({ [DAILY]: day })));
		const s = await start(exampleFiles({ [SETTINGS]: DIGEST_ON, [DAILY]: day }));
		expect(s.app.readFile(DAILY)).toContain("[[Ada Lovelace]]");
		await s.app.settle();
		expect(seen(s)).toEqual(without);
		expect(without.some((line) => line.includes("overdue"))).toBe(true);
	});

	it("is added when today's daily note is created after start-up, not to another new note", async () => {
		const s = await start(exampleFiles({ [SETTINGS]: DIGEST_ON }));
		await s.app.vault.create("Daily/2026-11-25.md", "# Wednesday\n");
		await s.app.vault.create(DAILY, "# Thursday\n");
		await s.app.settle();
		expect(s.app.readFile(DAILY)).toMatch(/^# Thursday\n\n> \[!note\] Stay in touch digest, 2026-11-26\n/);
		expect(s.app.readFile("Daily/2026-11-25.md")).toBe("# Wednesday\n");
	});

	it("is added when the setting is switched on", async () => {
		const s = await start(exampleFiles({ [DAILY]: "# Thursday\n" }));
		expect(s.app.readFile(DAILY)).toBe("# Thursday\n");
		s.plugin.ctx.settings.patch({ digestInDailyNote: true });
		await s.plugin.ctx.settings.save();
		await s.app.settle();
		expect(s.app.readFile(DAILY)).toMatch(/^# Thursday\n\n> \[!note\] Stay in touch digest, 2026-11-26\n/);
	});

	it("is added once a day: a digest the user deleted does not come back on a restart", async () => {
		const s = await start(exampleFiles({ [SETTINGS]: DIGEST_ON, [DAILY]: "# Thursday\n" }));
		expect(s.app.readFile(DAILY)).toContain("Stay in touch digest");
		await s.app.vault.modify(s.app.vault.getFileByPath(DAILY)!, "# Thursday\n");
		const again = await s.app.restart();
		await again.settle();
		expect(again.readFile(DAILY)).toBe("# Thursday\n");
	});

	it("goes to the daily note where the Daily notes plugin keeps it, in its format", async () => {
		const s = await start(
			exampleFiles({
				[SETTINGS]: DIGEST_ON,
				".obsidian/core-plugins.json": JSON.stringify({ "daily-notes": true }),
				".obsidian/daily-notes.json": JSON.stringify({ folder: "Journal", format: "DD.MM.YYYY" }),
				"Journal/26.11.2026.md": "# Thursday\n",
				[DAILY]: "# Not the daily note\n",
			}),
		);
		expect(s.app.readFile("Journal/26.11.2026.md")).toMatch(/^# Thursday\n\n> \[!note\] Stay in touch digest, 2026-11-26\n/);
		expect(s.app.readFile(DAILY)).toBe("# Not the daily note\n");
	});

	it("never creates the daily note", async () => {
		const s = await start(exampleFiles({ [SETTINGS]: DIGEST_ON }));
		expect(s.app.vault.getFileByPath(DAILY)).toBeNull();
		expect(await addDigestToDailyNote(s.plugin.ctx)).toBe(false);
		expect(s.app.vault.getFileByPath(DAILY)).toBeNull();
	});

	it("is not added while the setting is off", async () => {
		const s = await start(exampleFiles({ [DAILY]: "# Thursday\n" }));
		expect(s.app.readFile(DAILY)).toBe("# Thursday\n");
	});
});

describe("the start-up notice", () => {
	async function startAfter(lastOpened: string | null) {
		const app = await createTestApp(exampleFiles());
		if (lastOpened !== null) app.saveLocalStorage(LAST_OPENED_KEY, lastOpened);
		const plugin = await app.loadPlugin(PinnedPlugin, manifest);
		await app.settle();
		return { app, plugin };
	}

	it("says who came due since the vault was last opened, once", async () => {
		const s = await startAfter("2026-11-20");
		// Sophie Wilson's 3 months ran out on 2026-11-20; Katherine Johnson came due today.
		expect(s.app.noticeMessages()).toContain("1 person became overdue and 1 came due since you last opened this vault");
		expect(s.app.loadLocalStorage(LAST_OPENED_KEY)).toBe("2026-11-26");
		expect(noticeWhatCameDue(s.plugin.ctx)).toBeNull();
	});

	it("counts everyone who became overdue over a longer absence", async () => {
		// Everyone overdue now was not yet overdue on 2026-10-25; Linus Torvalds (due 2026-11-17) and Katherine Johnson came due.
		const s = await startAfter("2026-10-25");
		expect(s.app.noticeMessages()).toContain("5 people became overdue and 2 came due since you last opened this vault");
	});

	it("remembers the days Obsidian stayed open (each midnight, and on quitting): only what came due while closed is told", async () => {
		vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
		try {
			const s = await startAfter("2026-11-20");
			s.plugin.now = () => new Date(2026, 10, 27, 0, 1);
			vi.advanceTimersByTime(2 * 60 * 1000);
			await s.app.settle();
			expect(s.app.loadLocalStorage(LAST_OPENED_KEY)).toBe("2026-11-27");
			s.plugin.now = () => new Date(2026, 10, 28, 9, 0);
			await s.app.unloadPlugin();
			expect(s.app.loadLocalStorage(LAST_OPENED_KEY)).toBe("2026-11-28");
		} finally {
			vi.useRealTimers();
		}
	});

	it("is told once: a restart the same day says nothing again", async () => {
		const s = await startAfter("2026-11-20");
		expect(s.app.noticeMessages().some((n) => n.includes("since you last opened"))).toBe(true);
		const again = await s.app.restart();
		await again.settle();
		expect(again.noticeMessages().filter((n) => n.includes("since you last opened"))).toEqual([]);
		expect(again.loadLocalStorage(LAST_OPENED_KEY)).toBe("2026-11-26");
	});

	it("says nothing the first time: there is no since yet", async () => {
		const s = await startAfter(null);
		expect(s.app.noticeMessages().filter((n) => n.includes("since you last opened"))).toEqual([]);
		expect(s.app.loadLocalStorage(LAST_OPENED_KEY)).toBe("2026-11-26");
	});
});
