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
