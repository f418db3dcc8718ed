/**
 * Keyboard scopes, modals, suggesters, notices, menus, hover popovers.
 *
 * Keys: the app's `Keymap` listens for `keydown` on the document and hands it to the scope on
 * top of its stack (an open modal's scope), falling back to parent scopes. A handler that returns
 * `false` gets `preventDefault()`ed. So `pressKey(modal.inputEl, "Enter")` behaves as in Obsidian.
 *
 * `SuggestModal.selectSuggestion` closes the modal (`onClose`) BEFORE calling
 * `onChooseSuggestion`, as Obsidian does — a classic source of bugs worth pinning in tests.
 */
import type * as O from "obsidian";
import type { App } from "./app";
import { Component } from "./events";
import { prepareFuzzySearch, renderResults, sortSearchResults } from "./search";
import { ButtonComponent } from "./settings";
import { reportHandlerError, scheduler } from "./scheduler";
import { Platform, setIcon } from "./util";

type Modifier = O.Modifier;

// ---------------------------------------------------------------------------------------------
// Keymap and Scope
// ---------------------------------------------------------------------------------------------

function eventModifiers(evt: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): string[] {
	const mods: string[] = [];
	if (Platform.isMacOS) {
		if (evt.metaKey) mods.push("Mod");
		if (evt.ctrlKey) mods.push("Ctrl");
	} else {
		if (evt.ctrlKey) mods.push("Mod");
		if (evt.metaKey) mods.push("Meta");
	}
	if (evt.shiftKey) mods.push("Shift");
	if (evt.altKey) mods.push("Alt");
	return mods.sort();
}

function normalizeModifiers(mods: Modifier[]): string[] {
	return mods
		.map((m) => {
			if (!Platform.isMacOS && m === "Ctrl") return "Mod";
			if (Platform.isMacOS && m === "Meta") return "Mod";
			return m;
		})
		.filter((m, i, all) => all.indexOf(m) === i)
		.sort();
}

export interface KeymapEventHandler {
	scope: Scope;
	modifiers: string | null;
	key: string | null;
	func: O.KeymapEventListener;
}

export class Scope {
	keys: KeymapEventHandler[] = [];
	constructor(public parent?: Scope) {}

	register(modifiers: Modifier[] | null, key: string | null, func: O.KeymapEventListener): KeymapEventHandler {
		const handler: KeymapEventHandler = {
			scope: this,
			modifiers: modifiers === null ? null : normalizeModifiers(modifiers).join(","),
			key,
			func,
		};
		this.keys.push(handler);
		return handler;
	}

	unregister(handler: KeymapEventHandler): void {
		const i = this.keys.indexOf(handler);
		if (i >= 0) this.keys.splice(i, 1);
	}

	/** Internal (also handy in tests): dispatch a key to this scope. Returns true if handled. */
	handleKey(evt: KeyboardEvent): boolean {
		const mods = eventModifiers(evt).join(",");
		for (const h of this.keys) {
			if (h.modifiers !== null && h.modifiers !== mods) continue;
			if (h.key !== null && h.key.toLowerCase() !== (evt.key ?? "").toLowerCase() && `Key${h.key.toUpperCase()}` !== evt.code)
				continue;
			let result: unknown;
			try {
				result = h.func(evt, { modifiers: mods, key: evt.key, vkey: evt.key });
			} catch (err) {
				reportHandlerError(err, `Scope key handler (${h.modifiers ?? "*"}+${h.key ?? "*"})`);
			}
			if (result === false) evt.preventDefault();
			return true;
		}
		return this.parent ? this.parent.handleKey(evt) : false;
	}
}

export class Keymap {
	private scopes: Scope[] = [];
	private doc: Document | null = null;
	private listener = (evt: Event) => this.onKeyDown(evt as KeyboardEvent);

	constructor(private rootScope: Scope) {}

	pushScope(scope: Scope): void {
		const i = this.scopes.indexOf(scope);
		if (i >= 0) this.scopes.splice(i, 1);
		this.scopes.push(scope);
	}

	popScope(scope: Scope): void {
		const i = this.scopes.indexOf(scope);
		if (i >= 0) this.scopes.splice(i, 1);
	}

	/** The scope that receives keys now. */
	getActiveScope(): Scope {
		return this.scopes[this.scopes.length - 1] ?? this.rootScope;
	}

	/** Internal: start/stop listening on a document. */
	attach(doc: Document): void {
		this.detach();
		this.doc = doc;
		doc.addEventListener("keydown", this.listener);
	}

