import { Keymap, MarkdownRenderChild, type Plugin } from "obsidian";
import type { Day } from "../core/dates";
import { formatQueryError, parseQuery, runQuery } from "../core/query/index";
import { resultTable, type ResultTable, type TableRow } from "../core/result-table";
import type { PluginContext } from "../obsidian/context";

export const QUERY_LANGUAGE = "stay-in-touch";

/**
 * A `stay-in-touch` code block: a live table of the people the query selects. It re-renders
 * when the index revision or the day changes and stops listening when the block is unloaded.
 */
class QueryBlock extends MarkdownRenderChild {
	private rendered: { revision: number; settings: number; today: Day } | null = null;

	constructor(
		containerEl: HTMLElement,
		private readonly ctx: PluginContext,
		private readonly source: string,
		private readonly sourcePath: string,
	) {
		super(containerEl);
	}

	onload(): void {
		this.containerEl.addClass("stay-in-touch-query");
		this.register(this.ctx.index.subscribe(() => this.render()));
		this.render();
	}

	private render(): void {
		const { index, settings, clock } = this.ctx;
		const today = clock.today();
		const r = this.rendered;
		if (r && r.revision === index.revision && r.settings === settings.revision && r.today === today) return;
		this.rendered = { revision: index.revision, settings: settings.revision, today };
		const el = this.containerEl;
		el.empty();
		const parsed = parseQuery(this.source, { tiers: settings.get().tiers });
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
		const table = resultTable(runQuery(parsed.query, index.scheduled(today), { today, settings: settings.get() }), today);
		if (table.explanation) {
			const pre = el.createEl("pre", { cls: "stay-in-touch-query-explain" });
			pre.setText(table.explanation.join("\n"));
		}
		for (const message of table.errors) el.createDiv({ cls: "stay-in-touch-query-error", text: message });
		el.createDiv({ cls: "stay-in-touch-query-count", text: table.count });
		for (const section of table.sections) {
			if (section.title !== null) el.createEl("h6", { cls: "stay-in-touch-query-group", text: section.title });
			if (section.rows.length > 0) this.table(el, table, section.rows);
		}
	}

	private table(parent: HTMLElement, table: ResultTable, rows: TableRow[]): void {
		const tableEl = parent.createEl("table", { cls: "stay-in-touch-query-table" });
		const head = tableEl.createEl("thead").createEl("tr");
		for (const header of table.headers) head.createEl("th", { text: header });
		const body = tableEl.createEl("tbody");
		for (const { row, cells } of rows) {
			const tr = body.createEl("tr");
			table.columns.forEach((column, i) => {
				const td = tr.createEl("td");
				if (column === "name") this.link(td, row.person.path, cells[i]);
				else td.setText(cells[i]);
			});
		}
	}

	private link(td: HTMLElement, path: string, name: string): void {
		const a = td.createEl("a", { cls: "internal-link", text: name, href: path, attr: { "data-href": path } });
		a.addEventListener("click", (evt) => {
			// Reading view follows internal links itself, whatever preventDefault says: without
			// stopping the click here, a Cmd/Ctrl-click would open the note in two new tabs.
			evt.preventDefault();
			evt.stopPropagation();
			void this.ctx.app.workspace.openLinkText(path, this.sourcePath, Keymap.isModEvent(evt));
		});
	}
}

export function registerQueryBlock(plugin: Plugin, ctx: PluginContext): void {
	plugin.registerMarkdownCodeBlockProcessor(QUERY_LANGUAGE, (source, el, block) => {
		block.addChild(new QueryBlock(el, ctx, source, block.sourcePath));
	});
}
