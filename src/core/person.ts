/**
 * Frontmatter → person record. Never throws: every value it cannot use becomes a problem message
 * on the person ("cadence 'fortnighly' is not a cadence; did you mean fortnightly?") and the rest
 * of the person still works.
 */
import { parseCadence, type Cadence } from "./cadence";
import { describeValue, isValidYmd, pad2, parseDateValue, readWrittenDate, truncate, type Day } from "./dates";
import { FAVOR_DATE_KEY, FAVOR_DATE_RE, parseFavor, type Favor } from "./favors";
import { KeyIndex } from "./keys";
import type { Mention } from "./mentions";
import type { Settings } from "./settings";

export interface Birthday {
	month: number;
	day: number;
	year: number | null;
}

export interface Person {
	path: string;
	/** The file's basename. */
	name: string;
	/** `name` folded for ordering (see `nameSortKey`): lists compare these, not the names. */
	sortKey: string;
	/** Folder path, "" at the vault root. */
	folder: string;
	aliases: string[];
	/** Lowercase, without `#`. */
	tags: string[];
	/** From the frontmatter key. */
	lastContact: Day | null;
	/** Every dated entry under the log heading, in the note's order. */
	logDays: readonly Day[];
	/** Newest dated entry under the log heading, whatever its date. */
	lastLogged: Day | null;
	/** Journal notes that link this person, newest first (empty when `trackMentions` is off). */
	mentions: readonly Mention[];
	/** False when the note says `track_mentions: false`: links to it are not contact. */
	trackMentions: boolean;
	/** Why the frontmatter cannot be read at all; such a person cannot be scheduled (status "problem"). */
	frontmatterError: string | null;
	cadence: Cadence | null;
	/** The cadence as written, when one was written (even if it did not parse). */
	cadenceText: string | null;
	/** `cadence: never`: the user chose not to keep in touch, so the person is not untracked, nor drifting. */
	neverTrack: boolean;
	snoozeUntil: Day | null;
	owedFavors: Favor[];
	owedToMe: Favor[];
	birthday: Birthday | null;
	problems: string[];
}

export interface PersonInput {
	path: string;
	frontmatter: unknown;
	tags?: readonly string[];
	/** The dated log entries, any order; or just the newest as `lastLogged`. */
	logDays?: readonly Day[];
	lastLogged?: Day | null;
	/** Log entry lines whose date cannot be read, worded for the user. */
	logProblems?: readonly string[];
	mentions?: readonly Mention[];
	/** Why the note's frontmatter could not be read at all (the person is then built without it). */
	frontmatterError?: string | null;
}

/**
 * A name folded once, so that sorting thousands of people compares plain strings: accents and
 * case removed, digit runs padded so that numbers sort by value.
 */
export function nameSortKey(name: string): string {
	return name
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(/\d+/g, (digits) => digits.padStart(12, "0"));
}

export function basename(path: string): string {
	const start = path.lastIndexOf("/") + 1;
	const end = path.length - 3 > start && path.slice(-3).toLowerCase() === ".md" ? path.length - 3 : path.length;
	return path.slice(start, end);
}

