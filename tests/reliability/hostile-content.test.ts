// @vitest-environment happy-dom
/**
 * Names, aliases, favors, problem messages, notes and query text written as HTML or script are
 * shown as text everywhere the plugin renders them: the sidebar, the log modal, the person
 * picker, the query table and notices. Each check asserts both halves: no element the plugin did
 * not create (no img/script/iframe/b/i…, no on* handler, no javascript: URL) and the literal
 * markup visible as text. (A query's `favors` column shows counts; favor texts are checked in the
 * sidebar's tooltips and the log modal.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LogModal, openLogModal } from "../../src/ui/log-modal";
import { PersonPicker } from "../../src/ui/person-picker";
import { openSidebar, start, type Started } from "../integration/plugin-harness";
import { type } from "../runtime/harness";
import { committedCorpus, GENERATED } from "./corpus";

const IMG = "People/<img src=x onerror=alert(1)>.md";
const IMG_NAME = "<img src=x onerror=alert(1)>";
const SCRIPT = "People/<script>alert(1).md";
const IFRAME = 'People/<iframe src=javascript:alert(1)> & "quotes".md';
const BROKEN = "People/<b>broken yaml.md";
const corpus = committedCorpus();

const QUERY_NOTE = [
	"# Hostile queries",
	"",
	"```stay-in-touch",
	"name includes <",
	"columns name, status, cadence, favors, aliases, tags, problems",
	"```",
	"",
	"```stay-in-touch",
	"<img src=x onerror=alert(1)>",
	"name includes <script>",
	"sort by <b>urgency</b>",
	"```",
	"",
	"```stay-in-touch",
	"name includes <img",
	"group by status",
	"columns name, favors",
	"```",
	"",
].join("\n");

const FILES: Record<string, string> = {
	[IMG]: GENERATED[IMG],
	[SCRIPT]: GENERATED[SCRIPT],
	[IFRAME]: GENERATED[IFRAME],
	[BROKEN]: GENERATED[BROKEN],
	"People/html-in-values.md": corpus["People/html-in-values.md"],
	"People/html-valid-person.md": corpus["People/html-valid-person.md"],
	"Notes/Hostile query.md": QUERY_NOTE,
};

const FORBIDDEN = "img, script, iframe, frame, object, embed, b, i, u, em, strong, style, link, meta, form, video, audio, math";

/** No element or attribute from note text: only what the plugin builds, with markup as text. */
function expectInert(root: Element, literals: readonly string[]): void {
	expect([...root.querySelectorAll(FORBIDDEN)].map((el) => el.outerHTML)).toEqual([]);
	const all = [root, ...root.querySelectorAll("*")];
	expect(all.filter((el) => el.tagName.toLowerCase() === "svg" && !el.classList.contains("svg-icon")).map((el) => el.outerHTML)).toEqual(
		[],
	);
	const handlers = all.flatMap((el) =>
		[...el.attributes].filter((a) => a.name.toLowerCase().startsWith("on")).map((a) => `${el.tagName} ${a.name}`),
	);
	expect(handlers).toEqual([]);
	const scriptUrls = all.flatMap((el) =>
		[...el.attributes]
			.filter(
				(a) => /^\s*javascript:/i.test(a.value) && a.name !== "title" && !a.name.startsWith("aria-") && !a.name.startsWith("data-"),
			)
			.map((a) => `${el.tagName} ${a.name}=${a.value}`),
	);
	expect(scriptUrls).toEqual([]);
	const text = root.textContent ?? "";
	for (const literal of literals) expect(text).toContain(literal);
}

let alert: ReturnType<typeof vi.fn>;
beforeEach(() => {
	alert = vi.fn();
	vi.stubGlobal("alert", alert);
});
afterEach(() => {
	// Nothing anywhere in the document came from a note, and no handler ran.
	expect(document.querySelectorAll("script, iframe, img").length).toBe(0);
	expect(document.querySelectorAll("[onerror], [onload], [onclick]").length).toBe(0);
	expect(alert).not.toHaveBeenCalled();
	vi.unstubAllGlobals();
});

