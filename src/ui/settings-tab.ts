import {
	debounce,
	normalizePath,
	PluginSettingTab,
	Setting,
	TFolder,
	type App,
	type Plugin,
	type SettingDefinitionItem,
	type TextAreaComponent,
	type TextComponent,
} from "obsidian";
import type { FrontmatterKeys, Settings } from "../core/settings";
import {
	checkCount,
	checkDailyFormat,
	checkDefaultCadence,
	checkHeading,
	checkFolders,
	checkInteractionTypes,
	checkJournalSourcesText,
	checkMarkerValue,
	checkPropertyName,
	checkTag,
	checkTiersText,
	journalSourcesText,
	parseJournalSourcesText,
	parseTiersText,
	splitList,
	tiersText,
	type Check,
} from "../core/settings-check";
import type { PluginContext } from "../obsidian/context";

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

const KEY_LABELS: Record<keyof FrontmatterKeys, string> = {
	lastContact: "Last contact",
	cadence: "Cadence",
	snoozeUntil: "Snooze until",
	owedFavors: "Favors you owe",
	owedToMe: "Favors owed to you",
	birthday: "Birthday",
	trackMentions: "Track mentions",
};

/**
 * Settings. Every text field validates as you type: a value that does not parse (a cadence, a
 * folder that does not exist) is explained under the field and not saved; a valid one is saved
 * and applied to the open sidebar at once.
 */
export class StayInTouchSettingTab extends PluginSettingTab {
	/** Typing in a field saves once it pauses; the in-memory settings change at once. */
	private readonly persist = debounce(() => void this.ctx.settings.save(), 400, true);

	constructor(
		app: App,
		plugin: Plugin,
		private readonly ctx: PluginContext,
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
		this.ctx.settings.patch(patch);
		this.persist();
	}

	/** Writes a pending change now instead of after the pause (the tab is closing). */
	hide(): void {
		this.persist.run();
		super.hide();
	}

	private get settings(): Settings {
		return this.ctx.settings.get();
	}

