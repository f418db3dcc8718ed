/**
 * What a query field is: everything the language knows about one property of a person (its
 * filters, its sort, its group and its cell) in one place, so that adding a field is one file,
 * listed in `registry.ts`. The engine (parse, run, format, explain, cells) knows no field by name.
 */
import type { Day } from "../../dates";
import type { Scheduled } from "../../schedule";
import type { RunContext } from "../types";

export type Predicate = (row: Scheduled) => boolean;
export type Compare = (a: Scheduled, b: Scheduled) => number;

/** A mistake in an argument, worded for the user. */
export interface Problem {
	error: string;
}

/** Filters are plain data (a query can be stored, compared, sent over the API); `kind` says whose. */
export interface FilterData {
	kind: string;
}

/** One way of writing a filter, e.g. `due within 2 weeks`. */
export interface FilterInstruction<F extends FilterData> {
	/** Keyword phrases, lowercase, one space between words; the first is canonical. */
	heads: readonly string[];
	/** Shown in suggestions when the argument is missing, e.g. "contacted since DATE". */
	usage: string;
	/** Set for instructions that need an argument: the message when it is missing. */
	missing?: string;
	/** `arg` is the rest of the line as written: empty unless `missing` is set. */
	parse(arg: string, tiers: Record<string, string>): F | Problem;
}

/** One kind of filter: how it is written, evaluated, written back and explained. */
export interface FilterDef<F extends FilterData> {
	kind: F["kind"];
	instructions: readonly FilterInstruction<F>[];
	/** Once per run: dates resolve against this run's today; a filter that cannot is reported in `errors`. */
	compile(filter: F, ctx: RunContext, errors: string[]): Predicate;
	/** The canonical instruction: parsing it gives `filter` back. */
	format(filter: F): string;
	/** What it selects, relative dates resolved against `ctx.today`. */
	explain(filter: F, ctx: RunContext): string;
}

export interface SortDef {
	/** Other words `sort by` takes for this field (the field's own aliases are taken too). */
	aliases?: readonly string[];
	compare(reverse: boolean): Compare;
	/** What the order means, without `reverse` and with it. */
	explain: readonly [string, string];
}

export interface GroupDef {
	/** The word after `group by` (its plural is taken too). */
	name: string;
	/** Calls `add` once for each group the row belongs to. */
	keys: (row: Scheduled, add: (key: string) => void) => void;
	/** The order of the groups. */
	order: (a: string, b: string) => number;
	explain: string;
}

export interface Field {
	/** The column name; also the `sort by` word. */
	name: string;
	/** Other words `columns` (and `sort by`) take for this field. */
	aliases?: readonly string[];
	filters?: readonly FilterDef<FilterData>[];
	sort?: SortDef;
	group?: GroupDef;
	/** The table cell, plain text. */
	cell: (row: Scheduled, today: Day) => string;
}

/** The predicate of a filter that cannot be evaluated: the run shows the problem and nobody. */
export const never: Predicate = () => false;