async function setup(): Promise<Started> {
	return start(FILES);
}

describe("the inertness check itself", () => {
	it("fails on markup that became elements, handlers, script URLs, or text that is missing", () => {
		const bold = document.createElement("div");
		bold.appendChild(document.createElement("b"));
		expect(() => expectInert(bold, [])).toThrow();
		const handler = document.createElement("div");
		handler.setAttribute("onmouseover", "alert(1)");
		expect(() => expectInert(handler, [])).toThrow();
		const link = document.createElement("a");
		link.setAttribute("href", "javascript:alert(1)");
		expect(() => expectInert(link, [])).toThrow();
		const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
		const holder = document.createElement("div");
		holder.appendChild(svg);
		expect(() => expectInert(holder, [])).toThrow();
		const text = document.createElement("div");
		text.textContent = "<b>x</b>";
		expect(() => expectInert(text, ["<b>x</b>"])).not.toThrow();
		expect(() => expectInert(text, ["<i>y</i>"])).toThrow();
	});
});

describe("hostile text renders as text", () => {
	it("in the sidebar: names, favors, problem messages and the filter", async () => {
		const s = await setup();
		const view = await openSidebar(s);
		expectInert(view.contentEl, [
			IMG_NAME,
			"<script>alert(1)",
			"cadence '<i>often</i>' is not a cadence; try 2w, monthly or every 3 months",
			"last_contact '<img src=x onerror=alert(2)>' is not a date; write it as YYYY-MM-DD",
			"snooze_until '<iframe src=javascript:alert(3)>' is not a date; write it as YYYY-MM-DD",
			'<iframe src=javascript:alert(1)> & "quotes"',
		]);
		const names = [...view.contentEl.querySelectorAll(".stay-in-touch-name")].map((a) => a.textContent);
		expect(names).toContain(IMG_NAME);
		// Favor texts go into a tooltip attribute, as text.
		const badge = [...view.contentEl.querySelectorAll(".stay-in-touch-badge.mod-owe")].find(
			(b) => b.closest(".stay-in-touch-row")?.querySelector(".stay-in-touch-name")?.textContent === IMG_NAME,
		);
		expect(badge?.getAttribute("title")).toBe("<b>lend</b> the <i>book</i>");
		const filter = view.contentEl.querySelector<HTMLInputElement>("input.stay-in-touch-filter-input")!;
		type(filter, "<svg onload=alert(1)>");
		await s.app.settle();
		expectInert(view.contentEl, ['<iframe src=javascript:alert(1)> & "quotes"']);
		type(filter, "<script>alert('nobody')</script>");
		await s.app.settle();
		expectInert(view.contentEl, [`No person matches "<script>alert('nobody')</script>".`]);
	});

	it("in the log modal: the title and the favor toggles", async () => {
		const s = await setup();
		openLogModal(s.plugin.ctx, IMG);
		const m = s.app.activeModal;
		if (!(m instanceof LogModal)) throw new Error("the log modal is not open");
		expect(m.titleEl.textContent).toBe(`Log interaction with ${IMG_NAME}`);
		expectInert(m.modalEl, [`Log interaction with ${IMG_NAME}`, "Favor I returned: <b>lend</b> the <i>book</i>"]);
		m.close();
		openLogModal(s.plugin.ctx, "People/html-valid-person.md");
		const m2 = s.app.activeModal;
		if (!(m2 instanceof LogModal)) throw new Error("the log modal is not open");
		expectInert(m2.modalEl, [
			"Favor I returned: <b>review</b> her <i>paper</i>",
			"Favor I returned: <iframe src=javascript:alert(1)></iframe>",
			"Favor they returned: <script>document.title='owned'</script>",
		]);
		m2.close();
	});

	it("in the person picker: names, aliases and the typed text", async () => {
		const s = await setup();
		s.app.runCommand("find-person");
		const picker = s.app.activeModal;
		if (!(picker instanceof PersonPicker)) throw new Error("the person picker is not open");
		type(picker.inputEl, "img");
		const names = [...picker.modalEl.querySelectorAll(".stay-in-touch-suggestion-name")].map((n) => n.textContent);
		expect(names).toContain(IMG_NAME);
		expectInert(picker.modalEl, [IMG_NAME]);
		type(picker.inputEl, "svg onload");
		expectInert(picker.modalEl, ["<svg onload=alert(1)>", '<iframe src=javascript:alert(1)> & "quotes"']);
		type(picker.inputEl, "<script>");
		expectInert(picker.modalEl, ["<script>alert(1)"]);
		picker.close();
	});

	it("in query tables and query error messages", async () => {
		const s = await setup();
		const rendered = await s.app.renderNote("Notes/Hostile query.md");
		await s.app.settle();
		const blocks = [...rendered.el.querySelectorAll<HTMLElement>(".stay-in-touch-query")];
		expect(blocks).toHaveLength(3);
		// Every person's name contains "<", so the first table lists all six.
		expect(blocks[0].querySelectorAll("tbody tr")).toHaveLength(6);
		expectInert(blocks[0], [
			IMG_NAME,
			"<svg onload=alert(1)>",
			"<img src=x onerror=alert(1)>, <b>bold alias</b>",
			"cadence '<b>weekly</b>' is not a cadence",
			"'<img src=x onerror=alert(2)>' is not a date",
		]);
		// A query made of markup is a mistake, explained with the line quoted as text.
		const errors = [...blocks[1].querySelectorAll("li")].map((li) => li.textContent ?? "");
		expect(errors.some((e) => e.startsWith("line 1: '<img src=x onerror=alert(1)>': "))).toBe(true);
		expect(errors.some((e) => e.startsWith("line 3: 'sort by <b>urgency</b>': "))).toBe(true);
		expectInert(blocks[1], ["<img src=x onerror=alert(1)>", "sort by <b>urgency</b>"]);
		// `name includes` matches aliases too: html-in-values has the alias "<img src=x onerror=alert(1)>".
		expectInert(blocks[2], [IMG_NAME, "overdue (1)", "untracked (1)"]);
		expect([...blocks[2].querySelectorAll("tbody td:first-child")].map((td) => td.textContent)).toEqual([IMG_NAME, "html-in-values"]);
		rendered.unload();
	});

	it("in notices: a refused write, a log and a snooze naming a hostile note", async () => {
		const s = await setup();
		const refused = await s.plugin.api.logInteraction(BROKEN, { note: "<b>hi</b>" });
		expect(refused.ok).toBe(false);
		await s.plugin.api.logInteraction(IMG, { type: "<b>call</b>", date: "2026-11-20", note: "<script>alert(1)</script>" });
		await s.plugin.ctx.interactions.snooze(IMG, s.plugin.ctx.clock.today() + 7);
		await s.app.settle();
		const notices = s.app.notices.slice(-3);
		expect(notices.map((n) => n.message)).toEqual([
			expect.stringMatching(/^Nothing was written to People\/<b>broken yaml\.md: the frontmatter is not valid YAML: /),
			`Logged <b>call</b> with ${IMG_NAME} on 2026-11-20`,
			`Snoozed ${IMG_NAME} until 2026-12-03`,
		]);
		for (const n of notices) {
			const el = (n.notice as { messageEl: HTMLElement }).messageEl;
			expect(el.children).toHaveLength(0);
			expectInert(el, [n.message]);
		}
		// The note's own text keeps the markup as typed: it is the user's note, not a page.
		expect(s.app.readFile(IMG)).toContain("- 2026-11-20 — <b>call</b>: <script>alert(1)</script>\n");
	});
});
