// @vitest-environment happy-dom
/**
 * Modals and suggesters driven from the keyboard, notices, menus, settings components and tabs.
 */
import { describe, expect, it } from "vitest";
import { click, createTestApp, findByText, pressKey, setValue, textOf, type } from "./harness";
import {
	AbstractInputSuggest,
	clickMenuItem,
	FuzzySuggestModal,
	Menu,
	Modal,
	Notice,
	noticeLog,
	Plugin,
	PluginSettingTab,
	prepareFuzzySearch,
	prepareSimpleSearch,
	Setting,
	SuggestModal,
	type App,
} from "./obsidian";

describe("Modal", () => {
	it("open() attaches to the body and calls onOpen; Escape closes and calls onClose", async () => {
		const app = await createTestApp({});
		const log: string[] = [];
		class M extends Modal {
			onOpen() {
				log.push("open");
				this.setTitle("Log interaction");
				this.contentEl.createEl("p", { text: "Hello" });
			}
			onClose() {
				log.push("close");
				this.contentEl.empty();
			}
		}
		const m = new M(app);
		m.open();
		expect(m.containerEl.isConnected).toBe(true);
		expect(app.activeModal).toBe(m);
		expect(textOf(m.titleEl)).toBe("Log interaction");
		pressKey(m.contentEl, "Escape");
		expect(log).toEqual(["open", "close"]);
		expect(m.containerEl.isConnected).toBe(false);
		expect(app.openModals).toEqual([]);
	});

	it("keys registered on the modal's scope fire while it is open (Mod+Enter submits)", async () => {
		const app = await createTestApp({});
		let submitted = 0;
		const m = new Modal(app);
		m.scope.register(["Mod"], "Enter", () => {
			submitted++;
			return false;
		});
		m.open();
		const input = m.contentEl.createEl("input");
		pressKey(input, "Enter");
		expect(submitted).toBe(0);
		const evt = pressKey(input, "Enter", { mod: true });
		expect(submitted).toBe(1);
		expect(evt.defaultPrevented).toBe(true);
		m.close();
		pressKey(document.body, "Enter", { mod: true });
		expect(submitted).toBe(1);
	});
});

interface Person {
	name: string;
	status: string;
}
const PEOPLE: Person[] = [
	{ name: "Ada Lovelace", status: "overdue" },
	{ name: "Alan Turing", status: "ok" },
	{ name: "Grace Hopper", status: "due" },
];

class PersonSuggest extends SuggestModal<Person> {
	log: string[] = [];
	constructor(app: App) {
		super(app);
		this.setPlaceholder("Choose a person");
		this.setInstructions([{ command: "↵", purpose: "to log" }]);
	}
	getSuggestions(query: string): Person[] | Promise<Person[]> {
		return PEOPLE.filter((p) => p.name.toLowerCase().includes(query.toLowerCase()));
	}
	renderSuggestion(p: Person, el: HTMLElement) {
		el.createDiv({ text: p.name });
		el.createEl("small", { text: p.status });
	}
	onChooseSuggestion(p: Person, evt: MouseEvent | KeyboardEvent) {
		this.log.push(`choose ${p.name} (${evt.type})`);
	}
	onClose() {
		this.log.push("close");
	}
}

describe("SuggestModal", () => {
	it("typing filters; arrows move the selection; Enter chooses (after onClose, as in Obsidian)", async () => {
		const app = await createTestApp({});
		const modal = new PersonSuggest(app);
		modal.open();
		expect(document.activeElement).toBe(modal.inputEl);
		expect(modal.inputEl.placeholder).toBe("Choose a person");
		expect(modal.resultContainerEl.querySelectorAll(".suggestion-item")).toHaveLength(3);
		type(modal.inputEl, "a");
		expect(modal.shownSuggestions.map((p) => p.name)).toEqual(["Ada Lovelace", "Alan Turing", "Grace Hopper"]);
		type(modal.inputEl, "al");
		expect(modal.shownSuggestions.map((p) => p.name)).toEqual(["Alan Turing"]);
		type(modal.inputEl, "");
		pressKey(modal.inputEl, "ArrowDown");
		pressKey(modal.inputEl, "ArrowDown");
		expect(modal.resultContainerEl.querySelector(".is-selected")?.textContent).toBe("Grace Hopperdue");
		pressKey(modal.inputEl, "ArrowDown"); // wraps
		pressKey(modal.inputEl, "ArrowUp"); // back to the last
		pressKey(modal.inputEl, "Enter");
		expect(modal.log).toEqual(["close", "choose Grace Hopper (keydown)"]);
		expect(modal.isOpen).toBe(false);
	});

	it("shows the empty state; clicking a suggestion chooses it", async () => {
		const app = await createTestApp({});
		const modal = new PersonSuggest(app);
		modal.emptyStateText = "No person notes found";
		modal.open();
		type(modal.inputEl, "zzz");
		expect(textOf(modal.resultContainerEl)).toBe("No person notes found");
		type(modal.inputEl, "ada");
		click(modal.resultContainerEl.querySelector(".suggestion-item")!);
		expect(modal.log).toEqual(["close", "choose Ada Lovelace (click)"]);
	});

	it("supports async getSuggestions (settle waits for them) and limit", async () => {
		const app = await createTestApp({});
		class Async extends PersonSuggest {
			async getSuggestions(query: string): Promise<Person[]> {
				await Promise.resolve();
				return PEOPLE.filter((p) => p.name.toLowerCase().includes(query.toLowerCase()));
			}
		}
		const modal = new Async(app);
		modal.limit = 2;
		modal.open();
		await app.settle();
		expect(modal.shownSuggestions).toHaveLength(2);
	});
});

