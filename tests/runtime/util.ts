/**
 * Free functions and constants of the `obsidian` module that need no app: paths, icons,
 * tooltips, platform flags, the network (disabled), small converters.
 */
import type * as O from "obsidian";

export const apiVersion = "1.13.1";

export function requireApiVersion(version: string): boolean {
	const a = apiVersion.split(".").map(Number);
	const b = version.split(".").map(Number);
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const x = a[i] ?? 0;
		const y = b[i] ?? 0;
		if (x !== y) return x > y;
	}
	return true;
}

/** Obsidian's normalizePath: "/" and "\\" runs → "/", no leading/trailing slash, NBSP → space, NFC. */
export function normalizePath(path: string): string {
	let p = path.replace(/([\\/])+/g, "/").replace(/(^\/+|\/+$)/g, "");
	if (p === "") p = "/";
	return p.replace(/\u00A0|\u202F/g, " ").normalize("NFC");
}

/** Platform flags; tests may change them (`setPlatform`). */
export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
	resourcePathPrefix: "app://local/",
};

const defaultPlatform = { ...Platform };

/**
 * Test extension: change platform flags (e.g. `{ isMobile: true, isDesktop: false, isPhone: true }`).
 * The body gets the classes Obsidian sets for them (`is-mobile`, `is-phone`, `is-tablet`,
 * `is-ios`, `is-android`), which themes and plugins' CSS key on.
 */
export function setPlatform(flags: Partial<typeof Platform>): void {
	Object.assign(Platform, flags);
	applyBodyClasses();
}

/** Test extension: restore the default (desktop, Linux) flags. */
export function resetPlatform(): void {
	Object.assign(Platform, defaultPlatform);
	applyBodyClasses();
}

function applyBodyClasses(): void {
	const body = typeof document === "undefined" ? null : document.body;
	if (!body) return;
	const classes: Record<string, boolean> = {
		"is-mobile": Platform.isMobile,
		"is-phone": Platform.isMobile && Platform.isPhone,
		"is-tablet": Platform.isMobile && Platform.isTablet,
		"is-ios": Platform.isIosApp,
		"is-android": Platform.isAndroidApp,
	};
	for (const [cls, on] of Object.entries(classes)) body.classList.toggle(cls, on);
}

// ----- icons ---------------------------------------------------------------------------------

const customIcons = new Map<string, string>();

export function addIcon(iconId: string, svgContent: string): void {
	customIcons.set(iconId, svgContent);
}

export function removeIcon(iconId: string): void {
	customIcons.delete(iconId);
}

export function getIconIds(): string[] {
	return [...customIcons.keys()];
}

/** An `<svg class="svg-icon lucide-<id>" data-icon="<id>">` marker (no artwork). */
export function getIcon(iconId: string): SVGSVGElement | null {
	if (!iconId) return null;
	const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
	svg.setAttribute("class", `svg-icon lucide-${iconId}`);
	svg.setAttribute("data-icon", iconId);
	svg.setAttribute("width", "24");
	svg.setAttribute("height", "24");
	svg.setAttribute("viewBox", "0 0 24 24");
	return svg;
}

/** Replaces the icon inside `parent` (other children are kept) and marks `parent[data-icon]`. */
export function setIcon(parent: HTMLElement, iconId: string): void {
	for (const old of Array.from(parent.querySelectorAll(":scope > svg.svg-icon"))) old.remove();
	const svg = getIcon(iconId);
	if (!svg) return;
	parent.setAttribute("data-icon", iconId);
	parent.appendChild(svg);
}

// ----- tooltips ------------------------------------------------------------------------------

export function setTooltip(el: HTMLElement, tooltip: string, options?: O.TooltipOptions): void {
	if (tooltip) el.setAttribute("aria-label", tooltip);
	else el.removeAttribute("aria-label");
	if (options?.placement) el.setAttribute("data-tooltip-position", options.placement);
	if (options?.delay !== undefined) el.setAttribute("data-tooltip-delay", String(options.delay));
}

/** Records the last tooltip shown (test-facing). */
export const tooltipLog: Array<{ el: HTMLElement; content: string }> = [];

export function displayTooltip(newTargetEl: HTMLElement, content: string | DocumentFragment, _options?: O.TooltipOptions): void {
	tooltipLog.push({ el: newTargetEl, content: typeof content === "string" ? content : (content.textContent ?? "") });
}

// ----- network -------------------------------------------------------------------------------

/** Every `requestUrl`/`request` call (the network is disabled in tests). */
export const requestLog: O.RequestUrlParam[] = [];

