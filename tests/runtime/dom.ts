/**
 * The helpers Obsidian installs on DOM prototypes and on the global object (see the
 * `declare global` block at the top of obsidian.d.ts), plus the small JS built-in extensions
 * (`Array.prototype.first`, `String.prototype.contains`, ...). `text` is always set as text
 * (`textContent`), never parsed as HTML.
 *
 * Works on whatever DOM the global environment provides (happy-dom in vitest, the real DOM in
 * the browser bundle). No Node APIs.
 */
import type {} from "obsidian"; // pulls in Obsidian's global DOM typings
import { scheduler } from "./scheduler";

const SVG_NS = "http://www.w3.org/2000/svg";

type AttrValue = string | number | boolean | null;
type Info = {
	cls?: string | string[];
	text?: string | DocumentFragment;
	attr?: Record<string, AttrValue>;
	title?: string;
	parent?: Node;
	value?: string;
	type?: string;
	prepend?: boolean;
	placeholder?: string;
	href?: string;
};

let installed = false;
const globalListenerCounts = new Map<EventTarget, Map<string, Set<unknown>>>();

function define(target: object, name: string, value: unknown): void {
	Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function defineIfMissing(target: object, name: string, value: unknown): void {
	if (!(name in target)) define(target, name, value);
}

function docOf(node: Node): Document {
	if (typeof Document !== "undefined" && node instanceof Document) return node;
	return node.ownerDocument ?? document;
}

function setAttr(el: Element, name: string, value: AttrValue): void {
	if (value === null || value === undefined) el.removeAttribute(name);
	else el.setAttribute(name, String(value));
}

function setText(el: Node, val: string | DocumentFragment): void {
	if (typeof val === "string") {
		el.textContent = val;
	} else {
		while (el.firstChild) el.removeChild(el.firstChild);
		el.appendChild(val);
	}
}

/** `cls` as Obsidian takes it: one string of space-separated classes, or a list. */
function addClasses(el: Element, cls: string | string[]): void {
	const classes = Array.isArray(cls) ? cls : cls.split(/\s+/);
	for (const c of classes) if (c) el.classList.add(c);
}

function applyInfo(el: Element, o: Info | string | undefined): void {
	if (o === undefined) return;
	const info: Info = typeof o === "string" ? { cls: o } : o;
	if (info.cls !== undefined) addClasses(el, info.cls);
	if (info.text !== undefined) setText(el, info.text);
	if (info.attr) for (const [k, v] of Object.entries(info.attr)) setAttr(el, k, v);
	if (info.title !== undefined) el.setAttribute("title", info.title);
	if (info.value !== undefined) (el as HTMLInputElement).value = info.value;
	if (info.type !== undefined) (el as HTMLInputElement).type = info.type;
	if (info.placeholder !== undefined) (el as HTMLInputElement).placeholder = info.placeholder;
	if (info.href !== undefined) (el as HTMLAnchorElement).href = info.href;
}

function insert(parent: Node | undefined, el: Node, prepend: boolean | undefined): void {
	if (!parent) return;
	if (prepend) parent.insertBefore(el, parent.firstChild);
	else parent.appendChild(el);
}

function makeEl<K extends keyof HTMLElementTagNameMap>(
	doc: Document,
	parent: Node | undefined,
	tag: K,
	o?: Info | string,
	cb?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
	const el = doc.createElement(tag);
	applyInfo(el, o);
	const info = typeof o === "object" ? o : undefined;
	insert(parent ?? info?.parent, el, info?.prepend);
	cb?.(el);
	return el;
}

function makeSvg<K extends keyof SVGElementTagNameMap>(
	doc: Document,
	parent: Node | undefined,
	tag: K,
	o?: Info | string,
	cb?: (el: SVGElementTagNameMap[K]) => void,
): SVGElementTagNameMap[K] {
	const el = doc.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
	const info: Info | undefined = typeof o === "string" ? { cls: o } : o;
	if (info?.cls !== undefined) addClasses(el, info.cls);
	if (info?.attr) for (const [k, v] of Object.entries(info.attr)) setAttr(el, k, v);
	insert(parent ?? info?.parent, el, info?.prepend);
	cb?.(el);
	return el;
}

function isShown(el: HTMLElement): boolean {
	if (!el.isConnected) return false;
	for (let cur: HTMLElement | null = el; cur; cur = cur.parentElement) {
		if (cur.style && cur.style.display === "none") return false;
		if (cur.hidden) return false;
	}
	return true;
}

/** Count listeners on window and document (the places a forgotten listener leaks from). */
function trackGlobalListeners(target: EventTarget): void {
	const t = target as EventTarget & Record<string, unknown>;
	if (globalListenerCounts.has(target)) return;
	const live = new Map<string, Set<unknown>>();
	globalListenerCounts.set(target, live);
	const add = target.addEventListener;
	const remove = target.removeEventListener;
	const key = (type: string, options?: boolean | EventListenerOptions) =>
		`${type}|${typeof options === "boolean" ? options : !!options?.capture}`;
	t.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: boolean | AddEventListenerOptions) {
		if (listener && !(typeof options === "object" && options?.once)) {
			const k = key(type, options);
			let set = live.get(k);
			if (!set) live.set(k, (set = new Set()));
			set.add(listener);
		}
		return add.call(this, type, listener as EventListener, options);
	};
	t.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: boolean | EventListenerOptions) {
		live.get(key(type, options))?.delete(listener);
		return remove.call(this, type, listener as EventListener, options);
	};
}

