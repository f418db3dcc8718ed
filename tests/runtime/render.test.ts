// @vitest-environment happy-dom
/**
 * Reading view: code-block processors, their context, the lifetime of `ctx.addChild` children,
 * section-level re-rendering, MarkdownRenderer.render.
 */
import { describe, expect, it } from "vitest";
import { createTestApp, textOf } from "./harness";
import type { MarkdownPostProcessorContext } from "obsidian";
import { Component, MarkdownRenderChild, MarkdownRenderer, Plugin } from "./obsidian";

const NOTE = [
	"---",
	"title: Meeting",
	"---",
	"# Meeting",
	"",
	"Talked to [[Ada Lovelace|Ada]] about #work.",
	"",
	"```stay-in-touch",
	"overdue",
	"limit 5",
	"```",
	"",
	"```js",
	"console.log(1)",
	"```",
	"",
].join("\n");

class QueryBlock extends MarkdownRenderChild {
	static live = 0;
	onload() {
		QueryBlock.live++;
	}
	onunload() {
		QueryBlock.live--;
	}
}

class QueryPlugin extends Plugin {
	calls: Array<{ source: string; info: unknown; sourcePath: string; frontmatter: unknown }> = [];
	onload() {
		this.registerMarkdownCodeBlockProcessor("stay-in-touch", (source, el, ctx: MarkdownPostProcessorContext) => {
			this.calls.push({ source, info: ctx.getSectionInfo(el), sourcePath: ctx.sourcePath, frontmatter: ctx.frontmatter });
			const table = el.createEl("table", { cls: "sit-table" });
			for (const line of source.split("\n")) table.createEl("tr").createEl("td", { text: line });
			ctx.addChild(new QueryBlock(el));
		});
	}
}

async function setup() {
	QueryBlock.live = 0;
	const app = await createTestApp({ "Notes/Meeting.md": NOTE, "People/Ada Lovelace.md": "" });
	const plugin = await app.loadPlugin(QueryPlugin, { id: "stay-in-touch" });
	return { app, plugin };
}

describe("code-block processors", () => {
	it("hands each block of the language to the processor, with source, section info and path", async () => {
		const { app, plugin } = await setup();
		const note = await app.renderNote("Notes/Meeting.md");
		expect(plugin.calls).toEqual([
			{
				source: "overdue\nlimit 5",
				info: { text: NOTE, lineStart: 7, lineEnd: 10 },
				sourcePath: "Notes/Meeting.md",
				frontmatter: { title: "Meeting" },
			},
		]);
		const block = note.el.querySelector(".block-language-stay-in-touch")!;
		expect(Array.from(block.querySelectorAll("td")).map((td) => td.textContent)).toEqual(["overdue", "limit 5"]);
		expect(note.el.querySelector("pre > code.language-js")?.textContent).toBe("console.log(1)");
		expect(note.el.querySelector("h1")?.textContent).toBe("Meeting");
		const link = note.el.querySelector("a.internal-link")!;
		expect([link.getAttribute("data-href"), link.textContent]).toEqual(["Ada Lovelace", "Ada"]);
		expect(note.el.querySelector("a.tag")?.textContent).toBe("#work");
		expect(QueryBlock.live).toBe(1);
		note.unload();
		expect(QueryBlock.live).toBe(0);
		expect(note.el.isConnected).toBe(false);
	});

	it("re-renders only the sections whose text changed; replaced blocks unload their children", async () => {
		const { app, plugin } = await setup();
		const note = await app.renderNote("Notes/Meeting.md");
		const blockBefore = note.el.querySelector(".block-language-stay-in-touch");
		await app.writeFile("Notes/Meeting.md", NOTE.replace("Talked to", "Met"));
		await app.settle();
		expect(plugin.calls).toHaveLength(1); // the query block kept its DOM and child
		expect(note.el.querySelector(".block-language-stay-in-touch")).toBe(blockBefore);
		expect(textOf(note.el.querySelector("p"))).toBe("Met Ada about #work.");
		await app.writeFile("Notes/Meeting.md", NOTE.replace("limit 5", "limit 3"));
		await app.settle();
		expect(plugin.calls).toHaveLength(2);
		expect(plugin.calls[1].source).toBe("overdue\nlimit 3");
		expect(QueryBlock.live).toBe(1);
		note.unload();
	});

	it("the processor goes away with the plugin", async () => {
		const { app } = await setup();
		await app.unloadPlugin("stay-in-touch");
		const note = await app.renderNote("Notes/Meeting.md");
		expect(note.el.querySelector("pre > code.language-stay-in-touch")?.textContent).toBe("overdue\nlimit 5");
		note.unload();
	});

	it("runs in a MarkdownView's reading mode, and its children unload when the note is closed", async () => {
		const { app, plugin } = await setup();
		const view = await app.openNote("Notes/Meeting.md", { mode: "preview" });
		expect(view.getMode()).toBe("preview");
		expect(plugin.calls).toHaveLength(1);
		expect(view.previewMode.containerEl.querySelector(".sit-table")).not.toBeNull();
		expect(QueryBlock.live).toBe(1);
		view.leaf.detach();
		await app.settle();
		expect(QueryBlock.live).toBe(0);
	});
});

describe("MarkdownRenderer.render", () => {
	it("renders markdown into an element with children owned by the component", async () => {
		const { app, plugin } = await setup();
		const el = document.body.createDiv();
		el.createSpan({ text: "kept" });
		const owner = new Component();
		owner.load();
		await MarkdownRenderer.render(app, "Hello **[[Ada Lovelace]]**\n\n```stay-in-touch\ndue\n```", el, "Notes/x.md", owner);
		expect(textOf(el)).toBe("keptHello Ada Lovelacedue");
		expect(el.querySelector("strong > a.internal-link")?.getAttribute("data-href")).toBe("Ada Lovelace");
		expect(plugin.calls[0].info).toBeNull();
		expect(QueryBlock.live).toBe(1);
		owner.unload();
		expect(QueryBlock.live).toBe(0);
	});

	it("never turns text into HTML", async () => {
		const { app } = await setup();
		const el = document.body.createDiv();
		await MarkdownRenderer.render(app, "<img src=x onerror=alert(1)> <b>hi</b>", el, "", new Component());
		expect(el.querySelector("img")).toBeNull();
		expect(el.querySelector("b")).toBeNull();
		expect(textOf(el)).toBe("<img src=x onerror=alert(1)> <b>hi</b>");
	});
});
