/**
 * `Setting` rows and their components, `SettingTab`/`PluginSettingTab`, and a renderer for the
 * declarative settings of Obsidian 1.13 (`getSettingDefinitions()`).
 *
 * Components react to the DOM events a user would cause: text → `input`, dropdown → `change`,
 * toggle → `click` on `toggleEl`, slider → `change` (or `input` after `setInstant(true)`),
 * button → `click`. `setValue()` never fires `onChange`.
 */
import type * as O from "obsidian";
import type { App } from "./app";
import { reportHandlerError } from "./scheduler";
import { setIcon, setTooltip } from "./util";

type Cb<T> = (value: T) => any;

export abstract class BaseComponent {
	disabled = false;
	then(cb: (component: this) => any): this {
		cb(this);
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export abstract class ValueComponent<T> extends BaseComponent {
	registerOptionListener(listeners: Record<string, (value?: T) => T>, key: string): this {
		listeners[key] = (value?: T) => {
			if (value !== undefined) this.setValue(value);
			return this.getValue();
		};
		return this;
	}
	abstract getValue(): T;
	abstract setValue(value: T): this;
}

function fire<T>(cbs: Array<Cb<T>>, value: T): void {
	for (const cb of cbs) {
		try {
			const r = cb(value);
			if (r && typeof (r as Promise<unknown>).catch === "function")
				(r as Promise<unknown>).catch((err) => reportHandlerError(err, "setting onChange"));
		} catch (err) {
			reportHandlerError(err, "setting onChange");
		}
	}
}

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
	inputEl: T;
	protected changeCallbacks: Array<Cb<string>> = [];
	constructor(inputEl: T) {
		super();
		this.inputEl = inputEl;
		inputEl.addEventListener("input", () => this.onChanged());
	}
	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.inputEl.disabled = disabled;
		return this;
	}
	getValue(): string {
		return this.inputEl.value;
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}
	onChanged(): void {
		fire(this.changeCallbacks, this.getValue());
	}
	onChange(callback: (value: string) => any): this {
		this.changeCallbacks.push(callback);
		return this;
	}
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("input", { type: "text", attr: { spellcheck: "false" } }));
	}
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("textarea", { attr: { spellcheck: "false" } }));
	}
}

export class SearchComponent extends AbstractTextComponent<HTMLInputElement> {
	clearButtonEl: HTMLElement;
	containerEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		const wrap = containerEl.createDiv({ cls: "search-input-container" });
		super(wrap.createEl("input", { type: "search", attr: { enterkeyhint: "search", spellcheck: "false" } }));
		this.containerEl = wrap;
		this.clearButtonEl = wrap.createDiv({ cls: "search-input-clear-button", attr: { "aria-label": "Clear search" } });
		this.clearButtonEl.addEventListener("click", () => {
			this.setValue("");
			this.onChanged();
		});
	}
	onChanged(): void {
		this.clearButtonEl.toggle(this.getValue() !== "");
		super.onChanged();
	}
	setClass(cls: string): this {
		this.containerEl.addClass(cls);
		return this;
	}
}

