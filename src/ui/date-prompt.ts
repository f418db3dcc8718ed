import { Modal, Setting, type App } from "obsidian";
import { parseDateInput } from "../core/date-input";
import { formatDay, type Day } from "../core/dates";

/** Asks for one date ("in 3 weeks", "2027-01-15"); Enter confirms. Used by "Snooze until a date". */
export class DatePromptModal extends Modal {
	private value = "";
	private messageEl!: HTMLElement;

	constructor(
		app: App,
		private readonly title: string,
		private readonly today: Day,
		private readonly onPick: (day: Day) => void,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle(this.title);
		const setting = new Setting(this.contentEl).setName("Date").addText((text) => {
			text.setPlaceholder("In 3 weeks or 2027-01-15").onChange((value) => {
				this.value = value;
				this.show();
			});
			text.inputEl.setAttr("aria-label", "Date");
			window.setTimeout(() => text.inputEl.focus(), 0);
		});
		this.messageEl = setting.descEl.createDiv({ cls: "stay-in-touch-date-message" });
		new Setting(this.contentEl).addButton((b) =>
			b
				.setButtonText("Snooze")
				.setCta()
				.onClick(() => this.submit()),
		);
		this.scope.register([], "Enter", (evt) => {
			if (evt.isComposing) return true;
			this.submit();
			return false;
		});
	}

	onClose(): void {
		this.contentEl.empty();
	}

	/** `submitting`: an empty field gets a word too, or Enter would seem to do nothing. */
	private show(submitting = false): void {
		const parsed = parseDateInput(this.value, this.today);
		this.messageEl.toggleClass("mod-warning", !parsed.ok || parsed.day <= this.today);
		if (!parsed.ok)
			this.messageEl.setText(this.value.trim() ? parsed.error : submitting ? "Type a date, like in 3 weeks or 2027-01-15" : "");
		else this.messageEl.setText(parsed.day <= this.today ? `${formatDay(parsed.day)} is not in the future` : formatDay(parsed.day));
	}

	private submit(): void {
		const parsed = parseDateInput(this.value, this.today);
		if (!parsed.ok || parsed.day <= this.today) {
			this.show(true);
			return;
		}
		this.close();
		this.onPick(parsed.day);
	}
}
