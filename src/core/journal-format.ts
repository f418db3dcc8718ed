/**
 * Journal note names read back into days, in the moment.js format the Daily notes core plugin
 * (and Periodic notes, Journals) write them with: `YYYY-MM-DD`, `DD.MM.YYYY`, `YYYY-MM-DD dddd`,
 * `dddd, MMMM Do YYYY`, `YYYY/MM/YYYY-MM-DD` (folders by date). Compiled once per setting into a
 * matcher over the note's path below its folder; literals are escaped, so a format is never a
 * pattern of its own, and every part is bounded, so a match is linear in the name.
 */
import { dayFromYmd, isValidYmd, type Day } from "./dates";
import { monthFromName } from "./month-names";
import { escapeRegExp } from "./text";

type Part = "year" | "year2" | "month" | "monthName" | "day" | "dayOrdinal" | "weekday";

/** Longest token first: `YYYY` before `YY`, `MMMM` before `MMM` before `MM` before `M`. */
const TOKENS: readonly [string, Part, string][] = [
	["YYYY", "year", "(\\d{4})"],
	["YY", "year2", "(\\d{2})"],
	["MMMM", "monthName", "([A-Za-z]{3,9}\\.?)"],
	["MMM", "monthName", "([A-Za-z]{3,4}\\.?)"],
	["MM", "month", "(\\d{2})"],
	["M", "month", "(\\d{1,2})"],
	["Do", "dayOrdinal", "(\\d{1,2})(?:st|nd|rd|th)"],
	["DD", "day", "(\\d{2})"],
	["D", "day", "(\\d{1,2})"],
	["dddd", "weekday", "[A-Za-z]{6,9}"],
	["ddd", "weekday", "[A-Za-z]{3}"],
];

export interface JournalFormat {
	/** Reads a day from a note's path below its journal folder, without `.md`; null when it is no such name. */
	read(name: string): Day | null;
}

/** The format compiled, or null when it holds a token that does not name a day (weeks, hours…). */
export function compileJournalFormat(format: string): JournalFormat | null {
	let pattern = "";
	const parts: Part[] = [];
	let i = 0;
	while (i < format.length) {
		if (format[i] === "[") {
			const close = format.indexOf("]", i + 1);
			if (close < 0) return null;
			pattern += escapeRegExp(format.slice(i + 1, close));
			i = close + 1;
			continue;
		}
		const token = TOKENS.find(([t]) => format.startsWith(t, i));
		if (token) {
			pattern += token[2];
			if (token[1] !== "weekday") parts.push(token[1]);
			i += token[0].length;
		} else if (/[A-Za-z]/.test(format[i])) {
			return null;
		} else {
			pattern += escapeRegExp(format[i]);
			i++;
		}
	}
	const has = (...wanted: Part[]) => wanted.some((p) => parts.includes(p));
	if (!has("year", "year2") || !has("month", "monthName") || !has("day", "dayOrdinal")) return null;
	const re = new RegExp(`^${pattern}$`, "i");
	return {
		read(name) {
			const m = re.exec(name);
			if (!m) return null;
			let year = -1;
			let month = -1;
			let day = -1;
			for (let k = 0; k < parts.length; k++) {
				const text = m[k + 1];
				const part = parts[k];
				const n =
					part === "monthName" ? (monthFromName(text) ?? Number.NaN) : part === "year2" ? Number(text) + 2000 : Number(text);
				// A format may repeat a part (`YYYY/YYYY-MM-DD`): every occurrence must agree.
				const agreed = (old: number) => (old >= 0 && old !== n ? Number.NaN : n);
				if (part === "year" || part === "year2") year = agreed(year);
				else if (part === "month" || part === "monthName") month = agreed(month);
				else day = agreed(day);
			}
			return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : null;
		},
	};
}
