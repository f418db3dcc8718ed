/**
 * Query text → `Query`. Line by line, keyword by keyword, with no `eval` and no user-supplied
 * regular expressions: a query can only ever select from the fixed set of instructions the fields
 * (`fields/`) and this file define.
 * Every mistake is collected (not just the first) and names its line and what was expected.
 */
import { truncate } from "../dates";
import { keyword } from "./argument-text";
import type { Field, FilterData, FilterInstruction, Problem } from "./fields/field";
import { COLUMNS, FIELDS, GROUP_FIELDS, SORT_FIELDS } from "./fields/registry";
import { suggestHead } from "./suggest";
import type { Column, Filter, GroupField, ParseOptions, Query, QueryError, QueryParse, SortField, SortKey } from "./types";

type Item =
	| { type: "filter"; filter: Filter }
	| { type: "sort"; key: SortKey }
	| { type: "group"; field: GroupField }
	| { type: "limit"; n: number }
	| { type: "columns"; columns: Column[] }
	| { type: "explain" };

type Handled = Item | Problem;

interface Instruction extends Omit<FilterInstruction<FilterData>, "parse"> {
	/** Not a filter, so never after `not`. */
	presentation?: true;
	parse(arg: string, tiers: Record<string, string>): Handled;
}

const SORT_MESSAGE = `can sort by ${SORT_FIELDS.join(", ")}`;
const GROUP_MESSAGE = `can group by ${GROUP_FIELDS.join(", ")}`;
const LIMIT_MESSAGE = "limit needs a whole number from 1";
const COLUMNS_MESSAGE = `columns are ${COLUMNS.join(", ")}`;
const NOT_AN_INSTRUCTION = "not an instruction; try overdue, tag #x, sort by urgency, limit 10 …";

const filter = (f: Filter): Item => ({ type: "filter", filter: f });

/** A field's filter instruction as one of ours: its filter data becomes a filter item. */
function fromField(instruction: FilterInstruction<FilterData>): Instruction {
	return {
		...instruction,
		parse(arg, tiers) {
			const parsed = instruction.parse(arg, tiers);
			// `Filter` is built from the same registry, so a field's filter data is one of its members.
			return "error" in parsed ? parsed : filter(parsed as Filter);
		},
	};
}

/** The words `columns` (and `sort by`) take for a field: its name, then its aliases. */
function wordsFor(field: Field, more: readonly string[] = []): [string, string][] {
	return [field.name, ...(field.aliases ?? []), ...more].map((word) => [word, field.name]);
}

const COLUMN_WORDS = new Map(FIELDS.flatMap((f) => wordsFor(f)));
const SORT_WORDS = new Map(FIELDS.flatMap((f) => (f.sort ? wordsFor(f, f.sort.aliases) : [])));

function parseSort(arg: string): Handled {
	let words = keyword(arg);
	const reverse = / reverse$/.test(words);
	if (reverse) words = words.slice(0, -" reverse".length);
	const by = SORT_WORDS.get(words) as SortField | undefined;
	if (by) return { type: "sort", key: { by, reverse } };
	// "sort by name desc" (Dataview's word): the field is right, only the direction word is not ours.
	const field = SORT_FIELDS.find((f) => words.startsWith(`${f} `));
	return field ? { error: `sort by ${field} takes only reverse after it, e.g. sort by ${field} reverse` } : { error: SORT_MESSAGE };
}

function parseGroup(arg: string): Handled {
	const word = keyword(arg);
	const field = GROUP_FIELDS.find((f) => f === word || `${f}s` === word);
	return field ? { type: "group", field } : { error: GROUP_MESSAGE };
}

function parseLimit(arg: string): Handled {
	const n = /^\d+$/.test(arg) ? Number(arg) : NaN;
	return Number.isSafeInteger(n) && n >= 1 ? { type: "limit", n } : { error: LIMIT_MESSAGE };
}

