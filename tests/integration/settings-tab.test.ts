// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { StayInTouchSettingTab } from "../../src/ui/settings-tab";
import { click, type } from "../runtime/harness";
import { exampleFiles, groupTitles, openSidebar, rowNames, start, type Started } from "./plugin-harness";

function settingTab(s: Started): HTMLElement {
	const tab = s.app.setting.pluginTabs.find((t) => t instanceof StayInTouchSettingTab);
	if (!tab) throw new Error("no settings tab");
	return s.app.openSettingTab(tab);
}

function setting(root: HTMLElement, name: string): HTMLElement {
	const item = [...root.querySelectorAll<HTMLElement>(".setting-item")].find(
		(el) => el.querySelector(".setting-item-name")?.textContent === name,
	);
	if (!item) throw new Error(`no setting ${name}`);
	return item;
}

function savedData(s: Started): Record<string, unknown> {
	return JSON.parse(s.app.readFile(".obsidian/plugins/stay-in-touch/data.json")) as Record<string, unknown>;
}

describe("settings tab", () => {
	it("has a heading per section and every setting SPEC lists", async () => {
		const s = await start(exampleFiles());
		const root = settingTab(s);
		const headings = [
			...root.querySelectorAll(".setting-item-heading .setting-item-name, .setting-group-heading, .setting-item-heading"),
		]
			.map((h) => h.textContent?.trim())
			.filter(Boolean);
		for (const heading of ["Which notes are people", "Properties", "Cadence", "Interaction log", "Display"])
			expect(headings.join("|")).toContain(heading);
		for (const name of [
			"People folders",
			"Person tag",
			"Marker property",
			"Marker value",
			"Excluded folders",
			"Last contact",
			"Cadence",
			"Snooze until",
			"Favors you owe",
			"Favors owed to you",
			"Birthday",
			"Default cadence",
			"Tiers",
			"Due soon window",
			"Log heading",
			"Entry order",
			"Link dates to daily notes",
			"Interaction types",
			"Overdue count in the status bar",
		]) {
			expect(setting(root, name)).toBeTruthy();
		}
	});

	it("explains an invalid cadence or folder inline and does not save it", async () => {
		const s = await start(exampleFiles());
		const root = settingTab(s);
		const cadence = setting(root, "Default cadence");
		type(cadence.querySelector("input")!, "fortnighly");
		await s.app.settle();
		expect(cadence.querySelector(".stay-in-touch-setting-error")?.textContent).toBe(
			"'fortnighly' is not a cadence; did you mean fortnightly?",
		);
		expect(s.plugin.ctx.settings.get().defaultCadence).toBe("");
		const folders = setting(root, "People folders");
		type(folders.querySelector("input")!, "People, Nowhere");
		await s.app.settle();
		expect(folders.querySelector(".stay-in-touch-setting-error")?.textContent).toBe("No folder named Nowhere in this vault.");
		expect(s.plugin.ctx.settings.get().peopleFolders).toEqual(["People"]);
	});

	it("applies a valid change to the open sidebar at once and saves it", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		expect(rowNames(view, "soon")).toContain("Alan Turing");
		const root = settingTab(s);
		type(setting(root, "Due soon window").querySelector("input")!, "2");
		await s.app.settle();
		expect(rowNames(view, "soon")).not.toContain("Alan Turing");
		expect(savedData(s).dueSoonDays).toBe(2);
		type(setting(root, "People folders").querySelector("input")!, "Contacts");
		await s.app.settle();
		// Only Hedy (Contacts/) and the tagged Edsger and People/ notes tagged #person remain.
		expect(groupTitles(view)[0]).toBe("Overdue 3");
		click(setting(root, "Notes with the person tag").querySelector(".checkbox-container")!);
		await s.app.settle();
		expect(view.contentEl.querySelector(".stay-in-touch-group-overdue")).toBeNull();
		expect(savedData(s)).toMatchObject({ peopleFolders: ["Contacts"], useTag: false });
	});

	it("renders the same rows through display() for apps before 1.13", async () => {
		const s = await start(exampleFiles());
		const tab = s.app.setting.pluginTabs.find((t) => t instanceof StayInTouchSettingTab) as StayInTouchSettingTab;
		tab.display();
		const names = [...tab.containerEl.querySelectorAll(".setting-item-heading .setting-item-name")].map((h) => h.textContent);
		expect(names).toEqual(["Which notes are people", "Properties", "Cadence", "Interaction log", "Mentions", "Display"]);
		expect(setting(tab.containerEl, "Tiers").querySelector("textarea")?.value).toBe(
			"inner: 2 weeks\nclose: 1 month\ncasual: 3 months\ndistant: 6 months\ndormant: 1 year",
		);
	});

	it("takes journal folders line by line, explains a format that names no day, and counts their mentions at once", async () => {
		const s = await start({
			"People/Ada.md": "---\ncadence: weekly\n---\n",
			"Log/20.11.2026.md": "Met [[Ada]]\n",
		});
		const ada = () => s.plugin.api.person("People/Ada.md");
		expect(ada()?.lastContact).toBeNull();
		const root = settingTab(s);
		const folders = setting(root, "Journal folders");
		type(folders.querySelector("textarea")!, "Log: YYYY-[W]WW");
		await s.app.settle();
		expect(folders.querySelector(".stay-in-touch-setting-error")?.textContent).toBe(
			"Line 1: the format needs a year, a month and a day (YYYY, MM, DD).",
		);
		expect(s.plugin.ctx.settings.get().journalSources).toEqual([]);
		type(folders.querySelector("textarea")!, "Log: DD.MM.YYYY\n/: YYYY-MM-DD");
		await s.app.settle();
		expect(folders.querySelector(".stay-in-touch-setting-error")?.textContent).toBe("");
		expect(savedData(s).journalSources).toEqual([
			{ folder: "Log", format: "DD.MM.YYYY" },
			{ folder: "", format: "YYYY-MM-DD" },
		]);
		expect(ada()).toMatchObject({ lastContact: "2026-11-20", lastContactSource: "Log/20.11.2026.md" });
		click(setting(root, "Count mentions as contact").querySelector(".checkbox-container")!);
		await s.app.settle();
		expect(savedData(s).trackMentions).toBe(false);
		expect(ada()?.lastContact).toBeNull();
	});

	it("refuses to remove a tier the default cadence uses, instead of leaving everyone untracked", async () => {
		const s = await start({ "People/Ada.md": "" });
		const root = settingTab(s);
		type(setting(root, "Default cadence").querySelector("input")!, "close");
		await s.app.settle();
		expect(s.plugin.ctx.index.scheduledOne("People/Ada.md", s.plugin.ctx.clock.today())?.schedule.status).toBe("never");
		const tiers = setting(root, "Tiers");
		type(tiers.querySelector("textarea")!, "inner: 2 weeks");
		await s.app.settle();
		expect(tiers.querySelector(".stay-in-touch-setting-error")?.textContent).toBe(
			"The default cadence 'close' needs a tier removed here; change the default cadence first.",
		);
		expect(Object.keys(s.plugin.ctx.settings.get().tiers)).toContain("close");
		expect(s.plugin.ctx.index.scheduledOne("People/Ada.md", s.plugin.ctx.clock.today())?.schedule.status).toBe("never");
		// Changing a tier's length is fine.
		type(tiers.querySelector("textarea")!, "close: 10 days");
		await s.app.settle();
		expect(tiers.querySelector(".stay-in-touch-setting-error")?.textContent).toBe("");
		expect(savedData(s).tiers).toEqual({ close: "10 days" });
	});

	it("explains a person tag Obsidian would never report, instead of silently losing every tagged person", async () => {
		const s = await start({ "Notes/Ada.md": "Met at PyCon #person/work\n" });
		const root = settingTab(s);
		const tag = setting(root, "Person tag");
		for (const [typed, message] of [
			["person/", "A tag cannot start or end with / or have an empty part: person/work."],
			["#person//work", "A tag cannot start or end with / or have an empty part: person/work."],
			["2024", "A tag needs at least one character that is not a digit."],
			["person,work", "A tag holds letters, digits, _, - and / only."],
			["person.work", "A tag holds letters, digits, _, - and / only."],
		]) {
			type(tag.querySelector("input")!, typed);
			await s.app.settle();
			expect(tag.querySelector(".stay-in-touch-setting-error")?.textContent).toBe(message);
			expect(s.plugin.ctx.settings.get().personTag).toBe("person");
			expect(s.plugin.ctx.index.get("Notes/Ada.md")).toBeDefined();
		}
		type(tag.querySelector("input")!, "#Person/Work");
		await s.app.settle();
		expect(tag.querySelector(".stay-in-touch-setting-error")?.textContent).toBe("");
		expect(savedData(s).personTag).toBe("Person/Work");
		expect(s.plugin.ctx.index.get("Notes/Ada.md")).toBeDefined();
	});
});
