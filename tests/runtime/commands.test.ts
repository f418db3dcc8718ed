// @vitest-environment happy-dom
/**
 * Commands: ids/names prefixed like Obsidian, executeCommandById semantics for every callback
 * kind, editor commands need an active editor, removal on unload.
 */
import { describe, expect, it } from "vitest";
import { click, createTestApp } from "./harness";
import { ItemView, MarkdownView, Plugin } from "obsidian";

class SideView extends ItemView {
	getViewType() {
		return "side";
	}
	getDisplayText() {
		return "Side";
	}
}

class CommandsPlugin extends Plugin {
	calls: string[] = [];
	allowed = false;
	onload() {
		this.registerView("side", (leaf) => new SideView(leaf));
		this.addCommand({ id: "plain", name: "Plain", callback: () => this.calls.push("plain") });
		this.addCommand({
			id: "checked",
			name: "Checked",
			checkCallback: (checking) => {
				this.calls.push(`checked(${checking})`);
				return this.allowed;
			},
		});
		this.addCommand({
			id: "edit",
			name: "Edit",
			editorCallback: (editor, view) => {
				this.calls.push(`edit ${view.file?.path}`);
				editor.replaceSelection("!");
			},
		});
		this.addCommand({
			id: "edit-checked",
			name: "Edit checked",
			editorCheckCallback: (checking, editor) => {
				this.calls.push(`edit-checked(${checking})`);
				return editor.getValue().includes("person");
			},
		});
		this.addCommand({
			id: "precedence",
			name: "Precedence",
			callback: () => this.calls.push("callback"),
			checkCallback: () => {
				this.calls.push("checkCallback");
				return true;
			},
		});
		this.addCommand({
			id: "async",
			name: "Async",
			callback: async () => {
				await this.app.vault.create("made-by-command.md", "x");
			},
		});
	}
}

async function setup() {
	const app = await createTestApp({ "People/Ada.md": "# Ada\ntype: person\n", "Notes/x.md": "plain note" });
	const plugin = await app.loadPlugin(CommandsPlugin, { id: "stay-in-touch", name: "Stay in touch" });
	return { app, plugin };
}

describe("registration", () => {
	it("prefixes ids with the plugin id and names with the plugin name, mutating the passed object", async () => {
		const { app } = await setup();
		const cmd = app.commands.findCommand("stay-in-touch:plain")!;
		expect(cmd.name).toBe("Stay in touch: Plain");
		expect(app.commands.listCommands().map((c) => c.id)).toContain("stay-in-touch:edit");
		let returned: unknown;
		class Other extends Plugin {
			onload() {
				const command = { id: "x", name: "X", callback: () => {} };
				returned = this.addCommand(command);
				expect(returned).toBe(command);
			}
		}
		await app.loadPlugin(Other, { id: "other", name: "Other" });
		expect((returned as { id: string }).id).toBe("other:x");
	});

	it("removes the plugin's commands on unload", async () => {
		const { app } = await setup();
		await app.unloadPlugin("stay-in-touch");
		expect(app.commands.listCommands()).toEqual([]);
		expect(app.commands.executeCommandById("stay-in-touch:plain")).toBe(false);
	});

	it("runCommand takes a short or full id and explains unknown ids", async () => {
		const { app, plugin } = await setup();
		expect(app.runCommand("plain")).toBe(true);
		expect(app.runCommand("stay-in-touch:plain")).toBe(true);
		expect(plugin.calls).toEqual(["plain", "plain"]);
		expect(() => app.runCommand("nope")).toThrow(/no such command; registered: .*stay-in-touch:plain/);
	});
});

describe("executeCommandById", () => {
	it("callback: runs and returns true", async () => {
		const { app, plugin } = await setup();
		expect(app.commands.executeCommandById("stay-in-touch:plain")).toBe(true);
		expect(plugin.calls).toEqual(["plain"]);
	});

	it("checkCallback returning false: asked with checking=true only; returns false", async () => {
		const { app, plugin } = await setup();
		expect(app.runCommand("checked")).toBe(false);
		expect(plugin.calls).toEqual(["checked(true)"]);
	});

	it("checkCallback returning true: asked, then run with checking=false", async () => {
		const { app, plugin } = await setup();
		plugin.allowed = true;
		expect(app.runCommand("checked")).toBe(true);
		expect(plugin.calls).toEqual(["checked(true)", "checked(false)"]);
	});

	it("checkCallback wins over callback", async () => {
		const { app, plugin } = await setup();
		app.runCommand("precedence");
		expect(plugin.calls).toEqual(["checkCallback", "checkCallback"]);
	});

	it("editorCallback needs an active MarkdownView; it gets the editor and the view", async () => {
		const { app, plugin } = await setup();
		expect(app.runCommand("edit")).toBe(false);
		const view = await app.openNote("People/Ada.md");
		view.editor.setCursor({ line: 0, ch: 5 });
		expect(app.runCommand("edit")).toBe(true);
		expect(plugin.calls).toEqual(["edit People/Ada.md"]);
		expect(view.editor.getLine(0)).toBe("# Ada!");
	});

	it("editorCheckCallback runs only when its check passes", async () => {
		const { app, plugin } = await setup();
		await app.openNote("Notes/x.md");
		expect(app.runCommand("edit-checked")).toBe(false);
		await app.openNote("People/Ada.md");
		expect(app.runCommand("edit-checked")).toBe(true);
		expect(plugin.calls).toEqual(["edit-checked(true)", "edit-checked(true)", "edit-checked(false)"]);
	});

	it("editor commands are unavailable in reading view and once the sidebar is the active leaf", async () => {
		const { app } = await setup();
		await app.openNote("People/Ada.md", { mode: "preview" });
		expect(app.runCommand("edit")).toBe(false);
		await app.openNote("People/Ada.md", { mode: "source" });
		expect(app.runCommand("edit")).toBe(true);
		const side = app.workspace.getRightLeaf(false)!;
		await side.setViewState({ type: "side" });
		click((side.view as SideView).contentEl);
		expect(app.workspace.activeLeaf).toBe(side);
		expect(app.workspace.getActiveViewOfType(MarkdownView)).toBeNull();
		expect(app.workspace.getActiveFile()?.path).toBe("People/Ada.md");
		expect(app.runCommand("edit")).toBe(false);
	});

	it("listAvailableCommands shows what the palette would offer now", async () => {
		const { app } = await setup();
		const ids = () => app.commands.listAvailableCommands().map((c) => c.id.split(":")[1]);
		expect(ids()).toEqual(["plain", "precedence", "async"]);
		await app.openNote("People/Ada.md");
		expect(ids()).toEqual(["plain", "edit", "edit-checked", "precedence", "async"]);
	});

	it("async callbacks are awaited by settle()", async () => {
		const { app } = await setup();
		app.runCommand("async");
		await app.settle();
		expect(app.readFile("made-by-command.md")).toBe("x");
	});
});
