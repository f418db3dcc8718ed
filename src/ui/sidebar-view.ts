import { ItemView, Keymap, Menu, Platform, setIcon, type App, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { addMonths, type Day } from "../core/dates";
import { rhythmText } from "../core/drift";
import { basename, type Person } from "../core/person";
import type { Schedule, Scheduled } from "../core/schedule";
import { settingsProblems } from "../core/settings-check";
import { dueText, plural } from "../core/query/index";
import { elapsedShare, lastContactText, sidebarModel, statusLabel, type GroupId, type SidebarGroup } from "../core/sidebar-model";
import type { PluginContext } from "../obsidian/context";
import { DatePromptModal } from "./date-prompt";
import { openLogModal } from "./log-modal";
import { openReachOut } from "./reach-out-modal";
import { rememberFocus, restoreFocus } from "./sidebar-focus";

export const VIEW_TYPE = "stay-in-touch-sidebar";

/** The journal note a last contact came from, or null when it came from the person's own note. */
function mentionSource(schedule: Schedule): string | null {
	const source = schedule.lastContactSource;
	return source === null || source === "frontmatter" || source === "log" ? null : source;
}

/**
 * Rows rendered per group before "Show more" (a sidebar shows about ten rows at once), and how
 * many more each click adds: the DOM stays small and the render fast for any vault size.
 */
export const PAGE_SIZE = 10;
export const MORE_SIZE = 25;

/** Opens the sidebar in the right split, or reveals it where the user put it. */
export async function activateSidebar(app: App): Promise<void> {
	const { workspace } = app;
	let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_TYPE)[0] ?? null;
	if (!leaf) {
		leaf = workspace.getRightLeaf(false);
		if (!leaf) return;
		await leaf.setViewState({ type: VIEW_TYPE, active: true });
	}
	await workspace.revealLeaf(leaf);
}

interface SidebarState {
	collapsed?: string[];
	filter?: string;
}

/**
 * The "Stay in touch" pane. It renders from `sidebarModel` and re-renders only when it is shown
 * and the index revision, the day, the filter or the paging changed.
 */
