/**
 * `Editor` over a plain string, with CodeMirror 6 semantics where they matter to plugins:
 * - all changes of one `transaction` refer to the document as it was BEFORE the transaction,
 *   must not overlap, and form one undo step;
 * - `replaceRange`/`replaceSelection`/`setValue`/`transaction` are each one undo step;
 *   `undo()`/`redo()` walk a linear history (no time-based grouping of typing);
 * - selections are mapped through changes (a cursor at an insertion point stays before it,
 *   except for `replaceSelection`, which puts it after the inserted text).
 * Line breaks are kept as they are ("\r\n" stays "\r\n"); `ch` never counts the "\r".
 */
import type * as O from "obsidian";

export interface Change {
	from: number;
	to: number;
	insert: string;
}

interface Range {
	anchor: number;
	head: number;
}

interface HistoryEntry {
	changes: Change[]; // in the before-document
	inverse: Change[]; // in the after-document
	selBefore: Range[];
	selAfter: Range[];
}

export type EditorChangeListener = (origin: string) => void;

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
	return starts;
}

/** Normalise, sort and validate changes (offsets in the current doc). */
function prepare(changes: Change[], length: number): Change[] {
	const sorted = changes
		.map((c, i) => ({ ...c, i, from: Math.min(c.from, c.to), to: Math.max(c.from, c.to) }))
		.sort((a, b) => a.from - b.from || a.i - b.i);
	let last = 0;
	for (const c of sorted) {
		if (c.from < 0 || c.to > length) throw new RangeError(`Invalid change range ${c.from} to ${c.to} (in doc of length ${length})`);
		if (c.from < last) throw new RangeError("Overlapping changes in one transaction");
		last = c.to;
	}
	return sorted.map(({ from, to, insert }) => ({ from, to, insert }));
}

function applyChanges(doc: string, sorted: Change[]): { doc: string; inverse: Change[] } {
	let out = "";
	let pos = 0;
	let delta = 0;
	const inverse: Change[] = [];
	for (const c of sorted) {
		out += doc.slice(pos, c.from) + c.insert;
		inverse.push({ from: c.from + delta, to: c.from + delta + c.insert.length, insert: doc.slice(c.from, c.to) });
		delta += c.insert.length - (c.to - c.from);
		pos = c.to;
	}
	out += doc.slice(pos);
	return { doc: out, inverse };
}

function mapPos(pos: number, sorted: Change[], assoc: -1 | 1): number {
	let delta = 0;
	for (const c of sorted) {
		if (c.from > pos || (c.from === pos && c.to === pos && assoc < 0)) break;
		if (pos < c.to) return c.from + delta + (assoc > 0 ? c.insert.length : 0);
		delta += c.insert.length - (c.to - c.from);
	}
	return pos + delta;
}

export class Editor {
	private doc: string;
	private starts: number[];
	private ranges: Range[] = [{ anchor: 0, head: 0 }];
	private mainIndex = 0;
	private undoStack: HistoryEntry[] = [];
	private redoStack: HistoryEntry[] = [];
	private focused = false;
	/** Internal: called after every change to the document. */
	onChange: EditorChangeListener | null = null;
	/** Internal: the DOM the editor renders into (text only). */
	readonly contentEl: HTMLElement | null;

	constructor(text = "", parentEl?: HTMLElement) {
		this.doc = text;
		this.starts = lineStarts(text);
		this.contentEl = parentEl
			? parentEl.createDiv({ cls: "cm-content", attr: { contenteditable: "true", spellcheck: "false" } })
			: null;
		this.render();
	}

	getDoc(): this {
		return this;
	}

	refresh(): void {}

	// ----- reading ----------------------------------------------------------------------------

	getValue(): string {
		return this.doc;
	}

	getLine(line: number): string {
		if (line < 0 || line >= this.starts.length) return "";
		return this.doc.slice(this.starts[line], this.lineEnd(line));
	}

	lineCount(): number {
		return this.starts.length;
	}

	lastLine(): number {
		return this.starts.length - 1;
	}

	getRange(from: O.EditorPosition, to: O.EditorPosition): string {
		const a = this.posToOffset(from);
		const b = this.posToOffset(to);
		return this.doc.slice(Math.min(a, b), Math.max(a, b));
	}

	getSelection(): string {
		return this.ranges.map((r) => this.doc.slice(Math.min(r.anchor, r.head), Math.max(r.anchor, r.head))).join("\n");
	}

	somethingSelected(): boolean {
		return this.ranges.some((r) => r.anchor !== r.head);
	}

	getCursor(side: "from" | "to" | "head" | "anchor" = "head"): O.EditorPosition {
		const r = this.ranges[this.mainIndex];
		const off =
			side === "from"
				? Math.min(r.anchor, r.head)
				: side === "to"
					? Math.max(r.anchor, r.head)
					: side === "anchor"
						? r.anchor
						: r.head;
		return this.offsetToPos(off);
	}

	listSelections(): O.EditorSelection[] {
		return this.ranges.map((r) => ({ anchor: this.offsetToPos(r.anchor), head: this.offsetToPos(r.head) }));
	}

