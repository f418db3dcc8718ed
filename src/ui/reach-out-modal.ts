import { Modal, Notice, type TFile } from "obsidian";
import { addMonths, type Day } from "../core/dates";
import { QueueSession, reachOutQueue, sessionSummary, type QueueAction } from "../core/reach-out";
import { buildCard, type MentionText, type ReachOutCard } from "../core/reach-out-card";
import type { Scheduled } from "../core/schedule";
import type { PluginContext } from "../obsidian/context";
import type { WriteOutcome } from "../obsidian/note-writer";
import { DatePromptModal } from "./date-prompt";
import { openLogModal } from "./log-modal";
import { ariaShortcut, routeKeys } from "./queue-keys";
import { undoLastStep, type Undo } from "./queue-undo";

/** How many journal notes a card reads for "the mentioning note's line". */
const MENTIONS_READ = 3;
const SUMMARY_ORDER: readonly QueueAction[] = ["logged", "snoozed", "skipped"];

/**
 * The reach-out queue: one card per person with a reason to get in touch now (core/reach-out.ts),
 * worked through with one key per action, or the buttons on a phone. `l` logs (the log form),
 * `c` contacted today, `s` snooze (then `1` a week, `2` a month, `3` a date), `o` opens the note
 * (and ends the session), space skips, `u` undoes the last action (on the end screen too), Esc
 * ends (in the snooze menu it goes back to the card); the end says what was done.
 */
export class ReachOutModal extends Modal {
	readonly session: QueueSession<Scheduled, Undo>;
	private readonly today: Day;
	private snoozing = false;
	/** Set by `end`: a close that ends the session, even from the snooze menu. */
	private ending = false;
	/** A write in flight (the log form's too): keys and buttons are ignored until it lands, so no press acts on a card it did not see. */
	private busy = false;
	/** Bumped per card shown: a slow read for a card already left is dropped. */
	private shownCard = 0;
	private summarized = false;
	/** Resolves when the current card's interactions and topics are read (tests and the benchmark wait on it). */
	cardRead: Promise<void> = Promise.resolve();

	constructor(private readonly ctx: PluginContext) {
		super(ctx.app);
		this.today = ctx.clock.today();
		const settings = ctx.settings.get();
		this.session = new QueueSession(reachOutQueue(ctx.index.scheduled(this.today), settings.birthdayWindowDays));
	}

	onOpen(): void {
		this.setTitle("Reach out");
		this.modalEl.addClass("stay-in-touch-queue-modal");
		routeKeys(this, (key) => this.onKey(key));
		this.render();
	}

	/**
	 * Esc (the modal's own key, which closes it) backs out of the snooze menu to the card; on the
	 * card or the end screen it ends the session. Every other way to end goes through `end`.
	 */
	close(): void {
		if (this.snoozing && !this.ending) {
			this.backFromSnooze();
			return;
		}
		super.close();
	}

	/** Ends the session whatever is shown (End, Close, opening the note). */
	end(): void {
		this.ending = true;
		this.close();
	}

	private backFromSnooze(): void {
		this.snoozing = false;
		this.render();
	}

	onClose(): void {
		this.contentEl.empty();
		// Ended early (Esc, or a note opened): say what was done, once.
		if (!this.summarized && this.session.canUndo) new Notice(`Reach-out ended: ${this.summary()}`);
	}

	summary(): string {
		return sessionSummary(this.session.counts(), SUMMARY_ORDER);
	}

	private onKey(key: string): boolean {
		if (this.busy) return true;
		// Before the end screen's check: `u` there takes the last card back.
		if (key === "u") {
			this.snoozing = false;
			void this.undo();
			return true;
		}
		if (this.session.done) return false;
		if (this.snoozing) {
			const snooze: Record<string, () => void> = {
				"1": () => void this.snooze(this.today + 7),
				w: () => void this.snooze(this.today + 7),
				"2": () => void this.snooze(addMonths(this.today, 1)),
				m: () => void this.snooze(addMonths(this.today, 1)),
				"3": () => this.pickSnoozeDate(),
				p: () => this.pickSnoozeDate(),
			};
			const act = snooze[key];
			this.snoozing = false;
			if (act) act();
			else this.render();
			return true;
		}
		const actions: Record<string, () => void> = {
			l: () => this.log(),
			c: () => void this.contacted(),
			s: () => this.showSnooze(),
			o: () => this.openNote(),
			space: () => this.skip(),
		};
		const act = actions[key];
		if (!act) return false;
		act();
		return true;
	}

