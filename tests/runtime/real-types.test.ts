// @vitest-environment happy-dom
/**
 * A plugin written exactly like src/ code: it imports from "obsidian", so TypeScript checks it
 * against obsidian.d.ts while vitest runs it on this runtime. The harness must accept it as is.
 */
import {
	debounce,
	ItemView,
	MarkdownView,
	Modal,
	Notice,
	Plugin,
	PluginSettingTab,
	Setting,
	type App,
	type Editor,
	type TFile,
	type WorkspaceLeaf,
} from "obsidian";
import { expect, it } from "vitest";
import { click, createTestApp, pressKey, textOf } from "./harness";

const VIEW_TYPE = "sit-sidebar";

class Sidebar extends ItemView {
	constructor(
		leaf: WorkspaceLeaf,
		private plugin: RealPlugin,
	) {
		super(leaf);
	}
	getViewType(): string {
		return VIEW_TYPE;
	}
	getDisplayText(): string {
		return "Stay in touch";
	}
	async onOpen(): Promise<void> {
		this.render();
		this.registerEvent(this.app.workspace.on("layout-change", () => this.render()));
	}
	render(): void {
		const root = this.containerEl.children[1];
		root.empty();
		for (const name of this.plugin.people) {
			const row = root.createDiv({ cls: "sit-row", text: name });
			this.registerDomEvent(row, "click", () => new Notice(`Open ${name}`));
		}
	}
}

class LogModal extends Modal {
	constructor(
		app: App,
		private onSubmit: () => void,
	) {
		super(app);
	}
	onOpen(): void {
		this.setTitle("Log interaction");
		this.scope.register([], "Enter", () => {
			this.close();
			this.onSubmit();
			return false;
		});
	}
}

class RealTab extends PluginSettingTab {
	display(): void {
		new Setting(this.containerEl).setName("People folder").setHeading();
	}
}

class RealPlugin extends Plugin {
	people: string[] = [];
	private refresh = debounce(() => this.index(), 300, true);

	async onload(): Promise<void> {
		this.registerView(VIEW_TYPE, (leaf) => new Sidebar(leaf, this));
		this.addRibbonIcon("users", "Open Stay in touch", () => void this.activate());
		this.addCommand({ id: "open-sidebar", name: "Open sidebar", callback: () => void this.activate() });
		this.addCommand({
			id: "log-today",
			name: "Log interaction today",
			editorCallback: (editor: Editor, ctx) => {
				new LogModal(this.app, () => {
					editor.replaceRange(`- 2026-11-26 — call\n`, { line: editor.lastLine(), ch: 0 });
					new Notice(`Logged call with ${ctx.file?.basename}`);
				}).open();
			},
		});
		this.addSettingTab(new RealTab(this.app, this));
		this.app.workspace.onLayoutReady(() => {
			this.index();
			this.registerEvent(this.app.metadataCache.on("changed", () => this.refresh()));
		});
	}

	index(): void {
		this.people = this.app.vault
			.getMarkdownFiles()
			.filter((f: TFile) => this.app.metadataCache.getFileCache(f)?.frontmatter?.type === "person")
			.map((f) => f.basename)
			.sort();
		for (const leaf of this.app.workspace.getLeavesOfType(VIEW_TYPE)) if (leaf.view instanceof Sidebar) leaf.view.render();
	}

	async activate(): Promise<void> {
		const ws = this.app.workspace;
		const leaf = ws.getLeavesOfType(VIEW_TYPE)[0] ?? ws.getRightLeaf(false);
		if (!leaf) return;
		await leaf.setViewState({ type: VIEW_TYPE, active: true });
		await ws.revealLeaf(leaf);
	}
}

it("drives a plugin typed against obsidian.d.ts end to end", async () => {
	const app = await createTestApp({
		"People/Ada.md": "---\ntype: person\n---\n# Ada\n",
		"People/Bob.md": "---\ntype: person\n---\n",
		"Notes/x.md": "",
	});
	const before = app.debugCounts();
	const plugin = await app.loadPlugin(RealPlugin, { id: "stay-in-touch", name: "Stay in touch" });
	expect(plugin.people).toEqual(["Ada", "Bob"]);

	click(app.dom.ribbonActionsEl.querySelector('[aria-label="Open Stay in touch"]')!);
	await app.settle();
	const sidebar = app.workspace.getLeavesOfType(VIEW_TYPE)[0].view as Sidebar;
	expect(Array.from(sidebar.containerEl.querySelectorAll(".sit-row")).map(textOf)).toEqual(["Ada", "Bob"]);

	await app.writeFile("People/Cy.md", "---\ntype: person\n---\n");
	await app.settle();
	expect(Array.from(sidebar.containerEl.querySelectorAll(".sit-row")).map(textOf)).toEqual(["Ada", "Bob", "Cy"]);

	click(sidebar.containerEl.querySelector(".sit-row")!);
	expect(app.noticeMessages()).toEqual(["Open Ada"]);

	await app.openNote("People/Ada.md");
	expect(app.workspace.getActiveViewOfType(MarkdownView)?.file?.path).toBe("People/Ada.md");
	expect(app.runCommand("log-today")).toBe(true);
	pressKey(app.activeModal!.modalEl, "Enter");
	await app.settle();
	expect(app.readFile("People/Ada.md")).toBe("---\ntype: person\n---\n# Ada\n- 2026-11-26 — call\n");
	expect(app.noticeMessages()).toEqual(["Open Ada", "Logged call with Ada"]);

	const tab = app.setting.pluginTabs[0];
	expect(textOf(app.openSettingTab(tab))).toBe("People folder");
	app.setting.close();

	await app.unloadPlugin();
	app.workspace.detachLeavesOfType("markdown");
	await app.settle();
	expect(app.debugCounts()).toEqual(before);
});
