/**
 * The parsed form of a query. Plain data (no functions, no class instances), so a query can be
 * compared with deep equality, stored, or sent over the plugin API, and evaluating it can never
 * run anything but our own code.
 */
import type { Span } from "../cadence";
import type { Day } from "../dates";
import type { Scheduled, Status } from "../schedule";
import type { Settings } from "../settings";

export type Filter =
	| { kind: "status"; status: Status }
	/** No contact recorded at all, tracked or not. */
	| { kind: "never contacted" }
	/** `text` as written (for formatting); `span` is what it means. */
	| { kind: "due within"; text: string; span: Span }
	/** The date stays text: relative forms (`3 months ago`) are resolved against each run's today. */
	| { kind: "contacted"; when: "since" | "before"; date: string }
	/** Lowercase, without `#`. */
	| { kind: "tag"; tag: string }
	/** As written, without surrounding slashes; compared case-insensitively. */
	| { kind: "folder"; folder: string }
	| { kind: "name includes"; text: string }
	| { kind: "cadence"; text: string; lowDays: number; highDays: number }
	| { kind: "cadence bound"; bound: "at most" | "at least"; text: string; days: number }
	/** `owed`: I owe them; `owed to me`: they owe me; `any`: either. */
	| { kind: "favors"; which: "owed" | "owed to me" | "any" }
	| { kind: "birthday within"; text: string; span: Span }
	| { kind: "has problems" }
	| { kind: "not"; filter: Filter };

export type SortField = "urgency" | "due" | "last contact" | "name" | "cadence" | "birthday";
export const SORT_FIELDS: readonly SortField[] = ["urgency", "due", "last contact", "name", "cadence", "birthday"];

export interface SortKey {
	by: SortField;
	reverse: boolean;
}

export type GroupField = "status" | "tag" | "folder";
export const GROUP_FIELDS: readonly GroupField[] = ["status", "tag", "folder"];

export type Column = "name" | "status" | "last contact" | "cadence" | "due" | "favors" | "urgency" | "tags" | "folder" | "birthday" | "aliases" | "problems";
export const COLUMNS: readonly Column[] = ["name", "status", "last contact", "cadence", "due", "favors", "urgency", "tags", "folder", "birthday", "aliases", "problems"];
export const DEFAULT_COLUMNS: readonly Column[] = ["name", "status", "last contact", "cadence", "due"];

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
