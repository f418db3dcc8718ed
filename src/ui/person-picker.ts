import { FuzzySuggestModal, renderResults, type App, type FuzzyMatch } from "obsidian";
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

	/** The name, then the aliases as the suggestion shows them, so match positions map onto both. */
	getItemText(item: Scheduled): string {
		const aliases = item.person.aliases;
		return aliases.length > 0 ? `${item.person.name} ${aliases.join(", ")}` : item.person.name;
	}

	renderSuggestion(match: FuzzyMatch<Scheduled>, el: HTMLElement): void {
		const { person, schedule } = match.item;
		el.addClass("stay-in-touch-suggestion");
		const main = el.createDiv({ cls: "stay-in-touch-suggestion-main" });
		// renderResults writes text nodes and highlight spans only, never markup.
		renderResults(main.createSpan({ cls: "stay-in-touch-suggestion-name" }), person.name, match.match);
		main.createSpan({ cls: `stay-in-touch-badge stay-in-touch-status-${schedule.status}`, text: statusLabel(schedule) });
		if (person.aliases.length > 0)
			renderResults(
				el.createDiv({ cls: "stay-in-touch-suggestion-note" }),
				person.aliases.join(", "),
				match.match,
				-(person.name.length + 1),
			);
	}

	onChooseItem(item: Scheduled): void {
		this.onPick(item);
	}
}
