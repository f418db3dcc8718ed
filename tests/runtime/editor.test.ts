// @vitest-environment happy-dom
/**
 * The editor of an open note: edits reach the vault through autosave, undo/redo, CodeMirror-like
 * transactions, and external changes flowing into the open editor.
 */
import { describe, expect, it } from "vitest";
import { createTestApp } from "./harness";
import { Editor, type TFile } from "./obsidian";

const NOTE = "---\nlast_contact: 2026-01-01\n---\n# Ada\n\n## Interactions\n- 2026-01-01 — call\n";

async function openAda() {
	const app = await createTestApp({ "People/Ada.md": NOTE });
	const view = await app.openNote("People/Ada.md");
	return { app, view, editor: view.editor };
}

describe("autosave", () => {
	it("editor changes are saved to the vault after the autosave debounce, then re-indexed", async () => {
		const { app, editor } = await openAda();
		const changed: string[] = [];
		app.metadataCache.on("changed", (f: TFile) => changed.push(f.path));
		editor.replaceRange("- 2026-02-01 — coffee\n", { line: editor.lastLine(), ch: 0 });
		expect(app.readFile("People/Ada.md")).toBe(NOTE);
		await app.tick(1000);
		expect(app.readFile("People/Ada.md")).toBe(NOTE);
		await app.tick(1000);
		expect(app.readFile("People/Ada.md")).toBe(`${NOTE}- 2026-02-01 — coffee\n`);
		await app.settle();
		expect(changed).toEqual(["People/Ada.md"]);
	});

	it("flushEditors and settle save immediately", async () => {
		const { app, editor } = await openAda();
		editor.setLine(3, "# Ada Lovelace");
		await app.flushEditors();
		expect(app.readFile("People/Ada.md")).toContain("# Ada Lovelace\n");
		editor.setLine(3, "# Countess");
		await app.settle();
		expect(app.readFile("People/Ada.md")).toContain("# Countess\n");
	});

	it("closing the note saves pending edits", async () => {
		const { app, editor, view } = await openAda();
		editor.replaceRange("X", { line: 3, ch: 0 });
		view.leaf.detach();
		await app.settle();
		expect(app.readFile("People/Ada.md")).toContain("X# Ada");
	});

	it("fires editor-change and quick-preview", async () => {
		const { app, editor } = await openAda();
		const events: string[] = [];
		app.workspace.on("editor-change", (ed: Editor) => events.push(`editor-change ${ed === editor}`));
		app.workspace.on("quick-preview", (f: TFile, data: string) => events.push(`quick-preview ${f.path} ${data.length}`));
		editor.replaceSelection("!");
		expect(events).toEqual(["editor-change true", `quick-preview People/Ada.md ${NOTE.length + 1}`]);
	});
});