export function folderOf(path: string): string {
	const i = path.lastIndexOf("/");
	return i < 0 ? "" : path.slice(0, i);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isBlank(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A note's frontmatter with its keys indexed by spelling. */
interface Props {
	fm: Record<string, unknown>;
	keys: KeyIndex;
}

/** Looks a key up with spelling tolerance and reports conflicting spellings. */
function lookup({ fm, keys }: Props, configured: string, problems: string[]): { key: string; value: unknown } | null {
	const spellings = keys.spellings(configured);
	const key = spellings[0];
	if (key === undefined) return null;
	if (spellings.length > 1) {
		problems.push(`${spellings.join(" and ")} are the same key written twice; using ${key}`);
	}
	return { key, value: fm[key] };
}

function readDate(fm: Props, configured: string, problems: string[]): Day | null {
	const found = lookup(fm, configured, problems);
	if (!found || isBlank(found.value)) return null;
	const parsed = parseDateValue(found.value);
	if (parsed.ok) return parsed.day;
	problems.push(`${found.key} ${parsed.error}`);
	return null;
}

function readFavors(fm: Props, configured: string, problems: string[]): Favor[] {
	const found = lookup(fm, configured, problems);
	if (!found || isBlank(found.value)) return [];
	const items = Array.isArray(found.value) ? found.value : [found.value];
	const favors: Favor[] = [];
	for (const item of items) {
		if (isBlank(item)) continue;
		if (typeof item === "string" || typeof item === "number") {
			const favor = parseFavor(String(item));
			favors.push(favor);
			// `2026-02-30: text` is meant as a date: kept as text, and said, as the unquoted form is.
			const prefix = favor.day === null ? FAVOR_DATE_RE.exec(favor.raw.trim()) : null;
			if (prefix) problems.push(`${found.key} '${favor.raw.trim().slice(0, 10)}' is not a real calendar date`);
		} else if (isRecord(item) && Object.keys(item).length === 1) {
			// An unquoted `- 2026-11-01: intro to Sam` is a one-key mapping in YAML.
			const [date, text] = Object.entries(item)[0];
			const day = FAVOR_DATE_KEY.test(date) ? parseDateValue(date) : null;
			if (day === null) {
				problems.push(`${found.key} has an entry that is not text: ${describeValue(item)}`);
			} else if (!day.ok) {
				problems.push(`${found.key} ${day.error}`);
			} else if (typeof text === "string" || typeof text === "number") {
				favors.push({ text: String(text).trim(), day: day.day, raw: `${date}: ${String(text)}` });
			} else {
				problems.push(`${found.key} has a favor dated ${date} with no text`);
			}
		} else if (item instanceof Date) {
			problems.push(`${found.key} has a bare date with no favor text`);
		} else {
			problems.push(`${found.key} has an entry that is not text: ${describeValue(item)}`);
		}
	}
	return favors;
}

/**
 * A birthday as a date: `1815-12-10`, or without a year `yearless` + `12-10` (the JSON record
 * writes `--12-10`, vCard's form; a table cell just `12-10`).
 */
export function formatBirthday(b: Birthday, yearless: "--" | "" = "--"): string {
	const md = `${pad2(b.month)}-${pad2(b.day)}`;
	return b.year === null ? `${yearless}${md}` : `${String(b.year).padStart(4, "0")}-${md}`;
}

const BIRTHDAY_RE = /^(?:(\d{4})-|--)?(\d{1,2})-(\d{1,2})$/;

function readBirthday(fm: Props, configured: string, problems: string[]): Birthday | null {
	const found = lookup(fm, configured, problems);
	if (!found || isBlank(found.value)) return null;
	const value = found.value;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) {
			problems.push(`${found.key} is not a valid date`);
			return null;
		}
		return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
	}
	if (typeof value !== "string") {
		problems.push(`${found.key} ${describeValue(value)} is not a birthday; write YYYY-MM-DD or MM-DD`);
		return null;
	}
	// `1815-12-10`, `10 December 1815`, `Dec 10`: the dates the other properties take, a year optional.
	const written = readWrittenDate(value, { yearless: true });
	if (written.kind === "date") return { year: written.year, month: written.month, day: written.day };
	if (written.kind === "problem") {
		problems.push(`${found.key} ${written.error}`);
		return null;
	}
	const m = BIRTHDAY_RE.exec(value.trim());
	if (!m) {
		problems.push(`${found.key} '${truncate(value.trim(), 60)}' is not a birthday; write YYYY-MM-DD or MM-DD`);
		return null;
	}
	const year = m[1] === undefined ? null : Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	// Without a year, Feb 29 is a real birthday: check against a leap year.
	if (!isValidYmd(year ?? 2000, month, day)) {
		problems.push(`${found.key} '${value.trim()}' is not a real calendar date`);
		return null;
	}
	return { year, month, day };
}

/**
 * The birthday a frontmatter holds under the configured key, read exactly as the person record
 * reads it (every written form, a year optional); null when there is none or it cannot be read.
 */
