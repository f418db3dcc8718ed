/**
 * Small text helpers shared by query tables, the sidebar rows and its filter box.
 */
import type { Person } from "../person";
import { foldText, plural } from "../text";

export { foldText, plural };

/**
 * How long ago a number of days is, the way people say it: "today", "yesterday", "3 days ago",
 * "5 weeks ago", "4 months ago", "2 years ago"; negative days are in the future ("tomorrow",
 * "in 3 days"). Days stay days up to two weeks and weeks up to two months, because "1 week ago"
 * hides whether it was 7 or 13 days.
 */
export function relativeDays(days: number): string {
	if (!Number.isFinite(days)) return "";
	const whole = Math.round(days);
	if (whole === 0) return "today";
	if (whole === 1) return "yesterday";
	if (whole === -1) return "tomorrow";
	const n = Math.abs(whole);
	let amount: string;
	if (n < 14) amount = plural(n, "day");
	else if (n < 60) amount = plural(Math.floor(n / 7), "week");
	else if (n < 365) amount = plural(Math.floor(n / 30), "month");
	else amount = plural(Math.floor(n / 365), "year");
	return whole > 0 ? `${amount} ago` : `in ${amount}`;
}

/**
 * The sidebar's filter box. Every whitespace-separated term must match (so "ada #work" narrows
 * as you type). A term is a case-insensitive substring of the name, an alias or a tag; a term
 * starting with `#` matches tags by prefix, so `#wo` already finds `work` and `work/acme` while
 * typing. (The query language's `tag #work` is stricter: whole nested tags only.)
 */
export function matchesText(person: Person, needle: string): boolean {
	const terms = foldText(needle)
		.split(/\s+/)
		.filter((t) => t !== "");
	for (const term of terms) {
		if (!matchesTerm(person, term)) return false;
	}
	return true;
}

function matchesTerm(person: Person, term: string): boolean {
	if (term.startsWith("#")) {
		const prefix = term.replace(/^#+/, "");
		return person.tags.some((tag) => tag.startsWith(prefix));
	}
	return (
		foldText(person.name).includes(term) ||
		person.aliases.some((alias) => foldText(alias).includes(term)) ||
		person.tags.some((tag) => tag.includes(term))
	);
}