function parseColumns(arg: string): Handled {
	const columns: Column[] = [];
	for (const piece of arg.split(",")) {
		const word = keyword(piece);
		if (word === "") continue; // a stray or trailing comma
		const column = COLUMN_WORDS.get(word) as Column | undefined;
		if (!column) return { error: `'${truncate(piece.trim(), 40)}' is not a column; ${COLUMNS_MESSAGE}` };
		if (!columns.includes(column)) columns.push(column);
	}
	return columns.length > 0 ? { type: "columns", columns } : { error: `columns needs a list; ${COLUMNS_MESSAGE}` };
}

/** The fields' filters (in registry order: a "did you mean" tie goes to the earlier head), then the rest. */
const INSTRUCTIONS: readonly Instruction[] = [
	...FIELDS.flatMap((f) => f.filters ?? []).flatMap((d) => d.instructions.map(fromField)),
	// `order by` (SQL's words) would otherwise be "corrected" to `folder by …`.
	{ heads: ["sort by", "order by"], usage: "sort by urgency", missing: SORT_MESSAGE, parse: parseSort, presentation: true },
	{ heads: ["group by"], usage: "group by status", missing: GROUP_MESSAGE, parse: parseGroup, presentation: true },
	{ heads: ["limit to", "limit"], usage: "limit 10", missing: LIMIT_MESSAGE, parse: parseLimit, presentation: true },
	{
		heads: ["columns", "column"],
		usage: "columns name, due",
		missing: `columns needs a list; ${COLUMNS_MESSAGE}`,
		parse: parseColumns,
		presentation: true,
	},
	{ heads: ["explain"], usage: "explain", parse: () => ({ type: "explain" }), presentation: true },
];

/** The longest head that fits wins, so "due within 2 weeks" is never read as `due` plus text. */
const HEADS = INSTRUCTIONS.flatMap((i) => i.heads.map((head) => ({ words: head.split(" "), instruction: i }))).sort(
	(a, b) => b.words.length - a.words.length,
);
const ALL_HEADS = [...INSTRUCTIONS.flatMap((i) => i.heads), "not"];

/** The words of a line and where each starts, so an argument keeps its original spacing. */
interface Words {
	lower: string[];
	/** Everything after the first `taken` words, as written. */
	rest(taken: number): string;
}

function splitWords(line: string): Words {
	const starts: number[] = [];
	const lower: string[] = [];
	for (const m of line.matchAll(/\S+/g)) {
		starts.push(m.index);
		lower.push(m[0].toLowerCase());
	}
	return { lower, rest: (taken) => (taken < starts.length ? line.slice(starts[taken]).trim() : "") };
}

function findHead(words: Words, from: number): { instruction: Instruction; taken: number } | null {
	for (const { words: head, instruction } of HEADS) {
		if (words.lower.length - from < head.length) continue;
		if (head.every((w, i) => words.lower[from + i] === w)) return { instruction, taken: from + head.length };
	}
	return null;
}

/** Whether a line is a valid instruction, without any of the error-message machinery. */
function isValid(line: string, tiers: Record<string, string>): boolean {
	const words = splitWords(line);
	let from = 0;
	while (from < words.lower.length && words.lower[from] === "not") from++;
	const match = findHead(words, from);
	if (!match) return false;
	const arg = words.rest(match.taken);
	if ((match.instruction.missing !== undefined) !== (arg !== "")) return false;
	const handled = match.instruction.parse(arg, tiers);
	return !("error" in handled) && (from === 0 || handled.type === "filter");
}

/**
 * "did you mean sort by urgency?" The corrected line must itself be valid, except that a bare
 * keyword needing an argument ("tga" → "tag") may be suggested when `bareOk`.
 */
function didYouMean(words: Words, from: number, tiers: Record<string, string>, bareOk: boolean): { message: string; head: string } | null {
	const tail = words.lower.slice(from);
	const suggestion = suggestHead(tail, (taken) => words.rest(from + taken), ALL_HEADS);
	if (!suggestion) return null;
	// After `not` only a filter makes sense: "not limi" is no "not limit".
	if (from > 0 && INSTRUCTIONS.some((i) => i.presentation && i.heads.includes(suggestion.head))) return null;
	const line = notsWritten(words, from) + suggestion.line;
	const bare = suggestion.line === suggestion.head;
	if (!isValid(line, tiers) && !(bareOk && bare)) return null;
	return { message: `did you mean ${line}?`, head: suggestion.head };
}

