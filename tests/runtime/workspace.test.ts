// @vitest-environment happy-dom
/**
 * Workspace and views: registered views are instantiated by setViewState; leaves, reveal,
 * visibility; the layout is saved and restored with the workspace; links open notes.
 */
import { describe, expect, it } from "vitest";
import { click, createTestApp } from "./harness";
import { ItemView, Keymap, MarkdownView, Plugin, type TFile, type WorkspaceLeaf } from "obsidian";
import { DeferredView } from "./obsidian";

const TYPE = "people-view";
const log: string[] = [];

class PeopleView extends ItemView {
	filter = "";
	getViewType() {
		return TYPE;
	}
	getDisplayText() {
		return "People";
	}
	getIcon() {
		return "users";
	}
	getState() {
		return { filter: this.filter };
	}
	async setState(state: { filter?: string }, result: unknown) {
		this.filter = state?.filter ?? "";
		await super.setState(state, result as never);
	}
	async onOpen() {
		log.push("open");
		this.contentEl.createEl("h4", { text: "People" });
	}
	async onClose() {
		log.push("close");
	}
}

class SidebarPlugin extends Plugin {
	onload() {
		this.registerView(TYPE, (leaf) => new PeopleView(leaf));
		this.addCommand({ id: "open-sidebar", name: "Open sidebar", callback: () => this.activate() });
	}
	async activate() {
		const ws = this.app.workspace;
		let leaf = ws.getLeavesOfType(TYPE)[0];
		if (!leaf) {
			leaf = ws.getRightLeaf(false)!;
			await leaf.setViewState({ type: TYPE, active: true, state: { filter: "#work" } });
		}
		await ws.revealLeaf(leaf);
	}
}

const MANIFEST = { id: "stay-in-touch", name: "Stay in touch" };

async function setup(files: Record<string, string> = { "People/Ada Lovelace.md": "# Ada", "Notes/x.md": "" }) {
	const app = await createTestApp(files); // destroys the previous test's app (its views close)
	log.length = 0;
	const plugin = await app.loadPlugin(SidebarPlugin, MANIFEST);
	return { app, plugin };
}

describe("views", () => {
	it("setViewState instantiates the registered view, calls onOpen, and applies state", async () => {
		const { app } = await setup();
		app.runCommand("open-sidebar");
		await app.settle();
		const [leaf] = app.workspace.getLeavesOfType(TYPE);
		const view = leaf.view as PeopleView;
		expect(view).toBeInstanceOf(PeopleView);
		expect(log).toEqual(["open"]);
		expect(view.filter).toBe("#work");
		expect(view.containerEl.children[0].className).toBe("view-header");
		expect(view.containerEl.children[1]).toBe(view.contentEl);
		expect(view.contentEl.textContent).toBe("People");
		expect(leaf.getDisplayText()).toBe("People");
		expect(leaf.getViewState()).toMatchObject({ type: TYPE, state: { filter: "#work" } });
		expect(leaf.getRoot()).toBe(app.workspace.rightSplit);
		expect(view.containerEl.isShown()).toBe(true);
	});

	it("detach calls onClose and removes the DOM", async () => {
		const { app } = await setup();
		app.runCommand("open-sidebar");
		await app.settle();
		const view = app.workspace.getLeavesOfType(TYPE)[0].view;
		app.workspace.detachLeavesOfType(TYPE);
		await app.settle();
		expect(log).toEqual(["open", "close"]);
		expect(view.containerEl.isConnected).toBe(false);
		expect(app.workspace.getLeavesOfType(TYPE)).toEqual([]);
	});

	it("hidden when the sidebar is collapsed or the tab is in the background; revealLeaf shows it", async () => {
		const { app } = await setup();
		app.runCommand("open-sidebar");
		await app.settle();
		const leaf = app.workspace.getLeavesOfType(TYPE)[0];
		const other = app.workspace.getRightLeaf(false)!;
		await other.setViewState({ type: "empty", active: true });
		expect(leaf.view.containerEl.isShown()).toBe(false);
		app.workspace.rightSplit.collapse();
		await app.workspace.revealLeaf(leaf);
		expect(app.workspace.rightSplit.collapsed).toBe(false);
		expect(leaf.view.containerEl.isShown()).toBe(true);
	});

	it("fires layout-change after layout changes", async () => {
		const { app } = await setup();
		let changes = 0;
		app.workspace.on("layout-change", () => changes++);
		app.runCommand("open-sidebar");
		await app.settle();
		expect(changes).toBeGreaterThan(0);
	});
});