	detach(): void {
		this.doc?.removeEventListener("keydown", this.listener);
		this.doc = null;
	}

	private onKeyDown(evt: KeyboardEvent): void {
		if (evt.defaultPrevented || evt.isComposing) return;
		this.getActiveScope().handleKey(evt);
	}

	static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Modifier): boolean {
		const e = evt as KeyboardEvent;
		switch (modifier) {
			case "Mod":
				return Platform.isMacOS ? e.metaKey : e.ctrlKey;
			case "Ctrl":
				return e.ctrlKey;
			case "Meta":
				return e.metaKey;
			case "Shift":
				return e.shiftKey;
			case "Alt":
				return e.altKey;
		}
		return false;
	}

	/** 'tab' for Mod-click or middle-click, 'split' for Mod+Alt, 'window' for Mod+Alt+Shift. */
	static isModEvent(evt?: O.UserEvent | null): O.PaneType | boolean {
		if (!evt) return false;
		const e = evt as MouseEvent;
		const mod = Platform.isMacOS ? e.metaKey : e.ctrlKey;
		if (mod && e.altKey && e.shiftKey) return "window";
		if (mod && e.altKey) return "split";
		if (mod) return "tab";
		if (typeof MouseEvent !== "undefined" && evt instanceof MouseEvent && e.button === 1) return "tab";
		return false;
	}
}

// ---------------------------------------------------------------------------------------------
// Modal
// ---------------------------------------------------------------------------------------------

export class Modal {
	app: App;
	scope: Scope;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	headerEl: HTMLElement;
	closeButtonEl: HTMLElement;
	bgEl: HTMLElement;
	shouldRestoreSelection = true;
	/** Test extension: whether the modal is open. */
	isOpen = false;
	private closeCallback: (() => any) | null = null;

	constructor(app: App) {
		this.app = app;
		this.scope = new Scope(app.scope);
		this.containerEl = createDiv({ cls: "modal-container mod-dim" });
		this.bgEl = this.containerEl.createDiv({ cls: "modal-bg" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.closeButtonEl = this.modalEl.createDiv({ cls: "modal-close-button", attr: { "aria-label": "Close" } });
		this.headerEl = this.modalEl.createDiv({ cls: "modal-header" });
		this.titleEl = this.headerEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
		this.closeButtonEl.addEventListener("click", () => this.close());
		this.bgEl.addEventListener("click", () => this.close());
		this.scope.register([], "Escape", () => {
			this.close();
			return false;
		});
	}

	open(): void {
		if (this.isOpen) return;
		this.isOpen = true;
		document.body.appendChild(this.containerEl);
		this.app.keymap.pushScope(this.scope);
		this.app._openModals.push(this);
		const r = this.onOpen();
		if (r && typeof (r as Promise<void>).then === "function") scheduler.track(r as Promise<void>);
	}

	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		this.containerEl.remove();
		this.app.keymap.popScope(this.scope);
		const list = this.app._openModals;
		const i = list.indexOf(this);
		if (i >= 0) list.splice(i, 1);
		this.onClose();
		this.closeCallback?.();
	}

	onOpen(): Promise<void> | void {}

	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		this.contentEl.setText(content);
		return this;
	}

	setCloseCallback(callback: () => any): this {
		this.closeCallback = callback;
		return this;
	}

	onHistoryBack(): void {
		this.close();
	}
}

// ---------------------------------------------------------------------------------------------
// Suggestions (shared by SuggestModal and PopoverSuggest)
// ---------------------------------------------------------------------------------------------

interface SuggestOwner<T> {
	renderSuggestion(value: T, el: HTMLElement): void;
	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

class SuggestionList<T> {
	values: T[] = [];
	itemEls: HTMLElement[] = [];
	selected = 0;

	constructor(
		private owner: SuggestOwner<T>,
		public containerEl: HTMLElement,
	) {}

	setSuggestions(values: T[]): void {
		this.containerEl.empty();
		this.values = values;
		this.itemEls = [];
		values.forEach((value, i) => {
			const el = this.containerEl.createDiv({ cls: "suggestion-item" });
			this.owner.renderSuggestion(value, el);
			el.addEventListener("click", (evt) => {
				evt.preventDefault();
				this.select(i);
				this.owner.selectSuggestion(value, evt);
			});
			el.addEventListener("mousemove", () => this.select(i));
			this.itemEls.push(el);
		});
		this.select(0);
	}

