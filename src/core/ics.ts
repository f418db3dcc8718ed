/**
 * An iCalendar file (RFC 5545) of what the vault knows, for a calendar app that subscribes to it:
 * every birthday as a yearly all-day event, and every tracked person's next due date as an
 * all-day event with an alarm at 9:00. UIDs come from the note's path, so a calendar that reads
 * the file again updates its events instead of adding copies.
 *
 * A due date already past (overdue) is put on today, where its alarm can still fire; a snoozed
 * person's on the day the snooze ends; a person with a cadence and no contact yet, on today.
 */
import { formatDay, isLeapYear, pad2, ymdFromDay, type Day } from "./dates";
import type { Scheduled } from "./schedule";
import { plural } from "./text";

const CRLF = "\r\n";
/** RFC 5545 §3.1: lines longer than 75 octets are folded. */
const MAX_OCTETS = 75;
// eslint-disable-next-line no-control-regex -- every ASCII character, control ones included
const ASCII = /^[\u0000-\u007f]*$/;

/** FNV-1a over the UTF-16 code units, twice with different seeds: 16 hex digits, stable across runs and platforms. */
export function stableId(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193) >>> 0;
		b = Math.imul(b ^ c, 0x01000193 + 0x1000) >>> 0;
	}
	return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(text: string): string {
	return (
		text
			.replace(/\r\n?/g, "\n")
			// eslint-disable-next-line no-control-regex -- control characters are what is removed
			.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "")
			.replace(/[\\;,]/g, (c) => `\\${c}`)
			.replace(/\n/g, "\\n")
	);
}

function utf8Length(codePoint: number): number {
	return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets, never inside a UTF-8 sequence; continuation lines start with a space. */
export function foldLine(line: string): string {
	// Most lines are short: a UTF-16 code unit is at most 3 octets in UTF-8 (a pair, 4 for two).
	if (line.length * 3 <= MAX_OCTETS || (line.length <= MAX_OCTETS && ASCII.test(line))) return line;
	let out = "";
	let octets = 0;
	for (const ch of line) {
		const n = utf8Length(ch.codePointAt(0) ?? 0);
		if (octets + n > MAX_OCTETS) {
			out += `${CRLF} `;
			octets = 1;
		}
		out += ch;
		octets += n;
	}
	return out;
}

function icsDate(day: Day): string {
	const { year, month, day: d } = ymdFromDay(day);
	return `${String(year).padStart(4, "0")}${pad2(month)}${pad2(d)}`;
}

/** The year a yearless birthday's events start from: a leap year, so Feb 29 is a real date. */
const YEARLESS_START = 2000;

function birthdayEvent(s: Scheduled, stamp: string): string[] {
	const b = s.person.birthday;
	if (b === null) return [];
	let year = b.year ?? YEARLESS_START;
	// A Feb 29 birthday with a year that is not a leap year cannot be: start from the leap year before.
	if (b.month === 2 && b.day === 29) while (!isLeapYear(year)) year -= 1;
	const start = `${String(year).padStart(4, "0")}${pad2(b.month)}${pad2(b.day)}`;
	// Feb 29 falls on the last day of February in other years, as the sidebar counts it.
	const rule = b.month === 2 && b.day === 29 ? "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "RRULE:FREQ=YEARLY";
	return [
		"BEGIN:VEVENT",
		`UID:birthday-${stableId(s.person.path)}@stay-in-touch`,
		`DTSTAMP:${stamp}`,
		`DTSTART;VALUE=DATE:${start}`,
		rule,
		`SUMMARY:${escapeText(`${s.person.name}'s birthday`)}`,
		"TRANSP:TRANSPARENT",
		"END:VEVENT",
	];
}

/** The day the due event goes on, and what it says; null when the person has nothing due. */
function dueOf(s: Scheduled, today: Day): { day: Day; note: string } | null {
	const { schedule, person } = s;
	const cadence = schedule.cadence?.label ?? "";
	if (schedule.status === "never") return { day: today, note: `${cadence} · not contacted yet` };
	if (schedule.dueDay === null) return null;
	const last = schedule.lastContact === null ? "" : ` · last contact ${formatDay(schedule.lastContact)}`;
	if (schedule.status === "snoozed" && person.snoozeUntil !== null) {
		return {
			day: Math.max(schedule.dueDay, person.snoozeUntil),
			note: `${cadence}${last} · snoozed until ${formatDay(person.snoozeUntil)}`,
		};
	}
	if (schedule.dueDay < today) {
		const overdue =
			schedule.daysOverdue !== null && schedule.daysOverdue > 0 ? ` · ${plural(schedule.daysOverdue, "day")} overdue` : "";
		return { day: today, note: `${cadence}${last} · due since ${formatDay(schedule.dueDay)}${overdue}` };
	}
	return { day: schedule.dueDay, note: `${cadence}${last}` };
}

function dueEvent(s: Scheduled, today: Day, stamp: string): string[] {
	const due = dueOf(s, today);
	if (due === null) return [];
	const summary = escapeText(`Get in touch with ${s.person.name}`);
	const favors = s.person.owedFavors.length > 0 ? ` · you owe them: ${s.person.owedFavors.map((f) => f.text).join("; ")}` : "";
	return [
		"BEGIN:VEVENT",
		`UID:due-${stableId(s.person.path)}@stay-in-touch`,
		`DTSTAMP:${stamp}`,
		`DTSTART;VALUE=DATE:${icsDate(due.day)}`,
		`DTEND;VALUE=DATE:${icsDate(due.day + 1)}`,
		`SUMMARY:${summary}`,
		`DESCRIPTION:${escapeText(`${due.note}${favors}`)}`,
		"TRANSP:TRANSPARENT",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		`DESCRIPTION:${summary}`,
		"TRIGGER:PT9H",
		"END:VALARM",
		"END:VEVENT",
	];
}

/** RFC 5545 §3.3.5 UTC date-time (`20261126T083005Z`) of an instant. */
export function icsStamp(instant: Date): string {
	return instant
		.toISOString()
		.replace(/\.\d+Z$/, "Z")
		.replace(/[-:]/g, "");
}

/**
 * The calendar: birthdays and due dates of `list` (any order; events follow it), CRLF line ends.
 * `now` is when it is made (DTSTAMP, in UTC): the real instant, not today's local midnight, which
 * would lie in the future east of Greenwich.
 */
export function icsText(list: readonly Scheduled[], today: Day, now: Date): string {
	const stamp = icsStamp(now);
	const lines = [
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Stay in touch//stay-in-touch//EN",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"X-WR-CALNAME:Stay in touch",
	];
	for (const s of list) {
		if (s.schedule.status === "problem") continue;
		lines.push(...birthdayEvent(s, stamp));
		if (s.schedule.status !== "ignored") lines.push(...dueEvent(s, today, stamp));
	}
	lines.push("END:VCALENDAR");
	return lines.map(foldLine).join(CRLF) + CRLF;
}
