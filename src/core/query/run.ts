/**
 * Evaluates a parsed query over scheduled people. Filters are compiled to closures once per run
 * (dates resolved against the run's today, folder answers memoized per distinct folder), then
 * each person is visited once; with a small `limit` only the best rows are kept in order rather
 * than sorting everyone.
 */
import { addSpan } from "../cadence";
import { parseDateInput } from "../date-input";
import { compareNames, comparePeople, STATUSES, type Scheduled } from "../schedule";
import { explainQuery } from "./explain";
import { foldText } from "./text";
import { DEFAULT_COLUMNS, type Filter, type GroupField, type Query, type QueryGroup, type QueryResult, type RunContext, type SortKey } from "./types";

type Predicate = (row: Scheduled) => boolean;
type Compare = (a: Scheduled, b: Scheduled) => number;

const never: Predicate = () => false;

/**
 * Remembers a yes/no answer per distinct string: people share a handful of folders. The last
 * answer is checked first because people in one folder tend to come together.
 */
function memoized(test: (value: string) => boolean): (value: string) => boolean {
	const cache = new Map<string, boolean>();
	let lastValue: string | null = null;
	let lastAnswer = false;
	return (value) => {
		if (value === lastValue) return lastAnswer;
		let answer = cache.get(value);
		if (answer === undefined) {
			answer = test(value);
			cache.set(value, answer);
		}
		lastValue = value;
		lastAnswer = answer;
		return answer;
	};
}

/** All predicates as one, so the row loop makes a single call per person. */
function allOf(predicates: readonly Predicate[]): Predicate {
	switch (predicates.length) {
		case 0:
			return () => true;
		case 1:
			return predicates[0];
		case 2: {
			const [p, q] = predicates;
			return (r) => p(r) && q(r);
		}
		case 3: {
			const [p, q, s] = predicates;
			return (r) => p(r) && q(r) && s(r);
		}
		default:
			return (r) => {
				for (const p of predicates) if (!p(r)) return false;
				return true;
			};
	}
}

function compile(filter: Filter, ctx: RunContext, errors: string[]): Predicate {
	const { today } = ctx;
	switch (filter.kind) {
		case "status": {
			const status = filter.status;
			return (r) => r.schedule.status === status;
		}
		case "never contacted":
			return (r) => r.schedule.lastContact === null;
		case "due within": {
			// Calendar arithmetic: "due within 1 month" on Jan 31 reaches Feb 28, like cadences do.
			const until = addSpan(today, filter.span);
			return (r) => r.schedule.dueDay !== null && r.schedule.dueDay <= until && r.schedule.status !== "snoozed";
		}
		case "contacted": {
			const resolved = parseDateInput(filter.date, today);
			if (!resolved.ok) {
				errors.push(`'contacted ${filter.when} ${filter.date}': ${resolved.error}`);
				return never;
			}
			const day = resolved.day;
			return filter.when === "since"
				? (r) => r.schedule.lastContact !== null && r.schedule.lastContact >= day
				: (r) => r.schedule.lastContact !== null && r.schedule.lastContact < day;
		}
		case "tag": {
			const tag = filter.tag;
			const n = tag.length;
			// A plain loop and string compares: cheaper than a callback and a cache lookup per tag.
			return (r) => {
				for (const t of r.person.tags) {
					if (t === tag || (t.length > n && t.charCodeAt(n) === 47 && t.startsWith(tag))) return true;
				}
				return false;
			};
		}
		case "folder": {
			// Folded like names: a macOS path may store "É" decomposed while the query has it composed.
			const folder = foldText(filter.folder);
			const nested = `${folder}/`;
			const matches = memoized((f) => {
				const lower = foldText(f);
				return lower === folder || lower.startsWith(nested);
			});
			return (r) => matches(r.person.folder);
		}
		case "name includes": {
			const needle = foldText(filter.text);
			return (r) => foldText(r.person.name).includes(needle) || r.person.aliases.some((a) => foldText(a).includes(needle));
		}
		case "cadence": {
			const { lowDays, highDays } = filter;
			return (r) => r.schedule.cadence !== null && r.schedule.cadence.lowDays === lowDays && r.schedule.cadence.highDays === highDays;
		}
		case "cadence bound": {
			const days = filter.days;
			return filter.bound === "at most"
				? (r) => r.schedule.cadence !== null && r.schedule.cadence.lowDays <= days
				: (r) => r.schedule.cadence !== null && r.schedule.cadence.lowDays >= days;
		}
		case "favors":
			if (filter.which === "owed") return (r) => r.person.owedFavors.length > 0;
			if (filter.which === "owed to me") return (r) => r.person.owedToMe.length > 0;
			return (r) => r.person.owedFavors.length > 0 || r.person.owedToMe.length > 0;
		case "birthday within": {
			const until = addSpan(today, filter.span);
			return (r) => r.schedule.nextBirthday !== null && r.schedule.nextBirthday >= today && r.schedule.nextBirthday <= until;
		}
		case "has problems":
			return (r) => r.person.problems.length > 0;
		case "not": {
			const inner = compile(filter.filter, ctx, errors);
			return (r) => !inner(r);
		}
		default:
			// Only reachable through a hand-built query from the plugin API.
			errors.push(`unknown filter ${JSON.stringify((filter as { kind?: unknown }).kind) ?? "(none)"}`);
			return never;
	}
}