describe("layout persistence", () => {
	it("reopens the sidebar with the workspace after a restart (state kept)", async () => {
		const { app } = await setup();
		app.runCommand("open-sidebar");
		await app.settle();
		expect(JSON.parse(app.readFile(".obsidian/workspace.json")).right.children[0].children[0].state).toEqual({
			type: TYPE,
			state: { filter: "#work" },
		});
		const app2 = await app.restart();
		const leaves = app2.workspace.getLeavesOfType(TYPE);
		expect(leaves).toHaveLength(1);
		expect(leaves[0].view).toBeInstanceOf(PeopleView);
		expect((leaves[0].view as PeopleView).filter).toBe("#work");
		expect(app.isDestroyed).toBe(true);
	});

	it("getLayout/changeLayout: a leaf of an unregistered type waits as a placeholder until the type is registered", async () => {
		const { app } = await setup();
		app.runCommand("open-sidebar");
		await app.settle();
		const layout = app.workspace.getLayout();
		await app.unloadPlugin();
		await app.workspace.changeLayout(layout);
		const leaf = app.workspace.getLeavesOfType(TYPE)[0];
		expect(leaf.view).toBeInstanceOf(DeferredView);
		expect(leaf.view.getState()).toEqual({ filter: "#work" });
		await app.loadPlugin(SidebarPlugin, MANIFEST);
		await app.settle();
		expect(app.workspace.getLeavesOfType(TYPE)[0].view).toBeInstanceOf(PeopleView);
	});

	it("a background tab comes back deferred: not an instance of the view until revealed", async () => {
		const { app } = await setup();
		app.runCommand("open-sidebar");
		await app.settle();
		const front = app.workspace.getRightLeaf(false)!;
		await front.setViewState({ type: "markdown", state: { file: "Notes/x.md" }, active: true });
		const app2 = await app.restart();
		const leaf = app2.workspace.getLeavesOfType(TYPE)[0];
		expect(leaf.isDeferred).toBe(true);
		expect(leaf.view).not.toBeInstanceOf(PeopleView);
		await app2.workspace.revealLeaf(leaf);
		expect(leaf.isDeferred).toBe(false);
		expect(leaf.view).toBeInstanceOf(PeopleView);
	});
});

describe("opening notes", () => {
	it("openLinkText resolves a name or a path and opens a MarkdownView", async () => {
		const { app } = await setup();
		await app.workspace.openLinkText("Ada Lovelace", "Notes/x.md");
		const view = app.workspace.getActiveViewOfType(MarkdownView)!;
		expect(view.file?.path).toBe("People/Ada Lovelace.md");
		expect(view.editor.getValue()).toBe("# Ada");
		await app.workspace.openLinkText("Notes/x.md", "", "tab");
		expect(app.workspace.getActiveFile()?.path).toBe("Notes/x.md");
		let roots = 0;
		app.workspace.iterateRootLeaves(() => roots++);
		expect(roots).toBe(2);
	});

	it("openLinkText on an unresolved link creates the note, like Obsidian", async () => {
		const { app } = await setup();
		await app.workspace.openLinkText("Grace Hopper", "");
		expect(app.readFile("Grace Hopper.md")).toBe("");
		expect(app.workspace.getActiveFile()?.path).toBe("Grace Hopper.md");
	});

	it("fires file-open and active-leaf-change", async () => {
		const { app } = await setup();
		const events: string[] = [];
		app.workspace.on("file-open", (f: TFile | null) => events.push(`file-open ${f?.path ?? null}`));
		app.workspace.on("active-leaf-change", (l: WorkspaceLeaf | null) => events.push(`leaf ${l?.view.getViewType() ?? null}`));
		await app.openNote("People/Ada Lovelace.md");
		await app.openNote("Notes/x.md");
		expect(events).toEqual(["leaf markdown", "file-open People/Ada Lovelace.md", "file-open Notes/x.md"]);
	});

	it("records hover-link triggers (page preview)", async () => {
		const { app } = await setup();
		const targetEl = document.createElement("a");
		app.workspace.trigger("hover-link", {
			event: new MouseEvent("mouseover"),
			source: "stay-in-touch",
			hoverParent: {},
			targetEl,
			linktext: "People/Ada Lovelace.md",
			sourcePath: "",
		});
		expect(app.workspace.hoverLinkLog).toHaveLength(1);
		expect(app.workspace.hoverLinkLog[0]).toMatchObject({ source: "stay-in-touch", linktext: "People/Ada Lovelace.md" });
	});

	it("Keymap.isModEvent maps modifier clicks to pane types", async () => {
		const { app } = await setup();
		const el = document.body.createDiv();
		const kinds: unknown[] = [];
		el.addEventListener("click", (e) => kinds.push(Keymap.isModEvent(e)));
		el.addEventListener("auxclick", (e) => kinds.push(Keymap.isModEvent(e)));
		click(el);
		click(el, { mod: true });
		click(el, { mod: true, alt: true });
		click(el, { mod: true, alt: true, shift: true });
		click(el, { button: 1 });
		expect(kinds).toEqual([false, "tab", "split", "window", "tab"]);
		expect(app.workspace.layoutReady).toBe(true);
	});
});
