import { Keymap, MarkdownRenderChild } from "obsidian";
import type { Day } from "../core/dates";
import { cellText, formatQueryError, parseQuery, runQuery, type Column, type QueryResult } from "../core/query/index";
import type { Scheduled } from "../core/schedule";
import type StayInTouchPlugin from "../main";

export const QUERY_LANGUAGE = "stay-in-touch";

/**
 * A `stay-in-touch` code block: a live table of the people the query selects. It re-renders
 * when the index revision or the day changes and stops listening when the block is unloaded.
 */
class QueryBlock extends MarkdownRenderChild {
	private rendered: { revision: number; settings: number; today: Day } | null = null;

	constructor(
		containerEl: HTMLElement,
		private readonly plugin: StayInTouchPlugin,
		private readonly source: string,
		private readonly sourcePath: string,
	) {
		super(containerEl);
	}

	onload(): void {
		this.containerEl.addClass("stay-in-touch-query");
		this.register(this.plugin.index.subscribe(() => this.render()));
		this.render();
	}

	private render(): void {
		const index = this.plugin.index;
		const today = this.plugin.today();
		const r = this.rendered;
		if (r && r.revision === index.revision && r.settings === this.plugin.settingsRevision && r.today === today) return;
		this.rendered = { revision: index.revision, settings: this.plugin.settingsRevision, today };
		const el = this.containerEl;
		el.empty();
		const parsed = parseQuery(this.source, { tiers: this.plugin.settings.tiers });
		if (!parsed.ok) {
			const box = el.createDiv({ cls: "stay-in-touch-query-error" });
			box.createDiv({ cls: "stay-in-touch-query-error-title", text: "This stay-in-touch query has mistakes:" });
			const ul = box.createEl("ul");
			for (const error of parsed.errors) ul.createEl("li", { text: formatQueryError(error) });
			return;
		}
		if (!index.ready) {
			el.createDiv({ cls: "stay-in-touch-empty", text: "Reading your person notes…" });
			return;
		}
		const result = runQuery(parsed.query, index.scheduled(today), { today, settings: this.plugin.settings });
		if (result.explanation) {
			const pre = el.createEl("pre", { cls: "stay-in-touch-query-explain" });
			pre.setText(result.explanation.join("\n"));
		}
		for (const message of result.errors) el.createDiv({ cls: "stay-in-touch-query-error", text: message });
		el.createDiv({ cls: "stay-in-touch-query-count", text: countText(result) });
		if (result.groups) {
			for (const group of result.groups) {
				el.createEl("h6", { cls: "stay-in-touch-query-group", text: `${group.key} (${group.rows.length})` });
				this.table(el, result.columns, group.rows, today);
			}
		} else if (result.rows.length > 0) {
			this.table(el, result.columns, result.rows, today);
		}
	}

	private table(parent: HTMLElement, columns: Column[], rows: Scheduled[], today: Day): void {
		const table = parent.createEl("table", { cls: "stay-in-touch-query-table" });
		const head = table.createEl("thead").createEl("tr");
		for (const column of columns) head.createEl("th", { text: column.charAt(0).toUpperCase() + column.slice(1) });
		const body = table.createEl("tbody");
		for (const row of rows) {
			const tr = body.createEl("tr");
			for (const column of columns) {
				const td = tr.createEl("td");
				if (column === "name") this.link(td, row);
				else td.setText(cellText(column, row, today));
			}
		}
	}

	private link(td: HTMLElement, row: Scheduled): void {
		const path = row.person.path;
		const a = td.createEl("a", { cls: "internal-link", text: row.person.name, href: path, attr: { "data-href": path } });
		a.addEventListener("click", (evt) => {
			// Reading view follows internal links itself, whatever preventDefault says: without
			// stopping the click here, a Cmd/Ctrl-click would open the note in two new tabs.
			evt.preventDefault();
			evt.stopPropagation();
			void this.plugin.app.workspace.openLinkText(path, this.sourcePath, Keymap.isModEvent(evt));
		});
	}
}

function countText(result: QueryResult): string {
	const shown = result.rows.length;
	const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;
	return shown === result.total ? people(shown) : `${people(shown)} of ${result.total}`;
}

export function registerQueryBlock(plugin: StayInTouchPlugin): void {
	plugin.registerMarkdownCodeBlockProcessor(QUERY_LANGUAGE, (source, el, ctx) => {
		ctx.addChild(new QueryBlock(el, plugin, source, ctx.sourcePath));
	});
}
