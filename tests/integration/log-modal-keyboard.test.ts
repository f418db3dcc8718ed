// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { DatePromptModal } from "../../src/ui/date-prompt";
import { LogModal } from "../../src/ui/log-modal";
import { click, createTestApp, pressKey, type } from "../runtime/harness";
import { clickMenuItem } from "../runtime/obsidian";
import { exampleFiles, manifest, openSidebar, PinnedPlugin, row, start } from "./plugin-harness";

const ADA = "People/Ada Lovelace.md";

describe("the log modal from the keyboard", () => {
	it("Enter on the focused Cancel button cancels; it does not log", async () => {
		const s = await start(exampleFiles());
		const before = s.app.readFile(ADA);
		await s.app.openNote(ADA);
		s.app.runCommand("log-interaction");
		const m = s.app.activeModal;
		if (!(m instanceof LogModal)) throw new Error("the log modal is not open");
		const cancel = [...m.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Cancel")!;
		cancel.focus();
		// In a browser, Enter on a focused button clicks it unless a key handler prevents that.
		const down = pressKey(cancel, "Enter");
		if (!down.defaultPrevented) click(cancel);
		await s.app.settle();
		expect(s.app.readFile(ADA)).toBe(before);
		expect(s.app.activeModal).toBeNull();
	});
});

describe("the log modal on a phone", () => {
	it("the keyboard's return key starts a new line in the note (there is no Shift+Enter); the Log button submits", async () => {
		const app = await createTestApp(exampleFiles(), {
			platform: { isMobile: true, isDesktop: false, isPhone: true, isDesktopApp: false, isMobileApp: true },
		});
		await app.loadPlugin(PinnedPlugin, manifest);
		await app.settle();
		const before = app.readFile(ADA);
		await app.openNote(ADA);
		app.runCommand("log-interaction");
		const m = app.activeModal;
		if (!(m instanceof LogModal)) throw new Error("the log modal is not open");
		const note = m.contentEl.querySelector<HTMLTextAreaElement>("textarea[aria-label='Note']")!;
		type(note, "First line");
		const down = pressKey(note, "Enter");
		expect(down.defaultPrevented).toBe(false);
		await app.settle();
		expect(app.activeModal).toBe(m);
		expect(app.readFile(ADA)).toBe(before);
		expect(m.contentEl.textContent).not.toContain("Shift+Enter");
		type(note, "First line\nSecond line");
		click([...m.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Log")!);
		await app.settle();
		expect(app.readFile(ADA)).toContain("- 2026-11-26 — call: First line\n  Second line\n");
	});
});

describe("snooze until a date", () => {
	it("snoozes until the date typed, and says what is missing when Enter comes before a date", async () => {
		const s = await start(exampleFiles());
		const view = await openSidebar(s);
		const before = s.app.readFile("People/Grace Hopper.md");
		click(row(view, "overdue", "Grace Hopper").querySelector("[data-action='snooze']")!);
		clickMenuItem("Until a date…");
		const prompt = s.app.activeModal;
		if (!(prompt instanceof DatePromptModal)) throw new Error("the date prompt is not open");
		const input = prompt.contentEl.querySelector<HTMLInputElement>("input[aria-label='Date']")!;
		const message = prompt.contentEl.querySelector(".stay-in-touch-date-message")!;
		pressKey(input, "Enter");
		expect(s.app.activeModal).toBe(prompt);
		expect(message.textContent).not.toBe("");
		expect(message.hasClass("mod-warning")).toBe(true);
		type(input, "in 3 weeks");
		expect(message.textContent).toBe("2026-12-17");
		pressKey(input, "Enter");
		await s.app.settle();
		expect(s.app.activeModal).toBeNull();
		const after = s.app.readFile("People/Grace Hopper.md");
		expect(after).toContain("\nsnooze_until: 2026-12-17\n");
		expect(after.replace("snooze_until: 2026-12-17\n", "")).toBe(before);
	});
});