describe("FuzzySuggestModal and search", () => {
	it("fuzzy-matches item text, highlights matches, and chooses the item", async () => {
		const app = await createTestApp({});
		const chosen: string[] = [];
		class Fuzzy extends FuzzySuggestModal<Person> {
			getItems() {
				return PEOPLE;
			}
			getItemText(p: Person) {
				return p.name;
			}
			onChooseItem(p: Person) {
				chosen.push(p.name);
			}
		}
		const modal = new Fuzzy(app);
		modal.open();
		type(modal.inputEl, "ghop");
		expect(modal.shownSuggestions.map((m) => m.item.name)).toEqual(["Grace Hopper"]);
		expect(Array.from(modal.resultContainerEl.querySelectorAll(".suggestion-highlight")).map((e) => e.textContent)).toEqual([
			"G",
			"Hop",
		]);
		pressKey(modal.inputEl, "Enter");
		expect(chosen).toEqual(["Grace Hopper"]);
	});

	it("prepareFuzzySearch / prepareSimpleSearch", () => {
		expect(prepareFuzzySearch("adl")("Ada Lovelace")?.matches).toEqual([
			[0, 2],
			[4, 5],
		]);
		expect(prepareFuzzySearch("xyz")("Ada Lovelace")).toBeNull();
		expect(prepareSimpleSearch("love ada")("Ada Lovelace")?.matches).toEqual([
			[0, 3],
			[4, 8],
		]);
		expect(prepareSimpleSearch("bob")("Ada")).toBeNull();
	});
});

describe("AbstractInputSuggest", () => {
	it("suggests while typing in an input and reports the selection", async () => {
		const app = await createTestApp({ "People/Ada.md": "", "Work/x.md": "" });
		const input = document.body.createEl("input");
		const picked: string[] = [];
		class FolderSuggest extends AbstractInputSuggest<string> {
			getSuggestions(q: string) {
				return app.vault
					.getAllFolders()
					.map((f) => f.path)
					.filter((p) => p.toLowerCase().includes(q.toLowerCase()));
			}
			renderSuggestion(path: string, el: HTMLElement) {
				el.setText(path);
			}
		}
		const suggest = new FolderSuggest(app, input).onSelect((value) => {
			suggest.setValue(value);
			picked.push(value);
			suggest.close();
		});
		type(input, "peo");
		expect(suggest.isOpen).toBe(true);
		expect(textOf(suggest.suggestEl)).toBe("People");
		pressKey(input, "Enter");
		expect(picked).toEqual(["People"]);
		expect(input.value).toBe("People");
		expect(suggest.isOpen).toBe(false);
	});
});

describe("Notice", () => {
	it("records every notice with its text; setMessage and hide update the record", async () => {
		const app = await createTestApp({});
		const n = new Notice("Logged call with Ada");
		const frag = createFragment((f) => f.createEl("b", { text: "Could not parse People/Bob.md" }));
		new Notice(frag, 0);
		expect(app.noticeMessages()).toEqual(["Logged call with Ada", "Could not parse People/Bob.md"]);
		n.setMessage("Logged call with Ada Lovelace");
		n.hide();
		expect(app.notices[0]).toMatchObject({ message: "Logged call with Ada Lovelace", hidden: true });
		expect(noticeLog.length).toBeGreaterThanOrEqual(2);
		expect(n.messageEl.isConnected).toBe(false);
	});
});

describe("Menu", () => {
	it("records shown menus so tests can click an item by title", async () => {
		await createTestApp({});
		const picked: string[] = [];
		const menu = new Menu();
		menu.addItem((i) =>
			i
				.setTitle("1 week")
				.setIcon("clock")
				.onClick(() => picked.push("1w")),
		);
		menu.addSeparator();
		menu.addItem((i) => i.setTitle("1 month").onClick(() => picked.push("1m")));
		menu.showAtMouseEvent(new MouseEvent("contextmenu", { clientX: 5, clientY: 6 }));
		expect(menu.dom.isConnected).toBe(true);
		expect(menu.titles()).toEqual(["1 week", "1 month"]);
		clickMenuItem("1 month");
		expect(picked).toEqual(["1m"]);
		expect(menu.dom.isConnected).toBe(false);
		expect(() => clickMenuItem("2 years", menu)).toThrow(/items are \["1 week","1 month"\]/);
	});
});