export class MomentFormatComponent extends TextComponent {
	sampleEl: HTMLElement;
	private defaultFormat = "";
	constructor(containerEl: HTMLElement) {
		super(containerEl);
		this.sampleEl = containerEl.createSpan({ cls: "u-pop" });
	}
	setDefaultFormat(defaultFormat: string): this {
		this.defaultFormat = defaultFormat;
		this.setPlaceholder(defaultFormat);
		return this;
	}
	setSampleEl(sampleEl: HTMLElement): this {
		this.sampleEl = sampleEl;
		this.updateSample();
		return this;
	}
	setValue(value: string): this {
		super.setValue(value);
		this.updateSample();
		return this;
	}
	onChanged(): void {
		this.updateSample();
		super.onChanged();
	}
	updateSample(): void {
		this.sampleEl?.setText(this.getValue() || this.defaultFormat);
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	toggleEl: HTMLElement;
	private inputEl: HTMLInputElement;
	private on = false;
	private changeCallbacks: Array<Cb<boolean>> = [];
	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
		this.inputEl = this.toggleEl.createEl("input", { type: "checkbox", attr: { tabindex: 0 } });
		this.toggleEl.addEventListener("click", (evt) => {
			evt.preventDefault();
			this.onClick();
		});
	}
	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.toggleEl.toggleClass("is-disabled", disabled);
		this.inputEl.disabled = disabled;
		return this;
	}
	getValue(): boolean {
		return this.on;
	}
	setValue(on: boolean): this {
		this.on = on;
		this.toggleEl.toggleClass("is-enabled", on);
		this.inputEl.checked = on;
		return this;
	}
	setTooltip(tooltip: string, options?: O.TooltipOptions): this {
		setTooltip(this.toggleEl, tooltip, options);
		return this;
	}
	onClick(): void {
		if (this.disabled) return;
		this.setValue(!this.on);
		fire(this.changeCallbacks, this.on);
	}
	onChange(callback: (value: boolean) => any): this {
		this.changeCallbacks.push(callback);
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	selectEl: HTMLSelectElement;
	private changeCallbacks: Array<Cb<string>> = [];
	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
		this.selectEl.addEventListener("change", () => fire(this.changeCallbacks, this.getValue()));
	}
	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.selectEl.disabled = disabled;
		return this;
	}
	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}
	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}
	getValue(): string {
		return this.selectEl.value;
	}
	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
	onChange(callback: (value: string) => any): this {
		this.changeCallbacks.push(callback);
		return this;
	}
}

export class ButtonComponent extends BaseComponent {
	buttonEl: HTMLButtonElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = containerEl.createEl("button");
	}
	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.buttonEl.disabled = disabled;
		this.buttonEl.toggleClass("is-disabled", disabled);
		return this;
	}
	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}
	removeCta(): this {
		this.buttonEl.removeClass("mod-cta");
		return this;
	}
	setWarning(): this {
		this.buttonEl.addClass("mod-warning");
		return this;
	}
	setDestructive(): this {
		this.buttonEl.addClass("mod-destructive");
		return this;
	}
	removeDestructive(): this {
		this.buttonEl.removeClass("mod-destructive");
		return this;
	}
	setTooltip(tooltip: string, options?: O.TooltipOptions): this {
		setTooltip(this.buttonEl, tooltip, options);
		return this;
	}
	setButtonText(name: string): this {
		this.buttonEl.setText(name);
		return this;
	}
	setIcon(icon: string): this {
		this.buttonEl.empty();
		setIcon(this.buttonEl, icon);
		return this;
	}
	setClass(cls: string): this {
		this.buttonEl.addClass(cls);
		return this;
	}
	onClick(callback: (evt: MouseEvent) => unknown | Promise<unknown>): this {
		this.buttonEl.addEventListener("click", (evt) => {
			if (this.disabled) return;
			const r = callback(evt);
			if (r && typeof (r as Promise<unknown>).catch === "function")
				(r as Promise<unknown>).catch((err) => reportHandlerError(err, "button onClick"));
		});
		return this;
	}
}

export class ExtraButtonComponent extends BaseComponent {
	extraSettingsEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.extraSettingsEl = containerEl.createDiv({ cls: "clickable-icon extra-setting-button" });
	}
	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.extraSettingsEl.toggleClass("is-disabled", disabled);
		return this;
	}
	setTooltip(tooltip: string, options?: O.TooltipOptions): this {
		setTooltip(this.extraSettingsEl, tooltip, options);
		return this;
	}
	setIcon(icon: string): this {
		setIcon(this.extraSettingsEl, icon);
		return this;
	}
	onClick(callback: () => any): this {
		this.extraSettingsEl.addEventListener("click", () => {
			if (!this.disabled) callback();
		});
		return this;
	}
}