export function readBirthdayProperty(data: Record<string, unknown>, configured: string): Birthday | null {
	return readBirthday({ fm: data, keys: new KeyIndex(data) }, configured, []);
}

function readAliases({ fm, keys }: Props): string[] {
	const key = keys.find("aliases") ?? keys.find("alias");
	if (key === undefined) return [];
	const value = fm[key];
	const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
	return items
		.filter((a): a is string | number => typeof a === "string" || typeof a === "number")
		.map((a) => String(a).trim())
		.filter(Boolean);
}

/** `cadence: never` (what triage writes for "not someone to keep in touch with"). */
export const NEVER_CADENCE = "never";

/** The cadence that applies: the person's own, else the default setting, else none. */
function readCadence(fm: Props, settings: Settings, problems: string[]): { cadence: Cadence | null; text: string | null } {
	const found = lookup(fm, settings.keys.cadence, problems);
	if (found && !isBlank(found.value)) {
		const text = typeof found.value === "string" || typeof found.value === "number" ? String(found.value).trim() : null;
		if (text !== null && text.toLowerCase() === NEVER_CADENCE) return { cadence: null, text };
		const parsed = parseCadence(found.value, settings.tiers);
		if (parsed.ok) return { cadence: parsed.cadence, text };
		problems.push(`${found.key} ${parsed.error}`);
		return { cadence: null, text };
	}
	return { cadence: null, text: null };
}

/** `track_mentions: false` (or no, off, 0) turns mentions off for this person; anything else leaves them on. */
function readTrackMentions(fm: Props, configured: string): boolean {
	const key = fm.keys.find(configured);
	const value = key === undefined ? undefined : fm.fm[key];
	if (value === false || value === 0) return false;
	return !(typeof value === "string" && /^(false|no|off|0)$/i.test(value.trim()));
}

/** The newest of `days`, or null. */
function newest(days: readonly Day[]): Day | null {
	let best: Day | null = null;
	for (const day of days) if (best === null || day > best) best = day;
	return best;
}

export function buildPerson(input: PersonInput, settings: Settings): Person {
	const path = input.path;
	const frontmatterError =
		input.frontmatterError ??
		(input.frontmatter !== null && input.frontmatter !== undefined && !isRecord(input.frontmatter)
			? `the frontmatter is ${describeValue(input.frontmatter)}, not a set of properties`
			: null);
	const problems: string[] = frontmatterError ? [frontmatterError] : [];
	const data: Record<string, unknown> = isRecord(input.frontmatter) ? input.frontmatter : {};
	const fm: Props = { fm: data, keys: new KeyIndex(data) };
	const cadence = readCadence(fm, settings, problems);
	const logDays = input.logDays ?? (input.lastLogged == null ? [] : [input.lastLogged]);
	const trackMentions = readTrackMentions(fm, settings.keys.trackMentions);
	const person: Person = {
		path,
		name: basename(path),
		sortKey: nameSortKey(basename(path)),
		folder: folderOf(path),
		aliases: readAliases(fm),
		tags: [...new Set(input.tags ?? [])],
		lastContact: readDate(fm, settings.keys.lastContact, problems),
		logDays,
		lastLogged: newest(logDays),
		mentions: trackMentions ? (input.mentions ?? []) : [],
		trackMentions,
		frontmatterError,
		cadence: cadence.cadence,
		cadenceText: cadence.text,
		neverTrack: cadence.cadence === null && cadence.text !== null && cadence.text.toLowerCase() === NEVER_CADENCE,
		snoozeUntil: readDate(fm, settings.keys.snoozeUntil, problems),
		owedFavors: readFavors(fm, settings.keys.owedFavors, problems),
		owedToMe: readFavors(fm, settings.keys.owedToMe, problems),
		birthday: readBirthday(fm, settings.keys.birthday, problems),
		problems,
	};
	if (input.logProblems) problems.push(...input.logProblems);
	return person;
}

/** The person with other mentions (a journal note changed): everything else stays as read. */
export function withMentions(person: Person, mentions: readonly Mention[]): Person {
	return { ...person, mentions: person.trackMentions ? mentions : [] };
}