/** Test extension: live listeners on `window` + `document` added since the runtime loaded. */
export function globalListenerCount(): number {
	let n = 0;
	for (const live of globalListenerCounts.values()) for (const set of live.values()) n += set.size;
	return n;
}

interface DelegatedListener {
	selector: string;
	listener: (...args: unknown[]) => unknown;
	options?: boolean | AddEventListenerOptions;
	callback: (evt: Event) => void;
}

export function installDomHelpers(): void {
	if (installed || typeof globalThis.Node === "undefined") return;
	installed = true;

	const nodeProto = Node.prototype;
	define(
		nodeProto,
		"createEl",
		function (this: Node, tag: keyof HTMLElementTagNameMap, o?: Info | string, cb?: (el: HTMLElement) => void) {
			return makeEl(docOf(this), this, tag, o, cb);
		},
	);
	define(nodeProto, "createDiv", function (this: Node, o?: Info | string, cb?: (el: HTMLDivElement) => void) {
		return makeEl(docOf(this), this, "div", o, cb);
	});
	define(nodeProto, "createSpan", function (this: Node, o?: Info | string, cb?: (el: HTMLSpanElement) => void) {
		return makeEl(docOf(this), this, "span", o, cb);
	});
	define(
		nodeProto,
		"createSvg",
		function (this: Node, tag: keyof SVGElementTagNameMap, o?: Info | string, cb?: (el: SVGElement) => void) {
			return makeSvg(docOf(this), this, tag, o, cb);
		},
	);
	define(nodeProto, "empty", function (this: Node) {
		while (this.firstChild) this.removeChild(this.firstChild);
	});
	define(nodeProto, "detach", function (this: Node) {
		this.parentNode?.removeChild(this);
	});
	define(nodeProto, "insertAfter", function <T extends Node>(this: Node, node: T, child: Node | null): T {
		this.insertBefore(node, child ? child.nextSibling : this.firstChild);
		return node;
	});
	define(nodeProto, "indexOf", function (this: Node, other: Node) {
		return Array.prototype.indexOf.call(this.childNodes, other);
	});
	define(nodeProto, "setChildrenInPlace", function (this: Node, children: Node[]) {
		const wanted = new Set(children);
		for (const child of Array.from(this.childNodes)) if (!wanted.has(child)) this.removeChild(child);
		let cursor: ChildNode | null = this.firstChild;
		for (const child of children) {
			if (child === cursor) cursor = cursor.nextSibling;
			else this.insertBefore(child, cursor);
		}
	});
	define(nodeProto, "appendText", function (this: Node, val: string) {
		this.appendChild(docOf(this).createTextNode(val));
	});
	define(nodeProto, "instanceOf", function (this: Node, type: new () => unknown) {
		return this instanceof type;
	});
	Object.defineProperty(nodeProto, "doc", {
		configurable: true,
		get(this: Node) {
			return docOf(this);
		},
	});
	Object.defineProperty(nodeProto, "win", {
		configurable: true,
		get(this: Node) {
			return docOf(this).defaultView ?? window;
		},
	});
	Object.defineProperty(nodeProto, "constructorWin", {
		configurable: true,
		get(this: Node) {
			return window;
		},
	});

	const elProto = Element.prototype;
	define(elProto, "getText", function (this: Element) {
		return this.textContent ?? "";
	});
	define(elProto, "setText", function (this: Element, val: string | DocumentFragment) {
		setText(this, val);
	});
	define(elProto, "addClass", function (this: Element, ...classes: string[]) {
		this.classList.add(...classes);
	});
	define(elProto, "addClasses", function (this: Element, classes: string[]) {
		this.classList.add(...classes);
	});
	define(elProto, "removeClass", function (this: Element, ...classes: string[]) {
		this.classList.remove(...classes);
	});
	define(elProto, "removeClasses", function (this: Element, classes: string[]) {
		this.classList.remove(...classes);
	});
	define(elProto, "toggleClass", function (this: Element, classes: string | string[], value: boolean) {
		for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
	});
	define(elProto, "hasClass", function (this: Element, cls: string) {
		return this.classList.contains(cls);
	});
	define(elProto, "setAttr", function (this: Element, name: string, value: AttrValue) {
		setAttr(this, name, value);
	});
	define(elProto, "setAttrs", function (this: Element, obj: Record<string, AttrValue>) {
		for (const [k, v] of Object.entries(obj)) setAttr(this, k, v);
	});
	define(elProto, "getAttr", function (this: Element, name: string) {
		return this.getAttribute(name);
	});
	define(elProto, "matchParent", function (this: Element, selector: string, lastParent?: Element) {
		for (let cur: Element | null = this; cur; cur = cur.parentElement) {
			if (cur.matches(selector)) return cur;
			if (cur === lastParent) break;
		}
		return null;
	});
	define(elProto, "getCssPropertyValue", function (this: Element, property: string, pseudo?: string) {
		return getComputedStyle(this, pseudo).getPropertyValue(property);
	});
	define(elProto, "isActiveElement", function (this: Element) {
		return docOf(this).activeElement === this;
	});
	define(elProto, "find", function (this: Element, selector: string) {
		return this.querySelector(selector);
	});
	define(elProto, "findAll", function (this: Element, selector: string) {
		return Array.from(this.querySelectorAll(selector));
	});
	define(elProto, "findAllSelf", function (this: Element, selector: string) {
		const found = Array.from(this.querySelectorAll(selector));
		return this.matches(selector) ? [this, ...found] : found;
	});
	if (typeof DocumentFragment !== "undefined") {
		define(DocumentFragment.prototype, "find", function (this: DocumentFragment, selector: string) {
			return this.querySelector(selector);
		});
		define(DocumentFragment.prototype, "findAll", function (this: DocumentFragment, selector: string) {
			return Array.from(this.querySelectorAll(selector));
		});
	}

	const styleTargets: object[] = [HTMLElement.prototype];
	if (typeof SVGElement !== "undefined") styleTargets.push(SVGElement.prototype);
	for (const proto of styleTargets) {
		define(proto, "setCssStyles", function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
			Object.assign(this.style, styles);
		});
		define(proto, "setCssProps", function (this: HTMLElement, props: Record<string, string>) {
			for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
		});
	}

	const htmlProto = HTMLElement.prototype;
	define(htmlProto, "show", function (this: HTMLElement) {
		this.style.display = "";
	});
	define(htmlProto, "hide", function (this: HTMLElement) {
		this.style.display = "none";
	});
	define(htmlProto, "toggle", function (this: HTMLElement, show: boolean) {
		this.style.display = show ? "" : "none";
	});
	define(htmlProto, "toggleVisibility", function (this: HTMLElement, visible: boolean) {
		this.style.visibility = visible ? "" : "hidden";
	});
	define(htmlProto, "isShown", function (this: HTMLElement) {
		return isShown(this);
	});
	define(
		htmlProto,
		"onClickEvent",
		function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
			this.addEventListener("click", listener as EventListener, options);
			this.addEventListener(
				"auxclick",
				((ev: MouseEvent) => {
					if (ev.button === 1) listener.call(this, ev);
				}) as EventListener,
				options,
			);
		},
	);
	define(htmlProto, "onNodeInserted", function () {
		return () => {};
	});
	define(htmlProto, "onWindowMigrated", function () {
		return () => {};
	});
	define(htmlProto, "trigger", function (this: HTMLElement, eventType: string) {
		this.dispatchEvent(new Event(eventType, { bubbles: true, cancelable: true }));
	});
	Object.defineProperty(htmlProto, "innerWidth", {
		configurable: true,
		get(this: HTMLElement) {
			return this.clientWidth;
		},
	});
	Object.defineProperty(htmlProto, "innerHeight", {
		configurable: true,
		get(this: HTMLElement) {
			return this.clientHeight;
		},
	});

	// Delegated listeners: el.on('click', '.row', fn)
	const delegateTargets: object[] = [htmlProto];
	if (typeof Document !== "undefined") delegateTargets.push(Document.prototype);
	for (const proto of delegateTargets) {
		define(
			proto,
			"on",
			function (
				this: (HTMLElement | Document) & { _EVENTS?: Record<string, DelegatedListener[]> },
				type: string,
				selector: string,
				listener: (ev: Event, target: HTMLElement) => unknown,
				options?: boolean | AddEventListenerOptions,
			) {
				const callback = (evt: Event) => {
					const target = evt.target as Element | null;
					const match = target && typeof target.closest === "function" ? (target.closest(selector) as HTMLElement | null) : null;
					if (match && (this === match || (this as Node).contains(match))) listener.call(this, evt, match);
				};
				const events = (this._EVENTS ??= {});
				(events[type] ??= []).push({ selector, listener: listener as never, options, callback });
				this.addEventListener(type, callback, options);
			},
		);
		define(
			proto,
			"off",
			function (
				this: (HTMLElement | Document) & { _EVENTS?: Record<string, DelegatedListener[]> },
				type: string,
				selector: string,
				listener: unknown,
				options?: boolean | AddEventListenerOptions,
			) {
				const list = this._EVENTS?.[type];
				if (!list) return;
				for (let i = list.length - 1; i >= 0; i--) {
					const entry = list[i];
					if (entry.selector === selector && entry.listener === listener) {
						this.removeEventListener(type, entry.callback, options);
						list.splice(i, 1);
					}
				}
			},
		);
	}

	if (typeof UIEvent !== "undefined") {
		Object.defineProperty(UIEvent.prototype, "targetNode", {
			configurable: true,
			get(this: UIEvent) {
				return this.target as Node | null;
			},
		});
		Object.defineProperty(UIEvent.prototype, "win", {
			configurable: true,
			get() {
				return window;
			},
		});
		Object.defineProperty(UIEvent.prototype, "doc", {
			configurable: true,
			get() {
				return document;
			},
		});
		define(UIEvent.prototype, "instanceOf", function (this: UIEvent, type: new (...a: unknown[]) => unknown) {
			return this instanceof type;
		});
	}

	// Globals
	const g = globalThis as unknown as Record<string, unknown>;
	define(g, "createEl", (tag: keyof HTMLElementTagNameMap, o?: Info | string, cb?: (el: HTMLElement) => void) =>
		makeEl(document, undefined, tag, o, cb),
	);
	define(g, "createDiv", (o?: Info | string, cb?: (el: HTMLDivElement) => void) => makeEl(document, undefined, "div", o, cb));
	define(g, "createSpan", (o?: Info | string, cb?: (el: HTMLSpanElement) => void) => makeEl(document, undefined, "span", o, cb));
	define(g, "createSvg", (tag: keyof SVGElementTagNameMap, o?: Info | string, cb?: (el: SVGElement) => void) =>
		makeSvg(document, undefined, tag, o, cb),
	);
	define(g, "createFragment", (cb?: (el: DocumentFragment) => void) => {
		const frag = document.createDocumentFragment();
		cb?.(frag);
		return frag;
	});
	define(g, "fish", (selector: string) => document.querySelector(selector));
	define(g, "fishAll", (selector: string) => Array.from(document.querySelectorAll(selector)));
	define(g, "isBoolean", (obj: unknown) => typeof obj === "boolean");
	define(g, "ready", (fn: () => unknown) => {
		if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => fn(), { once: true });
		else fn();
	});
	// Obsidian's timers; on the runtime's clock, so `settle()` waits for work that pauses with them
	// (a plugin building its index in slices).
	define(g, "sleep", (ms: number) => new Promise<void>((resolve) => scheduler.setTimeout(resolve, ms, "sleep")));
	define(g, "nextFrame", () => new Promise<void>((resolve) => scheduler.setTimeout(resolve, 0, "nextFrame")));
	// Chromium's `scheduler.yield()` (since Chromium 129, so in Obsidian's desktop app), which a
	// plugin working in slices prefers to `sleep(0)`: it resumes as soon as input and drawing had
	// their turn, without the clamp of nested timers. On the runtime's clock, like `sleep`. In the
	// browser tests the real one stays.
	const yieldTask = { yield: () => new Promise<void>((resolve) => scheduler.setImmediate(resolve, "scheduler.yield")) };
	defineIfMissing(g, "scheduler", yieldTask);
	Object.defineProperty(g, "activeWindow", { configurable: true, get: () => window });
	Object.defineProperty(g, "activeDocument", { configurable: true, get: () => document });
	if (typeof window !== "undefined" && (window as unknown) !== globalThis) {
		const w = window as unknown as Record<string, unknown>;
		Object.defineProperty(w, "activeWindow", { configurable: true, get: () => window });
		Object.defineProperty(w, "activeDocument", { configurable: true, get: () => document });
		define(w, "sleep", g.sleep);
		define(w, "nextFrame", g.nextFrame);
		defineIfMissing(w, "scheduler", yieldTask);
	}

	if (typeof window !== "undefined") trackGlobalListeners(window);
	if (typeof document !== "undefined") trackGlobalListeners(document);

	installBuiltinExtensions();
}

