/**
 * Runs in Chromium. Loads the built main.js the way Obsidian loads a plugin: its source is
 * wrapped as a CommonJS module whose `require("obsidian")` answers with the test runtime.
 * Every `MarkdownView` edits its note in a real CodeMirror 6 editor (`cm-editor.ts`).
 * Exposed as `window.e2e` for the Playwright tests to drive.
 */
import * as obsidian from "../../runtime/obsidian";
import { click, createTestApp, pressKey, setValue, type, type TestApp } from "../../runtime/harness";
import { CodeMirrorEditor, type EditorSnapshot } from "./cm-editor";

obsidian.MarkdownView.createEditor = (sourceEl) => new CodeMirrorEditor(sourceEl);

interface PluginClass {
	new (...args: never[]): { now: () => Date };
}

let app: TestApp | null = null;

function loadModule(source: string): PluginClass {
	const module = { exports: {} as Record<string, unknown> };
	const require = (id: string): unknown => {
		if (id === "obsidian") return obsidian;
		throw new Error(`Cannot find module '${id}'`);
	};
	// The same wrapping Obsidian applies to a plugin's main.js.
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	const factory = new Function("require", "module", "exports", source) as (
		r: typeof require,
		m: typeof module,
		e: typeof module.exports,
	) => void;
	factory(require, module, module.exports);
	const exported = (module.exports.default ?? module.exports) as PluginClass;
	if (typeof exported !== "function") throw new Error("main.js does not export a plugin class");
	return exported;
}

async function start(
	files: Record<string, string>,
	manifest: { id: string; name: string; version: string },
	today: string | null,
	/** Platform flags set before the plugin loads (e.g. a phone: `{ isMobile: true, isPhone: true, isDesktop: false }`). */
	platform?: Partial<typeof obsidian.Platform>,
): Promise<void> {
	const source = await (await fetch("/main.js")).text();
	const Loaded = loadModule(source);
	let Plugin = Loaded;
	if (today) {
		const [y, m, d] = today.split("-").map(Number);
		// Pin "today" the way the integration tests do: a subclass with its own clock.
		Plugin = class extends (Loaded as unknown as new (...args: never[]) => { now: () => Date }) {
			now = () => new Date(y, m - 1, d, 12);
		} as unknown as PluginClass;
	}
	app = await createTestApp(files, platform ? { platform } : {});
	await app.loadPlugin(Plugin as never, manifest as never);
	await app.settle();
}

function current(): TestApp {
	if (!app) throw new Error("call e2e.start first");
	return app;
}

/** The active note's CodeMirror editor. */
function editor(): CodeMirrorEditor {
	const active = current().editor;
	if (!(active instanceof CodeMirrorEditor)) throw new Error("no note open in a CodeMirror editor");
	return active;
}

declare global {
	interface Window {
		e2e: typeof api;
	}
}

const api = {
	start,
	app: current,
	settle: () => current().settle(),
	command: (id: string) => current().runCommand(id),
	readFile: (path: string) => current().readFile(path),
	openNote: async (path: string) => {
		await current().openNote(path);
	},
	renderNote: async (path: string) => {
		await current().renderNote(path);
		await current().settle();
	},
	notices: () => current().noticeMessages(),
	editor,
	/** The active editor's text, selection (offsets), undo/redo depth and focus. */
	editorState: (): EditorSnapshot => editor().snapshot(),
	/** Focuses the editor with the selection at these offsets, as after a click or a drag there. */
	select: (anchor: number, head = anchor) => {
		const e = editor();
		e.focus();
		e.setSelection(e.offsetToPos(anchor), e.offsetToPos(head));
	},
	type,
	setValue,
	pressKey,
	click,
};

window.e2e = api;
