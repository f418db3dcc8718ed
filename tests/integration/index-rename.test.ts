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

describe("renaming a people or excluded folder", () => {
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

	it("reads the moved notes with the moved setting at once: no one drops out while the settings are applied", async () => {
		const s = await start(exampleFiles());
		const people = s.plugin.ctx.index.size;
		await s.app.renameFile("People", "Network");
		// Before settling: the save of the followed setting and the build it starts are still under way.
		expect(s.plugin.ctx.index.get("Network/Grace Hopper.md")?.name).toBe("Grace Hopper");
		expect(s.plugin.ctx.index.size).toBe(people);
		await s.app.settle();
		expect(s.plugin.ctx.index.size).toBe(people);
	});

	it("keeps the notes of a renamed excluded folder out, also before the settings are applied", async () => {
		const person = "---\ntype: person\ncadence: weekly\n---\n";
		const s = await start({ "People/Ann.md": person, "Team/Old/Cy.md": person });
		s.plugin.ctx.settings.patch({ excludedFolders: ["Team/Old"] });
		await s.plugin.ctx.settings.save();
		await s.app.settle();
		expect(s.plugin.ctx.index.get("Team/Old/Cy.md")).toBeUndefined();
		await s.app.renameFile("Team/Old", "Team/Archive");
		expect(s.plugin.ctx.index.get("Team/Archive/Cy.md")).toBeUndefined();
		// What a script sees at that moment: the note is not a person, so no log is written to it.
		expect(await s.plugin.api.logInteraction("Team/Archive/Cy.md", { note: "hi" })).toEqual({
			ok: false,
			error: "Team/Archive/Cy.md is not a person note",
		});
		await s.app.settle();
		expect(s.plugin.ctx.settings.get().excludedFolders).toEqual(["Team/Archive"]);
		expect(s.plugin.ctx.index.get("Team/Archive/Cy.md")).toBeUndefined();
		expect(s.app.readFile("Team/Archive/Cy.md")).toBe(person);
		expect(s.plugin.ctx.index.get("People/Ann.md")).toBeDefined();
	});
});