describe("undo and redo", () => {
	it("undoes and redoes each edit; the undo reaches the vault too", async () => {
		const { app, editor } = await openAda();
		editor.replaceRange("A", { line: 3, ch: 0 });
		editor.replaceRange("B", { line: 3, ch: 0 });
		expect(editor.getLine(3)).toBe("BA# Ada");
		editor.undo();
		expect(editor.getLine(3)).toBe("A# Ada");
		editor.undo();
		expect(editor.getValue()).toBe(NOTE);
		editor.redo();
		expect(editor.getLine(3)).toBe("A# Ada");
		await app.settle();
		expect(app.readFile("People/Ada.md")).toContain("\nA# Ada\n");
		editor.undo();
		await app.settle();
		expect(app.readFile("People/Ada.md")).toBe(NOTE);
	});

	it("a transaction is one undo step; its changes refer to the original document", () => {
		const editor = new Editor("line one\nline two\nline three");
		editor.transaction({
			changes: [
				{ from: { line: 2, ch: 0 }, to: { line: 2, ch: 4 }, text: "LINE" },
				{ from: { line: 0, ch: 0 }, to: { line: 0, ch: 4 }, text: "FIRST LINE" },
			],
		});
		expect(editor.getValue()).toBe("FIRST LINE one\nline two\nLINE three");
		editor.undo();
		expect(editor.getValue()).toBe("line one\nline two\nline three");
		expect(() =>
			editor.transaction({
				changes: [
					{ from: { line: 0, ch: 0 }, to: { line: 0, ch: 5 }, text: "a" },
					{ from: { line: 0, ch: 3 }, to: { line: 0, ch: 6 }, text: "b" },
				],
			}),
		).toThrow(RangeError);
	});

	it("maps the cursor through changes, and replaceSelection puts it after the insert", () => {
		const editor = new Editor("hello world");
		editor.setCursor({ line: 0, ch: 6 });
		editor.replaceRange(">>", { line: 0, ch: 0 });
		expect(editor.getCursor()).toEqual({ line: 0, ch: 8 });
		editor.replaceRange("[at]", { line: 0, ch: 8 });
		expect(editor.getCursor()).toEqual({ line: 0, ch: 8 });
		editor.replaceSelection("X");
		expect(editor.getValue()).toBe(">>hello X[at]world");
		expect(editor.getCursor()).toEqual({ line: 0, ch: 9 });
		editor.setSelection({ line: 0, ch: 2 }, { line: 0, ch: 7 });
		expect(editor.getSelection()).toBe("hello");
		expect(editor.somethingSelected()).toBe(true);
	});

	it("positions and offsets; CRLF stays CRLF", () => {
		const editor = new Editor("a\r\nbc\r\n");
		expect(editor.lineCount()).toBe(3);
		expect(editor.getLine(1)).toBe("bc");
		expect(editor.posToOffset({ line: 1, ch: 1 })).toBe(4);
		expect(editor.offsetToPos(4)).toEqual({ line: 1, ch: 1 });
		expect(editor.posToOffset({ line: 0, ch: 99 })).toBe(1);
		editor.replaceRange("X", { line: 1, ch: 2 });
		expect(editor.getValue()).toBe("a\r\nbcX\r\n");
		expect(editor.getRange({ line: 0, ch: 0 }, { line: 1, ch: 3 })).toBe("a\r\nbcX");
		expect(editor.wordAt({ line: 1, ch: 1 })).toEqual({ from: { line: 1, ch: 0 }, to: { line: 1, ch: 3 } });
	});
});

describe("external changes while the note is open", () => {
	it("vault.modify updates the open editor in place: cursor and undo history survive, nothing is re-saved", async () => {
		const { app, editor } = await openAda();
		editor.replaceRange("A", { line: 3, ch: 0 });
		await app.flushEditors();
		editor.setCursor({ line: 3, ch: 3 });
		const modifies: string[] = [];
		app.vault.on("modify", (f: TFile) => modifies.push(f.path));
		const disk = `${app.readFile("People/Ada.md")}- 2026-02-01 — coffee\n`;
		await app.writeFile("People/Ada.md", disk);
		expect(editor.getValue()).toBe(disk);
		expect(editor.getCursor()).toEqual({ line: 3, ch: 3 });
		await app.settle();
		expect(modifies).toEqual(["People/Ada.md"]);
		editor.undo(); // the external change
		editor.undo(); // our "A"
		expect(editor.getLine(3)).toBe("# Ada");
	});

	it("vault.process on an open note lands in the editor", async () => {
		const { app, editor } = await openAda();
		const file = app.vault.getFileByPath("People/Ada.md")!;
		await app.vault.process(file, (t) => t.replace("2026-01-01\n---", "2026-11-26\n---"));
		expect(editor.getLine(1)).toBe("last_contact: 2026-11-26");
	});

	it("merges an external change with unsaved edits elsewhere in the note", async () => {
		const { app, editor } = await openAda();
		editor.replaceRange("typing ", { line: 3, ch: 2 }); // unsaved
		await app.writeFile("People/Ada.md", NOTE.replace("2026-01-01\n---", "2026-11-26\n---"));
		expect(editor.getValue()).toBe(NOTE.replace("2026-01-01\n---", "2026-11-26\n---").replace("# Ada", "# typing Ada"));
		await app.settle();
		expect(app.readFile("People/Ada.md")).toBe(editor.getValue());
		expect(app.editorConflicts).toEqual([]);
	});

	it("an overlapping external change loses to unsaved edits and is recorded as a conflict", async () => {
		const { app, editor } = await openAda();
		editor.setLine(3, "# Mine");
		await app.writeFile("People/Ada.md", NOTE.replace("# Ada", "# Theirs"));
		expect(editor.getLine(3)).toBe("# Mine");
		expect(app.editorConflicts).toHaveLength(1);
		await app.settle();
		expect(app.readFile("People/Ada.md")).toContain("# Mine");
	});
});