	/** The person of the current card as the index has them now (a write in this session changed them). */
	private current(): Scheduled | null {
		const s = this.session.current;
		return s === null ? null : (this.ctx.index.scheduledOne(s.person.path, this.today) ?? s);
	}

	/**
	 * The log form for the current card. The card is taken when `l` is pressed, and the queue takes
	 * no key from the form's sending until its write lands: the log is recorded against this card.
	 */
	private log(): void {
		const s = this.current();
		if (!s) return;
		const card = this.session.index;
		openLogModal(
			this.ctx,
			s.person.path,
			(file, outcome) => {
				this.busy = false;
				// Only on its own card (the queue cannot have moved, but a log never lands on another card).
				if (this.session.index === card) this.recordWrite("logged", file, outcome, `the log entry for ${s.person.name}`);
			},
			() => (this.busy = true),
		);
	}

	private async contacted(): Promise<void> {
		const s = this.current();
		const file = s && this.app.vault.getFileByPath(s.person.path);
		if (!s || !file) return;
		await this.write(() => this.ctx.interactions.contactedToday(file), "logged", file, `contacted today for ${s.person.name}`);
	}

	private showSnooze(): void {
		this.snoozing = true;
		this.render();
	}

	private async snooze(until: Day): Promise<void> {
		const s = this.current();
		const file = s && this.app.vault.getFileByPath(s.person.path);
		if (!s || !file) return;
		await this.write(() => this.ctx.interactions.snooze(file, until), "snoozed", file, `the snooze of ${s.person.name}`);
	}

	private pickSnoozeDate(): void {
		new DatePromptModal(this.app, "Snooze until", this.today, (day) => void this.snooze(day)).open();
		this.render();
	}

	private openNote(): void {
		const s = this.current();
		if (!s) return;
		this.end();
		void this.app.workspace.openLinkText(s.person.path, "", false);
	}

	private skip(): void {
		this.session.record("skipped");
		this.render();
	}

	private async write(run: () => Promise<WriteOutcome>, action: QueueAction, file: TFile, what: string): Promise<void> {
		this.busy = true;
		try {
			this.recordWrite(action, file, await run(), what);
		} finally {
			this.busy = false;
		}
	}

	/** A write that landed moves on, keeping what undoes it; one that did not stays on the card (its notice said why). */
	private recordWrite(action: QueueAction, file: TFile, outcome: WriteOutcome, what: string): void {
		if (!outcome.ok || this.session.done) return;
		this.session.record(action, { file, before: outcome.before, after: outcome.after, what });
		this.render();
	}

	private async undo(): Promise<void> {
		if (!(await undoLastStep(this.ctx, this.session, (on) => (this.busy = on)))) return;
		// Back from the end screen: closing now says what was done again.
		this.summarized = false;
		this.render();
	}

	/** Draws the current card (or the end), then fills in what needs the notes read. */
	render(): void {
		const { contentEl } = this;
		contentEl.empty();
		this.shownCard += 1;
		if (this.session.done) {
			this.renderEnd();
			return;
		}
		const s = this.current();
		if (!s) return;
		const total = this.session.items.length;
		contentEl.createDiv({ cls: "stay-in-touch-queue-progress", text: `${this.session.index + 1} of ${total}` });
		const card = buildCard(s, this.today, this.ctx.settings.get(), null, null, []);
		const cardEl = contentEl.createDiv({ cls: "stay-in-touch-queue-card", attr: { "data-path": s.person.path } });
		this.renderCard(cardEl, card, false);
		this.renderButtons(contentEl);
		const shown = this.shownCard;
		this.cardRead = this.readCard(s).then((full) => {
			if (full && shown === this.shownCard) this.renderCard(cardEl, full, true);
		});
	}

