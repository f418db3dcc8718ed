/**
 * The test bed's `Editor` on a real CodeMirror 6 `EditorView`, for the browser tests: what a plugin
 * does through `view.editor` runs as real CM6 transactions, with `history()` from
 * @codemirror/commands and the default + history keymaps, so typing, Mod-z and Mod-Shift-z in the
 * page are CodeMirror's own. It mirrors how Obsidian's `Editor` wraps CM6: lines and `ch` are
 * 0-based, one `transaction({ changes, selection(s) })` is one CM6 transaction (one undo step)
 * whose changes all refer to the document before it and whose selections are in the document
 * after it, and `origin` becomes the transaction's `userEvent`.
 *
 * It extends the runtime's string `Editor` only so that `MarkdownView.editor` keeps its type:
 * every member of that class is overridden here (checked when this module loads), so the string
 * copy underneath is never read. Installed by `tests/e2e/page/boot.ts` through
 * `MarkdownView.createEditor`; the Node integration tests keep the string editor.
 */
import {
	EditorSelection,
	EditorState,
	Transaction,
	type ChangeSet,
	type Extension,
	type Text,
	type TransactionSpec,
} from "@codemirror/state";
import { drawSelection, EditorView, keymap, type ViewUpdate } from "@codemirror/view";
import {
	cursorCharLeft,
	cursorCharRight,
	cursorDocEnd,
	cursorDocStart,
	cursorGroupLeft,
	cursorGroupRight,
	cursorLineDown,
	cursorLineUp,
	defaultKeymap,
	deleteLine,
	history,
	historyKeymap,
	indentLess,
	indentMore,
	insertNewlineAndIndent,
	moveLineDown,
	moveLineUp,
	redo,
	redoDepth,
	undo,
	undoDepth,
} from "@codemirror/commands";
import type * as O from "obsidian";
import { Editor, type Change } from "../../runtime/editor";

type Command = (target: EditorView) => boolean;

const COMMANDS: Partial<Record<O.EditorCommandName, Command>> = {
	goUp: cursorLineUp,
	goDown: cursorLineDown,
	goLeft: cursorCharLeft,
	goRight: cursorCharRight,
	goStart: cursorDocStart,
	goEnd: cursorDocEnd,
	goWordLeft: cursorGroupLeft,
	goWordRight: cursorGroupRight,
	indentMore,
	indentLess,
	newlineAndIndent: insertNewlineAndIndent,
	swapLineUp: moveLineUp,
	swapLineDown: moveLineDown,
	deleteLine,
};

export class CodeMirrorEditor extends Editor {
	/** The real editor view (Obsidian exposes its own as `editor.cm`). */
	readonly cm: EditorView;
	declare readonly contentEl: HTMLElement;
	/** The runtime origin of the change being dispatched through this API, for `onChange`. */
	private origin: string | null = null;

	constructor(parentEl: HTMLElement) {
		super("");
		this.cm = new EditorView({ parent: parentEl, state: this.createState("") });
		this.contentEl = this.cm.contentDOM;
	}

	private createState(doc: string | Text, selection?: EditorSelection): EditorState {
		const extensions: Extension[] = [
			history(),
			drawSelection(),
			EditorState.allowMultipleSelections.of(true),
			EditorView.lineWrapping,
			keymap.of([...historyKeymap, ...defaultKeymap]),
			EditorView.updateListener.of((update) => this.updated(update)),
		];
		return EditorState.create({ doc, selection, extensions });
	}

	private updated(update: ViewUpdate): void {
		if (!update.docChanged) return;
		const event = update.transactions.map((tr) => tr.annotation(Transaction.userEvent)).find((e) => e !== undefined);
		this.onChange?.(this.origin ?? (event === "undo" || event === "redo" ? event : event ? `+${event}` : "transaction"));
	}

	private get state(): EditorState {
		return this.cm.state;
	}

	private send(spec: TransactionSpec, origin: string): void {
		const previous = this.origin;
		this.origin = origin;
		try {
			this.cm.dispatch(spec);
		} finally {
			this.origin = previous;
		}
	}

	private select(selection: EditorSelection): void {
		this.cm.dispatch({ selection });
	}

	private selectionOf(
		ranges: { anchor: O.EditorPosition; head?: O.EditorPosition }[],
		main: number,
		doc = this.state.doc,
	): EditorSelection {
		const list = ranges.map((r) => {
			const anchor = offsetIn(doc, r.anchor);
			return EditorSelection.range(anchor, r.head ? offsetIn(doc, r.head) : anchor);
		});
		return EditorSelection.create(list, Math.max(0, Math.min(main, list.length - 1)));
	}