	wordAt(pos: O.EditorPosition): O.EditorRange | null {
		const off = this.posToOffset(pos);
		const isWord = (ch: string | undefined) => !!ch && /[\p{L}\p{N}_]/u.test(ch);
		let a = off;
		let b = off;
		while (a > 0 && isWord(this.doc[a - 1])) a--;
		while (b < this.doc.length && isWord(this.doc[b])) b++;
		if (a === b) return null;
		return { from: this.offsetToPos(a), to: this.offsetToPos(b) };
	}

	posToOffset(pos: O.EditorPosition): number {
		const line = Math.max(0, Math.min(pos.line, this.starts.length - 1));
		const start = this.starts[line];
		return Math.max(start, Math.min(start + Math.max(0, pos.ch), this.lineEnd(line)));
	}

	offsetToPos(offset: number): O.EditorPosition {
		const off = Math.max(0, Math.min(offset, this.doc.length));
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= off) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo, ch: Math.min(off, this.lineEnd(lo)) - this.starts[lo] };
	}

	// ----- selection --------------------------------------------------------------------------

	setCursor(pos: O.EditorPosition | number, ch?: number): void {
		const p = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
		const off = this.posToOffset(p);
		this.ranges = [{ anchor: off, head: off }];
		this.mainIndex = 0;
	}

	setSelection(anchor: O.EditorPosition, head?: O.EditorPosition): void {
		const a = this.posToOffset(anchor);
		this.ranges = [{ anchor: a, head: head ? this.posToOffset(head) : a }];
		this.mainIndex = 0;
	}

	setSelections(ranges: O.EditorSelectionOrCaret[], main?: number): void {
		if (!ranges.length) return;
		this.ranges = ranges.map((r) => {
			const a = this.posToOffset(r.anchor);
			return { anchor: a, head: r.head ? this.posToOffset(r.head) : a };
		});
		this.mainIndex = Math.min(main ?? this.ranges.length - 1, this.ranges.length - 1);
	}

	focus(): void {
		this.focused = true;
		this.contentEl?.focus();
	}

	blur(): void {
		this.focused = false;
		this.contentEl?.blur();
	}

	hasFocus(): boolean {
		return this.focused;
	}

	getScrollInfo(): { top: number; left: number } {
		return { top: 0, left: 0 };
	}

	scrollTo(_x?: number | null, _y?: number | null): void {}

	scrollIntoView(_range: O.EditorRange, _center?: boolean): void {}

	// ----- editing ----------------------------------------------------------------------------

	setValue(content: string): void {
		this.dispatch([{ from: 0, to: this.doc.length, insert: content }], { origin: "setValue" });
	}

	setLine(n: number, text: string): void {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	replaceRange(replacement: string, from: O.EditorPosition, to?: O.EditorPosition, origin?: string): void {
		const a = this.posToOffset(from);
		const b = to ? this.posToOffset(to) : a;
		this.dispatch([{ from: a, to: b, insert: replacement }], { origin: origin ?? "replaceRange" });
	}

	replaceSelection(replacement: string, origin?: string): void {
		const changes = this.ranges.map((r) => ({ from: Math.min(r.anchor, r.head), to: Math.max(r.anchor, r.head), insert: replacement }));
		this.dispatch(changes, { origin: origin ?? "+input", cursorAfterInsert: true });
	}

	transaction(tx: O.EditorTransaction, origin?: string): void {
		const changes: Change[] = (tx.changes ?? []).map((c) => {
			const from = this.posToOffset(c.from);
			return { from, to: c.to ? this.posToOffset(c.to) : from, insert: c.text };
		});
		if (tx.replaceSelection !== undefined) {
			for (const r of this.ranges)
				changes.push({ from: Math.min(r.anchor, r.head), to: Math.max(r.anchor, r.head), insert: tx.replaceSelection });
		}
		const sel = tx.selections ?? (tx.selection ? [tx.selection] : null);
		this.dispatch(changes, {
			origin: origin ?? "transaction",
			cursorAfterInsert: tx.replaceSelection !== undefined,
			selectionAfter: sel ? (doc) => sel.map((s) => ({ anchor: posIn(doc, s.from), head: posIn(doc, s.to ?? s.from) })) : undefined,
		});
	}

	processLines<T>(
		read: (line: number, lineText: string) => T | null,
		write: (line: number, lineText: string, value: T | null) => O.EditorChange | void,
		ignoreEmpty = false,
	): void {
		const values: Array<T | null> = [];
		for (let n = 0; n < this.lineCount(); n++) values.push(read(n, this.getLine(n)));
		const changes: O.EditorChange[] = [];
		for (let n = 0; n < this.lineCount(); n++) {
			const text = this.getLine(n);
			if (ignoreEmpty && text.trim() === "") continue;
			const change = write(n, text, values[n]);
			if (change) changes.push(change);
		}
		if (changes.length) this.transaction({ changes });
	}

	undo(): void {
		const entry = this.undoStack.pop();
		if (!entry) return;
		this.apply(entry.inverse, "undo");
		this.ranges = entry.selBefore.map((r) => ({ ...r }));
		this.redoStack.push(entry);
		this.afterChange("undo");
	}

	redo(): void {
		const entry = this.redoStack.pop();
		if (!entry) return;
		this.apply(entry.changes, "redo");
		this.ranges = entry.selAfter.map((r) => ({ ...r }));
		this.undoStack.push(entry);
		this.afterChange("redo");
	}

	exec(command: O.EditorCommandName): void {
		const cur = this.getCursor();
		switch (command) {
			case "goStart":
				return this.setCursor({ line: 0, ch: 0 });
			case "goEnd":
				return this.setCursor(this.offsetToPos(this.doc.length));
			case "goUp":
				return this.setCursor({ line: Math.max(0, cur.line - 1), ch: cur.ch });
			case "goDown":
				return this.setCursor({ line: Math.min(this.lastLine(), cur.line + 1), ch: cur.ch });
			case "goLeft":
				return this.setCursor(this.offsetToPos(this.posToOffset(cur) - 1));
			case "goRight":
				return this.setCursor(this.offsetToPos(this.posToOffset(cur) + 1));
			case "newlineAndIndent": {
				const indent = /^\s*/.exec(this.getLine(cur.line))?.[0] ?? "";
				return this.replaceSelection("\n" + indent, "+input");
			}
			case "deleteLine": {
				const from = this.starts[cur.line];
				const to = cur.line + 1 < this.starts.length ? this.starts[cur.line + 1] : this.doc.length;
				return this.dispatch([{ from: cur.line > 0 && to === this.doc.length ? from - 1 : from, to, insert: "" }], {
					origin: "+delete",
				});
			}
			case "indentMore":
				return this.replaceRange("\t", { line: cur.line, ch: 0 });
			case "indentLess": {
				const m = /^(\t| {1,4})/.exec(this.getLine(cur.line));
				if (m) this.replaceRange("", { line: cur.line, ch: 0 }, { line: cur.line, ch: m[0].length });
				return;
			}
			default:
				return;
		}
	}

	// ----- test extensions --------------------------------------------------------------------

	/** Test extension: drop the undo/redo history (Obsidian does this when a file is opened). */
	clearHistory(): void {
		this.undoStack = [];
		this.redoStack = [];
	}

	/** Test extension: number of undo / redo steps available. */
	historySize(): { undo: number; redo: number } {
		return { undo: this.undoStack.length, redo: this.redoStack.length };
	}

	/** Internal: apply changes (current-doc offsets) as one undoable step. */
	dispatch(
		changes: Change[],
		opts: {
			origin: string;
			addToHistory?: boolean;
			cursorAfterInsert?: boolean;
			selectionAfter?: (doc: string) => Range[];
		},
	): void {
		const sorted = prepare(changes, this.doc.length);
		if (!sorted.length && !opts.selectionAfter) return;
		const selBefore = this.ranges.map((r) => ({ ...r }));
		const inverse = this.apply(sorted, opts.origin);
		if (opts.selectionAfter) {
			this.ranges = opts.selectionAfter(this.doc);
			this.mainIndex = Math.min(this.mainIndex, this.ranges.length - 1);
		} else {
			const assoc = opts.cursorAfterInsert ? 1 : -1;
			this.ranges = selBefore.map((r) => ({ anchor: mapPos(r.anchor, sorted, assoc), head: mapPos(r.head, sorted, assoc) }));
		}
		if (opts.addToHistory !== false && sorted.length) {
			this.undoStack.push({ changes: sorted, inverse, selBefore, selAfter: this.ranges.map((r) => ({ ...r })) });
			this.redoStack = [];
		}
		if (sorted.length) this.afterChange(opts.origin);
	}

	/** Internal: replace the whole text without history (file loaded into the view). */
	reset(text: string): void {
		this.doc = text;
		this.starts = lineStarts(text);
		this.ranges = [{ anchor: 0, head: 0 }];
		this.mainIndex = 0;
		this.clearHistory();
		this.render();
	}

	private apply(sorted: Change[], _origin: string): Change[] {
		const { doc, inverse } = applyChanges(this.doc, sorted);
		this.doc = doc;
		this.starts = lineStarts(doc);
		this.render();
		return inverse;
	}

	private afterChange(origin: string): void {
		this.onChange?.(origin);
	}

	private lineEnd(line: number): number {
		const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.doc.length;
		return next > this.starts[line] && this.doc.charCodeAt(next - 1) === 13 && line + 1 < this.starts.length ? next - 1 : next;
	}

	private render(): void {
		if (this.contentEl) this.contentEl.textContent = this.doc;
	}
}

function posIn(doc: string, pos: O.EditorPosition): number {
	const starts = lineStarts(doc);
	const line = Math.max(0, Math.min(pos.line, starts.length - 1));
	const end = line + 1 < starts.length ? starts[line + 1] - 1 : doc.length;
	return Math.min(starts[line] + Math.max(0, pos.ch), end);
}