export function requestUrl(request: O.RequestUrlParam | string): O.RequestUrlResponsePromise {
	const param = typeof request === "string" ? { url: request } : request;
	requestLog.push(param);
	const err = new Error(`network disabled in tests: ${param.method ?? "GET"} ${param.url}`);
	const p = Promise.reject(err) as O.RequestUrlResponsePromise;
	p.catch(() => {});
	const fail = () => {
		const q = Promise.reject(err);
		q.catch(() => {});
		return q;
	};
	Object.defineProperty(p, "json", { get: fail });
	Object.defineProperty(p, "text", { get: fail });
	Object.defineProperty(p, "arrayBuffer", { get: fail });
	return p;
}

export async function request(req: O.RequestUrlParam | string): Promise<string> {
	return (await requestUrl(req)).text;
}

// ----- HTML ----------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" };

function decodeEntities(text: string): string {
	return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
		if (e[0] === "#") {
			const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
			return Number.isFinite(code) ? String.fromCodePoint(code) : m;
		}
		return ENTITIES[e.toLowerCase()] ?? m;
	});
}

/**
 * Safe by construction: tags are stripped and the result is a text node (no DOMParser, no
 * innerHTML). Real Obsidian keeps safe markup; tests only see the text.
 */
export function sanitizeHTMLToDom(html: string): DocumentFragment {
	const frag = document.createDocumentFragment();
	const text = decodeEntities(html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, "").replace(/<[^>]*>/g, ""));
	frag.appendChild(document.createTextNode(text));
	return frag;
}

/** Not modelled beyond stripping tags. */
export function htmlToMarkdown(html: string | HTMLElement | Document | DocumentFragment): string {
	if (typeof html === "string") return decodeEntities(html.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, ""));
	return (html as Node).textContent ?? "";
}

// ----- converters ----------------------------------------------------------------------------

export function arrayBufferToBase64(buffer: ArrayBuffer): string {
	let s = "";
	for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
	return btoa(s);
}

export function base64ToArrayBuffer(base64: string): ArrayBuffer {
	const s = atob(base64);
	const out = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
	return out.buffer;
}

export function arrayBufferToHex(data: ArrayBuffer): string {
	return Array.from(new Uint8Array(data), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function hexToArrayBuffer(hex: string): ArrayBuffer {
	const out = new Uint8Array(hex.length / 2);
	for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return out.buffer;
}

export async function getBlobArrayBuffer(blob: Blob): Promise<ArrayBuffer> {
	return blob.arrayBuffer();
}

export function getLanguage(): string {
	return "en";
}

// ----- things that need the real app ---------------------------------------------------------

function unavailable(name: string): Promise<never> {
	return Promise.reject(new Error(`${name} is not available in the test runtime`));
}

export function loadMathJax(): Promise<void> {
	return unavailable("loadMathJax");
}
export function loadMermaid(): Promise<any> {
	return unavailable("loadMermaid");
}
export function loadPdfJs(): Promise<any> {
	return unavailable("loadPdfJs");
}
export function loadPrism(): Promise<any> {
	return unavailable("loadPrism");
}
export function renderMath(source: string, display: boolean): HTMLElement {
	const el = document.createElement(display ? "div" : "span");
	el.className = "math";
	el.textContent = source;
	return el;
}
export async function finishRenderMath(): Promise<void> {}

export class Tasks {
	private promises: Array<Promise<any>> = [];
	add(callback: () => Promise<any>): void {
		this.promises.push(callback());
	}
	addPromise(promise: Promise<any>): void {
		this.promises.push(promise);
	}
	isEmpty(): boolean {
		return this.promises.length === 0;
	}
	promise(): Promise<any> {
		return Promise.all(this.promises);
	}
}

// ----- exported by obsidian.d.ts but not modelled (importable, inert) ------------------------

/** Placeholders for CodeMirror state fields: live preview is not modelled. */
export const editorInfoField = { name: "editorInfoField (not modelled in tests)" };
export const editorViewField = editorInfoField;
export const editorEditorField = { name: "editorEditorField (not modelled in tests)" };
export const editorLivePreviewField = { name: "editorLivePreviewField (not modelled in tests)" };
export const livePreviewState = { name: "livePreviewState (not modelled in tests)" };

/** Desktop/mobile adapters: the test vault's adapter is neither (it is in memory). */
export class FileSystemAdapter {
	getBasePath(): string {
		return "/test-vault";
	}
}
export class CapacitorAdapter {}
export class RenderContext {
	hoverPopover: unknown = null;
}
