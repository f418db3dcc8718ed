import { Modal, Notice } from "obsidian";
import type { Day } from "../core/dates";
import { everyText } from "../core/drift";
import { NEVER_CADENCE } from "../core/person";
import { lastContactText } from "../core/sidebar-model";
import { QueueSession, sessionSummary, triageQueue, type QueueAction } from "../core/reach-out";
import type { Scheduled } from "../core/schedule";
import { plural } from "../core/text";
import type { PluginContext } from "../obsidian/context";
import { ariaShortcut, routeKeys } from "./queue-keys";
import { undoLastStep, type Undo } from "./queue-undo";

/** Keys 1–5 set the first five tiers of the settings. */
const TIER_KEYS = 5;
const SUMMARY_ORDER: readonly QueueAction[] = ["set", "ignored", "skipped"];

/**
 * "Triage untracked people": one person at a time; `1`–`5` set a tier as the cadence, `p` writes
 * `cadence: never`, space skips, `u` undoes the last choice. Each choice is one surgical write.
 */
export class TriageModal extends Modal {
	readonly session: QueueSession<Scheduled, Undo>;
	private readonly today: Day;
	private readonly tiers: [string, string][];
	private busy = false;
	private summarized = false;

	constructor(private readonly ctx: PluginContext) {
		super(ctx.app);
		this.today = ctx.clock.today();
		this.tiers = Object.entries(ctx.settings.get().tiers).slice(0, TIER_KEYS);
		this.session = new QueueSession(triageQueue(ctx.index.scheduled(this.today)));
	}

	onOpen(): void {
		this.setTitle("Triage untracked people");
		this.modalEl.addClass("stay-in-touch-queue-modal");
		routeKeys(this, (key) => this.onKey(key));
		this.render();
	}

	onClose(): void {
		this.contentEl.empty();
		if (!this.summarized && this.session.canUndo) new Notice(`Triage ended: ${this.summary()}`);
	}

	summary(): string {
		const counts = this.session.counts();
		return sessionSummary(counts, SUMMARY_ORDER)
			.replace(/(\d+) set/, (_, n: string) => `${n} given a cadence`)
			.replace(/(\d+) ignored/, (_, n: string) => `${n} marked never`);
	}

	private onKey(key: string): boolean {
		if (this.busy) return true;
		if (key === "u") {
			void this.undo();
			return true;
		}
		if (this.session.done) return false;
		const tier = /^[1-9]$/.test(key) ? this.tiers[Number(key) - 1] : undefined;
		if (tier) void this.choose(tier[0], "set");
		else if (key === "p") void this.choose(NEVER_CADENCE, "ignored");
		else if (key === "space") {
			this.session.record("skipped");
			this.render();
		} else return false;
		return true;
	}

	private async choose(cadence: string, action: QueueAction): Promise<void> {
		const s = this.session.current;
		const file = s && this.app.vault.getFileByPath(s.person.path);
		if (!s || !file) return;
		this.busy = true;
		try {
			const outcome = await this.ctx.interactions.setCadence(file, cadence);
			if (!outcome.ok) return;
			this.session.record(action, { file, before: outcome.before, after: outcome.after, what: `the cadence of ${s.person.name}` });
		} finally {
			this.busy = false;
		}
		this.render();
	}

	private async undo(): Promise<void> {
		if (!(await undoLastStep(this.ctx, this.session, (on) => (this.busy = on)))) return;
		this.summarized = false;
		this.render();
	}

	render(): void {
		const { contentEl } = this;
		contentEl.empty();
		if (this.session.done) {
			this.summarized = true;
			const total = this.session.items.length;
			contentEl.createDiv({
				cls: "stay-in-touch-queue-summary",
				text:
					total > 0
						? `All done: ${this.summary()}.`
						: this.ctx.index.ready
							? "Everyone has a cadence: no one to triage."
							: "The people notes are still being read; try again in a moment.",
			});
			const bar = contentEl.createDiv({ cls: "stay-in-touch-queue-actions" });
			if (this.session.canUndo) bar.createEl("button", { text: "Undo (u)" }).addEventListener("click", () => this.onKey("u"));
			bar.createEl("button", { text: "Close", cls: "mod-cta" }).addEventListener("click", () => this.close());
			return;
		}
		const s = this.session.current;
		if (!s) return;
		contentEl.createDiv({ cls: "stay-in-touch-queue-progress", text: `${this.session.index + 1} of ${this.session.items.length}` });
		const card = contentEl.createDiv({ cls: "stay-in-touch-queue-card", attr: { "data-path": s.person.path } });
		card.createEl("h3", { cls: "stay-in-touch-queue-name", text: s.person.name });
		const facts = [lastContactText(s.schedule)];
		if (s.person.mentions.length > 0) facts.push(`mentioned in ${plural(s.person.mentions.length, "journal note")}`);
		if (s.schedule.drift !== null) facts.push(`usually ${everyText(s.schedule.drift.rhythmDays)}, now drifting`);
		if (s.person.tags.length > 0) facts.push(s.person.tags.map((t) => `#${t}`).join(" "));
		card.createDiv({ cls: "stay-in-touch-queue-why", text: facts.join(" · ") });

		const bar = contentEl.createDiv({ cls: "stay-in-touch-queue-actions" });
		const button = (text: string, key: string, cta = false) => {
			const b = bar.createEl("button", { text, attr: { "aria-keyshortcuts": ariaShortcut(key) } });
			b.dataset.key = key;
			if (cta) b.addClass("mod-cta");
			b.addEventListener("click", () => this.onKey(key));
		};
		this.tiers.forEach(([name, cadence], i) => button(`${name}, ${cadence} (${i + 1})`, String(i + 1), i === 0));
		button("Never (p)", "p");
		button("Skip (space)", "space");
		button("Undo (u)", "u");
	}
}

export function openTriage(ctx: PluginContext): TriageModal {
	const modal = new TriageModal(ctx);
	modal.open();
	return modal;
}
