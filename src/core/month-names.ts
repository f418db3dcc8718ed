/**
 * English month names as people write them in dates ("20 Nov 2026", "Nov 2, 2026", "2 November
 * 2026"): the full name, its first three letters, and "Sept". Shared by the property reader and
 * the log reader, so both accept the same words.
 */

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const BY_NAME = new Map<string, number>([
	...MONTHS.map((m, i): [string, number] => [m, i + 1]),
	...MONTHS.map((m, i): [string, number] => [m.slice(0, 3), i + 1]),
	["sept", 9],
]);

/** The month (1-12) a word names, any case, with or without a trailing period ("Nov."); null otherwise. */
export function monthFromName(word: string): number | null {
	const key = word.toLowerCase().replace(/\.$/, "");
	return BY_NAME.get(key) ?? null;
}

/** The longest month word: a matcher reading from an offset never needs to look further. */
export const LONGEST_MONTH_NAME = 9;
