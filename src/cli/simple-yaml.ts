/**
 * A fast path for the frontmatter most person notes have: top-level `key: value` lines with
 * plain or quoted scalars, flow lists of plain words, and block lists. It returns `undefined`
 * for anything else (nested maps, anchors, multi-line strings, escapes, tricky characters) and
 * the caller falls back to js-yaml. For what it accepts it gives exactly js-yaml's CORE-schema
 * result (a property test pins that); it exists because js-yaml costs ~0.2 ms per note cold,
 * most of the CLI's budget on a large vault.
 */

const KEY_RE = /^[A-Za-z_][A-Za-z0-9_ -]*$/;
/** Characters `.` does not match: a value holding one is left to js-yaml. */
const LINE_BREAK_RE = /[\n\r\u2028\u2029]/;
const ITEM_RE = /^(\s+)-(?:\s+(.*))?$/;
const INT_RE = /^[-+]?(?:0|[1-9][0-9]*)$/;
const FLOAT_RE = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9]+$/;
/** Plain scalars we can read safely: no YAML indicator first, no `: `, ` #`, tabs or flow characters. */
const SAFE_PLAIN_RE = /^[A-Za-z0-9_.(/+][^:#\t[\]{},"'`]*$/;
const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const TRUES = new Set(["true", "True", "TRUE"]);
const FALSES = new Set(["false", "False", "FALSE"]);

type Scalar = string | number | boolean | null;

/** One scalar as CORE schema reads it, or undefined when unsure. */
function scalar(raw: string): Scalar | undefined {
	const text = raw.trim();
	if (NULLS.has(text)) return null;
	if (TRUES.has(text)) return true;
	if (FALSES.has(text)) return false;
	if (text.startsWith("'")) {
		if (text.length < 2 || !text.endsWith("'")) return undefined;
		const inner = text.slice(1, -1);
		// A lone quote inside would end the string early; '' is an escaped quote.
		if (inner.replace(/''/g, "").includes("'")) return undefined;
		return inner.replace(/''/g, "'");
	}
	if (text.startsWith('"')) {
		if (text.length < 2 || !text.endsWith('"')) return undefined;
		const inner = text.slice(1, -1);
		if (inner.includes("\\") || inner.includes('"')) return undefined;
		return inner;
	}
	if (INT_RE.test(text)) {
		const n = Number(text);
		return Number.isSafeInteger(n) ? n : undefined;
	}
	if (FLOAT_RE.test(text)) return text.includes("_") ? undefined : Number(text);
	// Other number-like words (1e3, 007, 1_000) have YAML rules of their own: leave them to js-yaml.
	if (/^[-+]?[0-9._]+(?:[eE][-+]?[0-9]+)?$/.test(text)) return undefined;
	// Trailing spaces and "key words" like `.inf` or `0x1F` are left to js-yaml.
	if (!SAFE_PLAIN_RE.test(text) || /\s$/.test(raw) || text.startsWith(".") || /^[-+]?0[xXoObB]/.test(text)) return undefined;
	return text;
}

function flowList(text: string): Scalar[] | undefined {
	const inner = text.slice(1, -1).trim();
	if (inner === "") return [];
	const out: Scalar[] = [];
	for (const part of inner.split(",")) {
		if (part.trim() === "") return undefined;
		const value = scalar(part);
		if (value === undefined) return undefined;
		out.push(value);
	}
	return out;
}

/** Strips a ` # comment` from a line only when no quote could be hiding it. */
function withoutComment(line: string): string | undefined {
	const hash = line.indexOf(" #");
	if (hash < 0) return line.startsWith("#") ? "" : line;
	if (/["']/.test(line.slice(0, hash))) return undefined;
	return line.slice(0, hash);
}

function hasControlCharacter(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
	}
	return false;
}

/**
 * `key: value` (or `key:`): the key before the first colon, then nothing or whitespace and the
 * value. Split at the colon rather than by one regular expression, which took quadratic time on
 * a long line without a colon (`a`, 100,000 spaces, `x`: seconds).
 */
function keyLine(line: string): { key: string; value: string } | null {
	const colon = line.indexOf(":");
	if (colon < 0) return null;
	const key = line.slice(0, colon).trimEnd();
	if (!KEY_RE.test(key)) return null;
	const after = line.slice(colon + 1);
	if (after === "") return { key, value: "" };
	const value = after.trimStart();
	if (value.length === after.length || LINE_BREAK_RE.test(value)) return null;
	return { key, value };
}

/** Past this length the fast path is no faster than js-yaml, and a megabyte of lines only costs memory. */
const MAX_SOURCE = 64 * 1024;

export function parseSimpleYaml(source: string): Record<string, unknown> | undefined {
	const data: Record<string, unknown> = {};
	/** Keys with an empty value: null, unless block list items follow. */
	const lists: [string, Scalar[]][] = [];
	let list: Scalar[] | null = null;
	/** A block list's items must all be indented alike, or YAML reads them differently. */
	let listIndent = -1;
	// A fast path for the few lines most notes have: a long block goes to js-yaml.
	if (source.length > MAX_SOURCE) return undefined;
	// Control characters (NUL and friends) are errors or special to YAML: never guess.
	if (hasControlCharacter(source)) return undefined;
	for (const rawLine of source.split(/\r?\n/)) {
		const line = withoutComment(rawLine.trimEnd());
		if (line === undefined) return undefined;
		if (line.trim() === "") continue;
		if (line.includes("\t")) return undefined;
		const item = ITEM_RE.exec(line);
		if (item) {
			if (list === null) return undefined;
			if (listIndent === -1) listIndent = item[1].length;
			else if (item[1].length !== listIndent) return undefined;
			const value = scalar(item[2] ?? "");
			if (value === undefined) return undefined;
			list.push(value);
			continue;
		}
		if (/^\s/.test(line)) return undefined;
		const entry = keyLine(line);
		if (!entry) return undefined;
		const key = entry.key;
		if (Object.prototype.hasOwnProperty.call(data, key) || key === "__proto__") return undefined;
		const rest = entry.value.trim();
		list = null;
		listIndent = -1;
		if (rest === "") {
			list = [];
			lists.push([key, list]);
			data[key] = null;
			continue;
		}
		if (rest.startsWith("[")) {
			if (!rest.endsWith("]")) return undefined;
			const value = flowList(rest);
			if (value === undefined) return undefined;
			data[key] = value;
			continue;
		}
		const value = scalar(rest);
		if (value === undefined) return undefined;
		data[key] = value;
	}
	for (const [key, items] of lists) if (items.length > 0) data[key] = items;
	return data;
}
