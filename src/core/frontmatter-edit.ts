/**
 * Surgical edits of top-level frontmatter keys, line by line. Obsidian's `processFrontMatter`
 * rewrites the whole YAML block (comments, quoting and list style are lost); here only the lines
 * of the key being changed are touched, and every edit is checked by parsing the result again:
 * every other key must read exactly as before and the edited one exactly as intended, else the
 * edit is refused. An odd layout can therefore make an edit fail, never corrupt a note.
 */
import { CR } from "./char-codes";
import { formatDay, parseDateValue, type Day } from "./dates";
import { favorText, findFavor, stripFavorDate } from "./favors";
import { scanFrontmatter } from "./frontmatter-bounds";
import { findKeySpelling, normalizeKey } from "./keys";
import { bomLength, detectEol, type Eol } from "./text-lines";
import { isMapping, sameYamlValue } from "./yaml-values";

export { findKeySpelling, normalizeKey };

/** A YAML parser that throws on invalid YAML (Obsidian's `parseYaml`, js-yaml's `load`). */
export type YamlParse = (source: string) => unknown;

// ---------------------------------------------------------------------------------------------
// Scalars

const RESERVED_PLAIN = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?\.(?:inf|nan))$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/;

/**
 * A string as a YAML scalar: plain when that reads back as the same string in every YAML 1.1 or
 * 1.2 parser, otherwise double-quoted. `flow` adds the characters that end an item in `[a, b]`.
 */