describe("Setting components", () => {
	it("fire onChange from the DOM events a user causes; setValue does not", async () => {
		await createTestApp({});
		const el = document.body.createDiv();
		const log: unknown[] = [];
		const s = new Setting(el)
			.setName("People folder")
			.setDesc("Where person notes live")
			.addText((t) =>
				t
					.setPlaceholder("People")
					.setValue("People")
					.onChange((v) => log.push(["text", v])),
			)
			.addToggle((t) => t.setValue(true).onChange((v) => log.push(["toggle", v])))
			.addDropdown((d) =>
				d
					.addOptions({ asc: "Oldest first", desc: "Newest first" })
					.setValue("asc")
					.onChange((v) => log.push(["dropdown", v])),
			)
			.addSlider((sl) =>
				sl
					.setLimits(1, 30, 1)
					.setValue(7)
					.onChange((v) => log.push(["slider", v])),
			)
			.addButton((b) =>
				b
					.setButtonText("Reset")
					.setCta()
					.onClick(() => log.push(["button"])),
			)
			.addExtraButton((b) => b.setIcon("trash").onClick(() => log.push(["extra"])));
		expect(log).toEqual([]);
		expect(textOf(s.nameEl)).toBe("People folder");
		const [text, toggle, dropdown, slider] = s.components as any[];
		type(text.inputEl, "Contacts");
		click(toggle.toggleEl);
		setValue(dropdown.selectEl, "desc");
		setValue(slider.sliderEl, 14);
		click(findByText(s.controlEl, "Reset")!);
		click(s.controlEl.querySelector(".extra-setting-button")!);
		expect(log).toEqual([["text", "Contacts"], ["toggle", false], ["dropdown", "desc"], ["slider", 14], ["button"], ["extra"]]);
		expect(toggle.toggleEl.hasClass("is-enabled")).toBe(false);
		s.setDisabled(true);
		click(toggle.toggleEl);
		expect(log).toHaveLength(6);
	});

	it("setHeading marks a heading row", async () => {
		await createTestApp({});
		const s = new Setting(document.body.createDiv()).setName("Cadence tiers").setHeading();
		expect(s.settingEl.hasClass("setting-item-heading")).toBe(true);
	});
});

describe("setting tabs", () => {
	class SettingsPlugin extends Plugin {
		settings = { peopleFolder: "People", showStatusBar: true };
		async onload() {
			this.settings = Object.assign(this.settings, await this.loadData());
		}
	}

	it("app.openSettingTab calls display() for an imperative tab", async () => {
		const app = await createTestApp({});
		const plugin = await app.loadPlugin(SettingsPlugin, { id: "stay-in-touch", name: "Stay in touch" });
		class Tab extends PluginSettingTab {
			display() {
				this.containerEl.empty();
				new Setting(this.containerEl).setName("People folder").addText((t) =>
					t.setValue(plugin.settings.peopleFolder).onChange(async (v) => {
						plugin.settings.peopleFolder = v;
						await plugin.saveData(plugin.settings);
					}),
				);
			}
		}
		const tab = new Tab(app, plugin);
		plugin.addSettingTab(tab);
		const el = app.openSettingTab(tab);
		expect(el.isConnected).toBe(true);
		type(el.querySelector("input")!, "Contacts");
		await app.settle();
		expect(JSON.parse(app.readFile(".obsidian/plugins/stay-in-touch/data.json")).peopleFolder).toBe("Contacts");
		expect(app.setting.openTabById("stay-in-touch")).toBe(tab);
		app.setting.close();
		expect(el.childElementCount).toBe(0);
	});

	it("renders getSettingDefinitions() declaratively (Obsidian 1.13) and persists through setControlValue", async () => {
		const app = await createTestApp({});
		const plugin = await app.loadPlugin(SettingsPlugin, { id: "stay-in-touch", name: "Stay in touch" });
		class Tab extends PluginSettingTab {
			getSettingDefinitions() {
				return [
					{
						name: "People folder",
						desc: "Folder with person notes",
						control: {
							type: "text" as const,
							key: "peopleFolder",
							validate: (v: string) => (v.trim() ? undefined : "Required"),
						},
					},
					{
						type: "group" as const,
						heading: "Status bar",
						items: [{ name: "Show overdue count", control: { type: "toggle" as const, key: "showStatusBar" } }],
					},
				];
			}
		}
		const tab = new Tab(app, plugin);
		const el = app.openSettingTab(tab);
		expect(textOf(el)).toContain("People folder");
		expect(textOf(el)).toContain("Status bar");
		const input = el.querySelector("input[type=text]") as HTMLInputElement;
		expect(input.value).toBe("People");
		type(input, " ");
		await app.settle();
		expect(textOf(el.querySelector(".setting-item-error"))).toBe("Required");
		type(input, "Contacts");
		click(el.querySelector(".checkbox-container")!);
		await app.settle();
		expect(plugin.settings).toEqual({ peopleFolder: "Contacts", showStatusBar: false });
		expect(JSON.parse(app.readFile(".obsidian/plugins/stay-in-touch/data.json"))).toEqual({
			peopleFolder: "Contacts",
			showStatusBar: false,
		});
	});
});