export class SidebarView extends ItemView {
	private filter = "";
	private readonly collapsed = new Set<GroupId>();
	private readonly shown = new Map<GroupId, number>();
	private rendered: { revision: number; today: Day; key: string } | null = null;
	/**
	 * The row elements of the last render, per group, keyed by the index's `Scheduled` objects: the
	 * index replaces the object of a person who changed and keeps everyone else's, so a render
	 * after one change builds one row and moves the others over. Valid for one day and settings.
	 */
	private rowEls = new Map<GroupId, Map<Scheduled, HTMLElement>>();
	private rowsStamp = "";
	/**
	 * People "Contacted today" was clicked for. A write replaces the person, so a second click
	 * (a double click, or one before the row is rebuilt) finds the old record here and logs nothing.
	 */
	private readonly contacting = new WeakSet<Person>();
	private listEl!: HTMLElement;
	private filterInput!: HTMLInputElement;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly ctx: PluginContext,
	) {
		super(leaf);
	}

	getViewType(): string {
		return VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Stay in touch";
	}

	getIcon(): string {
		return "users";
	}

	async onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("stay-in-touch-view");
		// The weekly practice starts here: one person at a time, with the context to reach out.
		const start = root.createEl("button", { cls: "stay-in-touch-start-reach-out mod-cta", text: "Start reach-out" });
		this.registerDomEvent(start, "click", () => void openReachOut(this.ctx));
		const search = root.createDiv({ cls: "stay-in-touch-filter search-input-container" });
		this.filterInput = search.createEl("input", {
			type: "search",
			cls: "stay-in-touch-filter-input",
			placeholder: "Filter by name, alias, #tag or query",
			attr: { "aria-label": "Filter people", spellcheck: "false" },
		});
		this.filterInput.value = this.filter;
		this.registerDomEvent(this.filterInput, "input", () => {
			this.filter = this.filterInput.value;
			this.shown.clear();
			this.refresh(true);
			this.app.workspace.requestSaveLayout();
		});
		this.listEl = root.createDiv({ cls: "stay-in-touch-groups" });
		// The index also speaks when the day changes, so "due in 1 day" becomes "due today" at midnight.
		this.register(this.ctx.index.subscribe(() => this.refresh()));
		this.registerEvent(this.app.workspace.on("layout-change", () => this.refresh()));
		this.registerEvent(this.app.workspace.on("active-leaf-change", () => this.refresh()));
		this.refresh(true);
		await Promise.resolve();
	}

	async onClose(): Promise<void> {
		this.contentEl.empty();
		await Promise.resolve();
	}

	getState(): Record<string, unknown> {
		const state: SidebarState = { collapsed: [...this.collapsed], filter: this.filter };
		return { ...super.getState(), ...state };
	}

	async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const s = (state ?? {}) as SidebarState;
		if (Array.isArray(s.collapsed)) {
			this.collapsed.clear();
			for (const id of s.collapsed) this.collapsed.add(id as GroupId);
		}
		if (typeof s.filter === "string") {
			this.filter = s.filter;
			if (this.filterInput) this.filterInput.value = s.filter;
		}
		this.refresh(true);
		await super.setState(state, result);
	}

	/** Re-renders when shown and something it depends on changed (or when forced). */
	/** Obsidian calls this when the pane's size changes, showing it again included: a pane hidden at midnight catches up. */
	onResize(): void {
		this.refresh();
	}

	refresh(force = false): void {
		if (!this.listEl) return;
		const today = this.ctx.clock.today();
		const revision = this.ctx.index.revision;
		const key = `${this.filter}\u0000${[...this.collapsed].join(",")}\u0000${[...this.shown].join(",")}\u0000${this.ctx.settings.revision}`;
		const r = this.rendered;
		if (!force && r && r.revision === revision && r.today === today && r.key === key) return;
		if (!force && !this.isVisible()) return;
		this.rendered = { revision, today, key };
		this.render(today);
	}

	private isVisible(): boolean {
		return this.containerEl.isShown();
	}

	private render(today: Day): void {
		const stamp = `${today}\u0000${this.ctx.settings.revision}`;
		if (stamp !== this.rowsStamp) this.rowEls = new Map();
		this.rowsStamp = stamp;
		// Built detached and swapped in once: one style and layout pass instead of one per row.
		const list = createDiv({ cls: "stay-in-touch-groups" });
		// One listener per kind for the whole list rather than several per row.
		list.addEventListener("click", (evt) => this.onListClick(evt, today));
		list.addEventListener("auxclick", (evt) => this.onListAuxClick(evt));
		list.addEventListener("contextmenu", (evt) => this.onListContextMenu(evt, today));
		list.addEventListener("mouseover", (evt) => this.onListHover(evt));
		// Moving rows into the new list drops keyboard focus; a live update must not throw a keyboard
		// user back to the top of the window.
		const focused = rememberFocus(this.listEl);
		this.fill(list, today);
		this.listEl.replaceWith(list);
		this.listEl = list;
		if (focused) restoreFocus(list, focused, this.filterInput);
	}

	private fill(list: HTMLElement, today: Day): void {
		const index = this.ctx.index;
		if (!index.ready) {
			list.createDiv({ cls: "stay-in-touch-empty", text: "Reading your person notes…" });
			return;
		}
		this.renderSettingsProblems(list);
		if (index.size === 0) {
			this.renderEmptyState(list);
			return;
		}
		const shown = (id: GroupId) => (this.collapsed.has(id) ? 0 : (this.shown.get(id) ?? PAGE_SIZE));
		const model = sidebarModel(index.scheduled(today), this.filter, today, this.ctx.settings.get(), shown, index.sidebarGroups(today));
		if (model.groups.length === 0) {
			const text = this.filter.trim()
				? `No person matches "${this.filter.trim()}".`
				: "Everyone is up to date. Type in the filter to see all people.";
			list.createDiv({ cls: "stay-in-touch-empty", text });
			return;
		}
		for (const group of model.groups) this.renderGroup(list, group, today);
	}

	/** Settings from a synced or hand-edited data.json that cannot be understood. */
	private renderSettingsProblems(list: HTMLElement): void {
		const problems = settingsProblems(this.ctx.settings.get());
		if (problems.length === 0) return;
		const box = list.createDiv({ cls: "stay-in-touch-settings-problems" });
		box.createDiv({ text: "Some settings cannot be understood:" });
		const ul = box.createEl("ul");
		for (const problem of problems) ul.createEl("li", { text: problem });
		box.createDiv({ cls: "stay-in-touch-empty-hint", text: "Settings → Stay in touch" });
	}

	private renderEmptyState(list: HTMLElement): void {
		const s = this.ctx.settings.get();
		const rules: string[] = [];
		if (s.useFolders && s.peopleFolders.length > 0) rules.push(`in ${s.peopleFolders.map((f) => `${f}/`).join(" or ")}`);
		if (s.useTag && s.personTag) rules.push(`tagged #${s.personTag}`);
		if (s.useMarker && s.markerKey) rules.push(`with ${s.markerKey}: ${s.markerValue}`);
		const where = rules.length > 0 ? rules.join(" or ") : "by any rule (all rules are off)";
		const empty = list.createDiv({ cls: "stay-in-touch-empty" });
		empty.createDiv({ text: `No person notes found ${where} — change this in settings.` });
		empty.createDiv({ cls: "stay-in-touch-empty-hint", text: "Settings → Stay in touch → Which notes are people" });
	}

	private renderGroup(parent: HTMLElement, group: SidebarGroup, today: Day): void {
		const collapsed = this.collapsed.has(group.id);
		const section = parent.createDiv({ cls: `stay-in-touch-group stay-in-touch-group-${group.id}`, attr: { "data-group": group.id } });
		const header = section.createEl("button", {
			cls: "stay-in-touch-group-header",
			attr: { "aria-expanded": String(!collapsed), "aria-label": `${group.title}: ${group.count}` },
		});
		const chevron = header.createSpan({ cls: "stay-in-touch-chevron" });
		setIcon(chevron, collapsed ? "chevron-right" : "chevron-down");
		header.createSpan({ cls: "stay-in-touch-group-title", text: group.title });
		header.createSpan({ cls: "stay-in-touch-count", text: String(group.count) });
		header.addEventListener("click", () => {
			if (collapsed) this.collapsed.delete(group.id);
			else this.collapsed.add(group.id);
			this.refresh(true);
			this.app.workspace.requestSaveLayout();
		});
		if (collapsed) return;
		const limit = this.shown.get(group.id) ?? PAGE_SIZE;
		const rowsEl = section.createDiv({ cls: "stay-in-touch-rows", attr: { role: "list" } });
		const previous = this.rowEls.get(group.id);
		const kept = new Map<Scheduled, HTMLElement>();
		for (const row of group.rows) {
			// Rows carry no listeners of their own (the list delegates), so moving one is safe.
			const el = previous?.get(row) ?? this.renderRow(row, group.id, today);
			rowsEl.appendChild(el);
			kept.set(row, el);
		}
		this.rowEls.set(group.id, kept);
		const hidden = group.count - group.rows.length;
		if (hidden > 0) {
			const more = section.createEl("button", {
				cls: "stay-in-touch-more",
				text: `Show ${Math.min(hidden, MORE_SIZE)} more of ${hidden}`,
			});
			more.addEventListener("click", () => {
				this.shown.set(group.id, limit + MORE_SIZE);
				this.refresh(true);
				// The rows just added are what the user asked to see: the first of them takes focus.
				const rows = this.listEl.querySelectorAll<HTMLElement>(`.stay-in-touch-group-${group.id} .stay-in-touch-row`);
				rows[limit]?.querySelector<HTMLElement>("a.stay-in-touch-name")?.focus();
			});
		}
	}

	private renderRow(row: Scheduled, group: GroupId, today: Day): HTMLElement {
		const { person, schedule } = row;
		// Few nodes per row (a grid on the row itself, one text for the meta line, the bar's fill a
		// pseudo-element): creating and laying out the rows is most of a render.
		const el = createDiv({
			cls: `stay-in-touch-row stay-in-touch-status-${schedule.status}`,
			attr: { role: "listitem", "data-path": person.path },
		});
		el.createEl("a", {
			cls: "stay-in-touch-name internal-link",
			text: person.name,
			href: person.path,
			attr: { "data-href": person.path, "aria-label": `Open ${person.name}` },
		});
		el.createSpan({ cls: "stay-in-touch-due", text: dueText(row, today) || statusLabel(schedule) });
		const meta = el.createDiv({ cls: "stay-in-touch-meta", text: lastContactText(schedule) });
		const source = mentionSource(schedule);
		if (source !== null) {
			// Contact read from a journal note: say which, and let a click open it.
			meta.appendText(" in ");
			meta.createEl("a", {
				cls: "stay-in-touch-source internal-link",
				text: basename(source),
				href: source,
				attr: { "data-href": source, "aria-label": `Open ${source}, the last note that mentions ${person.name}` },
			});
		}
		if (schedule.cadence) meta.appendText(` · ${schedule.cadence.label}`);
		if (schedule.drift) meta.appendText(` · ${rhythmText(schedule.drift)}`);

		const share = elapsedShare(schedule);
		if (share !== null) {
			// A plain div bar: a <progress> element per row costs far more layout in long lists.
			const percent = Math.round(share * 100);
			el.createDiv({
				cls: "stay-in-touch-bar",
				attr: {
					role: "progressbar",
					"aria-valuemin": "0",
					"aria-valuemax": "100",
					"aria-valuenow": String(percent),
					"aria-label": `${percent}% of the cadence elapsed`,
				},
			}).setCssProps({
				"--stay-in-touch-elapsed": `${percent}%`,
			});
		}

		const badges: { cls: string; text: string; title?: string }[] = [];
		if (person.owedFavors.length > 0)
			badges.push({
				cls: "mod-owe",
				text: `you owe ${person.owedFavors.length}`,
				title: person.owedFavors.map((f) => f.text).join("\n"),
			});
		if (person.owedToMe.length > 0)
			badges.push({
				cls: "mod-owed",
				text: `owes you ${person.owedToMe.length}`,
				title: person.owedToMe.map((f) => f.text).join("\n"),
			});
		const days = schedule.daysUntilBirthday;
		if (days !== null && days <= this.ctx.settings.get().birthdayWindowDays)
			badges.push({ cls: "mod-birthday", text: days === 0 ? "birthday today" : `birthday in ${plural(days, "day")}` });
		if (group !== "problems" && schedule.problems.length > 0)
			badges.push({ cls: "mod-warning", text: plural(schedule.problems.length, "problem") });
		if (badges.length > 0) {
			const box = el.createDiv({ cls: "stay-in-touch-badges" });
			for (const badge of badges)
				box.createSpan({
					cls: `stay-in-touch-badge ${badge.cls}`,
					text: badge.text,
					attr: badge.title ? { title: badge.title } : undefined,
				});
		}
		if (group === "problems") {
			for (const problem of schedule.problems) el.createDiv({ cls: "stay-in-touch-problem", text: problem });
		}

		const actions = el.createDiv({ cls: "stay-in-touch-actions" });
		// Text buttons: rows are many, and an icon per action would triple their DOM.
		actions.createEl("button", {
			cls: "stay-in-touch-action",
			text: "Log…",
			attr: { "data-action": "log", "aria-label": `Log an interaction with ${person.name}` },
		});
		actions.createEl("button", {
			cls: "stay-in-touch-action",
			text: "Contacted today",
			attr: { "data-action": "contacted", "aria-label": `Mark ${person.name} as contacted today` },
		});
		actions.createEl("button", {
			cls: "stay-in-touch-action",
			text: "Snooze",
			attr: { "data-action": "snooze", "aria-label": `Snooze ${person.name}` },
		});
		return el;
	}

	/**
	 * The row and, if any, the link (the name, or the note a last contact came from, with the note
	 * it opens) or action button an event happened on.
	 */
	private hit(evt: Event): { path: string; link: HTMLElement | null; href: string; action: string | null } | null {
		const target = evt.target as Node | null;
		if (!target?.instanceOf(HTMLElement)) return null;
		const path = target.closest(".stay-in-touch-row")?.getAttribute("data-path");
		if (!path) return null;
		const link = target.closest<HTMLElement>("a.stay-in-touch-name, a.stay-in-touch-source");
		return {
			path,
			link,
			href: link?.getAttribute("data-href") ?? path,
			action: target.closest("[data-action]")?.getAttribute("data-action") ?? null,
		};
	}

	private onListClick(evt: MouseEvent, today: Day): void {
		const hit = this.hit(evt);
		if (!hit) return;
		if (hit.link) {
			evt.preventDefault();
			this.openNote(hit.href, evt);
		} else if (hit.action === "log") openLogModal(this.ctx, hit.path);
		else if (hit.action === "contacted") this.contactedToday(hit.path);
		else if (hit.action === "snooze") this.snoozeMenu(evt, hit.path, today);
	}

	/** The row's actions, then what Obsidian and other plugins offer for any note (`file-menu`). */
	private onListContextMenu(evt: MouseEvent, today: Day): void {
		const hit = this.hit(evt);
		const file = hit && this.app.vault.getFileByPath(hit.path);
		if (!hit || !file) return;
		evt.preventDefault();
		const path = hit.path;
		const menu = new Menu();
		menu.addItem((item) =>
			item
				.setTitle("Log interaction…")
				.setIcon("pencil")
				.onClick(() => openLogModal(this.ctx, path)),
		);
		menu.addItem((item) =>
			item
				.setTitle("Contacted today")
				.setIcon("check")
				.onClick(() => this.contactedToday(path)),
		);
		this.addSnoozeItems(menu, path, today, ["Snooze for 1 week", "Snooze for 1 month", "Snooze until a date…"]);
		menu.addSeparator();
		this.app.workspace.trigger("file-menu", menu, file, VIEW_TYPE, this.leaf);
		menu.showAtMouseEvent(evt);
	}

	/** A middle click on a link opens it in a new tab everywhere in Obsidian; it fires no `click`. */
	private onListAuxClick(evt: MouseEvent): void {
		if (evt.button !== 1) return;
		const hit = this.hit(evt);
		if (!hit?.link) return;
		evt.preventDefault();
		this.openNote(hit.href, evt);
	}

	private openNote(path: string, evt: MouseEvent): void {
		void this.app.workspace.openLinkText(path, "", Keymap.isModEvent(evt));
		// On a phone the sidebar is a drawer over the note: close it, as the file explorer does (the
		// view may have been moved to the left drawer).
		if (!Platform.isPhone) return;
		const root = this.leaf.getRoot();
		for (const drawer of [this.app.workspace.leftSplit, this.app.workspace.rightSplit]) if (root === drawer) drawer.collapse();
	}

	private contactedToday(path: string): void {
		const person = this.ctx.index.get(path);
		if (!person || this.contacting.has(person)) return;
		this.contacting.add(person);
		void this.ctx.interactions.contactedToday(path).then((outcome) => {
			if (!outcome.ok) this.contacting.delete(person);
		});
	}

	private onListHover(evt: MouseEvent): void {
		const hit = this.hit(evt);
		if (hit?.link)
			this.app.workspace.trigger("hover-link", {
				event: evt,
				source: VIEW_TYPE,
				hoverParent: this,
				targetEl: hit.link,
				linktext: hit.href,
				sourcePath: "",
			});
	}

	private snoozeMenu(evt: MouseEvent, path: string, today: Day): void {
		const menu = new Menu();
		this.addSnoozeItems(menu, path, today, ["For 1 week", "For 1 month", "Until a date…"]);
		// Enter or Space on the button is a click with no pointer position (detail 0): open the menu
		// under the button rather than in the window's corner.
		const target = evt.target as Node | null;
		const button = target?.instanceOf(HTMLElement) ? target.closest("[data-action]") : null;
		if (evt.detail === 0 && button) {
			const rect = button.getBoundingClientRect();
			menu.showAtPosition({ x: rect.left, y: rect.bottom });
		} else menu.showAtMouseEvent(evt);
	}

	/** `titles`: the week, month and date items' titles, which say "Snooze" where other actions stand beside them. */
	private addSnoozeItems(menu: Menu, path: string, today: Day, titles: readonly [string, string, string]): void {
		menu.addItem((item) =>
			item
				.setTitle(titles[0])
				.setIcon("calendar-clock")
				.onClick(() => void this.ctx.interactions.snooze(path, today + 7)),
		);
		menu.addItem((item) =>
			item
				.setTitle(titles[1])
				.setIcon("calendar-clock")
				.onClick(() => void this.ctx.interactions.snooze(path, addMonths(today, 1))),
		);
		menu.addItem((item) =>
			item
				.setTitle(titles[2])
				.setIcon("calendar")
				.onClick(() =>
					new DatePromptModal(this.app, "Snooze until", today, (day) => void this.ctx.interactions.snooze(path, day)).open(),
				),
		);
	}
}
