/**
 * The links of a note read from its text, for the CLI, in the shape Obsidian's metadata cache
 * gives the plugin: `links` (wiki and markdown links, not embeds, none from frontmatter, code,
 * math, comments or inline code, as the cache leaves those out) and the `silent` spans whose links
 * core/mentions.ts does not count (quotes and callouts, tasks not done). One forward pass, linear
 * in the note's length.
 */
import { BACKTICK, EXCLAMATION, GREATER_THAN, HASH, OPEN_BRACKET, SPACE, TAB, TILDE } from "./char-codes";
import { listItemTextAt, opensBlock } from "./block-starts";
import { headingLevelAt } from "./headings";
import { scanFrontmatter } from "./frontmatter-bounds";
import type { LinkAt, Span } from "./mentions";

export interface NoteLinks {
	links: LinkAt[];
	silent: Span[];
}

/**
 * The next position of each needle at or after a position, found once and reused while the scan
 * has not passed it: the scan only moves forward, so each needle's search covers the text once,
 * however many unclosed `[[`, comments or backticks a note holds.
 */
class Needles {
	private readonly found = new Map<string, number>();

	constructor(private readonly text: string) {}

	/** The first `needle` at or after `from` and before `end`, or -1. */
	next(needle: string, from: number, end: number): number {
		let at = this.found.get(needle);
		if (at === undefined || (at !== -1 && at < from)) {
			at = this.text.indexOf(needle, from);
			this.found.set(needle, at);
		}
		return at >= 0 && at < end ? at : -1;
	}
}

interface State {
	/** The open code fence: its character and length; 0 when none. */
	fenceChar: number;
	fenceLen: number;
	math: boolean;
	/** The closer of the comment still open (`%%` or `-->`), or null. */
	commentClose: string | null;
	/** The previous line belongs to a task that is not done: its continuation lines are the task's too. */
	inOpenTask: boolean;
	/** Where that task's text starts on its line: a paragraph after a blank line indented this far is the task's. */
	taskColumn: number;
	/** A blank line came since the task's last line. */
	afterBlank: boolean;
	/** The previous line belongs to a list item: a line indented under it is the item's (a quote there too). */
	inList: boolean;
	needles: Needles;
}

function indentOf(text: string, start: number, end: number): number {
	let i = start;
	while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
	return i;
}

/** The column `at` is in on the line from `start`: a tab goes on to the next multiple of 4 (CommonMark). */
function columnAt(text: string, start: number, at: number): number {
	let column = 0;
	for (let i = start; i < at; i++) column = text.charCodeAt(i) === TAB ? column + 4 - (column % 4) : column + 1;
	return column;
}

/** A fence line: up to 3 spaces, then 3 or more backticks or tildes (a backtick fence's info string holds no backtick). */
function fenceAt(text: string, start: number, end: number, needles: Needles): { char: number; len: number } | null {
	const at = indentOf(text, start, end);
	if (at - start > 3) return null;
	const c = text.charCodeAt(at);
	if (c !== BACKTICK && c !== TILDE) return null;
	let i = at;
	while (i < end && text.charCodeAt(i) === c) i++;
	if (i - at < 3) return null;
	if (c === BACKTICK && needles.next("`", i, end) >= 0) return null;
	return { char: c, len: i - at };
}

function closesFence(text: string, start: number, end: number, state: State): boolean {
	const at = indentOf(text, start, end);
	let i = at;
	while (i < end && text.charCodeAt(i) === state.fenceChar) i++;
	return i - at >= state.fenceLen && indentOf(text, i, end) === end;
}

/** A list item's checkbox state: `open` (`- [ ]`, `- [-]`…, not done), `done` (`- [x]`), `item` (no box), or null (no list item). */
function itemAt(text: string, at: number, end: number): "open" | "done" | "item" | null {
	const item = listItemTextAt(text, at, end);
	if (item < 0) return null;
	// A checkbox is followed by a space or the line's end (GFM): `- [ ]call` is a plain item.
	if (item + 3 > end || text.charCodeAt(item) !== OPEN_BRACKET || text[item + 2] !== "]") return "item";
	if (item + 3 < end && text.charCodeAt(item + 3) !== SPACE && text.charCodeAt(item + 3) !== TAB) return "item";
	const box = text[item + 1];
	return box === "x" || box === "X" ? "done" : "open";
}

/**
 * Whether the line whose text starts at `at` continues the list item above (its wrapped text, or
 * a lazy continuation line) rather than starting a block of its own.
 */
