import { Modal, Platform, Setting, type App, type TFile } from "obsidian";
import { parseDateInput } from "../core/date-input";
import { formatDay, weekdayName, type Day } from "../core/dates";
import type { LogEntryInput } from "../core/log-writer";
import type { Favor } from "../core/favors";
import type { Person } from "../core/person";
import type { Settings } from "../core/settings";
import type { PluginContext } from "../obsidian/context";
import type { WriteOutcome } from "../obsidian/note-writer";

function favorList(text: string): string[] {
	return text
		.split(/\r?\n|;/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/**
 * The "Log interaction" form: date (today, yesterday, 3 days ago, an ISO date), type, note, and
 * favors to add or resolve in both directions. Enter submits; Shift+Enter adds a line to the note
 * (on mobile, Enter in the note does).
 */
export class LogModal extends Modal {
	private dateText = "today";
	private type: string;
	private note = "";
	private owe = "";
	private owed = "";
	private readonly resolveOwed = new Set<string>();
	private readonly resolveOwedToMe = new Set<string>();
	private dateMessageEl!: HTMLElement;
	private submitted = false;

	constructor(
		app: App,
		private readonly person: Person,
		private readonly settings: Settings,
		private readonly today: Day,
		private readonly onSubmit: (entry: LogEntryInput) => void,
	) {
		super(app);
		this.type = settings.interactionTypes.includes(settings.defaultInteractionType)
			? settings.defaultInteractionType
			: settings.interactionTypes[0];
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle(`Log interaction with ${this.person.name}`);
		contentEl.addClass("stay-in-touch-log-modal");

		const dateSetting = new Setting(contentEl).setName("Date").addText((text) => {
			text.setPlaceholder("Today, yesterday, 3 days ago or 2026-11-26").setValue(this.dateText);
			text.inputEl.setAttr("aria-label", "Date");
			text.inputEl.addClass("stay-in-touch-date-input");
			text.onChange((value) => {
				this.dateText = value;
				this.showDate();
			});
		});
		this.dateMessageEl = dateSetting.descEl.createDiv({ cls: "stay-in-touch-date-message" });
		this.showDate();

		new Setting(contentEl).setName("Type").addDropdown((dropdown) => {
			for (const type of this.settings.interactionTypes) dropdown.addOption(type, type);
			dropdown.setValue(this.type).onChange((value) => (this.type = value));
			dropdown.selectEl.setAttr("aria-label", "Type");
		});

		new Setting(contentEl)
			.setName("Note")
			// A phone keyboard has no Shift+Enter: there, return starts a new line and "Log" submits.
			.setDesc(Platform.isMobile ? "What you talked about." : "What you talked about. Shift+Enter starts a new line.")
			.addTextArea((area) => {
				area.setPlaceholder("What you talked about").onChange((value) => (this.note = value));
				area.inputEl.setAttr("aria-label", "Note");
				area.inputEl.addClass("stay-in-touch-note-input");
				area.inputEl.rows = 3;
			});

		this.addFavorField(
			"I now owe them",
			"A favor to return; separate several with ;",
			"An introduction, a review",
			(value) => (this.owe = value),
		);
		this.addFavorField("They now owe me", "", "Feedback on my draft", (value) => (this.owed = value));

		this.addResolveToggles("Favor I returned", this.person.owedFavors, this.resolveOwed);
		this.addResolveToggles("Favor they returned", this.person.owedToMe, this.resolveOwedToMe);

		new Setting(contentEl)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText("Log")
					.setCta()
					.onClick(() => this.submit()),
			);

		// Enter submits from any field; Shift+Enter keeps its meaning in the note. On a focused
		// button Enter clicks that button: Enter on "Cancel" must cancel, not log.
		this.scope.register([], "Enter", (evt) => {
			if (evt.isComposing) return true;
			// instanceOf, not instanceof: the modal may be in a pop-out window with its own HTMLElement.
			const target = evt.target as Node | null;
			if (target?.instanceOf(HTMLElement) && target.closest("button")) return true;
			if (Platform.isMobile && target?.instanceOf(HTMLTextAreaElement)) return true;
			this.submit();
			return false;
		});

		const dateInput = contentEl.querySelector<HTMLInputElement>(".stay-in-touch-date-input");
		dateInput?.select();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private addFavorField(name: string, desc: string, placeholder: string, onChange: (value: string) => void): void {
		new Setting(this.contentEl)
			.setName(name)
			.setDesc(desc)
			.addText((text) => {
				text.setPlaceholder(placeholder).onChange(onChange);
				text.inputEl.setAttr("aria-label", name);
			});
	}

	private addResolveToggles(label: string, favors: Favor[], selected: Set<string>): void {
		for (const favor of favors) {
			new Setting(this.contentEl)
				.setName(`${label}: ${favor.text}`)
				.setDesc(favor.day === null ? "" : `Since ${formatDay(favor.day)}`)
				.addToggle((toggle) =>
					toggle.setValue(false).onChange((on) => {
						if (on) selected.add(favor.raw);
						else selected.delete(favor.raw);
					}),
				);
		}
	}

	private parsedDate(): ReturnType<typeof parseDateInput> {
		return parseDateInput(this.dateText, this.today);
	}

	private showDate(): void {
		const parsed = this.parsedDate();
		this.dateMessageEl.toggleClass("mod-warning", !parsed.ok);
		if (!parsed.ok) {
			this.dateMessageEl.setText(parsed.error);
		} else if (parsed.day > this.today) {
			this.dateMessageEl.setText(`${weekdayName(parsed.day)}, ${formatDay(parsed.day)} is in the future`);
			this.dateMessageEl.addClass("mod-warning");
		} else {
			this.dateMessageEl.setText(`${weekdayName(parsed.day)}, ${formatDay(parsed.day)}`);
		}
	}

	private submit(): void {
		if (this.submitted) return;
		const parsed = this.parsedDate();
		if (!parsed.ok || parsed.day > this.today) {
			this.showDate();
			return;
		}
		this.submitted = true;
		this.close();
		this.onSubmit({
			day: parsed.day,
			type: this.type,
			note: this.note.trim(),
			addOwed: favorList(this.owe),
			addOwedToMe: favorList(this.owed),
			resolveOwed: [...this.resolveOwed],
			resolveOwedToMe: [...this.resolveOwedToMe],
		});
	}
}

/**
 * Opens the log form for a person note (from the palette, the sidebar, a row's menu or the
 * reach-out queue, which hears what was written through `onLogged` so it can undo it).
 */
export function openLogModal(
	ctx: PluginContext,
	path: string,
	onLogged?: (file: TFile, outcome: WriteOutcome) => void,
	/** The form was sent: the write starts now (`onLogged` hears when it lands). */
	onWriting?: () => void,
): LogModal | null {
	const person = ctx.index.get(path);
	const file = ctx.app.vault.getFileByPath(path);
	if (!person || !file) return null;
	// The form holds the file, not its path: Obsidian moves the same TFile when the note is
	// renamed while the form is open, and the entry must still land.
	const modal = new LogModal(ctx.app, person, ctx.settings.get(), ctx.clock.today(), (entry) => {
		onWriting?.();
		void ctx.interactions.log(file, entry).then((outcome) => onLogged?.(file, outcome));
	});
	modal.open();
	return modal;
}
