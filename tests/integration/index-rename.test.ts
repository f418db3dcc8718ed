// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { exampleFiles, start } from "./plugin-harness";

describe("renaming a person note", () => {
	it("still lets the last log be undone after the note was renamed", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile("People/Grace Hopper.md");
		await s.plugin.api.logInteraction("People/Grace Hopper.md", { note: "Caught up" });
		await s.app.renameFile("People/Grace Hopper.md", "People/Grace Brewster Hopper.md");
		await s.app.settle();
		expect(s.app.runCommand("undo-last-log")).toBe(true);
		await s.app.settle();
		expect(s.app.readFile("People/Grace Brewster Hopper.md")).toBe(before);
		expect(s.app.noticeMessages().at(-1)).toBe("Undone: logged call with Grace Hopper");
	});
});

describe("renaming the people folder", () => {
	it("moves the people folder setting with it, so no one drops out, and says so", async () => {
		const s = await start(exampleFiles());
		const people = s.plugin.ctx.index.size;
		await s.app.renameFile("People", "Network");
		await s.app.settle();
		expect(s.plugin.ctx.settings.get().peopleFolders).toEqual(["Network"]);
		expect(s.plugin.ctx.index.size).toBe(people);
		expect(s.plugin.ctx.index.get("Network/Grace Hopper.md")?.name).toBe("Grace Hopper");
		expect(s.app.noticeMessages()).toContain("Stay in touch follows the renamed folder: People is now Network.");
		// Saved, so it holds after a restart.
		expect(JSON.parse(s.app.readFile(".obsidian/plugins/stay-in-touch/data.json")).peopleFolders).toEqual(["Network"]);
	});
});