	private sections(): Section[] {
		const s = this.settings;
		return [
			{
				heading: "Which notes are people",
				rows: [
					this.toggle(
						"Notes in people folders",
						"Every note in these folders and their subfolders is a person.",
						s.useFolders,
						(v) => ({ useFolders: v }),
					),
					this.text(
						"People folders",
						"Comma-separated.",
						s.peopleFolders.join(", "),
						"People",
						(v) => this.checkFolders(v),
						(v) => ({ peopleFolders: splitList(v).map(normalizePath) }),
					),
					this.toggle("Notes with the person tag", "Nested tags count too: #person/work.", s.useTag, (v) => ({ useTag: v })),
					this.text("Person tag", "Without the #.", s.personTag, "person", checkTag, (v) => ({
						personTag: v.trim().replace(/^#/, ""),
					})),
					this.toggle("Notes with a marker property", "For example type: person.", s.useMarker, (v) => ({ useMarker: v })),
					this.text("Marker property", "", s.markerKey, "type", checkPropertyName, (v) => ({ markerKey: v.trim() })),
					this.text("Marker value", "", s.markerValue, "person", checkMarkerValue, (v) => ({ markerValue: v.trim() })),
					this.text(
						"Person template",
						"The note new people start from when contacts are imported. Empty: none.",
						s.personTemplate,
						"Templates/Person.md",
						(v) => this.checkTemplate(v),
						(v) => ({ personTemplate: v.trim() === "" ? "" : normalizePath(v.trim()) }),
					),
					this.text(
						"Excluded folders",
						"Never people, whatever the rules say. Empty: your templates folder.",
						s.excludedFolders.join(", "),
						"Templates",
						(v) => this.checkFolders(v, true),
						(v) => ({ excludedFolders: splitList(v).map(normalizePath) }),
					),
				],
			},
			{
				heading: "Properties",
				rows: (Object.keys(KEY_LABELS) as (keyof FrontmatterKeys)[]).map((key) =>
					this.text(
						KEY_LABELS[key],
						"Property name in your notes. Other spellings (last-contact, lastContact) are read too.",
						s.keys[key],
						key,
						checkPropertyName,
						(v) => ({ keys: { ...this.settings.keys, [key]: v.trim() } }),
					),
				),
			},
			{
				heading: "Cadence",
				rows: [
					this.text(
						"Default cadence",
						"For people without one. Empty: they are not tracked.",
						s.defaultCadence,
						"Quarterly",
						(v) => checkDefaultCadence(v, this.settings.tiers),
						(v) => ({ defaultCadence: v.trim() }),
					),
					this.textArea(
						"Tiers",
						"Named cadences, one per line: close: 1 month. Use them as cadence: close.",
						tiersText(s.tiers),
						(v) => checkTiersText(v, this.settings.defaultCadence, this.settings.tiers),
						(v) => ({ tiers: parseTiersText(v) }),
					),
					this.text(
						"Due soon window",
						"Days before the due date that count as due soon.",
						String(s.dueSoonDays),
						"7",
						checkCount,
						(v) => ({ dueSoonDays: Number(v.trim()) }),
					),
					this.text("Birthday window", "Days ahead to show birthdays.", String(s.birthdayWindowDays), "14", checkCount, (v) => ({
						birthdayWindowDays: Number(v.trim()),
					})),
				],
			},
			{
				heading: "Interaction log",
				rows: [
					this.text(
						"Log heading",
						"Entries go under this heading, created at the end of the note when missing.",
						s.logHeading,
						"## Interactions",
						checkHeading,
						(v) => ({ logHeading: v.trim() }),
					),
					{
						name: "Entry order",
						desc: "For a new log. A log with entries keeps the order it is written in (newest first stays newest first).",
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
					this.text(
						"Daily note date format",
						"Used for linked dates. Tokens: YYYY, MM, DD.",
						s.dailyNoteFormat,
						"YYYY-MM-DD",
						checkDailyFormat,
						(v) => ({ dailyNoteFormat: v.trim() }),
					),
					this.text(
						"Interaction types",
						"Comma-separated; the first is the default.",
						s.interactionTypes.join(", "),
						"Call, email, coffee",
						checkInteractionTypes,
						(v) => ({ interactionTypes: splitList(v), defaultInteractionType: splitList(v)[0] }),
					),
				],
			},
			{
				heading: "Mentions",
				rows: [
					this.toggle(
						"Count mentions as contact",
						"A link to a person in a daily or meeting note counts as contact on that note's date (not in a task left open, a quote, code or a comment).",
						s.trackMentions,
						(v) => ({ trackMentions: v }),
					),
					this.textArea(
						"Journal folders",
						"One per line: folder: date format of the note names. Empty: your daily notes folder and format (else Daily: YYYY-MM-DD).",
						journalSourcesText(s.journalSources),
						checkJournalSourcesText,
						(v) => ({ journalSources: parseJournalSourcesText(v) }),
					),
					this.toggle(
						"Notes with a date property",
						"Any note whose date property is a date counts as a journal note of that day, like a meeting note.",
						s.countDatedNotes,
						(v) => ({ countDatedNotes: v }),
					),
				],
			},
			{
				heading: "Display",
				rows: [
					this.toggle("Overdue count in the status bar", "Click it to open the sidebar.", s.showStatusBar, (v) => ({
						showStatusBar: v,
					})),
					this.toggle(
						"Digest in the daily note",
						"Once a day, add who is overdue, who is due this week, open favors and birthdays to the end of today's daily note, when it exists. No note is ever created for it.",
						s.digestInDailyNote,
						(v) => ({ digestInDailyNote: v }),
					),
				],
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

	private text(
		name: string,
		desc: string,
		value: string,
		placeholder: string,
		check: Check,
		patch: (v: string) => Partial<Settings>,
	): Row {
		return this.field(name, desc, check, patch, (setting, wire) => {
			setting.addText((t) => wire(t.setPlaceholder(placeholder).setValue(value)));
		});
	}

	private textArea(name: string, desc: string, value: string, check: Check, patch: (v: string) => Partial<Settings>): Row {
		return this.field(name, desc, check, patch, (setting, wire) => {
			setting.addTextArea((t) => {
				t.inputEl.rows = 5;
				wire(t.setValue(value));
			});
		});
	}

	/** A text field that explains an invalid value under itself and saves only a valid one. */
	private field(
		name: string,
		desc: string,
		check: Check,
		patch: (v: string) => Partial<Settings>,
		add: (setting: Setting, wire: (input: TextComponent | TextAreaComponent) => void) => void,
	): Row {
		return {
			name,
			desc,
			render: (setting) => {
				const message = setting.descEl.createDiv({ cls: "stay-in-touch-setting-error" });
				add(setting, (input) => {
					input.onChange((v) => this.validate(v, check, patch, message, input.inputEl));
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

	private checkTemplate(value: string): string | null {
		if (value.trim() === "") return null;
		return this.app.vault.getFileByPath(normalizePath(value.trim())) ? null : "No note at this path.";
	}

	private checkFolders(value: string, allowEmpty = false): string | null {
		return checkFolders(value, (f) => this.app.vault.getAbstractFileByPath(normalizePath(f)) instanceof TFolder, allowEmpty);
	}
}
