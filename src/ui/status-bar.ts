import { Component } from "obsidian";
import type StayInTouchPlugin from "../main";

/** "3 overdue" in the status bar; a click opens the sidebar. Follows the status-bar setting. */
export class StatusBarCount extends Component {
	private el: HTMLElement | null = null;
	private shownText: string | null = null;

	constructor(private readonly plugin: StayInTouchPlugin) {
		super();
	}

	onload(): void {
		const el = this.plugin.addStatusBarItem();
		el.addClass("stay-in-touch-status-bar", "mod-clickable");
		el.setAttr("aria-label", "Open stay in touch");
		this.registerDomEvent(el, "click", () => void this.plugin.activateView());
		this.el = el;
		// The index also tells its subscribers when the day changes (the plugin's clock, main.ts).
		this.register(this.plugin.index.subscribe(() => this.update()));
		this.update();
	}

	update(): void {
		const el = this.el;
		if (!el) return;
		const index = this.plugin.index;
		const visible = this.plugin.settings.showStatusBar && index.ready;
		el.toggleClass("stay-in-touch-hidden", !visible);
		if (!visible) return;
		const overdue = index.count("overdue", this.plugin.today());
		const text = overdue === 0 ? "No one overdue" : `${overdue} overdue`;
		if (text !== this.shownText) {
			el.setText(text);
			this.shownText = text;
		}
	}
}
