import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { launch, openVault, screenshotPath, type Session } from "./browser";

/** Apple's and Android's guidelines agree on about 44 CSS px for anything a finger must hit. */
const MIN_TARGET = 44;

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

interface Target {
	what: string;
	width: number;
	height: number;
	/** Points of the 44 px square around the control's centre where a tap lands on something else. */
	misses: number;
}

/**
 * Everything a finger can hit inside `root` that is shown: its box, and whether a tap anywhere in
 * the 44 px square around its centre lands on it (each is scrolled into view first, as a user
 * would). A toggle drawn smaller passes only if its invisible margin takes those taps.
 */
async function targets(page: Page, root: string): Promise<Target[]> {
	return page.$$eval(
		`${root} :is(button, a, input, select, textarea, [role="button"], .clickable-icon, .checkbox-container)`,
		(els, min) =>
			els
				.filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
				.map((el) => {
					el.scrollIntoView({ block: "center", inline: "center" });
					const box = el.getBoundingClientRect();
					const cx = box.left + box.width / 2;
					const cy = box.top + box.height / 2;
					// 1 px in from the square's edges: the browser rounds a probe at x.5 onto the next pixel.
					const r = min / 2 - 1;
					let misses = 0;
					for (const dx of [-r, 0, r])
						for (const dy of [-r, 0, r]) {
							const hit = document.elementFromPoint(cx + dx, cy + dy);
							if (!hit || !el.contains(hit)) misses++;
						}
					const what = el.getAttribute("aria-label") ?? el.textContent?.trim() ?? "";
					return {
						what: `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${what}"`,
						width: box.width,
						height: box.height,
						misses,
					};
				}),
		MIN_TARGET,
	);
}

/** The controls smaller than 44 px (a toggle may be drawn smaller if its margin takes the taps). */
function tooSmall(list: Target[]): string[] {
	const small = (t: Target) => t.width < MIN_TARGET - 0.5 || t.height < MIN_TARGET - 0.5;
	return list
		.filter((t) => t.misses > 0 || (small(t) && !t.what.startsWith("div.checkbox-container")))
		.map((t) => `${t.what}: ${t.width}×${t.height}, ${t.misses} of 9 taps around it land elsewhere`);
}

async function openSidebar(s: Session): Promise<Locator> {
	await s.page.evaluate(async () => {
		window.e2e.command("open-sidebar");
		await window.e2e.settle();
	});
	return s.page.locator(".stay-in-touch-view");
}

describe("on a phone (390×844, touch, Obsidian's mobile flags)", () => {
	it("loads with Obsidian's mobile classes, and the plugin takes itself for mobile", async () => {
		const s = await openVault(browser, { phone: true });
		const state = await s.page.evaluate(() => ({
			classes: [...document.body.classList].filter((c) => c.startsWith("is-")).sort(),
			width: window.innerWidth,
			touch: navigator.maxTouchPoints > 0,
		}));
		expect(state).toEqual({ classes: ["is-ios", "is-mobile", "is-phone"], width: 390, touch: true });
		expect(s.errors).toEqual([]);
		expect(s.requests).toEqual([]);
		await s.close();
	});

	it("opens the sidebar as a full-width drawer whose every control is at least 44 px, and screenshots it", async () => {
		const s = await openVault(browser, { phone: true });
		const view = await openSidebar(s);
		await expect.poll(() => view.locator(".stay-in-touch-row").count()).toBeGreaterThan(5);
		await s.page.screenshot({ path: screenshotPath("sidebar-phone") });
		const all = await targets(s.page, ".stay-in-touch-view");
		// Filter, group headers, names, the journal-note links, every row action, "Show more".
		expect(all.length).toBeGreaterThan(30);
		expect(tooSmall(all)).toEqual([]);
		// Nothing runs off the side of the screen.
		const widest = await view.evaluate((el) => el.scrollWidth);
		expect(widest).toBeLessThanOrEqual(390);

		// Tapping a group header folds it, tapping again opens it.
		const overdue = view.locator(".stay-in-touch-group-overdue");
		await overdue.locator(".stay-in-touch-group-header").tap();
		await expect.poll(() => overdue.locator(".stay-in-touch-row").count()).toBe(0);
		await overdue.locator(".stay-in-touch-group-header").tap();
		await expect.poll(() => overdue.locator(".stay-in-touch-row").count()).toBeGreaterThan(0);

		// Tapping a name opens the note and closes the drawer, as the file explorer does on a phone.
		await overdue.locator(".stay-in-touch-name", { hasText: "Ada Lovelace" }).tap();
		await s.page.evaluate(() => window.e2e.settle());
		expect(await s.page.evaluate(() => window.e2e.app().workspace.getActiveFile()?.path)).toBe("People/Ada Lovelace.md");
		expect(await s.page.locator(".mod-right-split").isVisible()).toBe(false);
		expect(s.errors).toEqual([]);
		await s.close();
	});

	it("logs an interaction by tapping through the form, whose controls are at least 44 px", async () => {
		const s = await openVault(browser, { phone: true });
		const view = await openSidebar(s);
		const ada = view.locator(".stay-in-touch-group-overdue .stay-in-touch-row", { hasText: "Ada Lovelace" });
		await ada.locator('[data-action="log"]').tap();
		const modal = s.page.locator(".modal");
		await expect.poll(() => modal.count()).toBe(1);
		// On a phone, Enter in the note starts a new line (there is no Shift on the keyboard); the
		// description says how to log instead.
		expect(await modal.textContent()).toContain("What you talked about.");
		expect(await modal.textContent()).not.toContain("Shift+Enter");
		expect(tooSmall(await targets(s.page, ".modal .modal-content"))).toEqual([]);
		const modalBox = await modal.boundingBox();
		expect(modalBox && modalBox.x >= 0 && modalBox.x + modalBox.width <= 390).toBe(true);
		await s.page.locator(".modal").screenshot({ path: screenshotPath("log-modal-phone") });

		await modal.locator('[aria-label="Date"]').tap();
		await modal.locator('[aria-label="Date"]').fill("yesterday");
		await modal.locator('[aria-label="Type"]').selectOption("coffee");
		await modal.locator('[aria-label="Note"]').tap();
		await s.page.keyboard.type("Coffee by the harbour.");
		await s.page.keyboard.press("Enter");
		await s.page.keyboard.type("She starts at Acme in May.");
		expect(await modal.count()).toBe(1);
		await modal.locator("button.mod-cta", { hasText: "Log" }).tap();
		await s.page.evaluate(() => window.e2e.settle());
		expect(await modal.count()).toBe(0);
		const text = await s.page.evaluate(() => window.e2e.readFile("People/Ada Lovelace.md"));
		expect(text).toContain("last_contact: 2026-11-25\n");
		expect(text).toContain("- 2026-11-25 — coffee: Coffee by the harbour.\n");
		expect(text).toContain("She starts at Acme in May.");
		expect(await s.page.evaluate(() => window.e2e.notices())).toContain("Logged coffee with Ada Lovelace on 2026-11-25");
		expect(s.errors).toEqual([]);
		await s.close();
	});
});
