import { debounce, normalizePath, PluginSettingTab, Setting, TFolder, type App, type SettingDefinitionItem } from "obsidian";
import { parseCadence } from "../core/cadence";
import type { FrontmatterKeys, Settings } from "../core/settings";
import { isValidTag } from "../core/tags";
import type StayInTouchPlugin from "../main";

/** One row of the tab; rendered by `display()` on older apps and by definitions on 1.13+. */
interface Row {
	name: string;
	desc: string;
	render: (setting: Setting) => void;
}

interface Section {
	heading: string;
	rows: Row[];
}

type Check = (value: string) => string | null;

function list(value: string): string[] {
	return value
		.split(/[,\n]/)
		.map((s) => s.trim())
		.filter(Boolean);
}

const KEY_LABELS: Record<keyof FrontmatterKeys, string> = {
	lastContact: "Last contact",
	cadence: "Cadence",
	snoozeUntil: "Snooze until",
	owedFavors: "Favors you owe",
	owedToMe: "Favors owed to you",
	birthday: "Birthday",
};

/**
 * Settings. Every text field validates as you type: a value that does not parse (a cadence, a
 * folder that does not exist) is explained under the field and not saved; a valid one is saved
 * and applied to the open sidebar at once.
 */
export class StayInTouchSettingTab extends PluginSettingTab {
	/** Typing in a field saves once it pauses; the in-memory settings change at once. */
	private readonly persist = debounce(() => void this.plugin.saveSettings(), 400, true);

	constructor(
		app: App,
		private readonly plugin: StayInTouchPlugin,
	) {
		super(app, plugin);
	}

