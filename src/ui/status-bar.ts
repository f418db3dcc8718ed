import { Component } from "obsidian";
import type { PluginContext } from "../obsidian/context";
import { activateSidebar } from "./sidebar-view";

/** "3 overdue" in the status bar; a click opens the sidebar. Follows the status-bar setting. */
export class StatusBarCount extends Component {
	private shownText: string | null = null;

	constructor(
		private readonly ctx: PluginContext,
		/** The item the plugin added to the status bar. */
		private readonly el: HTMLElement,
	) {
		super();
	}

	onload(): void {
		const el = this.el;
		el.addClass("stay-in-touch-status-bar", "mod-clickable");
		el.setAttr("aria-label", "Open stay in touch");
		this.registerDomEvent(el, "click", () => void activateSidebar(this.ctx.app));
		// The index also tells its subscribers when the day changes (the plugin's clock, main.ts).
		this.register(this.ctx.index.subscribe(() => this.update()));
		this.update();
	}

	update(): void {
		const el = this.el;
		const index = this.ctx.index;
		const visible = this.ctx.settings.get().showStatusBar && index.ready;
		el.toggleClass("stay-in-touch-hidden", !visible);
		if (!visible) return;
		const overdue = index.count("overdue", this.ctx.clock.today());
		const text = overdue === 0 ? "No one overdue" : `${overdue} overdue`;
		if (text !== this.shownText) {
			el.setText(text);
			this.shownText = text;
		}
	}
}
