/**
 * Drifting: someone with no cadence whom the vault shows being in touch at a regular rhythm, and
 * who has now been silent for more than twice that rhythm. Nobody asked to be reminded of them,
 * yet the notes say the habit broke. The rule:
 *
 * - contacts are the distinct days, not after today, of the last contact property, the log and
 *   the journal notes that mention the person;
 * - at least `MIN_CONTACTS` of them; the rhythm is the median gap between the most recent
 *   `RECENT_CONTACTS` (what the habit is now, not ten years ago);
 * - the gaps are regular: their median absolute deviation is at most half the rhythm (one odd
 *   gap among several does not break a rhythm; "a week, then two months" is no rhythm);
 * - the silence since the last contact is more than twice the rhythm.
 */
import type { Day } from "./dates";
import type { Person } from "./person";
import { plural } from "./text";

export const MIN_CONTACTS = 3;
export const RECENT_CONTACTS = 8;

export interface Drift {
	/** The usual gap between contacts, in days. */
	rhythmDays: number;
	/** Days since the last contact. */
	silenceDays: number;
}

/** The distinct contact days not after today, oldest first. */
export function contactDays(person: Pick<Person, "lastContact" | "logDays" | "mentions">, today: Day): Day[] {
	const days = new Set<Day>();
	if (person.lastContact !== null && person.lastContact <= today) days.add(person.lastContact);
	for (const day of person.logDays) if (day <= today) days.add(day);
	for (const mention of person.mentions) if (mention.day <= today) days.add(mention.day);
	return [...days].sort((a, b) => a - b);
}

function median(sorted: readonly number[]): number {
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The rhythm of contact days (oldest first), or null when there is none to speak of. */
export function rhythmOf(days: readonly Day[]): number | null {
	if (days.length < MIN_CONTACTS) return null;
	const recent = days.slice(-RECENT_CONTACTS);
	const gaps: number[] = [];
	for (let i = 1; i < recent.length; i++) gaps.push(recent[i] - recent[i - 1]);
	gaps.sort((a, b) => a - b);
	const rhythm = median(gaps);
	const deviations = gaps.map((g) => Math.abs(g - rhythm)).sort((a, b) => a - b);
	return median(deviations) <= rhythm / 2 ? rhythm : null;
}

/** The drift of a person as of today, or null when they are not drifting. Cadence is the caller's to check. */
export function driftOf(person: Pick<Person, "lastContact" | "logDays" | "mentions">, today: Day): Drift | null {
	// Most people have fewer than three contacts: no set, no sort.
	if (person.logDays.length + person.mentions.length + (person.lastContact === null ? 0 : 1) < MIN_CONTACTS) return null;
	const days = contactDays(person, today);
	const rhythm = rhythmOf(days);
	if (rhythm === null) return null;
	const silenceDays = today - days[days.length - 1];
	return silenceDays > 2 * rhythm ? { rhythmDays: rhythm, silenceDays } : null;
}

/** "every day", "every 5 days", "every 3 weeks", "every 2 months", "every year": rounded as people say it. */
export function everyText(days: number): string {
	const n = Math.max(1, Math.round(days));
	if (n === 1) return "every day";
	if (n < 14 && n % 7 !== 0) return `every ${plural(n, "day")}`;
	if (n < 28) return everyUnit(Math.round(n / 7), "week");
	if (n < 335) return everyUnit(Math.round(n / 30.44), "month");
	return everyUnit(Math.round(n / 365.25), "year");
}

function everyUnit(n: number, unit: string): string {
	return n === 1 ? `every ${unit}` : `every ${plural(n, unit)}`;
}

/** "usually every 3 weeks": the rhythm as the sidebar and the query cell show it. */
export function rhythmText(drift: Drift): string {
	return `usually ${everyText(drift.rhythmDays)}`;
}
