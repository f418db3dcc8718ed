/**
 * What the sidebar shows, computed without the DOM: groups, their order and counts, and the
 * text of every row. The view only turns this into elements.
 */
import type { Day } from "./dates";
import type { Favor } from "./favors";
import { matchesText, parseQuery, relativeDays, runQuery } from "./query/index";
import { compareNames, comparePeople, type Schedule, type Scheduled } from "./schedule";
import { insertionPoint, removeSorted } from "./sorted-list";
import type { Settings } from "./settings";

export type GroupId =
	"overdue" | "soon" | "favors" | "birthdays" | "never" | "drifting" | "problems" | "ok" | "snoozed" | "untracked" | "ignored";

export interface SidebarGroup {
	id: GroupId;
	title: string;
	/** Everyone in the group. */
	count: number;
	/** The first rows in display order: as many as the view asked to show. */
	rows: Scheduled[];
}

export interface SidebarModel {
	groups: SidebarGroup[];
	/** People in the index, before filtering. */
	total: number;
	/** People the filter matched. */
	matched: number;
}

export const GROUP_TITLES: Record<GroupId, string> = {
	overdue: "Overdue",
	soon: "Due soon",
	favors: "Owed favors",
	birthdays: "Birthdays",
	never: "Not yet contacted",
	drifting: "Drifting",
	problems: "Needs attention",
	ok: "Up to date",
	snoozed: "Snoozed",
	untracked: "Untracked",
	ignored: "Not kept in touch",
};

export function statusLabel(schedule: Schedule): string {
	switch (schedule.status) {
		case "overdue":
			return "overdue";
		case "due":
			return "due";
		case "soon":
			return "due soon";
		case "never":
			return "not yet contacted";
		case "ok":
			return "up to date";
		case "snoozed":
			return "snoozed";
		case "untracked":
			return "untracked";
		case "ignored":
			return "not kept in touch";
		case "problem":
			return "cannot be read";
	}
}

export function lastContactText(schedule: Schedule): string {
	if (schedule.lastContact === null || schedule.daysSince === null) return "no contact yet";
	return `last contact ${relativeDays(schedule.daysSince)}`;
}

/** Elapsed share of the cadence, 0..1, for the small bar. */
export function elapsedShare(schedule: Schedule): number | null {
	if (schedule.daysSince === null || schedule.cadence === null) return null;
	return Math.max(0, Math.min(1, schedule.daysSince / schedule.cadence.lowDays));
}

function byDueDay(a: Scheduled, b: Scheduled): number {
	return (a.schedule.dueDay ?? 0) - (b.schedule.dueDay ?? 0) || compareNames(a.person, b.person);
}

function byBirthday(a: Scheduled, b: Scheduled): number {
	return (a.schedule.daysUntilBirthday ?? 0) - (b.schedule.daysUntilBirthday ?? 0) || compareNames(a.person, b.person);
}

/** The day the longest-standing favor in the list was incurred; undated favors sort last. */
function oldestFavorDay(favors: readonly Favor[]): number {
	let oldest = Infinity;
	for (const favor of favors) if (favor.day !== null && favor.day < oldest) oldest = favor.day;
	return oldest;
}

/** "You owe" first, then people who owe you; in each, the favor owed longest comes first. */
function byFavors(a: Scheduled, b: Scheduled): number {
	const owesA = a.person.owedFavors.length > 0;
	const owesB = b.person.owedFavors.length > 0;
	if (owesA !== owesB) return owesA ? -1 : 1;
	const dayA = oldestFavorDay(owesA ? a.person.owedFavors : a.person.owedToMe);
	const dayB = oldestFavorDay(owesB ? b.person.owedFavors : b.person.owedToMe);
	return (dayA === dayB ? 0 : dayA < dayB ? -1 : 1) || compareNames(a.person, b.person);
}

/**
 * Narrows the list with the filter box: a query (`tag #work`, `owes me`, `snoozed`) when the
 * text reads as one, otherwise a name, alias or tag match.
 */
function applyFilter(list: readonly Scheduled[], filter: string, today: Day, settings: Settings): readonly Scheduled[] {
	const text = filter.trim();
	if (text === "") return list;
	// `#work` would read as a comment line: a filter box text starting with # is a tag search.
	const parsed = text.startsWith("#") ? null : parseQuery(text, { tiers: settings.tiers });
	if (parsed?.ok && parsed.query.filters.length > 0) {
		const rows = new Set(runQuery({ ...parsed.query, limit: null }, list, { today, settings }).rows);
		return list.filter((s) => rows.has(s));
	}
	return list.filter((s) => matchesText(s.person, text));
}

/**
 * The first `k` of `rows` in `compare` order, without sorting them all: a group can hold
 * thousands of people and the pane shows a page of them.
 */
export function firstInOrder<T>(rows: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
	if (k <= 0) return [];
	if (rows.length <= k * 4) return [...rows].sort(compare).slice(0, k);
	const best: T[] = [];
	for (const row of rows) {
		if (best.length === k && compare(row, best[k - 1]) >= 0) continue;
		let i = best.length < k ? best.length : k - 1;
		while (i > 0 && compare(row, best[i - 1]) < 0) i--;
		best.splice(i, 0, row);
		if (best.length > k) best.pop();
	}
	return best;
}

const byName = (a: Scheduled, b: Scheduled) => compareNames(a.person, b.person);