	getDoc(): this {
		return this;
	}

	refresh(): void {
		this.cm.requestMeasure();
	}

	// ----- reading ----------------------------------------------------------------------------

	getValue(): string {
		return this.state.doc.toString();
	}

	getLine(line: number): string {
		const doc = this.state.doc;
		return line < 0 || line >= doc.lines ? "" : doc.line(line + 1).text;
	}

	lineCount(): number {
		return this.state.doc.lines;
	}

	lastLine(): number {
		return this.state.doc.lines - 1;
	}

	getRange(from: O.EditorPosition, to: O.EditorPosition): string {
		const a = this.posToOffset(from);
		const b = this.posToOffset(to);
		return this.state.sliceDoc(Math.min(a, b), Math.max(a, b));
	}

	getSelection(): string {
		return this.state.selection.ranges.map((r) => this.state.sliceDoc(r.from, r.to)).join("\n");
	}

	somethingSelected(): boolean {
		return this.state.selection.ranges.some((r) => !r.empty);
	}

	getCursor(side: "from" | "to" | "head" | "anchor" = "head"): O.EditorPosition {
		const main = this.state.selection.main;
		return this.offsetToPos(side === "from" ? main.from : side === "to" ? main.to : side === "anchor" ? main.anchor : main.head);
	}

	listSelections(): O.EditorSelection[] {
		return this.state.selection.ranges.map((r) => ({ anchor: this.offsetToPos(r.anchor), head: this.offsetToPos(r.head) }));
	}

	wordAt(pos: O.EditorPosition): O.EditorRange | null {
		const range = this.state.wordAt(this.posToOffset(pos));
		return range ? { from: this.offsetToPos(range.from), to: this.offsetToPos(range.to) } : null;
	}

	posToOffset(pos: O.EditorPosition): number {
		return offsetIn(this.state.doc, pos);
	}

	offsetToPos(offset: number): O.EditorPosition {
		const doc = this.state.doc;
		const off = Math.max(0, Math.min(offset, doc.length));
		const line = doc.lineAt(off);
		return { line: line.number - 1, ch: off - line.from };
	}

	// ----- selection --------------------------------------------------------------------------

	setCursor(pos: O.EditorPosition | number, ch?: number): void {
		const p = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
		this.select(EditorSelection.single(this.posToOffset(p)));
	}

	setSelection(anchor: O.EditorPosition, head?: O.EditorPosition): void {
		this.select(this.selectionOf([{ anchor, head }], 0));
	}

	setSelections(ranges: O.EditorSelectionOrCaret[], main?: number): void {
		if (!ranges.length) return;
		this.select(this.selectionOf(ranges, main ?? ranges.length - 1));
	}

	focus(): void {
		this.cm.focus();
	}

	blur(): void {
		this.cm.contentDOM.blur();
	}

	hasFocus(): boolean {
		return this.cm.hasFocus;
	}

	getScrollInfo(): { top: number; left: number } {
		return { top: this.cm.scrollDOM.scrollTop, left: this.cm.scrollDOM.scrollLeft };
	}

	scrollTo(x?: number | null, y?: number | null): void {
		if (typeof x === "number") this.cm.scrollDOM.scrollLeft = x;
		if (typeof y === "number") this.cm.scrollDOM.scrollTop = y;
	}

	scrollIntoView(range: O.EditorRange, center?: boolean): void {
		const target = EditorSelection.range(this.posToOffset(range.from), this.posToOffset(range.to));
		this.cm.dispatch({ effects: EditorView.scrollIntoView(target, { y: center ? "center" : "nearest" }) });
	}

	// ----- editing ----------------------------------------------------------------------------

	setValue(content: string): void {
		this.send({ changes: { from: 0, to: this.state.doc.length, insert: content } }, "setValue");
	}

