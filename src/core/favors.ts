/**
 * Favors as a list property holds them: text with an optional `YYYY-MM-DD: ` prefix for when it
 * was incurred. Reading a person's favors and finding the one to resolve go by the same rules.
 */
import { dayFromYmd, isValidYmd, type Day } from "./dates";
import { isMapping } from "./yaml-values";

export interface Favor {
	/** The text without the date prefix: "intro to Sam". */
	text: string;
	/** When it was incurred, from a `YYYY-MM-DD: ` prefix. */
	day: Day | null;
	/** The value as written in the note, for display and for resolving. */
	raw: string;
}

/**
 * The key YAML makes of an unquoted `- 2026-11-01: intro to Sam` (a one-key mapping): a date,
 * month and day with one or two digits. Reading a favor and resolving one must agree on it.
 */
export const FAVOR_DATE_KEY = /^\d{4}-\d{1,2}-\d{1,2}$/;

/** `YYYY-MM-DD: text`: the date's year, month and day, then the text. */
export const FAVOR_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})\s*:\s*(.*)$/s;

export function parseFavor(raw: string): Favor {
	const m = FAVOR_DATE_RE.exec(raw.trim());
	if (m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
		return { text: m[4].trim(), day: dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])), raw };
	}
	return { text: raw.trim(), day: null, raw };
}

/** A favor without its `YYYY-MM-DD: ` prefix, trimmed. */
export function stripFavorDate(text: string): string {
	return text.trim().replace(FAVOR_DATE_RE, "$4").trim();
}

/**
 * The text of a favor list item: a string, a number, or the one-key mapping YAML makes of an
 * unquoted `- 2026-11-01: intro to Sam`. Null for anything else.
 */
export function favorText(item: unknown): string | null {
	if (typeof item === "string") return stripFavorDate(item);
	if (typeof item === "number") return String(item);
	if (isMapping(item)) {
		const entries = Object.entries(item);
		if (entries.length === 1 && FAVOR_DATE_KEY.test(entries[0][0])) {
			const v = entries[0][1];
			if (typeof v === "string" || typeof v === "number") return String(v).trim();
		}
	}
	return null;
}

function looseText(text: string): string {
	return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/** A favor list item as written, date included (`2026-03-01: intro to Sam`); null for anything else. */
function favorAsWritten(item: unknown): string | null {
	if (typeof item === "string") return item.trim();
	const text = favorText(item);
	return isMapping(item) && text !== null ? `${Object.keys(item)[0]}: ${text}` : text;
}

/**
 * Index of the favor matching `target`: the item written exactly so (the sidebar and the log
 * modal pass a favor as written, and two favors may differ only by their date), else the same
 * text with any date, else ignoring case and spacing; or -1.
 */
export function findFavor(items: readonly unknown[], target: string): number {
	const written = target.trim();
	const asWritten = items.findIndex((item) => favorAsWritten(item) === written);
	if (asWritten >= 0) return asWritten;
	const want = stripFavorDate(target);
	const texts = items.map(favorText);
	const exact = texts.indexOf(want);
	if (exact >= 0) return exact;
	const loose = looseText(want);
	return texts.findIndex((t) => t !== null && looseText(t) === loose);
}