	private renderCard(el: HTMLElement, card: ReachOutCard, read: boolean): void {
		el.empty();
		el.createEl("h3", { cls: "stay-in-touch-queue-name", text: card.name });
		const why = el.createDiv({ cls: "stay-in-touch-queue-why" });
		for (const reason of card.why) why.createSpan({ cls: "stay-in-touch-badge", text: reason });

		const section = (title: string, lines: string[], cls: string, empty: string | null) => {
			if (lines.length === 0 && empty === null) return;
			const box = el.createDiv({ cls: `stay-in-touch-queue-section ${cls}` });
			box.createDiv({ cls: "stay-in-touch-queue-heading", text: title });
			if (lines.length === 0) box.createDiv({ cls: "stay-in-touch-queue-empty", text: empty ?? "" });
			else {
				const list = box.createEl("ul");
				for (const line of lines) list.createEl("li", { text: line });
			}
		};
		const last = card.interactions.map((i) => i.text);
		section("Last interactions", last, "mod-interactions", read ? "Nothing recorded yet." : "Reading the notes…");
		section("You owe them", card.owedFavors, "mod-owe", null);
		section("They owe you", card.owedToMe, "mod-owed", null);
		if (card.birthday !== null) section("Birthday", [card.birthday], "mod-birthday", null);
		section("Next topics", card.nextTopics, "mod-next", null);
	}

	private renderButtons(parent: HTMLElement): void {
		const bar = parent.createDiv({ cls: "stay-in-touch-queue-actions" });
		const button = (text: string, key: string, act: () => void, cta = false) => {
			const b = bar.createEl("button", { text, attr: { "aria-keyshortcuts": ariaShortcut(key) } });
			b.dataset.key = key;
			if (cta) b.addClass("mod-cta");
			b.addEventListener("click", () => {
				if (!this.busy) act();
			});
		};
		if (this.snoozing) {
			button("1 week (1)", "1", () => this.onKey("1"), true);
			button("1 month (2)", "2", () => this.onKey("2"));
			button("Pick a date (3)", "3", () => this.onKey("3"));
			button("Back (esc)", "escape", () => this.backFromSnooze());
			return;
		}
		button("Log (l)", "l", () => this.onKey("l"), true);
		button("Contacted today (c)", "c", () => this.onKey("c"));
		button("Snooze (s)", "s", () => this.onKey("s"));
		button("Open note (o)", "o", () => this.onKey("o"));
		button("Skip (space)", "space", () => this.onKey("space"));
		button("Undo (u)", "u", () => this.onKey("u"));
		button("End (esc)", "escape", () => this.end());
	}

	private renderEnd(): void {
		this.summarized = true;
		const { contentEl } = this;
		const total = this.session.items.length;
		contentEl.createDiv({
			cls: "stay-in-touch-queue-summary",
			text:
				total > 0
					? `All done: ${this.summary()}.`
					: this.ctx.index.ready
						? "No one to reach out to today."
						: "The people notes are still being read; try again in a moment.",
		});
		const bar = contentEl.createDiv({ cls: "stay-in-touch-queue-actions" });
		if (this.session.canUndo) {
			bar.createEl("button", { text: "Undo (u)" }).addEventListener("click", () => this.onKey("u"));
		}
		bar.createEl("button", { text: "Close", cls: "mod-cta" }).addEventListener("click", () => this.end());
	}

	/** The card with the note and the newest mentioning journal notes read; null when the note is gone. */
	private async readCard(s: Scheduled): Promise<ReachOutCard | null> {
		const { vault, metadataCache } = this.app;
		const file = vault.getFileByPath(s.person.path);
		if (!file) return null;
		const text = await vault.cachedRead(file).catch(() => null);
		const frontmatter = metadataCache.getFileCache(file)?.frontmatter ?? null;
		const mentions: MentionText[] = [];
		for (const m of s.person.mentions.filter((x) => x.day <= this.today).slice(0, MENTIONS_READ)) {
			const note = vault.getFileByPath(m.path);
			const body = note ? await vault.cachedRead(note).catch(() => null) : null;
			if (body !== null) mentions.push({ path: m.path, day: m.day, text: body });
		}
		return buildCard(s, this.today, this.ctx.settings.get(), text, frontmatter, mentions);
	}
}

/** Opens the queue ("Start reach-out", the sidebar's button). */
export function openReachOut(ctx: PluginContext): ReachOutModal {
	const modal = new ReachOutModal(ctx);
	modal.open();
	return modal;
}
