/**
 * Where a new entry goes in a log: the log's own order decides, read from the entries already
 * there, so a log kept newest-first stays newest-first whatever the setting says.
 *
 * - Ascending (each dated entry on or after the one above it, some later): the entry goes in its
 *   place, after the entries of its own day (it is that day's latest: it is being logged now).
 * - Descending: in its place, above the entries of its own day, so the day's latest is on top.
 * - Fewer than two different dates: the `logOrder` setting decides, as for a new log.
 * - Unsorted (some later, some earlier): at the end, since no place would mean anything; the log
 *   stays as the user keeps it.
 * - A date sub-heading of the entry's day takes it, whatever the order: a second contact that
 *   day goes under it, never under another day's.
 *
 * Only entries that carry their own date and stand outside date sub-headings place the entry (an
 * item under `### 2026-11-20` is ordered by that heading). When the two entries around the place
 * sit under different sub-headings (`### 2026`, `### 2025`), the entry joins the one whose year
 * is its own, else the one whose month is its own, else the nearer date; without such a reason,
 * it goes right above the entry that follows it.
 */
import type { Day } from "./dates";
import { ymdFromDay } from "./dates";
import type { LogEntry } from "./log-reader";
import type { Settings } from "./settings";

export const ASCENDING = 1;
export const DESCENDING = -1;
export const UNSORTED = 0;
export type Direction = typeof ASCENDING | typeof DESCENDING | typeof UNSORTED;

/** Where the entry goes: before or after an entry, into a date sub-heading's part, or (null) wherever the log has room. */
export interface Place {
	at: LogEntry | null;
	side: "before" | "after" | "into";
}

/** An entry that places others: dated by its own text, not inside a date sub-heading's part. */
export function isAnchor(entry: LogEntry): boolean {
	return entry.day !== null && !entry.inherited && !entry.inDate;
}

/** The order of `days` as written; the setting's when fewer than two of them differ. */
export function logDirection(days: readonly Day[], logOrder: Settings["logOrder"]): Direction {
	let later = false;
	let earlier = false;
	for (let k = 1; k < days.length && !(later && earlier); k++) {
		if (days[k] > days[k - 1]) later = true;
		else if (days[k] < days[k - 1]) earlier = true;
	}
	if (later && earlier) return UNSORTED;
	if (later) return ASCENDING;
	if (earlier) return DESCENDING;
	return logOrder === "newest-first" ? DESCENDING : ASCENDING;
}

/** Where an entry dated `day` goes among `entries` (one log section's, in order). */
export function placeEntry(entries: readonly LogEntry[], day: Day, logOrder: Settings["logOrder"]): Place {
	const anchors = entries.filter(isAnchor);
	const direction = logDirection(
		anchors.map((a) => a.day as Day),
		logOrder,
	);
	const sameDay = sameDayHeading(anchors, day, direction);
	if (sameDay) return { at: sameDay, side: "into" };
	const last = anchors.length > 0 ? anchors[anchors.length - 1] : null;
	if (direction === UNSORTED) return { at: last, side: "after" };
	const k = anchors.findIndex((a) => (direction === ASCENDING ? (a.day as Day) > day : (a.day as Day) <= day));
	if (k < 0) return { at: last, side: "after" };
	const next = anchors[k];
	const previous = k > 0 ? anchors[k - 1] : null;
	if (previous && previous.group !== next.group && joinsPrevious(previous.day as Day, next.day as Day, day)) {
		return { at: previous, side: "after" };
	}
	return { at: next, side: "before" };
}

/** The date sub-heading of `day` that takes the entry: the last of them going forward in time, the first going back. */
function sameDayHeading(anchors: readonly LogEntry[], day: Day, direction: Direction): LogEntry | null {
	let found: LogEntry | null = null;
	for (const a of anchors) {
		if (a.kind !== "heading" || a.day !== day) continue;
		if (direction === DESCENDING) return a;
		found = a;
	}
	return found;
}

/** Between two groups (years, months), whether `day` belongs with the entry above rather than the one below. */
function joinsPrevious(previous: Day, next: Day, day: Day): boolean {
	const p = ymdFromDay(previous);
	const n = ymdFromDay(next);
	const d = ymdFromDay(day);
	const pYear = p.year === d.year;
	const nYear = n.year === d.year;
	if (pYear !== nYear) return pYear;
	const pMonth = pYear && p.month === d.month;
	const nMonth = nYear && n.month === d.month;
	if (pMonth !== nMonth) return pMonth;
	return Math.abs(day - previous) < Math.abs(next - day);
}
