/**
 * What an import will do, decided before anything is written: each contact becomes a new person
 * note, fills the empty properties of the person it matches, or is listed as ambiguous or
 * skipped with why. The preview shows this plan and the CLI prints it; applying it writes exactly
 * what it lists (`import-write.ts`).
 */
import { addUnique, emptyContact, formatContactDate, type Contact, type ContactFile, type ContactFormat } from "./contact";
import { contactsConflict, emailKey, linkedinKey, nameKey, PeopleMatcher, type ExistingPerson } from "./match";
import { findKeySpelling } from "../keys";
import type { Settings } from "../settings";
import { isValidTag } from "../tags";

/** The properties an import writes (the birthday goes to the configured birthday key). */
export const IMPORT_KEYS = {
	aliases: "aliases",
	email: "email",
	phone: "phone",
	address: "address",
	company: "company",
	role: "role",
	website: "website",
	linkedin: "linkedin",
	anniversary: "anniversary",
	met: "met",
} as const;

export interface Fill {
	key: string;
	value: string | string[];
	/** Written as a date (`1990-05-12` plain, `--05-12` without a year). */
	date: boolean;
}

export type RowKind = "new" | "update" | "unchanged" | "ambiguous" | "skipped";

export interface PlanRow {
	kind: RowKind;
	/** The person's name: the contact's, or the matched note's. */
	name: string;
	/** The note written: the new note's path or the matched one's; "" when none. */
	path: string;
	/** Where in the file the contact(s) came from ("row 12", "card 3 (line 41)"). */
	sources: string[];
	/** The contact (merged, when several rows of the file are one person). */
	contact: Contact | null;
	/** Properties to give a value (only empty ones, for a matched note). */
	fills: Fill[];
	/** Tags to add. */
	tags: string[];
	/** For an ambiguous contact: the notes it could be. */
	candidates: string[];
	/** Why a contact is skipped, or a note on what will not be written. */
	reason: string;
}

export interface ImportPlan {
	format: ContactFormat;
	rows: PlanRow[];
}

export type PlanCounts = Record<RowKind, number>;

export function planCounts(rows: readonly PlanRow[]): PlanCounts {
	const counts: PlanCounts = { new: 0, update: 0, unchanged: 0, ambiguous: 0, skipped: 0 };
	for (const row of rows) counts[row.kind]++;
	return counts;
}

/** Characters no note name may hold on some system or in a link (`[[…|…#…^…]]`). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not hold
const UNSAFE_NAME = /[\\/:*?"<>|#^[\]\u0000-\u001f]+/g;

/**
 * The most a note's name holds, in UTF-8 bytes: file systems take 255 per name, and a new note's
 * name also gets a number (" 2"), ".md" and, while the CLI writes it, ".stay-in-touch.tmp".
 */
export const MAX_NAME_BYTES = 200;
const MAX_NAME_CHARACTERS = 120;

/** Names Windows reserves for devices, with or without an extension (`CON`, `nul.txt`, `COM1`). */
const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;

/** At most `MAX_NAME_CHARACTERS` characters and `MAX_NAME_BYTES` bytes, never cutting a character in two. */
function limitName(name: string): string {
	let bytes = 0;
	let count = 0;
	let end = 0;
	for (const ch of name) {
		const cp = ch.codePointAt(0) ?? 0;
		const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		if (bytes + size > MAX_NAME_BYTES || count === MAX_NAME_CHARACTERS) break;
		bytes += size;
		count++;
		end += ch.length;
	}
	return name.slice(0, end);
}

/**
 * A contact's name as a note's file name; "" when nothing usable is left. Never hidden (no dot
 * first), never a device name Windows reserves, never too long for a file system.
 */
export function safeNoteName(name: string): string {
	const cleaned = name
		.replace(UNSAFE_NAME, " ")
		.replace(/\s+/g, " ")
		.replace(/^[.\s]+/, "");
	return limitName(cleaned).trim().replace(RESERVED_NAME, "$1_");
}