/**
 * Numbers ascending (or descending), a missing value always after the present ones, in either
 * direction: "sort by due reverse" should not open with the untracked. A plain function, so each
 * comparator below reads its fields directly (this runs n log n times).
 */
function numbers(x: number | null, y: number | null, descending: boolean): number {
	if (x === y) return 0;
	if (x === null) return 1;
	if (y === null) return -1;
	return descending ? y - x : x - y;
}

function keyCompare(key: SortKey): Compare {
	const flip = key.reverse;
	switch (key.by) {
		case "urgency": {
			const descending = !flip;
			return (a, b) => numbers(a.schedule.urgency, b.schedule.urgency, descending) || numbers(a.schedule.daysOverdue, b.schedule.daysOverdue, descending);
		}
		case "due":
			return (a, b) => numbers(a.schedule.dueDay, b.schedule.dueDay, flip);
		case "last contact":
			// "never" is the oldest contact of all, so it leads (and trails when reversed).
			return (a, b) => numbers(a.schedule.lastContact ?? -Infinity, b.schedule.lastContact ?? -Infinity, flip);
		case "name":
			return flip ? (a, b) => compareNames(b.person, a.person) : (a, b) => compareNames(a.person, b.person);
		case "cadence":
			return (a, b) => {
				const x = a.schedule.cadence;
				const y = b.schedule.cadence;
				return numbers(x?.lowDays ?? null, y?.lowDays ?? null, flip) || numbers(x?.highDays ?? null, y?.highDays ?? null, flip);
			};
		case "birthday":
			return (a, b) => numbers(a.schedule.nextBirthday, b.schedule.nextBirthday, flip);
	}
}

/** The sort lines in order, then the name, so equal keys never depend on input order. */
function comparator(keys: readonly SortKey[]): Compare {
	if (keys.length === 0) return comparePeople;
	const compares = keys.map(keyCompare);
	if (compares.length === 1) {
		const only = compares[0];
		return (a, b) => only(a, b) || compareNames(a.person, b.person);
	}
	return (a, b) => {
		for (const compare of compares) {
			const c = compare(a, b);
			if (c !== 0) return c;
		}
		return compareNames(a.person, b.person);
	};
}

