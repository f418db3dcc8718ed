import { Modal, Setting, type App } from "obsidian";
import { contactFileTooLarge } from "../core/import/contact";
import { countsText, rowChanges } from "../core/import/plan-text";
import { planCounts, type ImportPlan, type PlanRow, type RowKind } from "../core/import/plan";
import type { ContactImport } from "../obsidian/contact-import";

/** The choice that makes an ambiguous contact a new person (no path can be empty). */
const NEW_NOTE = "\u0000new";

/** Rows drawn per section before "Show more". */
const PAGE = 100;

const SECTIONS: { kind: RowKind; title: string; toggles: boolean }[] = [
	{ kind: "new", title: "New people", toggles: true },
	{ kind: "update", title: "Matched: empty properties to fill", toggles: true },
	{ kind: "ambiguous", title: "Ambiguous: say who they are, or leave them out", toggles: false },
	{ kind: "skipped", title: "Skipped", toggles: false },
];

/**
 * "Import contacts…": a file picker, then the plan as a preview (new, matched, ambiguous and
 * skipped, with counts), a toggle per row and the cadence tier for new people; one button writes
 * it. Nothing is written before that button, and everything from the file is shown as text.
 */
export class ImportModal extends Modal {
	private plan: ImportPlan | null = null;
	private readonly included = new Set<PlanRow>();
	/** Ambiguous rows the user settled, and what they became. */
	private readonly settled = new Map<PlanRow, PlanRow>();
	private tier = "";
	private fileName = "";
	private submitEl: HTMLButtonElement | null = null;
	/** Settles when the chosen file has been read and the preview drawn (tests wait on it). */
	loading: Promise<void> = Promise.resolve();
	/** Settles when the confirmed import has been written. */
	writing: Promise<unknown> = Promise.resolve();

