// @vitest-environment happy-dom
/**
 * Plugin lifecycle: what a plugin registers is released on unload (counts return to baseline),
 * loadData/saveData, onLayoutReady timing, the plugin registry.
 */
import { describe, expect, it } from "vitest";
import { click, createTestApp } from "./harness";
import { Component, DeferredView, ItemView, MarkdownRenderChild, Plugin, PluginSettingTab, Setting, type WorkspaceLeaf } from "./obsidian";

const VIEW = "busy-view";

class BusyView extends ItemView {
	getViewType() {
		return VIEW;
	}
	getDisplayText() {
		return "Busy";
	}
	async onOpen() {
		this.registerEvent(this.app.vault.on("modify", () => {}));
		this.registerDomEvent(this.contentEl, "click", () => {});
		this.registerInterval(window.setInterval(() => {}, 60_000));
		this.addChild(new MarkdownRenderChild(this.contentEl.createDiv()));
	}
}

class Tab extends PluginSettingTab {
	display() {
		new Setting(this.containerEl).setName("Thing");
	}
}

/** Registers one of everything. */
class BusyPlugin extends Plugin {
	ribbonClicks = 0;
	async onload() {
		this.registerView(VIEW, (leaf) => new BusyView(leaf as WorkspaceLeaf));
		this.registerEvent(this.app.vault.on("create", () => {}));
		this.registerEvent(this.app.metadataCache.on("changed", () => {}));
		this.registerEvent(this.app.workspace.on("file-open", () => {}));
		this.registerDomEvent(document, "keydown", () => {});
		this.registerDomEvent(window, "resize", () => {});
		this.registerInterval(window.setInterval(() => {}, 60_000));
		this.addRibbonIcon("users", "Open busy view", () => this.ribbonClicks++);
		this.addStatusBarItem().setText("3 overdue");
		this.addCommand({ id: "go", name: "Go", callback: () => {} });
		this.addSettingTab(new Tab(this.app, this));
		this.registerMarkdownCodeBlockProcessor("busy", (src, el) => el.setText(src));
		this.registerMarkdownPostProcessor(() => {});
		this.registerEditorExtension([]);
		this.registerObsidianProtocolHandler("busy", () => {});
		this.registerHoverLinkSource("busy", { display: "Busy", defaultMod: true });
		const child = this.addChild(new Component());
		child.registerEvent(this.app.vault.on("delete", () => {}));
		this.app.workspace.onLayoutReady(async () => {
			await this.app.workspace.getRightLeaf(false)!.setViewState({ type: VIEW, active: false });
		});
	}
}

async function appWithPlugin() {
	const app = await createTestApp({ "a.md": "# A" });
	const before = app.debugCounts();
	const plugin = await app.loadPlugin(BusyPlugin, { id: "busy", name: "Busy" });
	await app.settle();
	return { app, before, plugin };
}

describe("unload releases everything", () => {
	it("counts go up while loaded and return to the baseline after unload", async () => {
		const { app, before } = await appWithPlugin();
		const loaded = app.debugCounts();
		expect(loaded.vaultHandlers - before.vaultHandlers).toBe(3); // create, delete (child), modify (view)
		expect(loaded.metadataHandlers - before.metadataHandlers).toBe(1);
		expect(loaded.workspaceHandlers - before.workspaceHandlers).toBe(1);
		expect(loaded.intervals - before.intervals).toBe(2);
		expect(loaded.domListeners - before.domListeners).toBe(3);
		expect(loaded.globalListeners - before.globalListeners).toBe(2);
		expect(loaded.views - before.views).toBe(1);
		expect(loaded.ribbonItems - before.ribbonItems).toBe(1);
		expect(loaded.statusBarItems - before.statusBarItems).toBe(1);
		expect(loaded.commands - before.commands).toBe(1);
		expect(loaded.settingTabs - before.settingTabs).toBe(1);
		expect(loaded.codeBlockProcessors - before.codeBlockProcessors).toBe(1);
		expect(loaded.postProcessors - before.postProcessors).toBe(2);
		expect(loaded.components - before.components).toBe(4); // plugin, child, view, view's child

		await app.unloadPlugin("busy");
		await app.settle();
		expect(app.debugCounts()).toEqual(before);
	});

	it("leaves the plugin's sidebar leaf in place (as a placeholder) — plugins must not detach leaves", async () => {
		const { app } = await appWithPlugin();
		await app.unloadPlugin("busy");
		const leaves = app.workspace.getLeavesOfType(VIEW);
		expect(leaves).toHaveLength(1);
		expect(leaves[0].view).not.toBeInstanceOf(BusyView);
		expect(leaves[0].view).toBeInstanceOf(DeferredView);
		expect(leaves[0].view.getViewType()).toBe(VIEW);
	});

	it("detects a listener added to document without registerDomEvent", async () => {
		class Leaky extends Plugin {
			onload() {
				document.addEventListener("keydown", () => {});
			}
		}
		const app = await createTestApp({});
		const before = app.debugCounts();
		await app.loadPlugin(Leaky, { id: "leaky" });
		await app.unloadPlugin("leaky");
		expect(app.debugCounts().globalListeners - before.globalListeners).toBe(1);
	});

	it("the ribbon icon is a clickable element that is removed on unload", async () => {
		const { app, plugin } = await appWithPlugin();
		const icon = app.dom.ribbonActionsEl.querySelector('[aria-label="Open busy view"]')!;
		click(icon);
		expect(plugin.ribbonClicks).toBe(1);
		expect(icon.getAttribute("data-icon")).toBe("users");
		await app.unloadPlugin("busy");
		expect(icon.isConnected).toBe(false);
		expect(app.dom.statusBarEl.textContent).toBe("");
	});
});

