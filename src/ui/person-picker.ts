import { FuzzySuggestModal, type App, type FuzzyMatch } from "obsidian";
import type { Scheduled } from "../core/schedule";
import { statusLabel } from "../core/sidebar-model";

/**
 * Fuzzy picker over people by name and alias, showing each person's status, used by "Log
 * interaction" (when the active note is not a person) and "Find person".
 */
export class PersonPicker extends FuzzySuggestModal<Scheduled> {
	constructor(
		app: App,
		private readonly people: readonly Scheduled[],
		placeholder: string,
		private readonly onPick: (picked: Scheduled) => void,
	) {
		super(app);
		this.setPlaceholder(placeholder);
		this.emptyStateText = "No person matches.";
		this.setInstructions([
			{ command: "↑↓", purpose: "to navigate" },
			{ command: "↵", purpose: "to choose" },
			{ command: "esc", purpose: "to dismiss" },
		]);
	}

	getItems(): Scheduled[] {
		return [...this.people];
	}

	getItemText(item: Scheduled): string {
		const aliases = item.person.aliases;
		return aliases.length > 0 ? `${item.person.name} ${aliases.join(" ")}` : item.person.name;
	}

	renderSuggestion(match: FuzzyMatch<Scheduled>, el: HTMLElement): void {
		const { person, schedule } = match.item;
		el.addClass("stay-in-touch-suggestion");
		const main = el.createDiv({ cls: "stay-in-touch-suggestion-main" });
		main.createSpan({ cls: "stay-in-touch-suggestion-name", text: person.name });
		main.createSpan({ cls: `stay-in-touch-badge stay-in-touch-status-${schedule.status}`, text: statusLabel(schedule) });
		if (person.aliases.length > 0) el.createDiv({ cls: "stay-in-touch-suggestion-note", text: person.aliases.join(", ") });
	}

	onChooseItem(item: Scheduled): void {
		this.onPick(item);
	}
}