	constructor(
		app: App,
		private readonly importer: ContactImport,
		private readonly tiers: readonly string[],
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle("Import contacts");
		this.contentEl.addClass("stay-in-touch-import-modal");
		this.showPicker("");
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private showPicker(error: string): void {
		const { contentEl } = this;
		contentEl.empty();
		contentEl.createEl("p", {
			text: "A vCard file (.vcf), a Google Contacts CSV or LinkedIn's Connections.csv. Nothing is written before you confirm.",
		});
		const input = contentEl.createEl("input", {
			type: "file",
			cls: "stay-in-touch-file-input",
			attr: { accept: ".vcf,.csv,text/vcard,text/csv" },
		});
		input.addEventListener("change", () => {
			const file = input.files?.[0];
			if (file) this.loading = this.readFile(file);
		});
		new Setting(contentEl).addButton((b) =>
			b
				.setButtonText("Choose a file")
				.setCta()
				.onClick(() => input.click()),
		);
		if (error !== "") contentEl.createDiv({ cls: "stay-in-touch-import-error", text: error });
	}

	private async readFile(file: File): Promise<void> {
		// Refused by its size before it is loaded: a file of gigabytes would not fit in memory.
		const tooLarge = contactFileTooLarge(file.name, file.size);
		if (tooLarge !== null) {
			this.showPicker(tooLarge);
			return;
		}
		const read = this.importer.read(file.name, new Uint8Array(await file.arrayBuffer()));
		if (!read.ok) {
			this.showPicker(read.error);
			return;
		}
		this.fileName = file.name;
		this.plan = this.importer.plan(read);
		this.included.clear();
		this.settled.clear();
		for (const row of this.plan.rows) if (row.kind === "new" || row.kind === "update") this.included.add(row);
		this.showPreview();
	}

	private showPreview(): void {
		const plan = this.plan;
		if (!plan) return;
		const { contentEl } = this;
		contentEl.empty();
		contentEl.createEl("p", { cls: "stay-in-touch-import-counts", text: `${this.fileName}: ${countsText(planCounts(plan.rows))}` });
		// Only new people take a tier (an ambiguous contact may become one).
		if (this.tiers.length > 0 && plan.rows.some((r) => r.kind === "new" || r.kind === "ambiguous")) {
			new Setting(contentEl)
				.setName("Cadence for new people")
				.setDesc("None leaves it empty, so new people are not due until you give them one.")
				.addDropdown((d) => {
					d.addOption("", "None");
					for (const tier of this.tiers) d.addOption(tier, tier);
					d.setValue(this.tier).onChange((v) => (this.tier = v));
					d.selectEl.setAttr("aria-label", "Cadence for new people");
				});
		}
		for (const section of SECTIONS) {
			const rows = plan.rows.filter((r) => r.kind === section.kind);
			if (rows.length === 0) continue;
			const block = contentEl.createDiv({ cls: `stay-in-touch-import-section stay-in-touch-import-${section.kind}` });
			block.createEl("h3", { text: `${section.title} (${rows.length})` });
			this.renderRows(block, rows, 0, section.toggles);
		}
		const unchanged = plan.rows.filter((r) => r.kind === "unchanged").length;
		if (unchanged > 0) contentEl.createEl("p", { text: `${unchanged} matched people have nothing new.` });
		new Setting(contentEl)
			.addButton((b) => {
				this.submitEl = b.buttonEl;
				b.setCta().onClick(() => this.submit());
			})
			.addButton((b) => b.setButtonText("Cancel").onClick(() => this.close()));
		this.updateSubmit();
	}

	/**
	 * Rows from `from` on, a page at a time: a LinkedIn file of 5,000 connections opens at once,
	 * and a row not shown yet keeps its default (included).
	 */
	private renderRows(block: HTMLElement, rows: readonly PlanRow[], from: number, toggles: boolean): void {
		const to = Math.min(rows.length, from + PAGE);
		for (let i = from; i < to; i++) this.renderRow(block, rows[i], toggles);
		if (to >= rows.length) return;
		const more = block.createEl("button", {
			cls: "stay-in-touch-import-more",
			text: `Show ${Math.min(PAGE, rows.length - to)} more of ${rows.length - to}`,
		});
		more.addEventListener("click", () => {
			more.remove();
			this.renderRows(block, rows, to, toggles);
		});
	}

	private renderRow(parent: HTMLElement, row: PlanRow, toggles: boolean): void {
		const el = parent.createDiv({ cls: "stay-in-touch-import-row" });
		const head = el.createEl("label", { cls: "stay-in-touch-import-row-head" });
		if (toggles) {
			const box = head.createEl("input", { type: "checkbox" });
			box.checked = this.included.has(row);
			box.setAttr("aria-label", `Import ${row.name}`);
			box.addEventListener("change", () => {
				if (box.checked) this.included.add(row);
				else this.included.delete(row);
				this.updateSubmit();
			});
		}
		head.createSpan({ cls: "stay-in-touch-import-name", text: row.path || row.name || "(no name)" });
		head.createSpan({ cls: "stay-in-touch-import-source", text: row.sources.join(", ") });
		if (row.kind === "ambiguous") {
			this.renderChoice(el, row);
			return;
		}
		for (const line of row.kind === "skipped" ? [row.reason] : rowChanges(row))
			el.createDiv({ cls: "stay-in-touch-import-detail", text: line });
	}

	/** Who an ambiguous contact is, as the user says: not imported (the default), one of the candidates, or someone new. */
	private renderChoice(el: HTMLElement, row: PlanRow): void {
		const details = el.createDiv();
		const show = (settled: PlanRow | null) => {
			details.empty();
			const lines = settled === null ? [] : settled.kind === "skipped" ? [settled.reason] : rowChanges(settled);
			if (settled !== null && settled.kind !== "skipped" && lines.length === 0) lines.push("Nothing new to write");
			for (const line of lines) details.createDiv({ cls: "stay-in-touch-import-detail", text: line });
		};
		new Setting(el).setName(`Could be ${row.candidates.length} people`).addDropdown((d) => {
			d.addOption("", "Not imported");
			for (const path of row.candidates) d.addOption(path, path);
			d.addOption(NEW_NOTE, "Someone new");
			d.selectEl.setAttr("aria-label", `Who ${row.name} is`);
			d.onChange((choice) => {
				const previous = this.settled.get(row);
				if (previous) this.included.delete(previous);
				this.settled.delete(row);
				if (choice !== "" && this.plan) {
					const settled = this.importer.settle(this.plan, row, choice === NEW_NOTE ? null : choice, this.settled.values());
					this.settled.set(row, settled);
					if (settled.kind === "new" || settled.kind === "update") this.included.add(settled);
					show(settled);
				} else show(null);
				this.updateSubmit();
			});
		});
	}

	private updateSubmit(): void {
		const n = this.included.size;
		this.submitEl?.setText(n === 1 ? "Import 1 note" : `Import ${n} notes`);
		this.submitEl?.toggleAttribute("disabled", n === 0);
	}

	private submit(): void {
		const plan = this.plan;
		if (!plan || this.included.size === 0) return;
		const rows = plan.rows.map((r) => this.settled.get(r) ?? r).filter((r) => this.included.has(r));
		this.close();
		this.writing = this.importer.apply(rows, this.tier);
	}
}
