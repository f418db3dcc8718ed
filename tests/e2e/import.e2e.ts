import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, openVault, screenshotPath } from "./browser";

const FIXTURE = join(process.cwd(), "tests", "fixtures", "import", "linkedin-preamble.csv");

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe("Import contacts… in Chromium, with the real file chooser", () => {
	it("previews LinkedIn's file, screenshots the preview, and fills the people's empty properties", async () => {
		const s = await openVault(browser);
		const before = await s.page.evaluate(() => window.e2e.readFile("Notes/Edsger Dijkstra.md"));
		await s.page.evaluate(() => window.e2e.command("import-contacts"));
		const chooser = s.page.waitForEvent("filechooser");
		await s.page.getByRole("button", { name: "Choose a file" }).click();
		await (await chooser).setFiles(FIXTURE);
		const counts = s.page.locator(".stay-in-touch-import-counts");
		await counts.waitFor();
		expect(await counts.textContent()).toBe("linkedin-preamble.csv: 0 new, 3 to update, 0 unchanged, 0 ambiguous, 0 skipped");
		// Real CSS: the details under a row are muted and smaller than the row's name.
		const detail = s.page.locator(".stay-in-touch-import-detail").first();
		const name = s.page.locator(".stay-in-touch-import-name").first();
		const [detailSize, nameSize] = await Promise.all([
			detail.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
			name.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
		]);
		expect(detailSize).toBeLessThan(nameSize);
		await s.page.getByRole("button", { name: "Import 3 notes" }).click();
		await s.page.evaluate(() => window.e2e.settle());
		await s.page.waitForFunction(() => window.e2e.notices().some((n) => n.startsWith("Imported contacts")));
		const after = await s.page.evaluate(() => window.e2e.readFile("Notes/Edsger Dijkstra.md"));
		// Only lines added: every line the note had is still there, in order.
		const added = after.split("\n").filter((line) => !before.split("\n").includes(line));
		expect(added).toEqual([
			"company: Eindhoven University of Technology",
			"role: Professor",
			"linkedin: https://www.linkedin.com/in/edsger",
			"met: 2020-02-29",
		]);
		expect(after.split("\n").filter((line) => before.split("\n").includes(line))).toEqual(before.split("\n"));
		expect(s.errors).toEqual([]);
		expect(s.requests).toEqual([]);
		await s.close();
	});

	it("previews Google's older CSV: a new person with a tier to choose, matches to fill (the README's screenshot)", async () => {
		const s = await openVault(browser);
		await s.page.evaluate(() => window.e2e.command("import-contacts"));
		const chooser = s.page.waitForEvent("filechooser");
		await s.page.getByRole("button", { name: "Choose a file" }).click();
		await (await chooser).setFiles(join(process.cwd(), "tests", "fixtures", "import", "google-old.csv"));
		const counts = s.page.locator(".stay-in-touch-import-counts");
		await counts.waitFor();
		expect(await counts.textContent()).toBe("google-old.csv: 1 new, 2 to update, 0 unchanged, 0 ambiguous, 0 skipped");
		await s.page.getByLabel("Cadence for new people").selectOption("casual");
		await s.page.locator(".modal").screenshot({ path: screenshotPath("import-modal-light") });
		expect(s.errors).toEqual([]);
		await s.close();
	});
});
