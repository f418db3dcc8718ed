/**
 * Which existing person a contact is: the same email first, else the same name or alias with
 * accents, case, word order ("Lovelace, Ada") and titles ("Dr.", "Jr.") set aside. Several
 * candidates are reported, never guessed between.
 */
import { normalizeKey } from "../keys";
import type { Contact } from "./contact";

/** A person note as the import sees it. */
export interface ExistingPerson {
	path: string;
	/** The note's name. */
	name: string;
	aliases: readonly string[];
	/** Lowercase, without `#`: frontmatter and inline tags. */
	tags: readonly string[];
	/** The parsed frontmatter; null when it cannot be read (`unreadable` says why). */
	frontmatter: Readonly<Record<string, unknown>> | null;
	unreadable?: string | null;
}

/** Titles set aside; "Jr.", "Sr.", "II" are not among them: a son is not his father. */
const TITLES = new Set(["dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "dame", "rev", "phd", "md", "esq"]);

/** Letters Unicode does not decompose into a base letter and an accent, and apostrophes written several ways. */
const FOLDED: Record<string, string> = {
	ø: "o",
	ł: "l",
	đ: "d",
	ß: "ss",
	æ: "ae",
	œ: "oe",
	þ: "th",
	ð: "d",
	ı: "i",
	"\u2019": "'",
	"\u2018": "'",
	"\u02bc": "'",
	"`": "'",
	"\u00b4": "'",
};
const UNFOLDED = new RegExp(`[${Object.keys(FOLDED).join("")}]`, "g");

/**
 * A name folded for matching: accents, case, punctuation, titles and word order set aside. A name
 * that is nothing but a title or punctuation keeps them, so it still matches itself; one of no
 * letters at all matches the note it was named as (the characters no file name holds set aside).
 */
export function nameKey(name: string): string {
	const words = name
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(UNFOLDED, (c) => FOLDED[c])
		.split(/[^\p{L}\p{N}'’-]+/u)
		.map((w) => w.replace(/^['’-]+|['’-]+$/g, ""))
		.filter((w) => w !== "");
	const named = words.filter((w) => !TITLES.has(w));
	const key = (named.length > 0 ? named : words).sort().join(" ");
	if (key !== "") return key;
	const bare = name
		// eslint-disable-next-line no-control-regex -- as the safe note name leaves them out
		.replace(/[\\/:*?"<>|#^[\]\u0000-\u001f\s]+/g, " ")
		.trim()
		.replace(/^\.+/, "")
		.trim()
		.toLowerCase();
	return bare !== "" ? bare : name.trim().toLowerCase();
}

export function emailKey(email: string): string {
	return email.trim().toLowerCase();
}

const EMAIL_KEYS = new Set(["email", "emails", "mail"]);

/** The emails a person's frontmatter holds under `email`, `emails`, `E-mail`… (a text or a list), as written (`mailto:` taken off). */
export function writtenEmails(frontmatter: Readonly<Record<string, unknown>> | null): string[] {
	if (frontmatter === null) return [];
	const out: string[] = [];
	for (const [key, value] of Object.entries(frontmatter)) {
		if (!EMAIL_KEYS.has(normalizeKey(key))) continue;
		for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
			if (typeof item !== "string") continue;
			for (const word of item.split(/[\s,;]+/)) if (word.includes("@")) out.push(word.replace(/^mailto:/i, ""));
		}
	}
	return out;
}

/** A person's emails as matching compares them. */
export function personEmails(frontmatter: Readonly<Record<string, unknown>> | null): string[] {
	return writtenEmails(frontmatter).map(emailKey);
}

/**
 * A LinkedIn profile's address as one key: scheme, `www.` (or a country's subdomain), a query,
 * a fragment, trailing slashes and case set aside. "" when there is none.
 */
export function linkedinKey(url: string): string {
	return url
		.trim()
		.toLowerCase()
		.replace(/^[a-z]+:\/\//, "")
		.replace(/^[\w-]+\.(?=linkedin\.com\/)/, "")
		.replace(/[?#].*$/, "")
		.replace(/\/+$/, "");
}

/** The LinkedIn profile a person's frontmatter holds under `linkedin` (as spelled), as a key; "" when none. */
export function personLinkedin(frontmatter: Readonly<Record<string, unknown>> | null): string {
	if (frontmatter === null) return "";
	for (const [key, value] of Object.entries(frontmatter)) {
		if (normalizeKey(key) !== "linkedin") continue;
		const first = Array.isArray(value) ? (value as unknown[])[0] : value;
		if (typeof first === "string" && first.trim() !== "") return linkedinKey(first);
	}
	return "";
}

/** Two contacts that cannot be one person: both have a LinkedIn profile (or a vCard UID) and they differ. */
export function contactsConflict(a: Contact, b: Contact): boolean {
	const la = linkedinKey(a.linkedin);
	const lb = linkedinKey(b.linkedin);
	if (la !== "" && lb !== "" && la !== lb) return true;
	const ua = a.uid.trim();
	const ub = b.uid.trim();
	return ua !== "" && ub !== "" && ua !== ub;
}

export type Match =
	| { kind: "one"; person: ExistingPerson }
	/** `reason` when the candidates are there by name but hold another LinkedIn profile. */
	| { kind: "several"; people: ExistingPerson[]; reason?: string }
	| { kind: "none" };

/** The people of a vault indexed once by email, by LinkedIn profile and by folded name and alias. */
export class PeopleMatcher {
	private readonly byEmail = new Map<string, ExistingPerson[]>();
	private readonly byLinkedin = new Map<string, ExistingPerson[]>();
	private readonly byName = new Map<string, ExistingPerson[]>();
	private readonly linkedinOf = new Map<ExistingPerson, string>();

	constructor(people: readonly ExistingPerson[]) {
		for (const person of people) {
			for (const email of personEmails(person.frontmatter)) add(this.byEmail, email, person);
			const linkedin = personLinkedin(person.frontmatter);
			if (linkedin !== "") {
				add(this.byLinkedin, linkedin, person);
				this.linkedinOf.set(person, linkedin);
			}
			for (const name of [person.name, ...person.aliases]) {
				const key = nameKey(name);
				if (key !== "") add(this.byName, key, person);
			}
		}
	}

	match(contact: Contact): Match {
		const byEmail = unique(contact.emails.flatMap((e) => this.byEmail.get(emailKey(e)) ?? []));
		if (byEmail.length === 1) return { kind: "one", person: byEmail[0] };
		if (byEmail.length > 1) return { kind: "several", people: byEmail };
		const linkedin = linkedinKey(contact.linkedin);
		const byLinkedin = linkedin === "" ? [] : (this.byLinkedin.get(linkedin) ?? []);
		if (byLinkedin.length === 1) return { kind: "one", person: byLinkedin[0] };
		if (byLinkedin.length > 1) return { kind: "several", people: byLinkedin };
		const key = nameKey(contact.fullName);
		const byName = key === "" ? [] : (this.byName.get(key) ?? []);
		// A namesake whose note holds another LinkedIn profile is someone else: never filled by name.
		const other = (p: ExistingPerson) => linkedin !== "" && (this.linkedinOf.get(p) ?? "") !== "";
		const open = byName.filter((p) => !other(p));
		if (open.length === 1) return { kind: "one", person: open[0] };
		if (open.length > 1) return { kind: "several", people: open };
		if (byName.length > 0) {
			const notes = byName.length === 1 ? "its note holds" : "their notes hold";
			return { kind: "several", people: byName, reason: `the same name, but ${notes} another LinkedIn profile` };
		}
		return { kind: "none" };
	}
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (!list) map.set(key, [value]);
	else if (!list.includes(value)) list.push(value);
}

function unique<T>(list: T[]): T[] {
	return [...new Set(list)];
}