/** The longest silence for their rhythm first: the habit most broken. */
function byDrift(a: Scheduled, b: Scheduled): number {
	const ra = a.schedule.drift ? a.schedule.drift.silenceDays / a.schedule.drift.rhythmDays : 0;
	const rb = b.schedule.drift ? b.schedule.drift.silenceDays / b.schedule.drift.rhythmDays : 0;
	return rb - ra || compareNames(a.person, b.person);
}

/** How each group is ordered; Overdue keeps the list's urgency order. */
const GROUP_ORDER: Partial<Record<GroupId, (a: Scheduled, b: Scheduled) => number>> = {
	soon: byDueDay,
	favors: byFavors,
	birthdays: byBirthday,
	never: byName,
	drifting: byDrift,
	problems: byName,
	ok: byName,
	snoozed: byName,
	untracked: byName,
	ignored: byName,
};

type Groups = Record<GroupId, Scheduled[]>;

function emptyGroups(): Groups {
	return {
		overdue: [],
		soon: [],
		favors: [],
		birthdays: [],
		never: [],
		drifting: [],
		problems: [],
		ok: [],
		snoozed: [],
		untracked: [],
		ignored: [],
	};
}

/** The groups one person belongs to: one by status, and favors, birthdays, problems besides. */
function groupIdsOf(s: Scheduled, birthdayWindowDays: number): GroupId[] {
	const status = s.schedule.status;
	// A note that cannot be read is in Needs attention only (its problems say why).
	const ids: GroupId[] = status === "problem" ? [] : [status === "due" || status === "soon" ? "soon" : status];
	if (s.person.owedFavors.length > 0 || s.person.owedToMe.length > 0) ids.push("favors");
	if (s.schedule.daysUntilBirthday !== null && s.schedule.daysUntilBirthday <= birthdayWindowDays) ids.push("birthdays");
	if (s.schedule.drift !== null) ids.push("drifting");
	if (s.schedule.problems.length > 0) ids.push("problems");
	return ids;
}

function groupsOf(rows: readonly Scheduled[], birthdayWindowDays: number): Groups {
	const groups = emptyGroups();
	for (const s of rows) for (const id of groupIdsOf(s, birthdayWindowDays)) groups[id].push(s);
	return groups;
}

/**
 * Every group of one day's people, each kept in its display order as people change: sorted once,
 * then one binary-search insert or removal per change, so a render shows the first rows of each
 * group without grouping or ordering 10,000 people again.
 */
export class SidebarGroups {
	private readonly groups: Groups;

	/** `everyone` in `comparePeople` order (the index's order), which is the Overdue group's order. */
	constructor(
		everyone: readonly Scheduled[],
		private readonly birthdayWindowDays: number,
	) {
		this.groups = groupsOf(everyone, birthdayWindowDays);
		for (const id of GROUP_IDS) {
			const compare = GROUP_ORDER[id];
			if (compare) this.groups[id].sort(compare);
		}
	}

	add(s: Scheduled): void {
		for (const id of groupIdsOf(s, this.birthdayWindowDays)) {
			const list = this.groups[id];
			list.splice(insertionPoint(list, s, orderOf(id)), 0, s);
		}
	}

	remove(s: Scheduled): void {
		for (const id of groupIdsOf(s, this.birthdayWindowDays)) removeSorted(this.groups[id], s, orderOf(id));
	}

	/** Everyone in a group, in display order; read-only. */
	get(id: GroupId): readonly Scheduled[] {
		return this.groups[id];
	}

	/** True when built for these settings (the birthday window decides who is in Birthdays). */
	fits(settings: Settings): boolean {
		return settings.birthdayWindowDays === this.birthdayWindowDays;
	}
}

export const GROUP_IDS = Object.keys(GROUP_TITLES) as GroupId[];

function orderOf(id: GroupId): (a: Scheduled, b: Scheduled) => number {
	return GROUP_ORDER[id] ?? comparePeople;
}

/**
 * `list` must be in the index's `scheduled()` order. `shown(id)` says how many rows of a group
 * the view will render; only those are put in order. `kept`, the index's groups for the same
 * people, spares the grouping and ordering when nothing is filtered.
 */
export function sidebarModel(
	list: readonly Scheduled[],
	filter: string,
	today: Day,
	settings: Settings,
	shown: (id: GroupId) => number = () => Infinity,
	kept?: SidebarGroups,
): SidebarModel {
	const filtering = filter.trim() !== "";
	const rows = filtering ? applyFilter(list, filter, today, settings) : list;
	const fast = !filtering && kept?.fits(settings) ? kept : null;
	const groups = fast ?? groupsOf(rows, settings.birthdayWindowDays);
	// Up to date, snoozed and untracked people stay out of the way until the user looks for them.
	const order: GroupId[] = ["overdue", "soon", "favors", "birthdays", "never", "drifting", "problems"];
	if (filtering) order.push("ok", "snoozed", "untracked", "ignored");
	const result: SidebarGroup[] = [];
	for (const id of order) {
		const all = groups instanceof SidebarGroups ? groups.get(id) : groups[id];
		if (all.length === 0) continue;
		const k = Math.min(shown(id), all.length);
		const compare = GROUP_ORDER[id];
		result.push({
			id,
			title: GROUP_TITLES[id],
			count: all.length,
			rows: fast || !compare ? all.slice(0, k) : firstInOrder(all, k, compare),
		});
	}
	return { groups: result, total: list.length, matched: rows.length };
}