/** Obsidian's extensions of JS built-ins (non-enumerable, only where missing). */
export function installBuiltinExtensions(): void {
	const arr = Array.prototype as unknown as Record<string, unknown>;
	defineIfMissing(arr, "first", function (this: unknown[]) {
		return this[0];
	});
	defineIfMissing(arr, "last", function (this: unknown[]) {
		return this[this.length - 1];
	});
	defineIfMissing(arr, "contains", function (this: unknown[], target: unknown) {
		return this.includes(target);
	});
	defineIfMissing(arr, "remove", function (this: unknown[], target: unknown) {
		for (let i = this.length - 1; i >= 0; i--) if (this[i] === target) this.splice(i, 1);
	});
	defineIfMissing(arr, "unique", function (this: unknown[]) {
		return Array.from(new Set(this));
	});
	defineIfMissing(arr, "shuffle", function (this: unknown[]) {
		for (let i = this.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[this[i], this[j]] = [this[j], this[i]];
		}
		return this;
	});
	defineIfMissing(arr, "findLastIndex", function (this: unknown[], predicate: (v: unknown) => boolean) {
		for (let i = this.length - 1; i >= 0; i--) if (predicate(this[i])) return i;
		return -1;
	});
	defineIfMissing(Array, "combine", (arrays: unknown[][]) => ([] as unknown[]).concat(...arrays));
	defineIfMissing(String.prototype, "contains", function (this: string, target: string) {
		return this.includes(target);
	});
	defineIfMissing(String.prototype, "format", function (this: string, ...args: string[]) {
		return this.replace(/{(\d+)}/g, (m, i: string) => (args[Number(i)] !== undefined ? args[Number(i)] : m));
	});
	defineIfMissing(String, "isString", (obj: unknown) => typeof obj === "string");
	defineIfMissing(Number, "isNumber", (obj: unknown) => typeof obj === "number");
	defineIfMissing(Object, "isEmpty", (obj: Record<string, unknown>) => Object.keys(obj).length === 0);
	defineIfMissing(Object, "each", (obj: Record<string, unknown>, cb: (v: unknown, k?: string) => boolean | void, ctx?: unknown) => {
		for (const [k, v] of Object.entries(obj)) if (cb.call(ctx, v, k) === false) return false;
		return true;
	});
	defineIfMissing(Math, "clamp", (value: number, min: number, max: number) => Math.min(Math.max(value, min), max));
	defineIfMissing(Math, "square", (value: number) => value * value);
}
