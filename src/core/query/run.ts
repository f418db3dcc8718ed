/**
 * Evaluates a parsed query over scheduled people. Filters are compiled to closures once per run
 * (dates resolved against the run's today, folder answers memoized per distinct folder), then
 * each person is visited once; with a small `limit` only the best rows are kept in order rather
 * than sorting everyone.
 */
import { compareNames, comparePeople, type Scheduled } from "../schedule";
import { explainQuery } from "./explain";
import { never, type Compare, type Predicate } from "./fields/field";
import { DEFAULT_COLUMNS, filterOfKind, groupOf, sortOf } from "./fields/registry";
import type { Filter, GroupField, Query, QueryGroup, QueryResult, RunContext, SortKey } from "./types";

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
	if (filter.kind === "not") {
		const inner = compile(filter.filter, ctx, errors);
		return (r) => !inner(r);
	}
	const def = filterOfKind(filter.kind);
	if (def) return def.compile(filter, ctx, errors);
	// Only reachable through a hand-built query from the plugin API.
	errors.push(`unknown filter ${JSON.stringify((filter as { kind?: unknown }).kind) ?? "(none)"}`);
	return never;
}

/** The sort lines in order, then the name, so equal keys never depend on input order. */
function comparator(keys: readonly SortKey[]): Compare {
	if (keys.length === 0) return comparePeople;
	const compares = keys.map((key) => sortOf(key.by).compare(key.reverse));
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

function groupRows(rows: readonly Scheduled[], field: GroupField): QueryGroup[] {
	const { keys, order } = groupOf(field);
	const groups = new Map<string, Scheduled[]>();
	for (const row of rows) {
		keys(row, (key) => {
			const list = groups.get(key);
			if (list) list.push(row);
			else groups.set(key, [row]);
		});
	}
	return [...groups.keys()].sort(order).map((key) => ({ key, rows: groups.get(key) ?? [] }));
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
		return {
			rows: [],
			groups: null,
			total: 0,
			columns: [...DEFAULT_COLUMNS],
			explanation: null,
			errors: [`the query could not be run: ${reason}`],
		};
	}
}