	setLine(n: number, text: string): void {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	replaceRange(replacement: string, from: O.EditorPosition, to?: O.EditorPosition, origin?: string): void {
		const a = this.posToOffset(from);
		const b = to ? this.posToOffset(to) : a;
		this.send(
			{ changes: { from: Math.min(a, b), to: Math.max(a, b), insert: replacement }, userEvent: origin },
			origin ?? "replaceRange",
		);
	}

	replaceSelection(replacement: string, origin?: string): void {
		this.send({ ...this.state.replaceSelection(replacement), userEvent: origin }, origin ?? "+input");
	}

	transaction(tx: O.EditorTransaction, origin?: string): void {
		const state = this.state;
		const specs = (tx.changes ?? []).map((c) => {
			const from = this.posToOffset(c.from);
			const to = c.to ? this.posToOffset(c.to) : from;
			return { from: Math.min(from, to), to: Math.max(from, to), insert: c.text };
		});
		if (tx.replaceSelection !== undefined) {
			for (const r of state.selection.ranges) specs.push({ from: r.from, to: r.to, insert: tx.replaceSelection });
		}
		const changes: ChangeSet = state.changes(specs);
		const wanted = tx.selections ?? (tx.selection ? [tx.selection] : null);
		let selection: EditorSelection | undefined;
		if (wanted) {
			const after = changes.apply(state.doc);
			const ranges = wanted.map((s) => ({ anchor: s.from, head: s.to ?? s.from }));
			selection = this.selectionOf(ranges, state.selection.mainIndex, after);
		} else if (tx.replaceSelection !== undefined) {
			selection = state.selection.map(changes, 1);
		}
		this.send({ changes, selection, userEvent: origin }, origin ?? "transaction");
	}

	processLines<T>(
		read: (line: number, lineText: string) => T | null,
		write: (line: number, lineText: string, value: T | null) => O.EditorChange | void,
		ignoreEmpty = false,
	): void {
		super.processLines(read, write, ignoreEmpty);
	}

	undo(): void {
		undo(this.cm);
	}

	redo(): void {
		redo(this.cm);
	}

	exec(command: O.EditorCommandName): void {
		COMMANDS[command]?.(this.cm);
	}

	// ----- test extensions and the runtime's internals ----------------------------------------

	clearHistory(): void {
		this.cm.setState(this.createState(this.state.doc, this.state.selection));
	}

	historySize(): { undo: number; redo: number } {
		return { undo: undoDepth(this.state), redo: redoDepth(this.state) };
	}

	dispatch(
		changes: Change[],
		opts: {
			origin: string;
			addToHistory?: boolean;
			cursorAfterInsert?: boolean;
			selectionAfter?: (doc: string) => { anchor: number; head: number }[];
		},
	): void {
		const state = this.state;
		const set = state.changes(changes.map((c) => ({ from: Math.min(c.from, c.to), to: Math.max(c.from, c.to), insert: c.insert })));
		if (set.empty && !opts.selectionAfter) return;
		let selection: EditorSelection | undefined;
		if (opts.selectionAfter) {
			const ranges = opts.selectionAfter(set.apply(state.doc).toString()).map((r) => EditorSelection.range(r.anchor, r.head));
			selection = EditorSelection.create(ranges, Math.min(state.selection.mainIndex, ranges.length - 1));
		} else if (opts.cursorAfterInsert) {
			selection = state.selection.map(set, 1);
		}
		const annotations = opts.addToHistory === false ? Transaction.addToHistory.of(false) : undefined;
		this.send({ changes: set, selection, annotations }, opts.origin);
	}

	reset(text: string): void {
		this.cm.setState(this.createState(text));
	}

	/** Test extension: the state the browser tests assert on (offsets, main selection first). */
	snapshot(): EditorSnapshot {
		const { doc, selection } = this.state;
		return {
			text: doc.toString(),
			ranges: selection.ranges.map((r) => ({ anchor: r.anchor, head: r.head })),
			main: selection.mainIndex,
			undo: undoDepth(this.state),
			redo: redoDepth(this.state),
			focused: this.cm.hasFocus,
		};
	}
}

export interface EditorSnapshot {
	text: string;
	ranges: { anchor: number; head: number }[];
	main: number;
	undo: number;
	redo: number;
	focused: boolean;
}

/** A 0-based line/ch position in `doc`, clamped to the document the way the string editor does. */
function offsetIn(doc: Text, pos: O.EditorPosition): number {
	const line = doc.line(Math.max(0, Math.min(pos.line, doc.lines - 1)) + 1);
	return line.from + Math.max(0, Math.min(pos.ch, line.length));
}

// Every member of the string editor is replaced here, or is written only in terms of ones that are
// (so a member added to tests/runtime/editor.ts later cannot silently read the empty string copy).
const DELEGATED = new Set(["constructor", "apply", "afterChange", "lineEnd", "render"]);
const missing = Object.getOwnPropertyNames(Editor.prototype).filter(
	(name) => !DELEGATED.has(name) && !Object.prototype.hasOwnProperty.call(CodeMirrorEditor.prototype, name),
);
if (missing.length) throw new Error(`CodeMirrorEditor does not implement Editor.${missing.join(", Editor.")}`);