/**
 * The leading `not`s as a suggestion repeats them: as written, or only their parity when there
 * are more than two (a pasted run of thousands would otherwise be repeated in the message).
 */
function notsWritten(words: Words, from: number): string {
	const nots = from <= 2 ? words.lower.slice(0, from) : from % 2 === 1 ? ["not"] : [];
	return nots.map((w) => `${w} `).join("");
}

/** "contacted" → "did you mean contacted since DATE or contacted before DATE?"; a leading `not` is kept. */
function completions(words: Words, from: number): string | null {
	const tail = words.lower.slice(from);
	if (tail.length === 0) return null;
	const prefix = notsWritten(words, from);
	const usages = INSTRUCTIONS.filter((i) => {
		if (from > 0 && i.presentation) return false;
		const head = i.heads[0].split(" ");
		return head.length > tail.length && tail.every((w, k) => head[k] === w);
	}).map((i) => prefix + i.usage);
	if (usages.length === 0) return null;
	const list = usages.length === 1 ? usages[0] : `${usages.slice(0, -1).join(", ")} or ${usages[usages.length - 1]}`;
	return `did you mean ${list}?`;
}

/** One instruction (after any leading `not`s) → an item or an error message. */
function parseInstruction(words: Words, from: number, tiers: Record<string, string>): Handled {
	const match = findHead(words, from);
	if (match) {
		const arg = words.rest(match.taken);
		if (match.instruction.missing !== undefined) {
			if (arg === "") return { error: match.instruction.missing };
			const handled = match.instruction.parse(arg, tiers);
			if ("error" in handled) {
				// "cadence at mots 30 days" matched plain `cadence`; the typo is the better story.
				const longer = didYouMean(words, from, tiers, false);
				if (longer && longer.head.split(" ").length > match.taken - from) return { error: longer.message };
				return { error: completions(words, from) ?? handled.error };
			}
			return handled;
		}
		if (arg === "") return match.instruction.parse("", tiers);
	}
	const guess = didYouMean(words, from, tiers, true)?.message ?? completions(words, from);
	if (guess) return { error: guess };
	if (match) return { error: `${match.instruction.heads[0]} takes nothing after it` };
	return { error: NOT_AN_INSTRUCTION };
}

/** A whole line: `not` before a filter negates it (`not not x` is `x`). */
function parseLine(line: string, tiers: Record<string, string>): Handled {
	const words = splitWords(line);
	let nots = 0;
	while (nots < words.lower.length && words.lower[nots] === "not") nots++;
	if (nots === 0) return parseInstruction(words, 0, tiers);
	if (nots === words.lower.length) return { error: "not needs a filter after it, e.g. not snoozed" };
	const inner = parseInstruction(words, nots, tiers);
	if ("error" in inner) return inner;
	if (inner.type !== "filter") return { error: "not can only come before a filter, e.g. not snoozed" };
	// `not not x` is x: keeping only the parity also keeps a pasted "not not not …" from nesting deeply.
	return filter(nots % 2 === 1 ? { kind: "not", filter: inner.filter } : inner.filter);
}

/** Puts an item into the query; an error message when a once-only instruction repeats. */
function apply(query: Query, item: Item, once: (what: "limit" | "group by" | "columns") => string | null): string | null {
	switch (item.type) {
		case "filter":
			query.filters.push(item.filter);
			return null;
		case "sort":
			query.sort.push(item.key);
			return null;
		case "explain":
			query.explain = true;
			return null;
		case "limit": {
			const repeated = once("limit");
			if (repeated === null) query.limit = item.n;
			return repeated;
		}
		case "group": {
			const repeated = once("group by");
			if (repeated === null) query.group = item.field;
			return repeated;
		}
		case "columns": {
			const repeated = once("columns");
			if (repeated === null) query.columns = item.columns;
			return repeated;
		}
	}
}

