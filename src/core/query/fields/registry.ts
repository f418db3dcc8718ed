/**
 * Every query field, once. A new field is a file beside this one, listed in `ORDER` and
 * `COLUMN_ORDER`; the engine and the `Filter`, `Column`, `SortField` and `GroupField` types read
 * the fields from here.
 */
import { aliases } from "./aliases";
import { birthday } from "./birthday";
import { cadence } from "./cadence";
import { due } from "./due";
import { favors } from "./favors";
import type { Field, FilterData, FilterDef, GroupDef, SortDef } from "./field";
import { folder } from "./folder";
import { lastContact } from "./last-contact";
import { name } from "./name";
import { problems } from "./problems";
import { rhythm } from "./drifting";
import { status } from "./status";
import { tags } from "./tags";
import { urgency } from "./urgency";

/**
 * The order `sort by` and `group by` list their fields in, and filter instructions are suggested
 * in: a "did you mean" tie goes to the earlier head, so moving a field can change a suggestion
 * (`hag favors` gets `tag favors` because tags come before favors).
 */
const ORDER = [urgency, due, status, lastContact, name, cadence, tags, folder, favors, birthday, problems, aliases, rhythm] as const;

/** `columns` lists the fields as a table reads; the first five are the default columns. */
const COLUMN_ORDER = [name, status, lastContact, cadence, due, favors, urgency, tags, folder, birthday, aliases, problems, rhythm] as const;

type AnyField = (typeof ORDER)[number];
export type Column = AnyField["name"];
export type SortField = Extract<AnyField, { sort: SortDef }>["name"];
export type GroupField = Extract<AnyField, { group: GroupDef }>["group"]["name"];
/** The filter data a field's filter definitions build. */
type FiltersOf<F> = F extends { filters: readonly (infer D)[] } ? (D extends FilterDef<infer X> ? X : never) : never;
/** The filters the fields define; `not` is the engine's (see `types.ts`). */
export type FieldFilter = FiltersOf<AnyField>;

export const FIELDS: readonly Field[] = ORDER;
export const COLUMNS: readonly Column[] = COLUMN_ORDER.map((f) => f.name);
export const DEFAULT_COLUMNS: readonly Column[] = COLUMNS.slice(0, 5);
export const SORT_FIELDS = FIELDS.filter((f) => f.sort).map((f) => f.name) as readonly SortField[];
export const GROUP_FIELDS = FIELDS.flatMap((f) => (f.group ? [f.group.name] : [])) as readonly GroupField[];

const BY_NAME = new Map(FIELDS.map((f) => [f.name, f]));
const BY_GROUP = new Map(FIELDS.flatMap((f) => (f.group ? [[f.group.name, f.group] as const] : [])));
const BY_KIND = new Map(FIELDS.flatMap((f) => f.filters ?? []).map((d) => [d.kind, d]));

// By what a query holds. The types promise a match; a hand-built query naming no field gets
// `undefined` and fails where it is used, which `runQuery` reports.
export const sortOf = (name: SortField): SortDef => BY_NAME.get(name)?.sort as SortDef;
export const groupOf = (name: GroupField): GroupDef => BY_GROUP.get(name) as GroupDef;
export const cellOf = (column: Column): Field["cell"] | undefined => BY_NAME.get(column)?.cell;
export const filterOfKind = (kind: string): FilterDef<FilterData> | undefined => BY_KIND.get(kind);