/** The first `k` of `rows` in `compare` order, the same rows and order a full stable sort gives. */
function smallest(rows: readonly Scheduled[], k: number, compare: Compare): Scheduled[] {
	const best: Scheduled[] = [];
	for (const row of rows) {
		if (best.length === k) {
			if (compare(row, best[k - 1]) >= 0) continue;
			best.pop();
		}
		let lo = 0;
		let hi = best.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (compare(row, best[mid]) < 0) hi = mid;
			else lo = mid + 1;
		}
		best.splice(lo, 0, row);
	}
	return best;
}

/** Past this, inserting into the kept rows costs more than one sort. */
const PARTIAL_SORT_MAX = 100;

export const NO_TAG = "(no tag)";
export const ROOT_FOLDER = "/";

const STATUS_ORDER = new Map<string, number>(STATUSES.map((s, i) => [s, i]));

/** Created on first use: an Intl.Collator costs ~13 ms to set up, paid by every CLI command and plugin load otherwise. */
let keyCollator: Intl.Collator | null = null;

function compareKeys(a: string, b: string): number {
	keyCollator ??= new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
	return keyCollator.compare(a, b);
}

function groupRows(rows: readonly Scheduled[], field: GroupField): QueryGroup[] {
	const groups = new Map<string, Scheduled[]>();
	const add = (key: string, row: Scheduled) => {
		const list = groups.get(key);
		if (list) list.push(row);
		else groups.set(key, [row]);
	};
	for (const row of rows) {
		if (field === "status") add(row.schedule.status, row);
		else if (field === "folder") add(row.person.folder === "" ? ROOT_FOLDER : row.person.folder, row);
		else if (row.person.tags.length === 0) add(NO_TAG, row);
		else for (const tag of row.person.tags) add(`#${tag}`, row);
	}
	const keys = [...groups.keys()];
	if (field === "status") keys.sort((a, b) => (STATUS_ORDER.get(a) ?? 0) - (STATUS_ORDER.get(b) ?? 0));
	else keys.sort((a, b) => rank(a) - rank(b) || compareKeys(a, b) || (a < b ? -1 : a > b ? 1 : 0));
	return keys.map((key) => ({ key, rows: groups.get(key) ?? [] }));
}

/** The vault root first among folders, "(no tag)" last among tags. */
function rank(key: string): number {
	if (key === ROOT_FOLDER) return -1;
	return key === NO_TAG ? 1 : 0;
}

/**
 * Runs a query. Never throws: a failure comes back in `errors` with no rows. `ctx.today` should be
 * the day the schedules were computed for.
 */
export function runQuery(query: Query, people: readonly Scheduled[], ctx: RunContext): QueryResult {
	try {
		const columns = [...(query.columns ?? DEFAULT_COLUMNS)];
		const errors: string[] = [];
		const predicates = query.filters.map((f) => compile(f, ctx, errors));
		// A filter that cannot be evaluated would silently turn into "everyone" under a `not`:
		// show the problem and nobody rather than a wrong table.
		if (errors.length > 0) return { rows: [], groups: query.group === null ? null : [], total: 0, columns, explanation: null, errors };
		const keep = allOf(predicates);
		const matched: Scheduled[] = [];
		for (let i = 0; i < people.length; i++) {
			if (keep(people[i])) matched.push(people[i]);
		}
		const compare = comparator(query.sort);
		const limit = query.limit;
		let rows: Scheduled[];
		if (limit !== null && limit < matched.length && limit <= PARTIAL_SORT_MAX) rows = smallest(matched, limit, compare);
		else rows = matched.sort(compare).slice(0, limit ?? matched.length);
		return {
			rows,
			groups: query.group === null ? null : groupRows(rows, query.group),
			total: matched.length,
			columns,
			explanation: query.explain ? explainQuery(query, ctx) : null,
			errors,
		};
	} catch (e) {
		const reason = e instanceof Error ? e.message : "unknown error";
		return { rows: [], groups: null, total: 0, columns: [...DEFAULT_COLUMNS], explanation: null, errors: [`the query could not be run: ${reason}`] };
	}
}
