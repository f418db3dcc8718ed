/**
 * The digest: who is overdue, who comes due in the next days, open favors both ways and the
 * birthdays ahead, as Markdown. The CLI prints it (for cron or mail), the command "Insert digest"
 * puts it at the cursor and a setting adds it to today's daily note: one text for all three.
 *
 * It is a callout (`> [!note] Stay in touch digest, …`, every line quoted): it lands in daily
 * notes, where a link to a person is contact, and the digest links everyone it lists. Links in a
 * quote or callout are no contact (core/mentions.ts, for the plugin and the CLI alike), so a
 * digest never marks the people it reminds of as contacted today.
 */
import { formatDay, weekdayName, ymdFromDay, type Day } from "./dates";
import { relativeDays } from "./query/text";
import { compareByUrgency, compareNames, type Scheduled, type Status } from "./schedule";
import { plural } from "./text";

/** Who can come due in the days ahead: `ok` too, when the days reach past the due-soon window. */
const DUE_AHEAD: ReadonlySet<Status> = new Set<Status>(["due", "soon", "ok"]);

/** The digest's title, without its `#`s: how a daily note is known to have its digest already. */
export const DIGEST_TITLE = "Stay in touch digest";

export interface DigestOptions {
	today: Day;
	/** How many days ahead "due this week" and birthdays look (default 7). */
	days: number;
	/** 1 for a message of its own, 2 inside a note: the sections' headings are one deeper (`##`, `###`). */
	level: number;
}

/** `[[Name]]`, or `[[Folder/Name|Name]]` when two people share the name. */
function linker(list: readonly Scheduled[]): (s: Scheduled) => string {
	const seen = new Map<string, number>();
	for (const { person } of list) seen.set(person.name, (seen.get(person.name) ?? 0) + 1);
	return ({ person }) =>
		(seen.get(person.name) ?? 0) > 1 ? `[[${person.path.replace(/\.md$/i, "")}|${person.name}]]` : `[[${person.name}]]`;
}

function since(day: Day | null): string {
	return day === null ? "" : ` (since ${formatDay(day)})`;
}

function dayText(day: Day, today: Day): string {
	const n = day - today;
	return n === 0 ? "today" : n === 1 ? "tomorrow" : `${weekdayName(day)} ${formatDay(day)}`;
}

/** The digest as Markdown, ending with a newline; sections with nobody in them are left out. */
export function digestText(list: readonly Scheduled[], options: DigestOptions): string {
	const { today, days } = options;
	const h = "#".repeat(Math.max(1, Math.min(5, options.level)));
	const link = linker(list);
	const sections: { title: string; lines: string[] }[] = [];

	const overdue = list.filter((s) => s.schedule.status === "overdue").sort(compareByUrgency);
	sections.push({
		title: "Overdue",
		lines: overdue.map((s) => {
			const cadence = s.schedule.cadence?.label ?? "";
			const last = s.schedule.daysSince === null ? "" : `, last contact ${relativeDays(s.schedule.daysSince)}`;
			return `- ${link(s)}: ${plural(s.schedule.daysOverdue ?? 0, "day")} overdue (${cadence}${last})`;
		}),
	});

	const dueSoon = list
		.filter((s) => DUE_AHEAD.has(s.schedule.status) && (s.schedule.dueDay ?? Infinity) <= today + days)
		.sort((a, b) => (a.schedule.dueDay ?? 0) - (b.schedule.dueDay ?? 0) || compareNames(a.person, b.person));
	const never = list.filter((s) => s.schedule.status === "never").sort((a, b) => compareNames(a.person, b.person));
	sections.push({
		title: days === 7 ? "Due this week" : `Due in the next ${plural(days, "day")}`,
		lines: [
			...dueSoon.map((s) => `- ${link(s)}: due ${dayText(Math.max(s.schedule.dueDay ?? today, today), today)}`),
			...never.map((s) => `- ${link(s)}: not contacted yet`),
		],
	});

	const owe = list.filter((s) => s.person.owedFavors.length > 0).sort((a, b) => compareNames(a.person, b.person));
	const owed = list.filter((s) => s.person.owedToMe.length > 0).sort((a, b) => compareNames(a.person, b.person));
	sections.push({
		title: "Favors",
		lines: [
			...owe.flatMap((s) => s.person.owedFavors.map((f) => `- You owe ${link(s)}: ${f.text}${since(f.day)}`)),
			...owed.flatMap((s) => s.person.owedToMe.map((f) => `- ${link(s)} owes you: ${f.text}${since(f.day)}`)),
		],
	});

	const birthdays = list
		.filter((s) => s.schedule.daysUntilBirthday !== null && s.schedule.daysUntilBirthday <= days)
		.sort((a, b) => (a.schedule.daysUntilBirthday ?? 0) - (b.schedule.daysUntilBirthday ?? 0) || compareNames(a.person, b.person));
	sections.push({
		title: "Birthdays",
		lines: birthdays.map((s) => {
			const year = s.person.birthday?.year ?? null;
			const next = s.schedule.nextBirthday ?? today;
			const age = year === null ? "" : ` (turns ${ymdFromDay(next).year - year})`;
			return `- ${link(s)}: ${dayText(next, today)}${age}`;
		}),
	});

	const out = [`[!note] ${DIGEST_TITLE}, ${formatDay(today)}`, ""];
	const shown = sections.filter((s) => s.lines.length > 0);
	if (shown.length === 0)
		out.push(`Nobody is overdue or due in the next ${plural(days, "day")}, no favor is open and no birthday is near.`, "");
	for (const section of shown) out.push(`${h}# ${section.title}`, "", ...section.lines, "");
	while (out[out.length - 1] === "") out.pop();
	return out.map((line) => (line === "" ? ">" : `> ${line}`)).join("\n") + "\n";
}

/** A line that is the digest's title: the callout's, or a heading at any level (as digests were once written). */
const DIGEST_HEADING = new RegExp(`^(?:#{1,6}|>\\s*\\[![^\\]]+\\][+-]?) ${DIGEST_TITLE}\\b`, "m");

/**
 * The daily note with the digest added at its end, or null when it has one already (the setting
 * adds it once a day; a note that has it is left as it is). The note's line ends are kept and
 * every byte before the end stays as it was.
 */
export function appendDigest(note: string, digest: string): string | null {
	if (DIGEST_HEADING.test(note)) return null;
	const eol = note.includes("\r\n") ? "\r\n" : "\n";
	const body = digest.replace(/\n/g, eol);
	if (note.trim() === "") return note + body;
	const end = note.endsWith(eol) ? note : note + eol;
	return `${end}${eol}${body}`;
}