export class SliderComponent extends ValueComponent<number> {
	sliderEl: HTMLInputElement;
	valueEl: HTMLElement;
	private instant = false;
	private format: ((value: number) => string) | null = null;
	private changeCallbacks: Array<Cb<number>> = [];
	constructor(containerEl: HTMLElement) {
		super();
		this.sliderEl = containerEl.createEl("input", { type: "range", cls: "slider" });
		this.valueEl = containerEl.createSpan({ cls: "slider-value" });
		this.sliderEl.addEventListener("input", () => {
			this.updateValueEl();
			if (this.instant) fire(this.changeCallbacks, this.getValue());
		});
		this.sliderEl.addEventListener("change", () => {
			this.updateValueEl();
			if (!this.instant) fire(this.changeCallbacks, this.getValue());
		});
	}
	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.sliderEl.disabled = disabled;
		return this;
	}
	setInstant(instant: boolean): this {
		this.instant = instant;
		return this;
	}
	setLimits(min: number | null, max: number | null, step: number | "any"): this {
		if (min !== null) this.sliderEl.min = String(min);
		if (max !== null) this.sliderEl.max = String(max);
		this.sliderEl.step = String(step);
		return this;
	}
	getValue(): number {
		return Number(this.sliderEl.value);
	}
	setValue(value: number): this {
		this.sliderEl.value = String(value);
		this.updateValueEl();
		return this;
	}
	getValuePretty(): string {
		return this.format ? this.format(this.getValue()) : String(this.getValue());
	}
	setDisplayFormat(format: (value: number) => string): this {
		this.format = format;
		this.updateValueEl();
		return this;
	}
	setDynamicTooltip(): this {
		return this;
	}
	showTooltip(): void {}
	onChange(callback: (value: number) => any): this {
		this.changeCallbacks.push(callback);
		return this;
	}
	private updateValueEl(): void {
		this.valueEl.setText(this.getValuePretty());
	}
}

export class ColorComponent extends ValueComponent<string> {
	colorPickerEl: HTMLInputElement;
	private changeCallbacks: Array<Cb<string>> = [];
	constructor(containerEl: HTMLElement) {
		super();
		this.colorPickerEl = containerEl.createEl("input", { type: "color" });
		this.colorPickerEl.addEventListener("change", () => fire(this.changeCallbacks, this.getValue()));
	}
	getValue(): string {
		return this.colorPickerEl.value;
	}
	setValue(value: string): this {
		this.colorPickerEl.value = value;
		return this;
	}
	getValueRgb(): O.RGB {
		const v = this.getValue().replace("#", "");
		return { r: parseInt(v.slice(0, 2), 16), g: parseInt(v.slice(2, 4), 16), b: parseInt(v.slice(4, 6), 16) };
	}
	getValueHsl(): O.HSL {
		return { h: 0, s: 0, l: 0 };
	}
	setValueRgb(rgb: O.RGB): this {
		return this.setValue(`#${[rgb.r, rgb.g, rgb.b].map((n) => n.toString(16).padStart(2, "0")).join("")}`);
	}
	setValueHsl(_hsl: O.HSL): this {
		return this;
	}
	onChange(callback: (value: string) => any): this {
		this.changeCallbacks.push(callback);
		return this;
	}
}

export class ProgressBarComponent extends ValueComponent<number> {
	progressBar: HTMLElement;
	private value = 0;
	constructor(containerEl: HTMLElement) {
		super();
		this.progressBar = containerEl.createDiv({ cls: "setting-progress-bar" });
	}
	getValue(): number {
		return this.value;
	}
	setValue(value: number): this {
		this.value = value;
		this.progressBar.setAttr("data-value", value);
		return this;
	}
}

export class DisplayValueComponent {
	valueEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		this.valueEl = containerEl.createDiv({ cls: "setting-item-display-value" });
	}
	setValue(value: string | null): this {
		this.valueEl.setText(value ?? "");
		return this;
	}
	setStatus(status: "warning" | null): this {
		this.valueEl.toggleClass("mod-warning", status === "warning");
		return this;
	}
}

