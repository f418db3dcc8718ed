// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { VIEW_TYPE, SidebarView } from "../../src/ui/sidebar-view";
import { click, createTestApp } from "../runtime/harness";
import { clickMenuItem, getOpenMenu, Menu, TFile } from "../runtime/obsidian";
import { exampleFiles, manifest, openSidebar, PinnedPlugin, row, rowNames, start } from "./plugin-harness";

const header = (view: SidebarView, group: string) =>
	view.contentEl.querySelector<HTMLButtonElement>(`.stay-in-touch-group-${group} .stay-in-touch-group-header`)!;

describe("the sidebar from the keyboard", () => {
	it("keeps focus on a group's header when it is collapsed and expanded", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		header(view, "soon").focus();
		// Enter or Space on a focused button is a click.
		click(header(view, "soon"));
		await s.app.settle();
		expect(header(view, "soon").getAttribute("aria-expanded")).toBe("false");
		expect(document.activeElement).toBe(header(view, "soon"));
		click(header(view, "soon"));
		await s.app.settle();
		expect(document.activeElement).toBe(header(view, "soon"));
	});

	it("moves focus to the first newly shown row after 'Show more'", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 30; i++)
			files[`People/P${String(i).padStart(3, "0")}.md`] = `---\ncadence: weekly\nlast_contact: 2026-0${1 + (i % 9)}-01\n---\n`;
		const s = await start(files);
		const view = await openSidebar(s);
		const more = view.contentEl.querySelector<HTMLButtonElement>(".stay-in-touch-group-overdue .stay-in-touch-more")!;
		more.focus();
		click(more);
		await s.app.settle();
		const names = rowNames(view, "overdue");
		expect(names).toHaveLength(30);
		expect(document.activeElement).toBe(row(view, "overdue", names[10]).querySelector(".stay-in-touch-name"));
	});

	it("keeps focus on a row's button when another note changes and the pane re-renders", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const log = () => row(view, "overdue", "Grace Hopper").querySelector<HTMLButtonElement>("[data-action='log']")!;
		log().focus();
		expect(document.activeElement).toBe(log());
		await s.app.writeFile(
			"People/Ada Lovelace.md",
			s.app.readFile("People/Ada Lovelace.md").replace("last_contact: 2026-11-12", "last_contact: 2026-11-25"),
		);
		await s.app.settle();
		expect(rowNames(view, "overdue")).not.toContain("Ada Lovelace");
		expect(document.activeElement).toBe(log());
	});

	it("after 'Contacted today' from the keyboard, focus moves to the name of the next person, so a second Enter logs no one", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		expect(rowNames(view, "overdue").slice(0, 3)).toEqual(["Ada Lovelace", "Grace Hopper", "Edsger Dijkstra"]);
		const button = row(view, "overdue", "Grace Hopper").querySelector<HTMLButtonElement>("[data-action='contacted']")!;
		button.focus();
		click(button);
		await s.app.settle();
		expect(rowNames(view, "overdue")).not.toContain("Grace Hopper");
		expect(document.activeElement).toBe(row(view, "overdue", "Edsger Dijkstra").querySelector("a.stay-in-touch-name"));
		// A held or repeated Enter lands on a link, not on the next person's write action.
		const path = row(view, "overdue", "Edsger Dijkstra").getAttribute("data-path")!;
		const edsger = s.app.readFile(path);
		(document.activeElement as HTMLElement).click();
		await s.app.settle();
		expect(s.app.readFile(path)).toBe(edsger);
	});
});