	getSettingDefinitions(): SettingDefinitionItem[] {
		return this.sections().map((section) => ({
			type: "group" as const,
			heading: section.heading,
			items: section.rows.map((row) => ({ name: row.name, desc: row.desc, render: (setting: Setting) => row.render(setting) })),
		}));
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const section of this.sections()) {
			new Setting(containerEl).setName(section.heading).setHeading();
			for (const row of section.rows) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));
		}
	}

	private save(patch: Partial<Settings>): void {
		this.plugin.patchSettings(patch);
		this.persist();
	}

	/** Writes a pending change now instead of after the pause (the tab is closing). */
	hide(): void {
		this.persist.run();
		super.hide();
	}

	private get settings(): Settings {
		return this.plugin.settings;
	}

	private sections(): Section[] {
		const s = this.settings;
		return [
			{
				heading: "Which notes are people",
				rows: [
					this.toggle("Notes in people folders", "Every note in these folders and their subfolders is a person.", s.useFolders, (v) => ({ useFolders: v })),
					this.text("People folders", "Comma-separated.", s.peopleFolders.join(", "), "People", (v) => this.checkFolders(v), (v) => ({ peopleFolders: list(v).map(normalizePath) })),
					this.toggle("Notes with the person tag", "Nested tags count too: #person/work.", s.useTag, (v) => ({ useTag: v })),
					this.text("Person tag", "Without the #.", s.personTag, "person", (v) => this.checkTag(v), (v) => ({ personTag: v.trim().replace(/^#/, "") })),
					this.toggle("Notes with a marker property", "For example type: person.", s.useMarker, (v) => ({ useMarker: v })),
					this.text("Marker property", "", s.markerKey, "type", (v) => (v.trim() === "" ? "Enter a property name." : null), (v) => ({ markerKey: v.trim() })),
					this.text("Marker value", "", s.markerValue, "person", (v) => (v.trim().replace(/^#/, "") === "" ? "Enter a value." : null), (v) => ({ markerValue: v.trim() })),
					this.text("Excluded folders", "Never people, whatever the rules say. Empty: your templates folder.", s.excludedFolders.join(", "), "Templates", (v) => this.checkFolders(v, true), (v) => ({ excludedFolders: list(v).map(normalizePath) })),
				],
			},
			{
				heading: "Properties",
				rows: (Object.keys(KEY_LABELS) as (keyof FrontmatterKeys)[]).map((key) =>
					this.text(KEY_LABELS[key], "Property name in your notes. Other spellings (last-contact, lastContact) are read too.", s.keys[key], key, (v) => (v.trim() === "" ? "Enter a property name." : null), (v) => ({ keys: { ...this.settings.keys, [key]: v.trim() } })),
				),
			},
			{
				heading: "Cadence",
				rows: [
					this.text("Default cadence", "For people without one. Empty: they are not tracked.", s.defaultCadence, "Quarterly", (v) => (v.trim() === "" ? null : this.checkCadence(v)), (v) => ({ defaultCadence: v.trim() })),
					this.textArea(
						"Tiers",
						"Named cadences, one per line: close: 1 month. Use them as cadence: close.",
						Object.entries(s.tiers)
							.map(([name, value]) => `${name}: ${value}`)
							.join("\n"),
						(v) => this.checkTiers(v),
						(v) => ({ tiers: this.parseTiers(v) }),
					),
					this.text("Due soon window", "Days before the due date that count as due soon.", String(s.dueSoonDays), "7", (v) => this.checkCount(v), (v) => ({ dueSoonDays: Number(v.trim()) })),
					this.text("Birthday window", "Days ahead to show birthdays.", String(s.birthdayWindowDays), "14", (v) => this.checkCount(v), (v) => ({ birthdayWindowDays: Number(v.trim()) })),
				],
			},
			{
				heading: "Interaction log",
				rows: [
					this.text("Log heading", "Entries go under this heading, created at the end of the note when missing.", s.logHeading, "## Interactions", (v) => (/^#{1,6}\s+\S/.test(v.trim()) ? null : "Write a markdown heading, like ## Interactions."), (v) => ({ logHeading: v.trim() })),
					{
						name: "Entry order",
						desc: "Where new entries go.",
						render: (setting) => {
							setting.addDropdown((d) =>
								d
									.addOption("oldest-first", "Oldest first")
									.addOption("newest-first", "Newest first")
									.setValue(this.settings.logOrder)
									.onChange((v) => this.save({ logOrder: v === "newest-first" ? "newest-first" : "oldest-first" })),
							);
						},
					},
					this.toggle("Link dates to daily notes", "Write the date as [[2026-11-26]].", s.linkDates, (v) => ({ linkDates: v })),
					this.text("Daily note date format", "Used for linked dates. Tokens: YYYY, MM, DD.", s.dailyNoteFormat, "YYYY-MM-DD", (v) => (/YYYY/.test(v) && /MM/.test(v) && /DD/.test(v) ? null : "The format needs YYYY, MM and DD."), (v) => ({ dailyNoteFormat: v.trim() })),
					this.text("Interaction types", "Comma-separated; the first is the default.", s.interactionTypes.join(", "), "Call, email, coffee", (v) => (list(v).length === 0 ? "Enter at least one type." : null), (v) => ({ interactionTypes: list(v), defaultInteractionType: list(v)[0] })),
				],
			},
			{
				heading: "Display",
				rows: [this.toggle("Overdue count in the status bar", "Click it to open the sidebar.", s.showStatusBar, (v) => ({ showStatusBar: v }))],
			},
		];
	}

	private toggle(name: string, desc: string, value: boolean, patch: (v: boolean) => Partial<Settings>): Row {
		return {
			name,
			desc,
			render: (setting) => {
				setting.addToggle((t) => t.setValue(value).onChange((v) => this.save(patch(v))));
			},
		};
	}

	private text(name: string, desc: string, value: string, placeholder: string, check: Check, patch: (v: string) => Partial<Settings>): Row {
		return {
			name,
			desc,
			render: (setting) => {
				const message = setting.descEl.createDiv({ cls: "stay-in-touch-setting-error" });
				setting.addText((t) => {
					t.setPlaceholder(placeholder).setValue(value);
					t.onChange((v) => this.validate(v, check, patch, message, t.inputEl));
				});
			},
		};
	}

	private textArea(name: string, desc: string, value: string, check: Check, patch: (v: string) => Partial<Settings>): Row {
		return {
			name,
			desc,
			render: (setting) => {
				const message = setting.descEl.createDiv({ cls: "stay-in-touch-setting-error" });
				setting.addTextArea((t) => {
					t.setValue(value);
					t.inputEl.rows = 5;
					t.onChange((v) => this.validate(v, check, patch, message, t.inputEl));
				});
			},
		};
	}

	private validate(value: string, check: Check, patch: (v: string) => Partial<Settings>, message: HTMLElement, input: HTMLElement): void {
		const error = check(value);
		message.setText(error ?? "");
		input.toggleClass("stay-in-touch-invalid", error !== null);
		input.setAttr("aria-invalid", error === null ? "false" : "true");
		if (error === null) this.save(patch(value));
	}

	private checkFolders(value: string, allowEmpty = false): string | null {
		const folders = list(value);
		if (folders.length === 0) return allowEmpty ? null : "Enter at least one folder.";
		const missing = folders.filter((f) => !(this.app.vault.getAbstractFileByPath(normalizePath(f)) instanceof TFolder));
		return missing.length === 0 ? null : `No folder named ${missing.join(", ")} in this vault.`;
	}

	/** Obsidian would never report such a tag on a note, so every tagged person would silently drop out. */
	private checkTag(value: string): string | null {
		const tag = value.trim().replace(/^#/, "");
		if (tag === "") return "Enter a tag.";
		if (/\s/.test(tag)) return "A tag cannot contain spaces.";
		if (/^\/|\/$|\/\//.test(tag)) return "A tag cannot start or end with / or have an empty part: person/work.";
		if (/^\d+$/.test(tag)) return "A tag needs at least one character that is not a digit.";
		if (!isValidTag(tag)) return "A tag holds letters, digits, _, - and / only.";
		return null;
	}

	private checkCadence(value: string): string | null {
		const parsed = parseCadence(value, this.settings.tiers);
		return parsed.ok ? null : parsed.error;
	}

	private checkCount(value: string): string | null {
		return /^\d{1,4}$/.test(value.trim()) ? null : "Enter a whole number of days.";
	}

	private parseTiers(value: string): Record<string, string> {
		const tiers: Record<string, string> = {};
		for (const line of value.split("\n")) {
			const i = line.indexOf(":");
			if (i > 0) tiers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
		}
		return tiers;
	}

	private checkTiers(value: string): string | null {
		for (const [n, raw] of value.split("\n").entries()) {
			const line = raw.trim();
			if (line === "") continue;
			const i = line.indexOf(":");
			if (i <= 0) return `Line ${n + 1}: write name: cadence, like close: 1 month.`;
			const parsed = parseCadence(line.slice(i + 1), {});
			if (!parsed.ok) return `Line ${n + 1}: ${parsed.error}`;
		}
		// Without its tier the default cadence would stop parsing, and everyone relying on it would
		// quietly become untracked.
		const fallback = this.settings.defaultCadence;
		if (fallback !== "" && this.checkCadence(fallback) === null && !parseCadence(fallback, this.parseTiers(value)).ok) {
			return `The default cadence '${fallback}' needs a tier removed here; change the default cadence first.`;
		}
		return null;
	}
}
