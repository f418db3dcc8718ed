/**
 * The public API of the Stay in touch plugin, for other plugins and for Dataview / Templater
 * scripts: `app.plugins.getPlugin("stay-in-touch").api`. Copy this file into your project for
 * types. Records are plain JSON, the same the `stay-in-touch … --json` command prints.
 */

/** `problem`: the note's frontmatter cannot be read (the reason is in `problems`). */
export type PersonStatus = "overdue" | "due" | "soon" | "never" | "ok" | "snoozed" | "untracked" | "ignored" | "problem";

export interface PersonRecord {
	/** The note's basename. */
	name: string;
	/** Vault path of the person note. */
	path: string;
	status: PersonStatus;
	/**
	 * The newest contact that is not after today, YYYY-MM-DD: the `last_contact` property, the
	 * newest log entry, or the newest journal note linking the person. A date after today is not
	 * taken (it is listed in `problems`).
	 */
	lastContact: string | null;
	/** Where `lastContact` came from: `"frontmatter"`, `"log"`, or the mentioning note's vault path. */
	lastContactSource: string | null;
	/** The cadence in force, as a short label ("every 2 weeks", "close (1 month)"). */
	cadence: string | null;
	/** Nominal cadence length in days (week 7, month 30, year 365; low end of a range). */
	cadenceDays: number | null;
	/** last contact + cadence, YYYY-MM-DD. */
	dueDate: string | null;
	/** Days past the overdue date: positive when overdue, zero or negative (days left) otherwise. */
	daysOverdue: number | null;
	/** Days since last contact ÷ cadence days; orders the Overdue list. */
	urgency: number | null;
	/** Favors you owe this person, as written (`YYYY-MM-DD: text` or `text`). */
	owedFavors: string[];
	/** Favors this person owes you. */
	owedToMe: string[];
	/** Values that could not be understood, and dates after today that were not taken as contact, one message each. */
	problems: string[];
	aliases: string[];
	/** Lowercase, without `#`. */
	tags: string[];
	/** Folder path, "" at the vault root. */
	folder: string;
	snoozeUntil: string | null;
	/** `YYYY-MM-DD`, or `--MM-DD` when no year is known. */
	birthday: string | null;
	nextBirthday: string | null;
}

export interface LogRequest {
	/** `YYYY-MM-DD`, `today`, `yesterday`, `3 days ago`; default today. */
	date?: string;
	/** Default: the "default interaction type" setting. */
	type?: string;
	/** May span several lines. */
	note?: string;
	/** Favors you now owe them (one favor may be given as a plain string, here and below). */
	owe?: string | string[];
	/** Favors they now owe you. */
	owed?: string | string[];
	/** Favors you returned (removed from what you owe; the entry says so). */
	returned?: string | string[];
	/** Favors they returned (removed from what they owe you). */
	received?: string | string[];
}

export type LogResult = { ok: true } | { ok: false; error: string };

export interface StayInTouchApi {
	/**
	 * False while the plugin reads the vault after Obsidian starts: until then `people()` and
	 * `query()` are empty. `onChange` tells when it is done.
	 */
	readonly ready: boolean;
	/**
	 * Calls `callback` when people change (a note edited, the settings changed, the vault read
	 * after start-up) and when the day changes; a burst of changes is reported once. Returns a
	 * function that stops the calls: call it when your view or script is done.
	 */
	onChange(callback: () => void): () => void;
	/** Everyone: overdue, due, due soon, never contacted, up to date, snoozed, untracked. */
	people(): PersonRecord[];
	/** One person by note path (normalized as Obsidian does), or null when that note is not a person note. */
	person(path: string): PersonRecord | null;
	/** Runs a query in the code-block language; throws an Error listing every mistake by line. */
	query(text: string): PersonRecord[];
	/**
	 * Logs an interaction through the same writer as the command; never damages the note. Never
	 * rejects: a path that is not a person note or a value of the wrong type gives `{ ok: false, error }`.
	 */
	logInteraction(path: string, entry?: LogRequest): Promise<LogResult>;
}