function continuesItem(text: string, at: number, end: number): boolean {
	const c = text.charCodeAt(at);
	return !(c === HASH && headingLevelAt(text, at, end) > 0) && !opensBlock(text, at, end) && itemAt(text, at, end) === null;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Walks the visible text of [from, end): skips inline code and comments (which may run on past the
 * line: the state keeps them open), and collects the links.
 */
function scanLine(text: string, from: number, end: number, state: State, links: LinkAt[], spans: readonly Span[]): void {
	const { needles } = state;
	let span = 0;
	let i = from;
	while (i < end) {
		if (state.commentClose !== null) {
			const close = needles.next(state.commentClose, i, end);
			if (close < 0) return;
			i = close + state.commentClose.length;
			state.commentClose = null;
			continue;
		}
		while (span < spans.length && spans[span].end <= i) span++;
		if (span < spans.length && spans[span].start <= i) {
			// Inside a code span (which may have begun on a line above).
			i = spans[span].end;
			continue;
		}
		const c = text.charCodeAt(i);
		if (text.startsWith("%%", i)) {
			state.commentClose = "%%";
			i += 2;
		} else if (text.startsWith("<!--", i)) {
			state.commentClose = "-->";
			i += 4;
		} else if (c === OPEN_BRACKET && text.charCodeAt(i + 1) === OPEN_BRACKET) {
			const close = needles.next("]]", i + 2, end);
			if (close < 0) {
				i += 2;
				continue;
			}
			if (text.charCodeAt(i - 1) !== EXCLAMATION) links.push({ link: text.slice(i + 2, close), offset: i });
			i = close + 2;
		} else if (c === OPEN_BRACKET) {
			const md = markdownLinkAt(text, i, end, needles);
			if (md && text.charCodeAt(i - 1) !== EXCLAMATION && md.target !== null) links.push({ link: md.target, offset: i });
			i = md ? md.end : i + 1;
		} else {
			i++;
		}
	}
}

/**
 * Inline code spans of a paragraph [from, end): a run of n backticks closed by the next run of
 * exactly n, line breaks included. One pass over the runs, matching each with the next run of its
 * length.
 */
function codeSpans(text: string, from: number, end: number): Span[] {
	const runs: Span[] = [];
	for (let i = from; i < end; i++) {
		if (text.charCodeAt(i) !== BACKTICK) continue;
		let j = i;
		while (j < end && text.charCodeAt(j) === BACKTICK) j++;
		runs.push({ start: i, end: j });
		i = j;
	}
	if (runs.length < 2) return [];
	const spans: Span[] = [];
	const open = new Map<number, Span>();
	for (const run of runs) {
		const len = run.end - run.start;
		const opener = open.get(len);
		if (opener) {
			spans.push({ start: opener.start, end: run.end });
			// Runs inside a span are its text: forget every opener, since spans do not nest.
			open.clear();
		} else if (!spans.length || run.start >= spans[spans.length - 1].end) {
			open.set(len, run);
		}
	}
	return spans;
}

/** `[text](target)` at `i`: the decoded target (null for a URL) and where it ends. */
function markdownLinkAt(text: string, i: number, end: number, needles: Needles): { target: string | null; end: number } | null {
	const close = needles.next("](", i + 1, end);
	if (close < 0 || needles.next("[", i + 1, close) >= 0) return null;
	const paren = needles.next(")", close + 2, end);
	if (paren < 0) return null;
	let target = text.slice(close + 2, paren).trim();
	const title = target.search(/\s+"/);
	if (title > 0) target = target.slice(0, title);
	target = target.replace(/^<|>$/g, "");
	if (target === "" || /\s/.test(target) || URL_SCHEME.test(target)) return { target: null, end: paren + 1 };
	try {
		return { target: decodeURI(target), end: paren + 1 };
	} catch {
		return { target, end: paren + 1 };
	}
}

export function noteLinks(text: string): NoteLinks {
	const links: LinkAt[] = [];
	const silent: Span[] = [];
	const state: State = {
		fenceChar: 0,
		fenceLen: 0,
		math: false,
		commentClose: null,
		inOpenTask: false,
		taskColumn: 0,
		afterBlank: false,
		inList: false,
		needles: new Needles(text),
	};
	// The lines of the paragraph being read: a code span may run over its line breaks, so the
	// lines are scanned together once the paragraph ends.
	const paragraph: Span[] = [];
	const flush = () => {
		if (paragraph.length === 0) return;
		const spans = codeSpans(text, paragraph[0].start, paragraph[paragraph.length - 1].end);
		for (const line of paragraph) scanLine(text, line.start, line.end, state, links, spans);
		paragraph.length = 0;
	};
	let pos = scanFrontmatter(text).bodyStart;
	while (pos < text.length) {
		const nl = text.indexOf("\n", pos);
		const next = nl < 0 ? text.length : nl + 1;
		const end = nl < 0 ? text.length : nl > pos && text[nl - 1] === "\r" ? nl - 1 : nl;
		const start = pos;
		pos = next;
		if (state.fenceLen > 0) {
			if (closesFence(text, start, end, state)) state.fenceLen = 0;
			continue;
		}
		if (state.math) {
			if (state.needles.next("$$", start, end) >= 0) state.math = false;
			continue;
		}
		if (state.commentClose !== null) {
			// A comment opened above closes on this line (or not): the line continues what it is part of.
			if (state.inOpenTask) silent.push({ start, end });
			paragraph.push({ start, end });
			continue;
		}
		const at = indentOf(text, start, end);
		if (at === end) {
			flush();
			state.afterBlank = true;
			continue;
		}
		if (state.afterBlank) {
			// CommonMark: after a blank line only text indented to the task's text goes on with it.
			state.afterBlank = false;
			if (columnAt(text, start, at) < state.taskColumn) state.inOpenTask = false;
		}
		const fence = fenceAt(text, start, end, state.needles);
		if (fence || text.startsWith("$$", at)) {
			flush();
			if (fence) {
				state.fenceChar = fence.char;
				state.fenceLen = fence.len;
			} else {
				state.math = state.needles.next("$$", at + 2, end) < 0;
			}
			state.inOpenTask = false;
			continue;
		}
		const item = itemAt(text, at, end);
		const quote = text.charCodeAt(at) === GREATER_THAN;
		// A quote indented under a list item is the item's text; at the margin it is a quote of its own.
		const nested = state.inList && at > start;
		if (item !== null) {
			flush();
			// An open task's text, wrapped or lazily continued on the next lines, is an intention too.
			state.inOpenTask = item === "open";
			state.taskColumn = columnAt(text, start, listItemTextAt(text, at, end));
			state.inList = true;
		} else if (!nested && !continuesItem(text, at, end)) {
			flush();
			state.inOpenTask = false;
			state.inList = false;
		}
		if ((quote && !nested) || state.inOpenTask) silent.push({ start, end });
		paragraph.push({ start, end });
	}
	flush();
	return { links, silent };
}