export class SecretComponent extends BaseComponent {
	inputEl: HTMLInputElement;
	private changeCallbacks: Array<Cb<string>> = [];
	constructor(_app: App, containerEl: HTMLElement) {
		super();
		this.inputEl = containerEl.createEl("input", { type: "password" });
		this.inputEl.addEventListener("input", () => fire(this.changeCallbacks, this.inputEl.value));
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	onChange(cb: (value: string) => unknown): this {
		this.changeCallbacks.push(cb);
		return this;
	}
}

// ---------------------------------------------------------------------------------------------
// Setting
// ---------------------------------------------------------------------------------------------

export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: BaseComponent[] = [];
	errorEl: HTMLElement | null = null;

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}

	setErrorMessage(message: string | null): this {
		if (!message) {
			this.errorEl?.remove();
			this.errorEl = null;
			this.settingEl.removeClass("is-invalid");
			return this;
		}
		this.errorEl ??= this.infoEl.createDiv({ cls: "setting-item-error" });
		this.errorEl.setText(message);
		this.settingEl.addClass("is-invalid");
		return this;
	}
	addDisplayValue(cb: (component: DisplayValueComponent) => any): this {
		cb(new DisplayValueComponent(this.controlEl));
		return this;
	}
	setName(name: string | DocumentFragment): this {
		this.nameEl.setText(name);
		return this;
	}
	setDesc(desc: string | DocumentFragment): this {
		this.descEl.setText(desc);
		return this;
	}
	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}
	setTooltip(tooltip: string, options?: O.TooltipOptions): this {
		setTooltip(this.nameEl, tooltip, options);
		return this;
	}
	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass("is-disabled", disabled);
		for (const c of this.components) c.setDisabled(disabled);
		return this;
	}
	private add<T extends BaseComponent>(component: T, cb: (c: T) => any): this {
		this.components.push(component);
		cb(component);
		return this;
	}
	addButton(cb: (component: ButtonComponent) => any): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}
	addExtraButton(cb: (component: ExtraButtonComponent) => any): this {
		return this.add(new ExtraButtonComponent(this.controlEl), cb);
	}
	addToggle(cb: (component: ToggleComponent) => any): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}
	addText(cb: (component: TextComponent) => any): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}
	addComponent<T extends BaseComponent>(cb: (el: HTMLElement) => T): this {
		this.components.push(cb(this.controlEl));
		return this;
	}
	addSearch(cb: (component: SearchComponent) => any): this {
		return this.add(new SearchComponent(this.controlEl), cb);
	}
	addTextArea(cb: (component: TextAreaComponent) => any): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}
	addMomentFormat(cb: (component: MomentFormatComponent) => any): this {
		return this.add(new MomentFormatComponent(this.controlEl), cb);
	}
	addDropdown(cb: (component: DropdownComponent) => any): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}
	addColorPicker(cb: (component: ColorComponent) => any): this {
		return this.add(new ColorComponent(this.controlEl), cb);
	}
	addProgressBar(cb: (component: ProgressBarComponent) => any): this {
		return this.add(new ProgressBarComponent(this.controlEl), cb);
	}
	addSlider(cb: (component: SliderComponent) => any): this {
		return this.add(new SliderComponent(this.controlEl), cb);
	}
	then(cb: (setting: this) => any): this {
		cb(this);
		return this;
	}
	clear(): this {
		this.controlEl.empty();
		this.components = [];
		return this;
	}
}

