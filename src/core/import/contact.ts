/**
 * One contact as every import format reads into it (vCard, Google Contacts CSV, LinkedIn
 * Connections.csv), before it is matched to a person note.
 */
import { isValidYmd, pad2 } from "../dates";

/** A date as an address book keeps it: a birthday may have no year. */
export interface ContactDate {
	year: number | null;
	month: number;
	day: number;
}

export interface Contact {
	/** Where in the file it came from, for messages: "card 3 (line 41)", "row 12". */
	source: string;
	/** The name to show and to name a new note by. */
	fullName: string;
	nicknames: string[];
	emails: string[];
	phones: string[];
	/** One line each: "12 Main St, Springfield, 12345, USA". */
	addresses: string[];
	organization: string;
	title: string;
	note: string;
	/** Categories, Google labels (system labels such as `* myContacts` dropped). */
	labels: string[];
	websites: string[];
	linkedin: string;
	uid: string;
	birthday: ContactDate | null;
	anniversary: ContactDate | null;
	/** When you met: LinkedIn's `Connected On`. */
	met: ContactDate | null;
}

/** What a file held besides contacts: an entry that is no contact (a group), and why. */
export interface SkippedEntry {
	source: string;
	name: string;
	reason: string;
}

export type ContactFormat = "vcard" | "google" | "linkedin";

export interface ContactFile {
	format: ContactFormat;
	contacts: Contact[];
	skipped: SkippedEntry[];
}

export type ContactRead = ({ ok: true } & ContactFile) | { ok: false; error: string };

export function emptyContact(source: string): Contact {
	return {
		source,
		fullName: "",
		nicknames: [],
		emails: [],
		phones: [],
		addresses: [],
		organization: "",
		title: "",
		note: "",
		labels: [],
		websites: [],
		linkedin: "",
		uid: "",
		birthday: null,
		anniversary: null,
		met: null,
	};
}

/** The keys already in a list, so adding to it stays linear: rebuilt when the list changed by other means. */
const listKeys = new WeakMap<string[], { keys: Set<string>; length: number; caseless: boolean }>();

/** Adds `value` to `list` unless blank or already there (emails compared without case). */
export function addUnique(list: string[], value: string, caseless = false): void {
	const v = value.trim();
	if (v === "") return;
	const fold = (x: string) => (caseless ? x.toLowerCase() : x);
	let known = listKeys.get(list);
	if (known === undefined || known.length !== list.length || known.caseless !== caseless) {
		known = { keys: new Set(list.map(fold)), length: list.length, caseless };
		listKeys.set(list, known);
	}
	const key = fold(v);
	if (known.keys.has(key)) return;
	known.keys.add(key);
	list.push(v);
	known.length = list.length;
}

/** An email as written in a contact: `mailto:` and angle brackets taken off. */
export function cleanEmail(value: string): string {
	return value
		.trim()
		.replace(/^mailto:/i, "")
		.replace(/^<(.*)>$/, "$1")
		.trim();
}

/** Whether a web address is a LinkedIn profile. */
export function isLinkedInUrl(url: string): boolean {
	return /^(?:https?:\/\/)?(?:[\w-]+\.)?linkedin\.com\//i.test(url.trim());
}

/**
 * A date as address books write one: `1990-05-12`, `19900512`, `--05-12`, `--0512`, a date-time
 * (`1990-05-12T00:00:00Z`), and the year `0000` or `1604` standing for none (`omitYear`, Apple's
 * `X-APPLE-OMIT-YEAR` parameter, names the year that means "no year"). Null when it is none.
 */
export function readContactDate(text: string, omitYear: number | null = null): ContactDate | null {
	const t = text.trim();
	const m = /^(?:(\d{4})-?|--)(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
	if (!m) return null;
	let year = m[1] === undefined ? null : Number(m[1]);
	if (year === 0 || (omitYear !== null && year === omitYear)) year = null;
	const month = Number(m[2]);
	const day = Number(m[3]);
	return isValidYmd(year ?? 2000, month, day) ? { year, month, day } : null;
}

/** `1990-05-12`, or `--05-12` without a year (as the birthday property reads it). */
export function formatContactDate(date: ContactDate): string {
	const md = `${pad2(date.month)}-${pad2(date.day)}`;
	return date.year === null ? `--${md}` : `${String(date.year).padStart(4, "0")}-${md}`;
}

/** The largest file read: contacts without photos fit many times over; a bigger one is refused unread. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The file's bytes as text: UTF-8 (with or without a BOM) or UTF-16 with its BOM (Outlook's and
 * some Windows exports). Anything else is refused with what to do, never read as mojibake.
 */
/** Why a file of `size` bytes is not read, or null when it may be: asked with the file's size before it is loaded. */
export function contactFileTooLarge(name: string, size: number): string | null {
	if (size <= MAX_IMPORT_BYTES) return null;
	return `${name} is ${megabytes(size)}; files up to ${megabytes(MAX_IMPORT_BYTES)} can be imported (export contacts without photos, or in parts)`;
}

export function decodeContactFile(name: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
	const tooLarge = contactFileTooLarge(name, bytes.length);
	if (tooLarge !== null) return { ok: false, error: tooLarge };
	let encoding = "utf-8";
	if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
	else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = "utf-16be";
	try {
		const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
		if (text.includes("\u0000")) return { ok: false, error: `${name} is not a text file` };
		return { ok: true, text };
	} catch {
		return {
			ok: false,
			error: `${name} is not UTF-8 text (it may have been saved as Latin-1 or Windows-1252); export it again as UTF-8`,
		};
	}
}