/** A label as a tag (spaces become hyphens); null when it cannot be one. */
export function labelTag(label: string): string | null {
	const tag = label.trim().replace(/^#+/, "").replace(/\s+/g, "-");
	return isValidTag(tag) ? tag : null;
}

function isBlank(value: unknown): boolean {
	return (
		value === null ||
		value === undefined ||
		(typeof value === "string" && value.trim() === "") ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** Every property the contact has a value for, as the import writes them. */
export function contactFills(contact: Contact, settings: Settings): Fill[] {
	const fills: Fill[] = [];
	const list = (key: string, values: string[]) => {
		if (values.length > 0) fills.push({ key, value: [...values], date: false });
	};
	const text = (key: string, value: string) => {
		if (value.trim() !== "") fills.push({ key, value: value.trim(), date: false });
	};
	const k = IMPORT_KEYS;
	list(k.aliases, contact.nicknames);
	list(k.email, contact.emails);
	list(k.phone, contact.phones);
	list(k.address, contact.addresses);
	text(k.company, contact.organization);
	text(k.role, contact.title);
	list(k.website, contact.websites);
	text(k.linkedin, contact.linkedin);
	if (contact.birthday) fills.push({ key: settings.keys.birthday, value: formatContactDate(contact.birthday), date: true });
	if (contact.anniversary) fills.push({ key: k.anniversary, value: formatContactDate(contact.anniversary), date: true });
	if (contact.met) fills.push({ key: k.met, value: formatContactDate(contact.met), date: true });
	return fills;
}

function contactTags(contact: Contact): string[] {
	const tags: string[] = [];
	const seen = new Set<string>();
	for (const label of contact.labels) {
		const tag = labelTag(label);
		if (tag === null || seen.has(tag.toLowerCase())) continue;
		seen.add(tag.toLowerCase());
		tags.push(tag);
	}
	return tags;
}

/**
 * The notes of contacts merged into one, kept apart until the plan is done: joined once, so a
 * file of thousands of rows that are one person stays linear.
 */
type NoteParts = Map<Contact, { parts: string[]; seen: Set<string> }>;

function addNote(notes: NoteParts, into: Contact, note: string): void {
	let entry = notes.get(into);
	if (entry === undefined) {
		entry = { parts: into.note === "" ? [] : [into.note], seen: new Set(into.note === "" ? [] : [into.note]) };
		notes.set(into, entry);
	}
	if (note === "" || entry.seen.has(note)) return;
	entry.seen.add(note);
	entry.parts.push(note);
}

/** Adds what `from` knows and `into` does not: lists are joined, a single value kept from the first. */
function mergeContact(into: Contact, from: Contact, notes: NoteParts): void {
	for (const nick of from.nicknames) addUnique(into.nicknames, nick);
	for (const email of from.emails) addUnique(into.emails, email, true);
	for (const phone of from.phones) addUnique(into.phones, phone);
	for (const address of from.addresses) addUnique(into.addresses, address);
	for (const label of from.labels) addUnique(into.labels, label);
	for (const url of from.websites) addUnique(into.websites, url);
	into.fullName ||= from.fullName;
	into.organization ||= from.organization;
	into.title ||= from.title;
	into.linkedin ||= from.linkedin;
	into.uid ||= from.uid;
	addNote(notes, into, from.note);
	into.birthday ??= from.birthday;
	into.anniversary ??= from.anniversary;
	into.met ??= from.met;
}

function copyContact(contact: Contact): Contact {
	return {
		...contact,
		nicknames: [...contact.nicknames],
		emails: [...contact.emails],
		phones: [...contact.phones],
		addresses: [...contact.addresses],
		labels: [...contact.labels],
		websites: [...contact.websites],
	};
}

/** The folder new people go in: the first people folder. */
export function importFolder(settings: Settings): string {
	return (settings.peopleFolders[0] ?? "").replace(/^\/+|\/+$/g, "");
}

/**
 * The key a note keeps its aliases under: `aliases`, or `alias` as Obsidian also reads it (as
 * spelled). One property: a second key beside the user's would hide theirs.
 */
export function aliasesKey(keys: readonly string[]): string {
	return findKeySpelling(keys, IMPORT_KEYS.aliases) ?? findKeySpelling(keys, "alias") ?? IMPORT_KEYS.aliases;
}

/** The fills and tags a matched person lacks: only what is empty in the note, only tags it does not have. */
function missingFor(row: PlanRow, person: ExistingPerson, settings: Settings): void {
	const contact = row.contact;
	if (contact === null || person.frontmatter === null) return;
	const data = person.frontmatter;
	const keys = Object.keys(data);
	row.fills = contactFills(contact, settings).filter((fill) => {
		const key = fill.key === IMPORT_KEYS.aliases ? aliasesKey(keys) : findKeySpelling(keys, fill.key);
		return key === undefined || isBlank(data[key]);
	});
	const has = new Set(person.tags.map((t) => t.toLowerCase()));
	row.tags = contactTags(contact).filter((t) => !has.has(t.toLowerCase()));
	row.kind = row.fills.length > 0 || row.tags.length > 0 ? "update" : "unchanged";
}

/**
 * New rows of one folded name, in the file's order, with where the first row still lacking an
 * email, a LinkedIn profile, or both, is. A row only ever gains those, so each pointer only moves
 * forward: thousands of namesakes stay linear.
 */
interface Namesakes {
	rows: PlanRow[];
	noEmail: number;
	noLinkedin: number;
	noBoth: number;
}

function firstFrom(rows: readonly PlanRow[], from: number, lacks: (c: Contact) => boolean): number {
	let i = from;
	while (i < rows.length && !lacks(rows[i].contact as Contact)) i++;
	return i;
}

/**
 * The earlier new row a contact of the file is, by name: only one without an email when the
 * contact has one (two emails are two people), only one without a LinkedIn profile when the
 * contact has one (the same profile is found before the name), never one with another UID.
 */
function namesake(group: Namesakes, contact: Contact): PlanRow | undefined {
	const hasEmail = contact.emails.length > 0;
	const hasLinkedin = linkedinKey(contact.linkedin) !== "";
	const noEmail = (c: Contact) => c.emails.length === 0;
	const noLinkedin = (c: Contact) => linkedinKey(c.linkedin) === "";
	let at = 0;
	if (hasEmail && hasLinkedin) at = group.noBoth = firstFrom(group.rows, group.noBoth, (c) => noEmail(c) && noLinkedin(c));
	else if (hasEmail) at = group.noEmail = firstFrom(group.rows, group.noEmail, noEmail);
	else if (hasLinkedin) at = group.noLinkedin = firstFrom(group.rows, group.noLinkedin, noLinkedin);
	const found = group.rows[at];
	return found?.contact && !contactsConflict(found.contact, contact) ? found : undefined;
}

/**
 * The plan for a file's contacts against the vault's people. `taken` says whether a path is
 * already a file (a new note never replaces one: it gets " 2"). Contacts of the file that are one
 * person (the same email or LinkedIn profile, or the same name where one has no email) become
 * one row; two with different LinkedIn profiles (or vCard UIDs) never do.
 */
export function planImport(
	file: ContactFile,
	people: readonly ExistingPerson[],
	settings: Settings,
	taken: (path: string) => boolean,
): ImportPlan {
	const matcher = new PeopleMatcher(people);
	const rows: PlanRow[] = [];
	const byPath = new Map<string, { row: PlanRow; person: ExistingPerson }>();
	const newByEmail = new Map<string, PlanRow>();
	const newByLinkedin = new Map<string, PlanRow>();
	const newByName = new Map<string, Namesakes>();
	const newPaths = new Set<string>();
	const suffixes = new Map<string, number>();
	const folder = importFolder(settings);
	const position = new Map(file.contacts.map((c, i) => [c, i]));
	const firstContact = new Map<PlanRow, number>();
	const notes: NoteParts = new Map();
	const row = (kind: RowKind, contact: Contact, name: string): PlanRow => {
		const made: PlanRow = {
			kind,
			name,
			path: "",
			sources: [contact.source],
			contact: copyContact(contact),
			fills: [],
			tags: [],
			candidates: [],
			reason: "",
		};
		firstContact.set(made, position.get(contact) ?? -1);
		return made;
	};

	for (const skipped of file.skipped) {
		const r = row("skipped", emptyContact(skipped.source), skipped.name);
		r.contact = null;
		r.reason = skipped.reason;
		rows.push(r);
	}
	// A contact with no usable name is placed last: it may be an email of someone a later row names.
	const nameless = (c: Contact) => safeNoteName(c.fullName) === "";
	// Those with an email first: merging one can bring the LinkedIn profile a later one is found by.
	const order = [
		...file.contacts.filter((c) => !nameless(c)),
		...file.contacts.filter((c) => nameless(c) && c.emails.length > 0),
		...file.contacts.filter((c) => nameless(c) && c.emails.length === 0),
	];
	// A nameless contact no row is found for waits under its emails and profile: a row that
	// gains one later (merging another contact) takes it then. Each key is registered once, so
	// each wait ends once: linear.
	const waiting = new Map<string, Contact[]>();
	const waitingContacts = new Set<Contact>();
	const queue = [...order];
	const register = (kind: "email" | "linkedin", key: string, r: PlanRow) => {
		const map = kind === "email" ? newByEmail : newByLinkedin;
		if (map.has(key)) return;
		map.set(key, r);
		const woken = waiting.get(`${kind}:${key}`);
		if (woken === undefined) return;
		waiting.delete(`${kind}:${key}`);
		for (const c of woken) if (waitingContacts.delete(c)) queue.push(c);
	};
	for (let at = 0; at < queue.length; at++) {
		const contact = queue[at];
		const match = matcher.match(contact);
		if (match.kind === "several") {
			const r = row("ambiguous", contact, contact.fullName);
			r.candidates = match.people.map((p) => p.path).sort();
			r.reason = match.reason ?? `${match.people.length} people could be this contact`;
			rows.push(r);
			continue;
		}
		if (match.kind === "one") {
			const person = match.person;
			const existing = byPath.get(person.path);
			if (existing?.row.contact && contactsConflict(existing.row.contact, contact)) {
				// Two contacts of the file with different profiles are not both this person.
				const r = row("ambiguous", contact, contact.fullName);
				r.candidates = [person.path];
				r.reason = `${existing.row.sources[0]} is ${person.path} too, with another LinkedIn profile or UID`;
				rows.push(r);
				continue;
			}
			if (existing) {
				existing.row.sources.push(contact.source);
				if (existing.row.contact) mergeContact(existing.row.contact, contact, notes);
				continue;
			}
			const r = row("unchanged", contact, person.name);
			r.path = person.path;
			if (person.frontmatter === null) {
				r.kind = "skipped";
				r.reason = `${person.path} is this person, but ${person.unreadable ?? "its frontmatter cannot be read"}`;
			}
			byPath.set(person.path, { row: r, person });
			rows.push(r);
			continue;
		}
		// Not in the vault: maybe a contact this file already listed.
		const key = nameKey(contact.fullName);
		const linkedin = linkedinKey(contact.linkedin);
		const fits = (r: PlanRow | undefined) => (r?.contact && !contactsConflict(r.contact, contact) ? r : undefined);
		const sameEmail = contact.emails.map((e) => fits(newByEmail.get(emailKey(e)))).find((r) => r !== undefined);
		const sameLinkedin = linkedin === "" ? undefined : fits(newByLinkedin.get(linkedin));
		const group = key === "" ? undefined : newByName.get(key);
		const earlier = sameEmail ?? sameLinkedin ?? (group && namesake(group, contact));
		if (earlier?.contact) {
			earlier.sources.push(contact.source);
			mergeContact(earlier.contact, contact, notes);
			for (const email of contact.emails) register("email", emailKey(email), earlier);
			const merged = linkedinKey(earlier.contact.linkedin);
			if (merged !== "") register("linkedin", merged, earlier);
			continue;
		}
		const name = safeNoteName(contact.fullName);
		if (name === "") {
			waitingContacts.add(contact);
			const keys = [...contact.emails.map((e) => `email:${emailKey(e)}`), ...(linkedin === "" ? [] : [`linkedin:${linkedin}`])];
			for (const k of keys) {
				const list = waiting.get(k);
				if (list) list.push(contact);
				else waiting.set(k, [contact]);
			}
			continue;
		}
		const r = row("new", contact, name);
		// Where the search for a free " n" left off for this name: 5,000 namesakes stay linear.
		const free = freePath(folder, name, (path) => taken(path) || newPaths.has(path.toLowerCase()), suffixes.get(name.toLowerCase()));
		r.path = free.path;
		newPaths.add(r.path.toLowerCase());
		suffixes.set(name.toLowerCase(), free.n + 1);
		for (const email of contact.emails) register("email", emailKey(email), r);
		if (linkedin !== "") register("linkedin", linkedin, r);
		if (key !== "") {
			const same = newByName.get(key);
			if (same) same.rows.push(r);
			else newByName.set(key, { rows: [r], noEmail: 0, noLinkedin: 0, noBoth: 0 });
		}
		rows.push(r);
	}
	for (const contact of order) {
		if (!waitingContacts.has(contact)) continue;
		const r = row("skipped", contact, contact.emails[0] ?? "");
		r.reason = "no name to give a note";
		rows.push(r);
	}
	for (const [contact, { parts }] of notes) contact.note = parts.join("\n\n");
	// Rows in the file's order again (skipped entries of the file first, as before).
	rows.sort((a, b) => (firstContact.get(a) ?? -1) - (firstContact.get(b) ?? -1));
	for (const { row: r, person } of byPath.values()) if (r.kind !== "skipped") missingFor(r, person, settings);
	for (const r of rows) {
		if (r.kind !== "new" || r.contact === null) continue;
		r.fills = contactFills(r.contact, settings);
		r.tags = contactTags(r.contact);
	}
	return { format: file.format, rows };
}

function freePath(folder: string, name: string, isTaken: (path: string) => boolean, from = 1): { path: string; n: number } {
	const prefix = folder === "" ? "" : `${folder}/`;
	for (let n = from; ; n++) {
		const path = `${prefix}${n === 1 ? name : `${name} ${n}`}.md`;
		if (!isTaken(path)) return { path, n };
	}
}

/**
 * An ambiguous row settled by the user: the person they chose (only its empty properties filled,
 * as for any match), or a new note when `person` is null. The row itself is left as it was.
 */
export function settleAmbiguous(
	row: PlanRow,
	person: ExistingPerson | null,
	settings: Settings,
	taken: (path: string) => boolean,
): PlanRow {
	const settled: PlanRow = { ...row, candidates: [], reason: "", fills: [], tags: [] };
	const contact = row.contact;
	if (contact === null) return row;
	if (person !== null) {
		settled.path = person.path;
		settled.name = person.name;
		missingFor(settled, person, settings);
		return settled;
	}
	const name = safeNoteName(contact.fullName);
	if (name === "") return { ...settled, kind: "skipped", reason: "no name to give a note" };
	settled.kind = "new";
	settled.name = name;
	settled.path = freePath(importFolder(settings), name, taken).path;
	settled.fills = contactFills(contact, settings);
	settled.tags = contactTags(contact);
	return settled;
}