export class SettingGroup {
	groupEl: HTMLElement;
	headerEl: HTMLElement;
	listEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		this.groupEl = containerEl.createDiv({ cls: "setting-group" });
		this.headerEl = this.groupEl.createDiv({ cls: "setting-group-header" });
		this.listEl = this.groupEl.createDiv({ cls: "setting-items" });
	}
	setHeading(text: string | DocumentFragment): this {
		this.headerEl.createDiv({ cls: "setting-item-heading setting-item-name" }).setText(text);
		return this;
	}
	addClass(...classes: string[]): this {
		this.groupEl.addClass(...classes);
		return this;
	}
	addSetting(cb: (setting: Setting) => void): this {
		cb(new Setting(this.listEl));
		return this;
	}
	addSearch(cb: (component: SearchComponent) => any): this {
		cb(new SearchComponent(this.headerEl));
		return this;
	}
	addExtraButton(cb: (component: ExtraButtonComponent) => any): this {
		cb(new ExtraButtonComponent(this.headerEl));
		return this;
	}
}

// ---------------------------------------------------------------------------------------------
// Setting tabs
// ---------------------------------------------------------------------------------------------

type Def = O.SettingDefinitionItem;
type Pred = boolean | (() => boolean) | undefined;
const evalPred = (p: Pred, dflt: boolean) => (p === undefined ? dflt : typeof p === "function" ? p() : p);

export abstract class SettingPage {
	rootEl: HTMLElement;
	titlebarEl: HTMLElement;
	containerEl: HTMLElement;
	title = "";
	constructor() {
		this.rootEl = createDiv({ cls: "setting-page" });
		this.titlebarEl = this.rootEl.createDiv({ cls: "setting-page-titlebar" });
		this.containerEl = this.rootEl.createDiv({ cls: "setting-page-content" });
	}
	abstract display(): void;
	hide(): void {
		this.containerEl.empty();
	}
}

export abstract class SettingTab {
	icon = "";
	app!: App;
	containerEl: HTMLElement;
	settingItems: Def[] = [];
	/** Test extension: the tab's id (the plugin id for plugin tabs). */
	id = "";
	name = "";
	private cleanups: Array<() => void> = [];
	private dynamic: Array<() => void> = [];

	constructor() {
		this.containerEl = createDiv({ cls: "vertical-tab-content" });
	}

	getSettingDefinitions(): Def[] {
		return [];
	}

	update(): void {
		this.settingItems = this.getSettingDefinitions() ?? [];
	}

	getControlValue(_key: string): unknown {
		return undefined;
	}

	setControlValue(_key: string, _value: unknown): void | Promise<void> {}

	refreshDomState(): void {
		for (const fn of this.dynamic) fn();
	}

	/** Default rendering: the declarative definitions (plugins override for imperative tabs). */
	display(): void {
		this.renderDefinitions();
	}

	hide(): void {
		for (const c of this.cleanups.splice(0)) {
			try {
				c();
			} catch (err) {
				reportHandlerError(err, "setting render cleanup");
			}
		}
		this.dynamic = [];
		this.containerEl.empty();
	}

	/** Internal: render `getSettingDefinitions()` into `containerEl`. */
	renderDefinitions(items?: Def[]): void {
		this.hide();
		this.update();
		const defs = items ?? this.settingItems;
		for (const item of defs) this.renderItem(this.containerEl, item, 0, null);
	}

