/**
 * The parsed form of a query. Plain data (no functions, no class instances), so a query can be
 * compared with deep equality, stored, or sent over the plugin API, and evaluating it can never
 * run anything but our own code.
 */
import type { Day } from "../dates";
import type { Scheduled } from "../schedule";
import type { Settings } from "../settings";
import type { Column, FieldFilter, GroupField, SortField } from "./fields/registry";

export type { Column, GroupField, SortField };

/** The fields' filters (see `fields/`), and `not`, which any of them can be put under. */
export type Filter = FieldFilter | NotFilter;

export interface NotFilter {
	kind: "not";
	filter: Filter;
}

export interface SortKey {
	by: SortField;
	reverse: boolean;
}

export interface Query {
	/** ANDed, in the order written. */
	filters: Filter[];
	/** Tie-breakers in the order written; empty means the default (urgency) order. */
	sort: SortKey[];
	group: GroupField | null;
	limit: number | null;
	/** `null` means the default columns. */
	columns: Column[] | null;
	explain: boolean;
}

export interface QueryError {
	/** 1-based; instructions separated by `;` count as lines of their own, a comment line as one. */
	line: number;
	/** The instruction as written (trimmed). */
	text: string;
	/** What was expected, without the line prefix (see `formatQueryError`). */
	message: string;
}

export type QueryParse = { ok: true; query: Query } | { ok: false; errors: QueryError[] };

export interface ParseOptions {
	/** The cadence tiers from settings, so `cadence close` means what notes mean by it. */
	tiers: Record<string, string>;
}

export interface RunContext {
	today: Day;
	settings: Settings;
}

export interface QueryGroup {
	key: string;
	rows: Scheduled[];
}

export interface QueryResult {
	/** Matching people, sorted, after `limit`. */
	rows: Scheduled[];
	/** With `group by`: `rows` split into groups (a person may appear under several tags). */
	groups: QueryGroup[] | null;
	/** How many matched before `limit`. */
	total: number;
	columns: Column[];
	/** With `explain`: how the query was understood, one line per instruction. */
	explanation: string[] | null;
	/** Problems found while running (e.g. a date that no longer resolves); rows may be partial. */
	errors: string[];
}