	select(index: number): void {
		if (!this.itemEls.length) {
			this.selected = 0;
			return;
		}
		const n = this.itemEls.length;
		const i = ((index % n) + n) % n;
		this.itemEls[this.selected]?.removeClass("is-selected");
		this.selected = i;
		this.itemEls[i].addClass("is-selected");
	}

	move(delta: number): void {
		this.select(this.selected + delta);
	}

	useSelected(evt: MouseEvent | KeyboardEvent): void {
		const value = this.values[this.selected];
		if (value !== undefined) this.owner.selectSuggestion(value, evt);
	}
}

export abstract class SuggestModal<T> extends Modal {
	limit = 100;
	emptyStateText = "No results found.";
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	instructionsEl: HTMLElement;
	private list: SuggestionList<T>;
	private updateToken = 0;

	constructor(app: App) {
		super(app);
		this.modalEl.addClass("prompt");
		this.modalEl.empty();
		const inputContainer = this.modalEl.createDiv({ cls: "prompt-input-container" });
		this.inputEl = inputContainer.createEl("input", { cls: "prompt-input", type: "text", attr: { enterkeyhint: "done" } });
		this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
		this.instructionsEl = this.modalEl.createDiv({ cls: "prompt-instructions" });
		this.list = new SuggestionList<T>(this, this.resultContainerEl);
		this.inputEl.addEventListener("input", () => this.updateSuggestions());
		this.scope.register([], "ArrowUp", (evt) => {
			if (evt.isComposing) return undefined;
			this.list.move(-1);
			return false;
		});
		this.scope.register([], "ArrowDown", (evt) => {
			if (evt.isComposing) return undefined;
			this.list.move(1);
			return false;
		});
		this.scope.register([], "Enter", (evt) => {
			if (evt.isComposing) return undefined;
			this.selectActiveSuggestion(evt);
			return false;
		});
	}

	open(): void {
		super.open();
		this.inputEl.focus();
		this.updateSuggestions();
	}

	setPlaceholder(placeholder: string): void {
		this.inputEl.placeholder = placeholder;
	}

	setInstructions(instructions: O.Instruction[]): void {
		this.instructionsEl.empty();
		for (const ins of instructions) {
			const row = this.instructionsEl.createDiv({ cls: "prompt-instruction" });
			row.createSpan({ cls: "prompt-instruction-command", text: ins.command });
			row.createSpan({ text: ins.purpose });
		}
	}

	/** Re-run `getSuggestions` for the current input (Obsidian does this on every `input` event). */
	updateSuggestions(): void {
		const token = ++this.updateToken;
		const result = this.getSuggestions(this.inputEl.value);
		const show = (values: T[]) => {
			if (token !== this.updateToken) return;
			const shown = this.limit > 0 ? values.slice(0, this.limit) : values;
			this.list.setSuggestions(shown);
			if (!shown.length) this.onNoSuggestion();
		};
		if (result && typeof (result as Promise<T[]>).then === "function") scheduler.track((result as Promise<T[]>).then(show));
		else show(result as T[]);
	}

	onNoSuggestion(): void {
		this.resultContainerEl.empty();
		this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
	}

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}

	selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
		this.list.useSelected(evt);
	}

	/** Test extension: the suggestions currently shown, and the selected index. */
	get shownSuggestions(): T[] {
		return this.list.values;
	}
	get selectedIndex(): number {
		return this.list.selected;
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<O.FuzzyMatch<T>> {
	getSuggestions(query: string): O.FuzzyMatch<T>[] {
		const items = this.getItems();
		if (!query.trim()) return items.map((item) => ({ item, match: { score: 0, matches: [] } }));
		const search = prepareFuzzySearch(query.trim());
		const out: O.FuzzyMatch<T>[] = [];
		for (const item of items) {
			const match = search(this.getItemText(item));
			if (match) out.push({ item, match });
		}
		sortSearchResults(out);
		return out;
	}

	renderSuggestion(item: O.FuzzyMatch<T>, el: HTMLElement): void {
		renderResults(el, this.getItemText(item.item), item.match);
	}

	onChooseSuggestion(item: O.FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class PopoverSuggest<T> {
	app: App;
	scope: Scope;
	suggestEl: HTMLElement;
	/** Test extension: whether the popover is shown. */
	isOpen = false;
	protected suggestions: SuggestionList<T>;

	constructor(app: App, scope?: Scope) {
		this.app = app;
		this.scope = new Scope(scope ?? app.scope);
		this.suggestEl = createDiv({ cls: "suggestion-container" });
		this.suggestions = new SuggestionList<T>(this, this.suggestEl.createDiv({ cls: "suggestion" }));
		this.scope.register([], "ArrowUp", () => {
			this.suggestions.move(-1);
			return false;
		});
		this.scope.register([], "ArrowDown", () => {
			this.suggestions.move(1);
			return false;
		});
		this.scope.register([], "Enter", (evt) => {
			this.suggestions.useSelected(evt);
			return false;
		});
		this.scope.register([], "Escape", () => {
			this.close();
			return false;
		});
	}

	open(): void {
		if (this.isOpen) return;
		this.isOpen = true;
		document.body.appendChild(this.suggestEl);
		this.app.keymap.pushScope(this.scope);
	}

	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		this.suggestEl.remove();
		this.app.keymap.popScope(this.scope);
	}

	onHistoryBack(): void {
		this.close();
	}

	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class AbstractInputSuggest<T> extends PopoverSuggest<T> {
	limit = 100;
	private selectCb: ((value: T, evt: MouseEvent | KeyboardEvent) => any) | null = null;
	private token = 0;

	constructor(
		app: App,
		protected textInputEl: HTMLInputElement | HTMLDivElement,
	) {
		super(app);
		const onInput = () => this.onInputChanged();
		textInputEl.addEventListener("input", onInput);
		textInputEl.addEventListener("focus", onInput);
	}

	setValue(value: string): void {
		if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
		else this.textInputEl.textContent = value;
	}

	getValue(): string {
		return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : (this.textInputEl.textContent ?? "");
	}

	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => any): this {
		this.selectCb = callback;
		return this;
	}

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.selectCb?.(value, evt);
	}

	private onInputChanged(): void {
		const token = ++this.token;
		const result = this.getSuggestions(this.getValue());
		const show = (values: T[]) => {
			if (token !== this.token) return;
			const shown = this.limit > 0 ? values.slice(0, this.limit) : values;
			if (!shown.length) {
				this.close();
				return;
			}
			this.suggestions.setSuggestions(shown);
			this.open();
		};
		if (result && typeof (result as Promise<T[]>).then === "function") scheduler.track((result as Promise<T[]>).then(show));
		else show(result as T[]);
	}

	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
}

/** Registered with `plugin.registerEditorSuggest`; triggering from the editor is not modelled. */
export abstract class EditorSuggest<T> extends PopoverSuggest<T> {
	context: O.EditorSuggestContext | null = null;
	limit = 100;
	instructionsEl: HTMLElement | null = null;
	setInstructions(instructions: O.Instruction[]): void {
		this.instructionsEl ??= this.suggestEl.createDiv({ cls: "prompt-instructions" });
		this.instructionsEl.empty();
		for (const ins of instructions) this.instructionsEl.createDiv({ cls: "prompt-instruction", text: `${ins.command} ${ins.purpose}` });
	}
	abstract onTrigger(cursor: O.EditorPosition, editor: O.Editor, file: O.TFile | null): O.EditorSuggestTriggerInfo | null;
	abstract getSuggestions(context: O.EditorSuggestContext): T[] | Promise<T[]>;
}

// ---------------------------------------------------------------------------------------------
// ConfirmationModal
// ---------------------------------------------------------------------------------------------

export class ConfirmationButton extends ButtonComponent {
	private handler: ((evt: MouseEvent) => unknown | Promise<unknown>) | null = null;
	constructor(
		containerEl: HTMLElement,
		private modal: ConfirmationModal,
	) {
		super(containerEl);
		this.buttonEl.addEventListener("click", (evt) => {
			void (async () => {
				const keepOpen = this.handler ? await this.handler(evt) : false;
				if (!keepOpen) this.modal.close();
			})();
		});
	}
	onClick(handler: (evt: MouseEvent) => unknown | Promise<unknown>): this {
		this.handler = handler;
		return this;
	}
	setInitialFocus(): this {
		this.buttonEl.setAttribute("data-initial-focus", "");
		return this;
	}
	setSecondary(): this {
		this.buttonEl.addClass("mod-secondary");
		return this;
	}
	setCancel(): this {
		this.buttonEl.addClass("mod-cancel");
		return this;
	}
}

export class ConfirmationModal extends Modal {
	buttonContainerEl: HTMLElement;
	constructor(app: App) {
		super(app);
		this.buttonContainerEl = this.modalEl.createDiv({ cls: "modal-button-container" });
	}
	addClass(cls: string): this {
		this.modalEl.addClass(cls);
		return this;
	}
	addCheckbox(label: string, cb: (value: boolean) => any | Promise<any>): this {
		const row = this.buttonContainerEl.createEl("label", { cls: "mod-checkbox" });
		const box = row.createEl("input", { type: "checkbox" });
		row.appendText(label);
		box.addEventListener("change", () => cb(box.checked));
		return this;
	}
	addButton(cb: (btn: ConfirmationButton) => any): this {
		cb(new ConfirmationButton(this.buttonContainerEl, this));
		return this;
	}
	addCancelButton(text = "Cancel"): this {
		return this.addButton((b) => b.setButtonText(text).setCancel());
	}
}

// ---------------------------------------------------------------------------------------------
// Notice
// ---------------------------------------------------------------------------------------------

export interface NoticeRecord {
	/** The current text of the notice. */
	message: string;
	duration: number | undefined;
	notice: Notice;
	hidden: boolean;
	/** Virtual time it was shown. */
	time: number;
}

/** Every notice shown since the runtime loaded (tests read `app.notices`). */
export const noticeLog: NoticeRecord[] = [];

let noticeContainer: HTMLElement | null = null;

export class Notice {
	/** @deprecated Use `messageEl`. */
	noticeEl: HTMLElement;
	containerEl: HTMLElement;
	messageEl: HTMLElement;
	private record: NoticeRecord;
	private hideTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(message: string | DocumentFragment, duration?: number) {
		if (!noticeContainer || !noticeContainer.isConnected) noticeContainer = document.body.createDiv({ cls: "notice-container" });
		this.containerEl = noticeContainer.createDiv({ cls: "notice" });
		this.noticeEl = this.containerEl;
		this.messageEl = this.containerEl.createDiv({ cls: "notice-message" });
		this.messageEl.setText(message);
		this.record = { message: this.messageEl.textContent ?? "", duration, notice: this, hidden: false, time: scheduler.now() };
		noticeLog.push(this.record);
		const ms = duration ?? 5000;
		// A plain timer on purpose: settle() does not wait for notices to fade.
		if (ms > 0) this.hideTimer = setTimeout(() => this.hide(), ms);
	}

	setMessage(message: string | DocumentFragment): this {
		this.messageEl.setText(message);
		this.record.message = this.messageEl.textContent ?? "";
		return this;
	}

	hide(): void {
		if (this.hideTimer) clearTimeout(this.hideTimer);
		this.hideTimer = null;
		this.record.hidden = true;
		this.containerEl.remove();
	}
}

// ---------------------------------------------------------------------------------------------
// Menu
// ---------------------------------------------------------------------------------------------

/** Every menu shown since the runtime loaded; the last one is the most recent. */
export const menuLog: Menu[] = [];
let openMenu: Menu | null = null;

export class MenuItem {
	dom: HTMLElement;
	iconEl: HTMLElement;
	titleEl: HTMLElement;
	/** Test extension: plain-text title. */
	title = "";
	disabled = false;
	checked: boolean | null = null;
	section = "";
	callback: ((evt: MouseEvent | KeyboardEvent) => any) | null = null;

	constructor(private menu: Menu) {
		this.dom = menu.dom.createDiv({ cls: "menu-item" });
		this.iconEl = this.dom.createDiv({ cls: "menu-item-icon" });
		this.titleEl = this.dom.createDiv({ cls: "menu-item-title" });
		this.dom.addEventListener("click", (evt) => this.handleEvent(evt));
	}

	setTitle(title: string | DocumentFragment): this {
		this.titleEl.setText(title);
		this.title = this.titleEl.textContent ?? "";
		return this;
	}
	setIcon(icon: string | null): this {
		this.iconEl.empty();
		if (icon) setIcon(this.iconEl, icon);
		return this;
	}
	setChecked(checked: boolean | null): this {
		this.checked = checked;
		this.dom.toggleClass("mod-checked", !!checked);
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		this.dom.toggleClass("is-disabled", disabled);
		return this;
	}
	setWarning(isWarning: boolean): this {
		this.dom.toggleClass("is-warning", isWarning);
		return this;
	}
	setIsLabel(isLabel: boolean): this {
		this.dom.toggleClass("is-label", isLabel);
		return this;
	}
	setSection(section: string): this {
		this.section = section;
		this.dom.setAttr("data-section", section);
		return this;
	}
	onClick(callback: (evt: MouseEvent | KeyboardEvent) => any): this {
		this.callback = callback;
		return this;
	}

	/** Internal: run the item (as a click does) and close the menu. */
	handleEvent(evt: MouseEvent | KeyboardEvent): void {
		if (this.disabled) return;
		this.menu.hide();
		try {
			this.callback?.(evt);
		} catch (err) {
			reportHandlerError(err, `menu item '${this.title}'`);
		}
	}
}

export class MenuSeparator {
	dom: HTMLElement;
	constructor(menu: Menu) {
		this.dom = menu.dom.createDiv({ cls: "menu-separator" });
	}
}

export class Menu extends Component {
	dom: HTMLElement;
	items: Array<MenuItem | MenuSeparator> = [];
	/** Test extension: where the menu was shown. */
	position: O.MenuPositionDef | null = null;
	private hideCallbacks: Array<() => any> = [];
	private parentEl: HTMLElement | null = null;

	constructor() {
		super();
		this.dom = createDiv({ cls: "menu" });
	}

	setNoIcon(): this {
		this.dom.addClass("mod-no-icon");
		return this;
	}
	setUseNativeMenu(_useNativeMenu: boolean): this {
		return this;
	}
	addItem(cb: (item: MenuItem) => any): this {
		const item = new MenuItem(this);
		this.items.push(item);
		cb(item);
		return this;
	}
	addSeparator(): this {
		this.items.push(new MenuSeparator(this));
		return this;
	}
	setParentElement(el: HTMLElement): this {
		this.parentEl = el;
		return this;
	}
	showAtMouseEvent(evt: MouseEvent): this {
		return this.showAtPosition({ x: evt.clientX ?? 0, y: evt.clientY ?? 0 });
	}
	showAtPosition(position: O.MenuPositionDef, doc?: Document): this {
		if (openMenu && openMenu !== this) openMenu.hide();
		this.position = position;
		(doc ?? document).body.appendChild(this.dom);
		this.parentEl?.addClass("has-active-menu");
		openMenu = this;
		if (!menuLog.includes(this)) menuLog.push(this);
		this.load();
		return this;
	}
	hide(): this {
		if (!this.dom.isConnected && !this._loaded) return this;
		this.dom.remove();
		this.parentEl?.removeClass("has-active-menu");
		if (openMenu === this) openMenu = null;
		this.unload();
		for (const cb of this.hideCallbacks) cb();
		return this;
	}
	close(): void {
		this.hide();
	}
	onHide(callback: () => any): void {
		this.hideCallbacks.push(callback);
	}
	onHistoryBack(): void {
		this.hide();
	}
	/** Test extension: the titles of the items, in order. */
	titles(): string[] {
		return this.items.filter((i): i is MenuItem => i instanceof MenuItem).map((i) => i.title);
	}

	static forEvent(evt: PointerEvent | MouseEvent): Menu {
		const menu = new Menu();
		menu.showAtMouseEvent(evt);
		return menu;
	}
}

/** Test extension: the menu currently shown (null if none). */
export function getOpenMenu(): Menu | null {
	return openMenu;
}

/** Test extension: click the item titled `title` in `menu` (default: the last menu shown). */
export function clickMenuItem(title: string, menu: Menu | null = menuLog[menuLog.length - 1] ?? null): void {
	if (!menu) throw new Error(`clickMenuItem('${title}'): no menu has been shown`);
	const item = menu.items.find((i): i is MenuItem => i instanceof MenuItem && i.title === title);
	if (!item) throw new Error(`clickMenuItem('${title}'): no such item; items are ${JSON.stringify(menu.titles())}`);
	item.handleEvent(new MouseEvent("click"));
}

// ---------------------------------------------------------------------------------------------
// Hover popover
// ---------------------------------------------------------------------------------------------

export class HoverPopover extends Component {
	hoverEl: HTMLElement;
	state = 0;
	constructor(
		public parent: O.HoverParent,
		public targetEl: HTMLElement | null,
		public waitTime?: number,
		public staticPos?: O.Point | null,
	) {
		super();
		this.hoverEl = createDiv({ cls: "popover hover-popover" });
		(parent as { hoverPopover: unknown }).hoverPopover = this;
	}
	onload(): void {
		document.body.appendChild(this.hoverEl);
	}
	onunload(): void {
		this.hoverEl.remove();
		if ((this.parent as { hoverPopover: unknown }).hoverPopover === this)
			(this.parent as { hoverPopover: unknown }).hoverPopover = null;
	}
	hide(): void {
		this.unload();
	}
}