	private renderItem(parent: HTMLElement, item: Def, index: number, group: SettingGroup | null): void {
		const any = item as Record<string, unknown> & { type?: string };
		if (any.type === "group" || any.type === "list") {
			const g = item as O.SettingDefinitionGroup & O.SettingDefinitionList;
			const sg = new SettingGroup(parent);
			if (g.cls) sg.addClass(...g.cls.split(/\s+/));
			if (g.heading) sg.setHeading(g.heading);
			this.track(sg.groupEl, g.visible, undefined);
			for (const eb of g.extraButtons ?? []) sg.addExtraButton(eb);
			if (g.type === "list" && g.addItem) {
				const add = g.addItem;
				sg.addExtraButton((b) =>
					b
						.setIcon("plus")
						.setTooltip(add.name)
						.onClick(() => add.action(b.extraSettingsEl)),
				);
			}
			const children = g.items ?? [];
			if (g.type === "list" && !children.length && g.emptyState)
				sg.listEl.createDiv({ cls: "setting-list-empty" }).setText(g.emptyState);
			children.forEach((child, i) => {
				this.renderItem(sg.listEl, child, i, sg);
				if (g.type === "list" && g.onDelete) {
					const row = sg.listEl.lastElementChild as HTMLElement | null;
					if (row) {
						const del = new ExtraButtonComponent(row);
						del.setIcon("trash")
							.setTooltip("Delete")
							.onClick(() => g.onDelete!(i));
					}
				}
			});
			return;
		}
		if (any.type === "page") {
			const p = item as O.SettingDefinitionPage;
			const s = new Setting(parent).setName(p.name).setClass("mod-navigable");
			if (p.desc) s.setDesc(p.desc);
			if (p.displayValue !== undefined)
				s.addDisplayValue((d) => d.setValue(typeof p.displayValue === "function" ? p.displayValue() : (p.displayValue ?? null)));
			this.track(s.settingEl, p.visible, undefined);
			s.settingEl.addEventListener("click", () => this.openPage(p));
			return;
		}
		const d = item as O.SettingDefinition;
		const s = new Setting(parent).setName(d.name);
		if (d.desc) s.setDesc(d.desc);
		const dd = d as {
			control?: O.SettingControl;
			render?: O.SettingDefinitionRender["render"];
			action?: O.SettingDefinitionAction["action"];
			disabled?: boolean | (() => boolean);
		};
		if (dd.control) this.renderControl(s, dd.control);
		else if (dd.render) {
			const cleanup = dd.render(s, (group ?? new SettingGroup(createDiv())) as unknown as O.SettingGroup);
			if (typeof cleanup === "function") this.cleanups.push(cleanup);
		} else if (dd.action) {
			s.settingEl.addClass("mod-clickable");
			s.settingEl.addEventListener("click", () => {
				if (!evalPred(dd.disabled, false)) dd.action!(s.settingEl, index);
			});
		}
		this.track(s.settingEl, d.visible, dd.disabled ?? dd.control?.disabled, s);
	}

	private renderControl(s: Setting, control: O.SettingControl): void {
		const stored = this.getControlValue(control.key);
		const value = stored === undefined || stored === null ? control.defaultValue : stored;
		const commit = async (v: unknown) => {
			const validate = control.validate as ((x: unknown) => string | void | Promise<string | void>) | undefined;
			const error = validate ? await validate(v) : undefined;
			s.setErrorMessage(error || null);
			if (!error) await this.setControlValue(control.key, v);
		};
		switch (control.type) {
			case "toggle":
				s.addToggle((t) => t.setValue(!!value).onChange(commit));
				break;
			case "dropdown":
				s.addDropdown((dd) =>
					dd
						.addOptions(control.options)
						.setValue(String(value ?? ""))
						.onChange(commit),
				);
				break;
			case "textarea":
				s.addTextArea((t) => t.setValue(String(value ?? "")).onChange(commit));
				break;
			case "number":
				s.addText((t) => {
					t.inputEl.type = "number";
					if (control.placeholder) t.setPlaceholder(control.placeholder);
					t.setValue(value === undefined ? "" : String(value)).onChange((raw) => {
						const n = Number(raw);
						void commit(raw.trim() === "" || Number.isNaN(n) ? (control.defaultValue ?? 0) : n);
					});
				});
				break;
			case "slider":
				s.addSlider((sl) => {
					sl.setLimits(control.min, control.max, control.step)
						.setValue(Number(value ?? control.min))
						.onChange(commit);
					if (control.displayFormat) sl.setDisplayFormat(control.displayFormat);
				});
				break;
			case "color":
				s.addColorPicker((c) => c.setValue(String(value ?? "#000000")).onChange(commit));
				break;
			default: {
				const c = control as O.SettingTextControl;
				s.addText((t) => {
					if (c.placeholder) t.setPlaceholder(c.placeholder);
					t.setValue(String(value ?? "")).onChange(commit);
				});
			}
		}
		if (control.validate && value !== undefined) {
			void (async () => {
				const error = await (control.validate as (x: unknown) => string | void | Promise<string | void>)(value);
				if (error) s.setErrorMessage(error);
			})();
		}
	}

