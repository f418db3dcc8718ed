// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { SidebarView, VIEW_TYPE } from "../../src/ui/sidebar-view";
import { click, type } from "../runtime/harness";
import { clickMenuItem } from "../runtime/obsidian";
import { exampleFiles, groupTitles, openSidebar, row, rowNames, start } from "./plugin-harness";

describe("the Stay in touch sidebar", () => {
	it("shows every group with counts, in SPEC order, overdue by urgency", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		expect(groupTitles(view)).toEqual([
			"Overdue 5",
			"Due soon 3",
			"Owed favors 4",
			"Birthdays 2",
			"Not yet contacted 1",
			"Needs attention 1",
		]);
		expect(rowNames(view, "overdue")).toEqual(["Ada Lovelace", "Grace Hopper", "Edsger Dijkstra", "Sophie Wilson", "Tim Berners-Lee"]);
		// Due first by how long they have been due (Linus's range opened on Nov 17), then due soon.
		expect(rowNames(view, "soon")).toEqual(["Linus Torvalds", "Katherine Johnson", "Alan Turing"]);
		// "You owe" first, the longest-owed favor first (Sophie's since August, Ada's since November);
		// then people who owe you, an undated favor last.
		expect(rowNames(view, "favors")).toEqual(["Sophie Wilson", "Ada Lovelace", "Grace Hopper", "Margaret Hamilton"]);
		expect(rowNames(view, "birthdays")).toEqual(["Radia Perlman", "Ada Lovelace"]);
		expect(rowNames(view, "never")).toEqual(["Barbara Liskov"]);
		const ada = row(view, "overdue", "Ada Lovelace");
		expect(ada.querySelector(".stay-in-touch-due")?.textContent).toBe("7 days overdue");
		expect(ada.querySelector(".stay-in-touch-meta")?.textContent).toBe("last contact 2 weeks ago · weekly");
		expect(ada.querySelector(".stay-in-touch-bar")?.getAttribute("aria-valuenow")).toBe("100");
		expect([...ada.querySelectorAll(".stay-in-touch-badge")].map((b) => b.textContent)).toEqual(["you owe 1", "birthday in 14 days"]);
		const frances = row(view, "problems", "Frances Allen");
		expect([...frances.querySelectorAll(".stay-in-touch-problem")].map((p) => p.textContent)).toEqual([
			"cadence 'fortnighly' is not a cadence; did you mean fortnightly?",
			"last_contact '2026-13-45' is not a real calendar date",
		]);
	});

	it("moves a row when a note's frontmatter changes, and follows renames and deletes", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const text = s.app.readFile("People/Ada Lovelace.md").replace("last_contact: 2026-11-12", "last_contact: 2026-11-25");
		await s.app.writeFile("People/Ada Lovelace.md", text);
		await s.app.settle();
		expect(rowNames(view, "overdue")).not.toContain("Ada Lovelace");
		await s.app.renameFile("People/Grace Hopper.md", "People/Grace B. Hopper.md");
		await s.app.settle();
		expect(rowNames(view, "overdue")[0]).toBe("Grace B. Hopper");
		await s.app.renameFile("People/Tim Berners-Lee.md", "Notes/Tim Berners-Lee.md");
		await s.app.deleteFile("People/Sophie Wilson.md");
		await s.app.settle();
		expect(rowNames(view, "overdue")).toEqual(["Grace B. Hopper", "Edsger Dijkstra"]);
	});

	it("rebuilds only the rows of people who changed, and every row when settings change", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const grace = row(view, "overdue", "Grace Hopper");
		const edsger = row(view, "overdue", "Edsger Dijkstra");
		expect(edsger.querySelector(".stay-in-touch-due")?.textContent).toBe("7 days overdue");
		await s.app.writeFile(
			"Notes/Edsger Dijkstra.md",
			s.app.readFile("Notes/Edsger Dijkstra.md").replace("last_contact: 2026-11-05", "last_contact: 2026-11-01"),
		);
		await s.app.settle();
		// Kept as it was, and moved to the new list.
		expect(row(view, "overdue", "Grace Hopper")).toBe(grace);
		expect(grace.isConnected).toBe(true);
		// Rebuilt with the new text.
		expect(row(view, "overdue", "Edsger Dijkstra")).not.toBe(edsger);
		expect(row(view, "overdue", "Edsger Dijkstra").querySelector(".stay-in-touch-due")?.textContent).toBe("11 days overdue");
		// A setting can change what a row shows (here: whose birthday is near): every row is new.
		const ada = row(view, "overdue", "Ada Lovelace");
		expect(ada.querySelector(".mod-birthday")?.textContent).toBe("birthday in 14 days");
		s.plugin.ctx.settings.patch({ birthdayWindowDays: 7 });
		view.refresh(true);
		expect(row(view, "overdue", "Grace Hopper")).not.toBe(grace);
		expect(row(view, "overdue", "Ada Lovelace").querySelector(".mod-birthday")).toBeNull();
	});

	it("'Contacted today' writes one log entry and last contact, and the row moves", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const before = s.app.readFile("People/Grace Hopper.md");
		click(row(view, "overdue", "Grace Hopper").querySelector("button[aria-label='Mark Grace Hopper as contacted today']")!);
		await s.app.settle();
		const after = s.app.readFile("People/Grace Hopper.md");
		expect(after).toBe(
			before
				.replace("last_contact: 2026-10-01", "last_contact: 2026-11-26")
				.replace(
					"- 2026-10-01 — meeting: Swapped talks; she'll send feedback on mine.\n",
					"- 2026-10-01 — meeting: Swapped talks; she'll send feedback on mine.\n- 2026-11-26\n",
				),
		);
		expect(rowNames(view, "overdue")).not.toContain("Grace Hopper");
		expect(s.app.noticeMessages()).toContain("Logged contact with Grace Hopper");
	});

	it("'Snooze' for a week changes only the snooze line and hides the person", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const before = s.app.readFile("People/Tim Berners-Lee.md");
		click(row(view, "overdue", "Tim Berners-Lee").querySelector("button[aria-label='Snooze Tim Berners-Lee']")!);
		clickMenuItem("For 1 week");
		await s.app.settle();
		expect(s.app.readFile("People/Tim Berners-Lee.md")).toBe(
			before.replace("last_contact: 2025-11-01\n", "last_contact: 2025-11-01\nsnooze_until: 2026-12-03\n"),
		);
		expect(rowNames(view, "overdue")).not.toContain("Tim Berners-Lee");
		type(view.contentEl.querySelector("input.stay-in-touch-filter-input")!, "snoozed");
		await s.app.settle();
		expect(rowNames(view, "snoozed")).toEqual(["Donald Knuth", "Tim Berners-Lee"]);
	});

	it("filters by name, alias, tag and query", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const filter = view.contentEl.querySelector<HTMLInputElement>("input.stay-in-touch-filter-input")!;
		type(filter, "countess");
		await s.app.settle();
		expect(groupTitles(view)).toEqual(["Overdue 1", "Owed favors 1", "Birthdays 1"]);
		type(filter, "#work");
		await s.app.settle();
		expect(rowNames(view, "overdue")).toEqual(["Ada Lovelace", "Grace Hopper"]);
		type(filter, "untracked");
		await s.app.settle();
		expect(rowNames(view, "untracked")).toEqual(["Frances Allen", "Radia Perlman"]);
		type(filter, "zzz nobody");
		await s.app.settle();
		expect(view.contentEl.querySelector(".stay-in-touch-empty")?.textContent).toBe('No person matches "zzz nobody".');
	});

	it("shows names from the vault as text, never as HTML", async () => {
		const name = "<img src=x onerror=alert(1)>";
		const s = await start({
			[`People/${name}.md`]: "---\ncadence: weekly\nlast_contact: 2026-01-01\nowed_favors: ['<b>bold</b>']\n---\n",
		});
		const view = await openSidebar(s);
		expect(rowNames(view, "overdue")).toEqual([name]);
		expect(view.contentEl.querySelector("img, b, script")).toBeNull();
	});

	it("explains the empty state and names the settings to change", async () => {
		const s = await start({ "Notes/Idea.md": "# Nothing here\n" });
		const view = await openSidebar(s);
		expect(view.contentEl.querySelector(".stay-in-touch-empty")?.textContent).toContain(
			"No person notes found in People/ or tagged #person or with type: person — change this in settings.",
		);
	});

	it("renders a bounded number of rows per group, with 'Show more'", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 120; i++)
			files[`People/P${String(i).padStart(3, "0")}.md`] = `---\ncadence: weekly\nlast_contact: 2026-0${1 + (i % 9)}-01\n---\n`;
		const s = await start(files);
		const view = await openSidebar(s);
		expect(rowNames(view, "overdue")).toHaveLength(10);
		const more = view.contentEl.querySelector<HTMLButtonElement>(".stay-in-touch-group-overdue .stay-in-touch-more")!;
		expect(more.textContent).toBe("Show 25 more of 110");
		click(more);
		expect(rowNames(view, "overdue")).toHaveLength(35);
		// Still in urgency order: the longest-ago contacts (January) come first.
		expect(rowNames(view, "overdue").slice(0, 3)).toEqual(["P000", "P009", "P018"]);
	});

	it("collapses a group from the keyboard-reachable header and remembers it across restarts", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const header = view.contentEl.querySelector<HTMLButtonElement>(".stay-in-touch-group-overdue .stay-in-touch-group-header")!;
		expect(header.tagName).toBe("BUTTON");
		expect(header.getAttribute("aria-expanded")).toBe("true");
		click(header);
		await s.app.settle();
		expect(rowNames(view, "overdue")).toEqual([]);
		expect(
			view.contentEl.querySelector(".stay-in-touch-group-overdue .stay-in-touch-group-header")?.getAttribute("aria-expanded"),
		).toBe("false");
		const app2 = await s.app.restart();
		await app2.settle();
		const restored = app2.workspace.getLeavesOfType(VIEW_TYPE)[0];
		await app2.workspace.revealLeaf(restored);
		await app2.settle();
		expect(restored.view).toBeInstanceOf(SidebarView);
		expect(
			(restored.view as SidebarView).contentEl
				.querySelector(".stay-in-touch-group-overdue .stay-in-touch-group-header")
				?.getAttribute("aria-expanded"),
		).toBe("false");
	});

	it("collapses each group, whatever order it keeps, and keeps its count in the header", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const ids = [...view.contentEl.querySelectorAll(".stay-in-touch-group")].map((g) =>
			[...g.classList].find((c) => c.startsWith("stay-in-touch-group-"))!.slice("stay-in-touch-group-".length),
		);
		expect(ids).toEqual(expect.arrayContaining(["overdue", "soon", "favors", "birthdays"]));
		for (const id of ids) {
			const count = view.contentEl.querySelector(`.stay-in-touch-group-${id} .stay-in-touch-count`)?.textContent;
			click(view.contentEl.querySelector<HTMLButtonElement>(`.stay-in-touch-group-${id} .stay-in-touch-group-header`)!);
			await s.app.settle();
			expect(rowNames(view, id)).toEqual([]);
			expect(view.contentEl.querySelector(`.stay-in-touch-group-${id} .stay-in-touch-count`)?.textContent).toBe(count);
		}
		// Collapsed groups are still counted when the people change.
		const soon = Number(view.contentEl.querySelector(".stay-in-touch-group-soon .stay-in-touch-count")?.textContent);
		await s.app.writeFile("People/Newly Due.md", "---\ncadence: weekly\nlast_contact: 2026-11-21\n---\n");
		await s.app.settle();
		s.plugin.ctx.index.flush();
		expect(view.contentEl.querySelector(".stay-in-touch-group-soon .stay-in-touch-count")?.textContent).toBe(String(soon + 1));
		expect(rowNames(view, "soon")).toEqual([]);
	});

	it("opens the note from a row, in a new tab with a modifier, and offers page preview on hover", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const link = row(view, "overdue", "Ada Lovelace").querySelector<HTMLElement>(".stay-in-touch-name")!;
		click(link);
		await s.app.settle();
		expect(s.app.workspace.getActiveFile()?.path).toBe("People/Ada Lovelace.md");
		const tabs = s.app.workspace.getLeavesOfType("markdown").length;
		click(row(view, "overdue", "Grace Hopper").querySelector<HTMLElement>(".stay-in-touch-name")!, { mod: true });
		await s.app.settle();
		expect(s.app.workspace.getLeavesOfType("markdown").length).toBe(tabs + 1);
		link.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(s.app.workspace.hoverLinkLog.at(-1)).toMatchObject({ source: VIEW_TYPE, linktext: "People/Ada Lovelace.md" });
	});

	it("shows the overdue count in the status bar, which opens the sidebar", async () => {
		const s = await start(exampleFiles());
		const item = s.app.dom.statusBarEl.querySelector<HTMLElement>(".stay-in-touch-status-bar")!;
		expect(item.textContent).toBe("5 overdue");
		click(item);
		await s.app.settle();
		expect(s.app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1);
		s.plugin.ctx.settings.patch({ showStatusBar: false });
		await s.plugin.ctx.settings.save();
		await s.app.settle();
		expect(item.hasClass("stay-in-touch-hidden")).toBe(true);
	});
});