const NEWLINE = /\r\n|\r|\n/;

/**
 * An instruction is a few words: a longer line is refused before it is split into words. Its
 * leading `not`s do not count (only their parity does, see `parseLine`).
 */
const MAX_LINE_LENGTH = 1000;
const LEADING_NOTS = /^(?:not\s+)+/i;

/**
 * A query is a handful of lines: a longer text (a pasted page, a runaway template) is refused
 * before it is read. Long enough for 20,000 `not`s or 5,000 lines.
 */
const MAX_QUERY_LENGTH = 100_000;

/** Mistakes listed before the rest are left out: a pasted page must not list (or render) thousands. */
const MAX_ERRORS = 20;

/**
 * Parses a query. Never throws, whatever the input. A line whose first non-space character is
 * `#` is a comment (write `tag #work` for a tag filter).
 */
export function parseQuery(text: string, options: ParseOptions): QueryParse {
	try {
		if (typeof text !== "string") return refused("a query must be text");
		const tiers =
			typeof options === "object" && options !== null && typeof options.tiers === "object" && options.tiers !== null
				? options.tiers
				: {};
		return parseText(text, tiers);
	} catch {
		return refused("the query could not be read");
	}
}

/** A query refused as a whole: one message, on no line. */
function refused(message: string): QueryParse {
	return { ok: false, errors: [{ line: 0, text: "", message }] };
}

function parseText(text: string, tiers: Record<string, string>): QueryParse {
	if (text.length > MAX_QUERY_LENGTH) {
		return refused(`the query is ${count(text.length)} characters long; a query is at most ${count(MAX_QUERY_LENGTH)}`);
	}
	const query: Query = { filters: [], sort: [], group: null, limit: null, columns: null, explain: false };
	const errors: QueryError[] = [];
	const seen = new Map<"limit" | "group by" | "columns", number>();
	const once = (what: "limit" | "group by" | "columns", line: number): string | null => {
		const first = seen.get(what);
		if (first !== undefined) return `${what} is already given on line ${first}; keep one`;
		seen.set(what, line);
		return null;
	};
	let number = 0;
	for (const physical of text.split(NEWLINE)) {
		// A comment is the whole line: "# people I owe; call them first" holds no instruction.
		if (physical.trim().startsWith("#")) {
			number++;
			continue;
		}
		// `;` also ends an instruction (the CLI takes a query on one line); each piece counts as a
		// line. A `#` piece comments out the rest of its line, as a whole-line comment does.
		let comment = false;
		for (const raw of physical.split(";")) {
			const line = raw.trim();
			const at = ++number;
			comment ||= line.startsWith("#");
			if (line === "" || comment) continue;
			const item = isTooLong(line) ? { error: tooLong(line) } : parseLine(line, tiers);
			const error = "error" in item ? item.error : apply(query, item, (what) => once(what, at));
			if (error === null) continue;
			if (errors.length === MAX_ERRORS) {
				errors.push({ line: 0, text: "", message: `more mistakes from line ${at} on are not listed; fix these first` });
				return { ok: false, errors };
			}
			errors.push({ line: at, text: line, message: error });
		}
	}
	return errors.length > 0 ? { ok: false, errors } : { ok: true, query };
}

function isTooLong(line: string): boolean {
	return line.length > MAX_LINE_LENGTH && line.length - (LEADING_NOTS.exec(line)?.[0].length ?? 0) > MAX_LINE_LENGTH;
}

/** `1,048,576` */
function count(n: number): string {
	return n.toLocaleString("en-US");
}

function tooLong(line: string): string {
	return `the line is ${count(line.length)} characters long; an instruction is at most ${count(MAX_LINE_LENGTH)}`;
}

/** `line 3: 'sort by age': can sort by urgency, due, last contact, name, cadence, birthday` */
export function formatQueryError(error: QueryError): string {
	if (error.line <= 0) return error.message;
	return `line ${error.line}: '${truncate(error.text, 80)}': ${error.message}`;
}
