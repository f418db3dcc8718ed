/**
 * People as one vCard 3.0 file, so the network can go back into a phone's address book: the
 * properties an import writes, read back from each person's frontmatter. Importing the file
 * again into the same vault changes nothing (tested as a property).
 */
import { utcDay, ymdFromDay } from "../dates";
import { findKeySpelling } from "../keys";
import { readBirthdayProperty } from "../person";
import type { Settings } from "../settings";
import { isValidTag } from "../tags";
import { readContactDate, type ContactDate } from "./contact";
import { writtenEmails, type ExistingPerson } from "./match";
import { IMPORT_KEYS } from "./plan";

function escapeValue(text: string): string {
	return text
		.replace(/\\/g, "\\\\")
		.replace(/\r\n?|\n/g, "\\n")
		.replace(/[,;]/g, (c) => `\\${c}`);
}

const encoder = new TextEncoder();

/** A content line folded at 75 octets (RFC 2426), never inside a UTF-8 character. */
function fold(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const out: string[] = [];
	let current = "";
	let bytes = 0;
	for (const ch of line) {
		const size = encoder.encode(ch).length;
		const limit = out.length === 0 ? 75 : 74;
		if (bytes + size > limit) {
			out.push(current);
			current = "";
			bytes = 0;
		}
		current += ch;
		bytes += size;
	}
	out.push(current);
	return out.join("\r\n ");
}

function values(data: Readonly<Record<string, unknown>>, configured: string): string[] {
	const key = findKeySpelling(Object.keys(data), configured);
	if (key === undefined) return [];
	const value = data[key];
	const list: unknown[] = Array.isArray(value) ? value : [value];
	return list
		.filter((v): v is string | number => typeof v === "string" || typeof v === "number")
		.map((v) => String(v).trim())
		.filter(Boolean);
}

function dateOf(data: Readonly<Record<string, unknown>>, configured: string): ContactDate | null {
	const key = findKeySpelling(Object.keys(data), configured);
	if (key === undefined) return null;
	const value = data[key];
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return null;
		const { year, month, day } = ymdFromDay(utcDay(value));
		return { year, month, day };
	}
	if (typeof value !== "string") return null;
	const monthDay = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim());
	return monthDay ? readContactDate(`--${monthDay[1].padStart(2, "0")}-${monthDay[2].padStart(2, "0")}`) : readContactDate(value);
}

/** A date property; without a year, Apple's `1604` with `X-APPLE-OMIT-YEAR`, which phones and Google read. */
function dateLine(name: string, date: ContactDate): string {
	const md = `${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
	return date.year === null ? `${name};X-APPLE-OMIT-YEAR=1604:1604-${md}` : `${name}:${String(date.year).padStart(4, "0")}-${md}`;
}

function card(person: ExistingPerson, settings: Settings): string[] {
	const data = person.frontmatter ?? {};
	const k = IMPORT_KEYS;
	const words = person.name.trim().split(/\s+/);
	const family = words.length > 1 ? words[words.length - 1] : "";
	const given = words.length > 1 ? words.slice(0, -1).join(" ") : person.name.trim();
	const lines = ["BEGIN:VCARD", "VERSION:3.0", `FN:${escapeValue(person.name)}`, `N:${escapeValue(family)};${escapeValue(given)};;;`];
	const nicknames = person.aliases.filter((a) => a.trim() !== "");
	if (nicknames.length > 0) lines.push(`NICKNAME:${nicknames.map(escapeValue).join(",")}`);
	// The emails matching reads (email, emails, mail…), each once.
	const emails = new Set<string>();
	for (const email of writtenEmails(data)) {
		if (emails.has(email.toLowerCase())) continue;
		emails.add(email.toLowerCase());
		lines.push(`EMAIL;TYPE=INTERNET:${escapeValue(email)}`);
	}
	for (const phone of values(data, k.phone)) lines.push(`TEL:${escapeValue(phone)}`);
	for (const address of values(data, k.address)) lines.push(`ADR:;;${escapeValue(address)};;;;`);
	const [company] = values(data, k.company);
	if (company) lines.push(`ORG:${escapeValue(company)}`);
	const [role] = values(data, k.role);
	if (role) lines.push(`TITLE:${escapeValue(role)}`);
	for (const url of values(data, k.website)) lines.push(`URL:${escapeValue(url)}`);
	const [linkedin] = values(data, k.linkedin);
	if (linkedin) lines.push(`X-SOCIALPROFILE;TYPE=linkedin:${escapeValue(linkedin)}`);
	// Every form the person record reads (`May 12`, `12 May 1990`, `1990/05/12`…).
	const birthday = readBirthdayProperty({ ...data }, settings.keys.birthday);
	if (birthday) lines.push(dateLine("BDAY", birthday));
	const anniversary = dateOf(data, k.anniversary);
	if (anniversary) lines.push(dateLine("X-ANNIVERSARY", anniversary));
	const personTag = settings.personTag.toLowerCase();
	const tags = person.tags.filter((t) => isValidTag(t) && t !== personTag);
	if (tags.length > 0) lines.push(`CATEGORIES:${tags.map(escapeValue).join(",")}`);
	lines.push("END:VCARD");
	return lines.map(fold);
}

/** Everyone as one vCard 3.0 file (CRLF line ends, as the standard asks). */
export function peopleToVcard(people: readonly ExistingPerson[], settings: Settings): string {
	return people.map((p) => card(p, settings).join("\r\n")).join("\r\n") + (people.length > 0 ? "\r\n" : "");
}