describe("the sidebar's row actions", () => {
	it("opens the snooze menu under its button when the button is pressed from the keyboard", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const button = row(view, "overdue", "Grace Hopper").querySelector<HTMLButtonElement>("[data-action='snooze']")!;
		button.getBoundingClientRect = () => new DOMRect(120, 300, 60, 24);
		// Enter or Space on a button clicks it with no pointer position (detail 0, clientX/Y 0).
		button.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, detail: 0 }));
		expect(getOpenMenu()?.position).toMatchObject({ x: 120, y: 324 });
		// A mouse click opens it where the pointer is.
		getOpenMenu()?.hide();
		button.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, detail: 1, clientX: 150, clientY: 310 }));
		expect(getOpenMenu()?.position).toMatchObject({ x: 150, y: 310 });
	});

	it("offers the row's actions and the usual file menu on right click", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const seen: string[] = [];
		s.app.workspace.on("file-menu", (menu: Menu, file: TFile, source: string) => {
			seen.push(`${file.path} ${source}`);
			menu.addItem((item) => item.setTitle("Added by another plugin"));
		});
		const before = s.app.readFile("People/Grace Hopper.md");
		click(row(view, "overdue", "Grace Hopper").querySelector(".stay-in-touch-meta")!, { button: 2 });
		const menu = getOpenMenu();
		expect(menu?.titles()).toEqual(
			expect.arrayContaining(["Log interaction…", "Contacted today", "Snooze for 1 week", "Added by another plugin"]),
		);
		expect(seen).toEqual([`People/Grace Hopper.md ${VIEW_TYPE}`]);
		clickMenuItem("Contacted today");
		await s.app.settle();
		expect(s.app.readFile("People/Grace Hopper.md")).not.toBe(before);
		expect(rowNames(view, "overdue")).not.toContain("Grace Hopper");
	});

	it("opens the note in a new tab on a middle click, as every Obsidian link does", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		await s.app.openNote("Notes/Project ideas.md");
		const tabs = s.app.workspace.getLeavesOfType("markdown").length;
		click(row(view, "overdue", "Grace Hopper").querySelector(".stay-in-touch-name")!, { button: 1 });
		await s.app.settle();
		expect(s.app.workspace.getLeavesOfType("markdown").length).toBe(tabs + 1);
		expect(
			s.app.workspace
				.getLeavesOfType("markdown")
				.some((l) => (l.view as { file?: { path: string } }).file?.path === "People/Grace Hopper.md"),
		).toBe(true);
	});

	it("writes one entry when 'Contacted today' is double-clicked", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const button = row(view, "overdue", "Grace Hopper").querySelector<HTMLButtonElement>("[data-action='contacted']")!;
		click(button);
		click(button);
		await s.app.settle();
		expect(s.app.readFile("People/Grace Hopper.md").match(/^- 2026-11-26$/gm)).toHaveLength(1);
	});

	it("on a phone, closes the sidebar drawer when a note is opened from it", async () => {
		const app = await createTestApp(exampleFiles(), {
			platform: { isMobile: true, isDesktop: false, isPhone: true, isDesktopApp: false, isMobileApp: true },
		});
		const plugin = await app.loadPlugin(PinnedPlugin, manifest);
		await app.settle();
		const view = await openSidebar({ app, plugin });
		expect(app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1);
		click(row(view, "overdue", "Grace Hopper").querySelector(".stay-in-touch-name")!);
		await app.settle();
		expect(app.workspace.getActiveFile()?.path).toBe("People/Grace Hopper.md");
		expect(app.workspace.rightSplit.collapsed).toBe(true);
	});
});

describe("settings the sidebar cannot understand", () => {
	it("says so at the top when a synced data.json holds a default cadence that is not one", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const box = () => view.contentEl.querySelector(".stay-in-touch-settings-problems");
		expect(box()).toBeNull();
		await s.app.externalSettingsChange(manifest.id, { version: 1, defaultCadence: "fortnighly" });
		await s.app.settle();
		expect([...box()!.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
			"default cadence 'fortnighly' is not a cadence; did you mean fortnightly?",
		]);
		await s.app.externalSettingsChange(manifest.id, { version: 1, defaultCadence: "fortnightly" });
		await s.app.settle();
		expect(box()).toBeNull();
	});
});