export function yamlString(value: string, flow = false): string {
	if (!needsQuotes(value, flow)) return value;
	// JSON strings are valid YAML double-quoted scalars; YAML also treats these as line breaks.
	return JSON.stringify(value).replace(/[\u0085\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function needsQuotes(value: string, flow: boolean): boolean {
	if (value === "" || value !== value.trim()) return true;
	if ("-?:,[]{}#&*!|>'\"%@`".includes(value[0])) return true;
	if (value.includes(": ") || value.includes(":\t") || value.endsWith(":")) return true;
	if (value.includes(" #") || value.includes("\t#")) return true;
	if (CONTROL.test(value)) return true;
	if (flow && /[,[\]{}]/.test(value)) return true;
	if (RESERVED_PLAIN.test(value)) return true;
	// Numbers, dates and times would come back as something other than this string.
	return /^[-+.]?\d/.test(value);
}

function endOfDoubleQuoted(text: string, start: number): number {
	for (let i = start + 1; i < text.length; i++) {
		const c = text[i];
		if (c === "\\") i++;
		else if (c === '"') return i + 1;
	}
	return -1;
}

function endOfSingleQuoted(text: string, start: number): number {
	for (let i = start + 1; i < text.length; i++) {
		if (text[i] !== "'") continue;
		if (text[i + 1] === "'") i++;
		else return i + 1;
	}
	return -1;
}

function isWs(c: string | undefined): boolean {
	return c === " " || c === "\t";
}

// ---------------------------------------------------------------------------------------------
// Lines, keys and values

interface FmLine {
	text: string;
	eol: string;
}

interface KeyLoc {
	key: string;
	/** Line index of `key: …`. */
	index: number;
	/** Position of the `:` on that line. */
	colon: number;
	/** First line index after the key's value (the next key line, or the end). */
	spanEnd: number;
}

type ValueKind = "empty" | "plain" | "single" | "double" | "flow" | "other";

interface InlineValue {
	kind: ValueKind;
	start: number;
	end: number;
	/** What follows the value on the line: spaces and an optional `# comment`. */
	rest: string;
}

interface FlowSeq {
	open: number;
	close: number;
	items: { start: number; end: number }[];
}

/** `key:` at column 0 (plain, 'single' or "double" quoted key), or null. */
function parseKeyLine(text: string): { key: string; colon: number } | null {
	if (text === "") return null;
	const c = text[0];
	if (" \t#-[]{}?:,|>&*!%@`".includes(c)) return null;
	let key: string;
	let i: number;
	if (c === '"' || c === "'") {
		const end = c === '"' ? endOfDoubleQuoted(text, 0) : endOfSingleQuoted(text, 0);
		if (end < 0) return null;
		const inner = text.slice(1, end - 1);
		if (c === "'") key = inner.replace(/''/g, "'");
		else {
			try {
				key = JSON.parse(`"${inner}"`) as string;
			} catch {
				return null;
			}
		}
		i = end;
		while (isWs(text[i])) i++;
		if (text[i] !== ":") return null;
	} else {
		i = -1;
		for (let j = 0; j < text.length; j++) {
			const ch = text[j];
			if (ch === "#" && isWs(text[j - 1])) return null;
			if (ch === ":" && (j + 1 === text.length || isWs(text[j + 1]))) {
				i = j;
				break;
			}
		}
		if (i < 0) return null;
		key = text.slice(0, i).trimEnd();
	}
	if (i + 1 < text.length && !isWs(text[i + 1])) return null;
	return { key, colon: i };
}

/** A one-line flow sequence `[a, "b", c]` starting at `open`, or null. */
function parseFlowSeq(text: string, open: number): FlowSeq | null {
	const items: { start: number; end: number }[] = [];
	let p = open + 1;
	for (;;) {
		while (isWs(text[p])) p++;
		if (p >= text.length) return null;
		if (text[p] === "]") return { open, close: p, items };
		const start = p;
		if (text[p] === '"' || text[p] === "'") {
			p = text[p] === '"' ? endOfDoubleQuoted(text, p) : endOfSingleQuoted(text, p);
			if (p < 0) return null;
		} else {
			let depth = 0;
			for (; p < text.length; p++) {
				const ch = text[p];
				if (ch === "[" || ch === "{") depth++;
				else if (ch === "]" || ch === "}") {
					if (depth === 0) break;
					depth--;
				} else if (ch === "," && depth === 0) break;
				else if (ch === "#" && isWs(text[p - 1])) return null;
			}
		}
		let end = p;
		while (end > start && isWs(text[end - 1])) end--;
		items.push({ start, end });
		while (isWs(text[p])) p++;
		if (text[p] === ",") p++;
		else if (text[p] !== "]") return null;
	}
}

/** The value written on a key's own line, from just after the colon. */
function parseInlineValue(text: string, from: number): InlineValue {
	let s = from;
	while (isWs(text[s])) s++;
	if (s >= text.length || text[s] === "#") return { kind: "empty", start: s, end: s, rest: text.slice(from) };
	const c = text[s];
	let kind: ValueKind;
	let e: number;
	if (c === '"') {
		kind = "double";
		e = endOfDoubleQuoted(text, s);
	} else if (c === "'") {
		kind = "single";
		e = endOfSingleQuoted(text, s);
	} else if (c === "[") {
		kind = "flow";
		const flow = parseFlowSeq(text, s);
		e = flow ? flow.close + 1 : -1;
	} else if ("{|>&*!".includes(c)) {
		return { kind: "other", start: s, end: text.length, rest: "" };
	} else {
		kind = "plain";
		e = s;
		while (e < text.length && !(text[e] === "#" && isWs(text[e - 1]))) e++;
		while (e > s && isWs(text[e - 1])) e--;
	}
	if (e < 0) return { kind: "other", start: s, end: text.length, rest: "" };
	const rest = text.slice(e);
	const r = rest.trimStart();
	if (r !== "" && !(r.startsWith("#") && rest !== r)) return { kind: "other", start: s, end: text.length, rest: "" };
	return { kind, start: s, end: e, rest };
}

function isBlankValue(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

// ---------------------------------------------------------------------------------------------
// The editor

export type Opened = { ok: true; doc: FrontmatterDoc } | { ok: false; error: string };
export type Splice = { ok: true; from: number; to: number; text: string } | { ok: false; error: string };
export type Removed = { ok: true; removed: string } | { ok: false; error: string };

function firstLine(message: string): string {
	const line = message.split(/\r?\n/)[0].trim();
	return line || "unknown error";
}

function describeShape(value: unknown): string {
	if (Array.isArray(value)) return "a list";
	if (value instanceof Date) return "a date";
	return `a single value (${typeof value})`;
}

/**
 * An unclosed block whose next line is a property (`key:`) is a frontmatter someone forgot to
 * close: refused, and reported. Anything else after a first `---` line (a horizontal rule at the
 * top of a note) is text to Obsidian, so the note has no frontmatter and one can be added.
 */
const FORGOT_TO_CLOSE = /^\uFEFF?---[ \t]*\r?\n[ \t]*[^\s#:][^:\r\n]*:/;

/**
 * A note's frontmatter opened for surgical edits. Edits apply in order to a copy of the YAML
 * lines; `finish` checks the result by parsing it and returns the splice to apply to the note.
 */
export class FrontmatterDoc {
	private readonly checks = new Map<string, (value: unknown) => boolean>();
	private readonly current = new Map<string, unknown>();
	private readonly removed = new Set<string>();
	private changed = false;

	private constructor(
		private readonly parseYaml: YamlParse,
		/** The parsed mapping before any edit ({} when there is no frontmatter). */
		readonly data: Readonly<Record<string, unknown>>,
		private readonly lines: FmLine[],
		private readonly eol: Eol,
		/** Where the YAML source sits in the note, or where a new block goes (`exists` false). */
		private readonly from: number,
		private readonly to: number,
		private readonly exists: boolean,
		/** Where the note's body starts. */
		readonly bodyStart: number,
	) {}

	static open(text: string, parseYaml: YamlParse): Opened {
		const scan = scanFrontmatter(text);
		const eol = detectEol(text);
		if (scan.kind === "unclosed" && FORGOT_TO_CLOSE.test(text)) return { ok: false, error: scan.error };
		if (scan.kind !== "block") {
			const at = bomLength(text);
			return { ok: true, doc: new FrontmatterDoc(parseYaml, {}, [], eol, at, at, false, scan.bodyStart) };
		}
		const { yamlStart, yamlEnd } = scan.block;
		const source = text.slice(yamlStart, yamlEnd);
		let parsed: unknown;
		try {
			parsed = parseOrEmpty(parseYaml, source);
		} catch (e) {
			return { ok: false, error: `the frontmatter is not valid YAML: ${firstLine(e instanceof Error ? e.message : String(e))}` };
		}
		if (!isMapping(parsed)) {
			return { ok: false, error: `the frontmatter is ${describeShape(parsed)}, not a set of properties` };
		}
		return { ok: true, doc: new FrontmatterDoc(parseYaml, parsed, splitLines(source), eol, yamlStart, yamlEnd, true, scan.bodyStart) };
	}

	/** The key spelling used in the note for `configured`, and its current value. */
	lookup(configured: string): { key: string; value: unknown } | undefined {
		const found = this.locate(configured);
		return found.ok && found.loc ? { key: found.loc.key, value: this.valueOf(found.loc.key) } : undefined;
	}

	/**
	 * Sets a date key. `max` keeps a later existing date (logging an old interaction never moves
	 * last contact back). A value that is not a date is an error, never overwritten.
	 */
	setDate(configured: string, day: Day, mode: "max" | "set"): string | null {
		const found = this.locate(configured);
		if (!found.ok) return found.error;
		const date = formatDay(day);
		const isDay = (v: unknown) => {
			const p = parseDateValue(v);
			return p.ok && p.day === day;
		};
		if (!found.loc) {
			this.appendKey(configured, [`${yamlString(configured)}: ${date}`], date, isDay);
			return null;
		}
		const loc = found.loc;
		const value = this.valueOf(loc.key);
		if (!isBlankValue(value)) {
			const parsed = parseDateValue(value);
			if (!parsed.ok) return `${loc.key} ${parsed.error}; fix it in the note first`;
			if (parsed.day === day || (mode === "max" && parsed.day > day)) return null;
		}
		const line = this.lines[loc.index].text;
		const v = parseInlineValue(line, loc.colon + 1);
		const content = this.contentLines(loc);
		if (content.length === 0 && (v.kind === "plain" || v.kind === "single" || v.kind === "double")) {
			const quoted = v.kind === "single" ? `'${date}'` : v.kind === "double" ? `"${date}"` : date;
			this.lines[loc.index].text = line.slice(0, v.start) + quoted + line.slice(v.end);
		} else {
			// Empty, or an unusual shape (a value on the next line, a tag): write it on the key's line.
			this.lines[loc.index].text = `${line.slice(0, loc.colon + 1)} ${date}${v.kind === "other" ? "" : commentOf(v)}`;
			if (content.length > 0) this.lines.splice(loc.index + 1, content[content.length - 1] - loc.index);
		}
		this.record(loc.key, date, isDay);
		return null;
	}

	/**
	 * Sets a key to a text (triage's `cadence: close`, `cadence: never`), keeping the quoting
	 * style of a plain or quoted value written on the key's line; any other value is replaced on
	 * the key's line. The result must read back as exactly this text.
	 */
	setText(configured: string, value: string): string | null {
		const found = this.locate(configured);
		if (!found.ok) return found.error;
		const same = (v: unknown) => v === value;
		const plain = yamlString(value);
		if (!found.loc) {
			this.appendKey(configured, [`${yamlString(configured)}: ${plain}`], value, same);
			return null;
		}
		const loc = found.loc;
		if (this.valueOf(loc.key) === value) return null;
		const line = this.lines[loc.index].text;
		const v = parseInlineValue(line, loc.colon + 1);
		const content = this.contentLines(loc);
		if (content.length === 0 && (v.kind === "single" || v.kind === "double")) {
			const quoted = v.kind === "single" ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
			this.lines[loc.index].text = line.slice(0, v.start) + quoted + line.slice(v.end);
		} else if (content.length === 0 && v.kind === "plain") {
			this.lines[loc.index].text = line.slice(0, v.start) + plain + line.slice(v.end);
		} else {
			this.lines[loc.index].text = `${line.slice(0, loc.colon + 1)} ${plain}${v.kind === "other" ? "" : commentOf(v)}`;
			if (content.length > 0) this.lines.splice(loc.index + 1, content[content.length - 1] - loc.index);
		}
		this.record(loc.key, value, same);
		return null;
	}

	/** Appends a string to a list key (block or flow style, as written), creating it if needed. */
	addToList(configured: string, item: string): string | null {
		const found = this.locate(configured);
		if (!found.ok) return found.error;
		if (!found.loc) {
			const list = [item];
			this.appendKey(configured, [`${yamlString(configured)}:`, `${this.listIndent()}- ${yamlString(item)}`], list, (v) =>
				sameYamlValue(v, list),
			);
			return null;
		}
		const loc = found.loc;
		const value = this.valueOf(loc.key);
		const line = this.lines[loc.index].text;
		const v = parseInlineValue(line, loc.colon + 1);
		const content = this.contentLines(loc);
		const cannot = `${loc.key} is written in a way this plugin cannot edit safely; add the favor by hand`;
		let next: unknown[];
		if (Array.isArray(value)) {
			const list: readonly unknown[] = value;
			next = [...list, item];
			if (v.kind === "flow" && content.length === 0) {
				const flow = parseFlowSeq(line, v.start);
				if (!flow || flow.items.length !== value.length) return cannot;
				const q = yamlString(item, true);
				const last = flow.items[flow.items.length - 1];
				this.lines[loc.index].text = last
					? `${line.slice(0, last.end)}, ${q}${line.slice(last.end)}`
					: `${line.slice(0, flow.open)}[${q}]${line.slice(flow.close + 1)}`;
			} else if (v.kind === "empty") {
				const block = this.blockItems(loc);
				if (!block || block.items.length !== value.length || block.items.length === 0) return cannot;
				const at = block.items[block.items.length - 1].last + 1;
				this.lines.splice(at, 0, { text: `${block.indent}${block.dash}${yamlString(item)}`, eol: this.eol });
			} else {
				return cannot;
			}
		} else if (isBlankValue(value) || typeof value === "string" || typeof value === "number") {
			if (content.length > 0 || !(v.kind === "empty" || v.kind === "plain" || v.kind === "single" || v.kind === "double"))
				return cannot;
			const indent = this.listIndent();
			const items: FmLine[] = [];
			if (isBlankValue(value)) {
				next = [item];
			} else {
				// A single favor written as a plain value becomes the list's first item, as written.
				next = [value, item];
				items.push({ text: `${indent}- ${line.slice(v.start, v.end)}`, eol: this.eol });
			}
			items.push({ text: `${indent}- ${yamlString(item)}`, eol: this.eol });
			this.lines[loc.index].text = `${line.slice(0, loc.colon + 1)}${commentOf(v)}`;
			this.lines.splice(loc.index + 1, 0, ...items);
		} else {
			return `${loc.key} is not a list, so a favor cannot be added to it`;
		}
		this.record(loc.key, next, (x) => sameYamlValue(x, next));
		return null;
	}

	/**
	 * Removes the list item matching `target` (exact after quotes, ignoring a `YYYY-MM-DD: `
	 * prefix; then ignoring case). Returns the removed favor's text without its date.
	 */
	removeFromList(configured: string, target: string): Removed {
		const found = this.locate(configured);
		if (!found.ok) return found;
		const want = stripFavorDate(target);
		const notIn = (key: string): Removed => ({ ok: false, error: `"${want}" is not in ${key}` });
		if (!found.loc) return notIn(configured);
		const loc = found.loc;
		const value = this.valueOf(loc.key);
		const line = this.lines[loc.index].text;
		const v = parseInlineValue(line, loc.colon + 1);
		const content = this.contentLines(loc);
		const cannot: Removed = {
			ok: false,
			error: `${loc.key} is written in a way this plugin cannot edit safely; remove the favor by hand`,
		};
		let next: unknown;
		let removed: string;
		if (Array.isArray(value)) {
			const index = findFavor(value, target);
			if (index < 0) return notIn(loc.key);
			removed = favorText(value[index]) ?? want;
			if (v.kind === "flow" && content.length === 0) {
				const flow = parseFlowSeq(line, v.start);
				if (!flow || flow.items.length !== value.length) return cannot;
				const items = flow.items;
				const [from, to] =
					index + 1 < items.length
						? [items[index].start, items[index + 1].start]
						: index > 0
							? [items[index - 1].end, items[index].end]
							: [items[index].start, items[index].end];
				this.lines[loc.index].text = line.slice(0, from) + line.slice(to);
				next = value.filter((_, i) => i !== index);
			} else if (v.kind === "empty") {
				const block = this.blockItems(loc);
				if (!block || block.items.length !== value.length) return cannot;
				const item = block.items[index];
				this.lines.splice(item.first, item.last - item.first + 1);
				// An emptied block list leaves `key:` behind, which YAML reads as null.
				next = value.length === 1 ? null : value.filter((_, i) => i !== index);
			} else {
				return cannot;
			}
		} else if (typeof value === "string" || typeof value === "number") {
			if (findFavor([value], target) < 0) return notIn(loc.key);
			if (content.length > 0 || !(v.kind === "plain" || v.kind === "single" || v.kind === "double")) return cannot;
			removed = favorText(value) ?? want;
			this.lines[loc.index].text = `${line.slice(0, loc.colon + 1)}${commentOf(v)}`;
			next = null;
		} else {
			return notIn(loc.key);
		}
		this.record(loc.key, next, (x) => sameYamlValue(x ?? null, next));
		return { ok: true, removed };
	}

	/**
	 * Gives `configured` a value only when it has none (absent, blank, `""` or `[]`): what the
	 * user wrote is never overwritten. A text, a list (block style, as `addToList` writes one)
	 * or, with `date`, a `YYYY-MM-DD` written plain as dates are. Returns whether it was filled.
	 */
	fillEmpty(
		configured: string,
		value: string | readonly string[],
		date = false,
	): { ok: true; filled: boolean } | { ok: false; error: string } {
		const found = this.locate(configured);
		if (!found.ok) return found;
		const list = typeof value === "string" ? null : [...value];
		const scalar = typeof value === "string" ? (date && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : yamlString(value)) : "";
		const check = (v: unknown) =>
			list !== null
				? sameYamlValue(v, list)
				: v instanceof Date
					? date && !Number.isNaN(v.getTime()) && v.toISOString().slice(0, 10) === value
					: v === value;
		const items = (list ?? []).map((item) => ({ text: `${this.listIndent()}- ${yamlString(item)}`, eol: this.eol }));
		if (!found.loc) {
			const key = yamlString(configured);
			this.appendKey(
				configured,
				list === null ? [`${key}: ${scalar}`] : [`${key}:`, ...items.map((i) => i.text)],
				list ?? value,
				check,
			);
			return { ok: true, filled: true };
		}
		const loc = found.loc;
		const current = this.valueOf(loc.key);
		if (!(isBlankValue(current) || (Array.isArray(current) && current.length === 0))) return { ok: true, filled: false };
		const line = this.lines[loc.index].text;
		const v = parseInlineValue(line, loc.colon + 1);
		if (this.contentLines(loc).length > 0 || v.kind === "other") {
			return { ok: false, error: `${loc.key} is written in a way this plugin cannot edit safely` };
		}
		const head = line.slice(0, loc.colon + 1);
		this.lines[loc.index].text = list === null ? `${head} ${scalar}${commentOf(v)}` : `${head}${commentOf(v)}`;
		if (list !== null) this.lines.splice(loc.index + 1, 0, ...items);
		this.record(loc.key, list ?? value, check);
		return { ok: true, filled: true };
	}

	/** Removes a key and its value lines (for un-snoozing); nothing happens when it is absent. */
	removeKey(configured: string): string | null {
		const found = this.locate(configured);
		if (!found.ok) return found.error;
		if (!found.loc) return null;
		const loc = found.loc;
		const content = this.contentLines(loc);
		const last = content.length > 0 ? content[content.length - 1] : loc.index;
		this.lines.splice(loc.index, last - loc.index + 1);
		this.removed.add(loc.key);
		this.current.delete(loc.key);
		this.checks.delete(loc.key);
		this.changed = true;
		return null;
	}

	/**
	 * The edit as a splice of the original note: [from, to) replaced by `text`. The new YAML is
	 * parsed again; anything but the intended change is refused.
	 */
	finish(): Splice {
		if (!this.changed) return { ok: true, from: this.from, to: this.from, text: "" };
		const yaml = this.lines.map((l) => l.text + l.eol).join("");
		const refused: Splice = {
			ok: false,
			error: "the frontmatter is laid out in a way this plugin cannot edit safely, so nothing was written",
		};
		let parsed: unknown;
		try {
			parsed = parseOrEmpty(this.parseYaml, yaml);
		} catch {
			return refused;
		}
		if (!isMapping(parsed) || !this.verify(parsed)) return refused;
		if (this.exists) return { ok: true, from: this.from, to: this.to, text: yaml };
		return { ok: true, from: this.from, to: this.from, text: `---${this.eol}${yaml}---${this.eol}` };
	}

	private verify(after: Record<string, unknown>): boolean {
		for (const key of Object.keys(this.data)) {
			if (this.removed.has(key)) {
				if (Object.prototype.hasOwnProperty.call(after, key)) return false;
				continue;
			}
			const check = this.checks.get(key);
			if (check ? !check(after[key]) : !sameYamlValue(this.data[key], after[key])) return false;
		}
		for (const key of Object.keys(after)) {
			if (Object.prototype.hasOwnProperty.call(this.data, key)) continue;
			const check = this.checks.get(key);
			if (!check || !check(after[key])) return false;
		}
		return true;
	}

	private record(key: string, value: unknown, check: (value: unknown) => boolean): void {
		this.current.set(key, value);
		this.checks.set(key, check);
		this.changed = true;
	}

	private appendKey(configured: string, text: string[], value: unknown, check: (value: unknown) => boolean): void {
		for (const t of text) this.lines.push({ text: t, eol: this.eol });
		this.record(configured, value, check);
	}

	private valueOf(key: string): unknown {
		return this.current.has(key) ? this.current.get(key) : this.data[key];
	}

	private scanKeys(): KeyLoc[] {
		const locs: KeyLoc[] = [];
		this.lines.forEach((line, index) => {
			const k = parseKeyLine(line.text);
			if (!k) return;
			const prev = locs[locs.length - 1];
			if (prev) prev.spanEnd = index;
			locs.push({ key: k.key, index, colon: k.colon, spanEnd: this.lines.length });
		});
		return locs;
	}

	/** Where `configured` is written, tolerating spelling variants; an error when unsure. */
	private locate(configured: string): { ok: true; loc: KeyLoc | null } | { ok: false; error: string } {
		const locs = this.scanKeys();
		const spelling = findKeySpelling(
			locs.map((l) => l.key),
			configured,
		);
		const known = Object.keys(this.data)
			.concat(Array.from(this.current.keys()))
			.filter((k) => !this.removed.has(k));
		if (spelling === undefined) {
			const inData = findKeySpelling(known, configured);
			if (inData !== undefined) return { ok: false, error: `${inData} is written in a way this plugin cannot edit safely` };
			return { ok: true, loc: null };
		}
		if (!known.includes(spelling)) return { ok: false, error: `${spelling} is written in a way this plugin cannot edit safely` };
		return { ok: true, loc: locs.find((l) => l.key === spelling) ?? null };
	}

	/** Lines of the key's value below its own line that hold something (not blank, not comments). */
	private contentLines(loc: KeyLoc): number[] {
		const out: number[] = [];
		for (let i = loc.index + 1; i < loc.spanEnd; i++) {
			const t = this.lines[i].text.trim();
			if (t !== "" && !t.startsWith("#")) out.push(i);
		}
		return out;
	}

	/** A block sequence under the key: each item's first and last line, its indent and dash. */
	private blockItems(loc: KeyLoc): { indent: string; dash: string; items: { first: number; last: number }[] } | null {
		const content = this.contentLines(loc);
		if (content.length === 0) return { indent: "", dash: "- ", items: [] };
		const head = this.lines[content[0]].text;
		const indent = leadingSpaces(head);
		if (!isItemAt(head, indent)) return null;
		let d = indent + 1;
		while (isWs(head[d])) d++;
		const dash = d === head.length ? "- " : head.slice(indent, d);
		const items: { first: number; last: number }[] = [];
		for (const i of content) {
			const t = this.lines[i].text;
			const n = leadingSpaces(t);
			if (n === indent && isItemAt(t, n)) items.push({ first: i, last: i });
			else if (n > indent && items.length > 0) items[items.length - 1].last = i;
			else return null;
		}
		return { indent: head.slice(0, indent), dash, items };
	}

	/** Indentation of list items for a new list: as in the note's other lists, else two spaces. */
	private listIndent(): string {
		for (const loc of this.scanKeys()) {
			const content = this.contentLines(loc);
			if (content.length === 0) continue;
			const t = this.lines[content[0]].text;
			const n = leadingSpaces(t);
			if (isItemAt(t, n)) return t.slice(0, n);
		}
		return "  ";
	}
}

/** A frontmatter of nothing but blank lines and comments: no properties, to Obsidian and to us. */
export function isBlankOrComments(source: string): boolean {
	return source.split("\n").every((line) => {
		const t = line.trim();
		return t === "" || t.startsWith("#");
	});
}

/**
 * Parses YAML, reading a block with nothing but blank lines and comments as no properties without
 * asking the parser (Obsidian's returns null there, js-yaml 5 throws).
 */
function parseOrEmpty(parseYaml: YamlParse, source: string): unknown {
	const parsed = isBlankOrComments(source) ? null : parseYaml(source);
	return parsed === null || parsed === undefined ? {} : parsed;
}

function leadingSpaces(text: string): number {
	let n = 0;
	while (text[n] === " ") n++;
	return n;
}

function isItemAt(text: string, at: number): boolean {
	return text[at] === "-" && (at + 1 === text.length || isWs(text[at + 1]));
}

/** The trailing `  # comment` of a value, kept as written; blank when there is none. */
function commentOf(v: InlineValue): string {
	return v.rest.trim() === "" ? "" : v.rest;
}

function splitLines(source: string): FmLine[] {
	const lines: FmLine[] = [];
	let start = 0;
	while (start < source.length) {
		const nl = source.indexOf("\n", start);
		if (nl < 0) {
			lines.push({ text: source.slice(start), eol: "" });
			break;
		}
		const cr = nl > start && source.charCodeAt(nl - 1) === CR;
		lines.push({ text: source.slice(start, cr ? nl - 1 : nl), eol: cr ? "\r\n" : "\n" });
		start = nl + 1;
	}
	return lines;
}

/**
 * Why a note's frontmatter cannot be read (not closed, invalid YAML, not a mapping), or null:
 * exactly the notes the writer refuses for their frontmatter (see FORGOT_TO_CLOSE).
 */
export function frontmatterError(text: string, parseYaml: YamlParse): string | null {
	const opened = FrontmatterDoc.open(text, parseYaml);
	return opened.ok ? null : opened.error;
}