	private track(el: HTMLElement, visible: Pred, disabled: Pred, setting?: Setting): void {
		const apply = () => {
			el.toggle(evalPred(visible, true));
			if (setting && disabled !== undefined) setting.setDisabled(evalPred(disabled, false));
		};
		apply();
		this.dynamic.push(apply);
	}

	private openPage(p: O.SettingDefinitionPage): void {
		this.hide();
		const back = this.containerEl.createDiv({ cls: "setting-page-back clickable-icon", attr: { "aria-label": "Back" } });
		back.addEventListener("click", () => this.renderDefinitions());
		this.containerEl.createDiv({ cls: "setting-page-title", text: p.name });
		if (p.page) {
			const page = p.page() as unknown as SettingPage;
			this.containerEl.appendChild(page.rootEl);
			page.display();
			this.cleanups.push(() => page.hide());
		} else {
			for (const child of p.items ?? []) this.renderItem(this.containerEl, child, 0, null);
		}
	}
}

interface PluginLike {
	app: App;
	manifest: O.PluginManifest;
	settings?: unknown;
	saveData(data: unknown): Promise<void>;
}

export abstract class PluginSettingTab extends SettingTab {
	plugin: PluginLike;
	constructor(app: App, plugin: PluginLike) {
		super();
		this.app = app;
		this.plugin = plugin;
		this.id = plugin.manifest.id;
		this.name = plugin.manifest.name;
	}
	getControlValue(key: string): unknown {
		const settings = this.plugin.settings as Record<string, unknown> | undefined;
		return settings?.[key];
	}
	setControlValue(key: string, value: unknown): void | Promise<void> {
		const settings = (this.plugin.settings ??= {}) as Record<string, unknown>;
		settings[key] = value;
		return this.plugin.saveData(settings);
	}
}

/**
 * `app.setting`: the settings window. `openTab(tab)` renders a tab as Obsidian does: from
 * `getSettingDefinitions()` when it returns items, else by calling `display()`.
 */
export class SettingsWindow {
	pluginTabs: SettingTab[] = [];
	activeTab: SettingTab | null = null;
	containerEl: HTMLElement;
	contentEl: HTMLElement;
	isOpen = false;

	constructor(private hostEl: () => HTMLElement) {
		this.containerEl = createDiv({ cls: "modal-container mod-settings" });
		this.contentEl = this.containerEl.createDiv({ cls: "modal mod-settings" }).createDiv({ cls: "vertical-tab-content-container" });
	}

	addSettingTab(tab: SettingTab): void {
		this.pluginTabs.push(tab);
		tab.update();
	}

	removeSettingTab(tab: SettingTab): void {
		if (this.activeTab === tab) this.close();
		const i = this.pluginTabs.indexOf(tab);
		if (i >= 0) this.pluginTabs.splice(i, 1);
	}

	open(): void {
		if (this.isOpen) return;
		this.isOpen = true;
		this.hostEl().appendChild(this.containerEl);
	}

	openTabById(id: string): SettingTab | null {
		const tab = this.pluginTabs.find((t) => t.id === id) ?? null;
		if (tab) this.openTab(tab);
		return tab;
	}

	openTab(tab: SettingTab): void {
		this.open();
		if (this.activeTab && this.activeTab !== tab) this.activeTab.hide();
		this.activeTab = tab;
		this.contentEl.empty();
		this.contentEl.appendChild(tab.containerEl);
		const defs = tab.getSettingDefinitions?.() ?? [];
		if (defs.length) tab.renderDefinitions(defs);
		else tab.display();
	}

	close(): void {
		this.activeTab?.hide();
		this.activeTab = null;
		this.containerEl.remove();
		this.isOpen = false;
	}
}
