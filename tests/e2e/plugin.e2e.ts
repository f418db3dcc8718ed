import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, openVault, screenshotPath } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe("the built main.js in Chromium", () => {
	it("loads as Obsidian loads it, without console errors or network requests", async () => {
		const s = await openVault(browser);
		const state = await s.page.evaluate(() => ({
			ribbon: document.querySelectorAll(".side-dock-actions > *").length,
			statusBar: document.querySelector(".stay-in-touch-status-bar")?.textContent,
			commands: window.e2e
				.app()
				.commands.listCommands()
				.map((c) => c.id)
				.filter((id) => id.startsWith("stay-in-touch:"))
				.sort(),
		}));
		expect(state.ribbon).toBe(1);
		expect(state.statusBar).toBe("5 overdue");
		expect(state.commands).toEqual([
			"stay-in-touch:export-vcard",
			"stay-in-touch:find-person",
			"stay-in-touch:import-contacts",
			"stay-in-touch:insert-digest",
			"stay-in-touch:log-interaction",
			"stay-in-touch:log-interaction-today",
			"stay-in-touch:open-sidebar",
			"stay-in-touch:start-reach-out",
			"stay-in-touch:triage-untracked",
			"stay-in-touch:undo-last-import",
			"stay-in-touch:undo-last-log",
		]);
		expect(s.errors).toEqual([]);
		expect(s.requests).toEqual([]);
		await s.close();
	});

	for (const theme of ["light", "dark"] as const) {
		it(`opens the sidebar (${theme} theme) and screenshots it`, async () => {
			const s = await openVault(browser, { theme });
			await s.page.evaluate(async () => {
				window.e2e.command("open-sidebar");
				await window.e2e.settle();
			});
			const groups = await s.page.$$eval(".stay-in-touch-group-title", (els) => els.map((e) => e.textContent));
			expect(groups).toEqual(["Overdue", "Due soon", "Owed favors", "Birthdays", "Not yet contacted", "Needs attention"]);
			const overdue = s.page.locator(".stay-in-touch-group-overdue .stay-in-touch-row").first();
			const box = await overdue.boundingBox();
			expect(box && box.width).toBeGreaterThan(250);
			// Real CSS applies: the overdue row carries the theme's red on its left border.
			const border = await overdue.evaluate((el) => getComputedStyle(el).borderLeftColor);
			expect(border).toBe(theme === "light" ? "rgb(233, 49, 71)" : "rgb(251, 70, 76)");
			await s.page.locator(".mod-right-split").screenshot({ path: screenshotPath(`sidebar-${theme}`) });
			expect(s.errors).toEqual([]);
			await s.close();
		});
	}

	it("logs an interaction through the modal and screenshots it", async () => {
		const s = await openVault(browser);
		await s.page.evaluate(async () => {
			await window.e2e.openNote("People/Ada Lovelace.md");
			window.e2e.command("log-interaction");
		});
		await s.page.locator('[aria-label="Date"]').fill("yesterday");
		await s.page.locator('[aria-label="Type"]').selectOption("coffee");
		await s.page.locator('[aria-label="Note"]').fill("Talked about her move to Acme.");
		await expect.poll(() => s.page.locator(".stay-in-touch-date-message").textContent()).toBe("Wednesday, 2026-11-25");
		await s.page.locator(".modal").screenshot({ path: screenshotPath("log-modal-light") });
		await s.page.locator('[aria-label="Note"]').press("Enter");
		await s.page.evaluate(() => window.e2e.settle());
		const text = await s.page.evaluate(() => window.e2e.readFile("People/Ada Lovelace.md"));
		expect(text).toContain("last_contact: 2026-11-25\n");
		expect(text).toContain("- 2026-11-25 — coffee: Talked about her move to Acme.\n");
		expect(await s.page.locator(".modal").count()).toBe(0);
		expect(s.errors).toEqual([]);
		await s.close();
	});

	it("renders a note with query blocks and screenshots it", async () => {
		const s = await openVault(browser);
		await s.page.evaluate(() => window.e2e.renderNote("Stay in touch.md"));
		const tables = s.page.locator(".stay-in-touch-query-table");
		expect(await tables.count()).toBeGreaterThan(3);
		const firstNames = await s.page.locator(".stay-in-touch-query").first().locator("tbody tr td:first-child a").allTextContents();
		expect(firstNames).toEqual(["Ada Lovelace", "Grace Hopper"]);
		await s.page.locator(".test-render-host").screenshot({ path: screenshotPath("query-block-light") });
		expect(s.errors).toEqual([]);
		await s.close();
	});
});
