/**
 * The reach-out queue and triage in Chromium, on the built main.js: real keys from Playwright's
 * keyboard, the notes checked after each one, and the screenshots the README shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { EXAMPLE, launch, openVault, screenshotPath } from "./browser";

const ADA = "People/Ada Lovelace.md";
const RADIA = "People/Radia Perlman.md";

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe("reach out in Chromium", () => {
	it("works through the queue with the keyboard, undoes, and sums up; screenshot of a card", async () => {
		const files = {
			...EXAMPLE,
			[ADA]: `${EXAMPLE[ADA]}\n## Next\n\n- her notes on the Bernoulli numbers\n`,
			"Daily/2026-11-10.md": "Lunch with [[Ada Lovelace|Ada]]: she wants the Bernoulli notes back.\n",
		};
		const s = await openVault(browser, { files });
		await s.page.evaluate(async () => {
			window.e2e.command("start-reach-out");
			await window.e2e.settle();
		});
		const name = s.page.locator(".stay-in-touch-queue-name");
		await expect.poll(() => name.textContent()).toBe("Ada Lovelace");
		await expect.poll(() => s.page.locator(".mod-interactions li").count()).toBe(3);
		expect(await s.page.locator(".mod-next li").allTextContents()).toEqual(["her notes on the Bernoulli numbers"]);
		await s.page.locator(".modal").screenshot({ path: screenshotPath("reach-out-light") });

		const before = await s.page.evaluate((path) => window.e2e.readFile(path), ADA);
		await s.page.keyboard.press("c");
		await s.page.evaluate(() => window.e2e.settle());
		await expect.poll(() => name.textContent()).toBe("Grace Hopper");
		expect(await s.page.evaluate((path) => window.e2e.readFile(path), ADA)).toContain("- 2026-11-26\n");
		await s.page.keyboard.press("u");
		await s.page.evaluate(() => window.e2e.settle());
		await expect.poll(() => name.textContent()).toBe("Ada Lovelace");
		expect(await s.page.evaluate((path) => window.e2e.readFile(path), ADA)).toBe(before);

		await s.page.keyboard.press("Space");
		await expect.poll(() => name.textContent()).toBe("Grace Hopper");
		await s.page.keyboard.press("s");
		await s.page.keyboard.press("1");
		await s.page.evaluate(() => window.e2e.settle());
		await expect.poll(() => name.textContent()).toBe("Edsger Dijkstra");
		expect(await s.page.evaluate(() => window.e2e.readFile("People/Grace Hopper.md"))).toContain("snooze_until: 2026-12-03\n");
		for (let i = 0; i < 7; i++) await s.page.keyboard.press("Space");
		expect(await s.page.locator(".stay-in-touch-queue-summary").textContent()).toBe("All done: 1 snoozed, 8 skipped.");
		await s.page.keyboard.press("Escape");
		expect(await s.page.locator(".modal").count()).toBe(0);
		expect(s.errors).toEqual([]);
		await s.close();
	});

	it("triages an untracked person with one key, and undoes it", async () => {
		const s = await openVault(browser);
		const before = await s.page.evaluate((path) => window.e2e.readFile(path), RADIA);
		await s.page.evaluate(async () => {
			window.e2e.command("triage-untracked");
			await window.e2e.settle();
		});
		expect(await s.page.locator(".stay-in-touch-queue-name").textContent()).toBe("Radia Perlman");
		await s.page.locator(".modal").screenshot({ path: screenshotPath("triage-light") });
		await s.page.keyboard.press("2");
		await s.page.evaluate(() => window.e2e.settle());
		expect(await s.page.evaluate((path) => window.e2e.readFile(path), RADIA)).toBe(
			before.replace("birthday: 1951-12-04\n", "birthday: 1951-12-04\ncadence: close\n"),
		);
		await s.page.keyboard.press("u");
		await s.page.evaluate(() => window.e2e.settle());
		expect(await s.page.evaluate((path) => window.e2e.readFile(path), RADIA)).toBe(before);
		expect(s.errors).toEqual([]);
		await s.close();
	});

	it("works by tapping on a phone", async () => {
		const s = await openVault(browser, { phone: true });
		await s.page.evaluate(async () => {
			window.e2e.command("start-reach-out");
			await window.e2e.settle();
		});
		await s.page.getByRole("button", { name: "Contacted today (c)" }).tap();
		await s.page.evaluate(() => window.e2e.settle());
		await expect.poll(() => s.page.locator(".stay-in-touch-queue-name").textContent()).toBe("Grace Hopper");
		expect(await s.page.evaluate((path) => window.e2e.readFile(path), ADA)).toContain("- 2026-11-26\n");
		expect(s.errors).toEqual([]);
		await s.close();
	});
});