describe("loadData / saveData", () => {
	class DataPlugin extends Plugin {}

	it("loadData is null when there is no data.json", async () => {
		const app = await createTestApp({});
		const plugin = await app.loadPlugin(DataPlugin, { id: "stay-in-touch" });
		expect(await plugin.loadData()).toBeNull();
	});

	it("saveData writes .obsidian/plugins/<id>/data.json and loadData reads it back", async () => {
		const app = await createTestApp({});
		const plugin = await app.loadPlugin(DataPlugin, { id: "stay-in-touch" });
		await plugin.saveData({ peopleFolders: ["People"], dueSoonDays: 7 });
		expect(app.readFile(".obsidian/plugins/stay-in-touch/data.json")).toBe(
			'{\n  "peopleFolders": [\n    "People"\n  ],\n  "dueSoonDays": 7\n}',
		);
		expect(await plugin.loadData()).toEqual({ peopleFolders: ["People"], dueSoonDays: 7 });
		expect(plugin.manifest.dir).toBe(".obsidian/plugins/stay-in-touch");
	});

	it("loads data.json that is already in the vault, and survives a restart", async () => {
		const app = await createTestApp({ ".obsidian/plugins/stay-in-touch/data.json": '{"a":1}' });
		const plugin = await app.loadPlugin(DataPlugin, { id: "stay-in-touch" });
		expect(await plugin.loadData()).toEqual({ a: 1 });
		await plugin.saveData({ a: 2 });
		const app2 = await app.restart();
		expect(await app2.plugins.getPlugin("stay-in-touch")!.loadData()).toEqual({ a: 2 });
	});

	it("keeps the vault's local storage across a restart, as Obsidian keeps it on the device", async () => {
		const app = await createTestApp({});
		app.saveLocalStorage("seen", "2026-11-26");
		const app2 = await app.restart();
		expect(app2.loadLocalStorage("seen")).toBe("2026-11-26");
	});

	it("externalSettingsChange writes data.json and calls onExternalSettingsChange", async () => {
		class Synced extends Plugin {
			seen: unknown = null;
			async onExternalSettingsChange() {
				this.seen = await this.loadData();
			}
		}
		const app = await createTestApp({});
		const plugin = await app.loadPlugin(Synced, { id: "synced" });
		await app.externalSettingsChange("synced", { x: 1 });
		expect(plugin.seen).toEqual({ x: 1 });
	});
});

describe("start-up order", () => {
	it("onLayoutReady callbacks wait for the layout; later plugins get them immediately", async () => {
		const log: string[] = [];
		class First extends Plugin {
			onload() {
				log.push(`first onload, ready=${this.app.workspace.layoutReady}`);
				this.app.workspace.onLayoutReady(() => log.push("first layout ready"));
			}
		}
		class Second extends Plugin {
			onload() {
				this.app.workspace.onLayoutReady(() => log.push("second layout ready (immediate)"));
				log.push("second onload done");
			}
		}
		const app = await createTestApp({});
		await app.loadPlugin(First, { id: "first" });
		await app.loadPlugin(Second, { id: "second" });
		expect(log).toEqual(["first onload, ready=false", "first layout ready", "second layout ready (immediate)", "second onload done"]);
	});

	it("awaits an async onload before the layout becomes ready", async () => {
		const log: string[] = [];
		class Slow extends Plugin {
			async onload() {
				await this.loadData();
				log.push("loaded settings");
				this.app.workspace.onLayoutReady(() => log.push("layout ready"));
			}
		}
		const app = await createTestApp({});
		await app.loadPlugin(Slow, { id: "slow" });
		expect(log).toEqual(["loaded settings", "layout ready"]);
	});

	it("registers in app.plugins", async () => {
		const app = await createTestApp({});
		class P extends Plugin {
			api = { hello: () => "hi" };
		}
		await app.loadPlugin(P, { id: "stay-in-touch" });
		expect((app.plugins.getPlugin("stay-in-touch") as P).api.hello()).toBe("hi");
		expect(app.plugins.enabledPlugins.has("stay-in-touch")).toBe(true);
		await app.unloadPlugin("stay-in-touch");
		expect(app.plugins.getPlugin("stay-in-touch")).toBeNull();
	});
});
