/**
 * Plugin settings: typed defaults and a versioned migration of whatever `data.json` holds.
 * The plugin and the CLI both read settings through `migrateSettings`, so a vault's own
 * `data.json` means the same thing to both.
 */

export const SETTINGS_VERSION = 1;

export interface FrontmatterKeys {
	lastContact: string;
	cadence: string;
	snoozeUntil: string;
	owedFavors: string;
	owedToMe: string;
	birthday: string;
	trackMentions: string;
}

/** Notes whose links to people count as contact on the note's date: a folder and its file-name format. */
export interface JournalSource {
	folder: string;
	/** A moment-style date format of the note's name (`YYYY-MM-DD`, `DD.MM.YYYY`, `YYYY-MM-DD dddd`). */
	format: string;
}

export type LogOrder = "oldest-first" | "newest-first";

export interface Settings {
	version: number;
	/** Recognition rules. */
	useFolders: boolean;
	peopleFolders: string[];
	useTag: boolean;
	personTag: string;
	useMarker: boolean;
	markerKey: string;
	markerValue: string;
	/** Folders never holding person notes; wins over every rule. Empty: the templates folder. */
	excludedFolders: string[];
	keys: FrontmatterKeys;
	/** Cadence for people without one; empty means untracked. */
	defaultCadence: string;
	/** Named cadences usable in notes, e.g. `cadence: close`. */
	tiers: Record<string, string>;
	dueSoonDays: number;
	birthdayWindowDays: number;
	logHeading: string;
	logOrder: LogOrder;
	/** Write the entry date as a link to the daily note. */
	linkDates: boolean;
	/** luxon format of daily note names, for linked dates. */
	dailyNoteFormat: string;
	interactionTypes: string[];
	defaultInteractionType: string;
	showStatusBar: boolean;
	/** Links to a person in journal notes count as contact. */
	trackMentions: boolean;
	/** Where journal notes are; empty: the Daily notes core plugin's folder and format (else `Daily`, `YYYY-MM-DD`). */
	journalSources: JournalSource[];
	/** Any note whose `date:` property is a date is a journal note of that date too. */
	countDatedNotes: boolean;
	/** Add the digest to today's daily note once a day, when that note exists (never creating it). */
	digestInDailyNote: boolean;
	/** The note new people start from (contact imports); "" for none. */
	personTemplate: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	version: SETTINGS_VERSION,
	useFolders: true,
	peopleFolders: ["People"],
	useTag: true,
	personTag: "person",
	useMarker: true,
	markerKey: "type",
	markerValue: "person",
	excludedFolders: [],
	keys: Object.freeze({
		lastContact: "last_contact",
		cadence: "cadence",
		snoozeUntil: "snooze_until",
		owedFavors: "owed_favors",
		owedToMe: "owed_to_me",
		birthday: "birthday",
		trackMentions: "track_mentions",
	}),
	defaultCadence: "",
	tiers: Object.freeze({
		inner: "2 weeks",
		close: "1 month",
		casual: "3 months",
		distant: "6 months",
		dormant: "1 year",
	}),
	dueSoonDays: 7,
	birthdayWindowDays: 14,
	logHeading: "## Interactions",
	logOrder: "oldest-first",
	linkDates: false,
	dailyNoteFormat: "YYYY-MM-DD",
	interactionTypes: ["call", "video", "message", "email", "coffee", "meal", "meeting", "event", "gift", "favor", "other"],
	defaultInteractionType: "call",
	showStatusBar: true,
	trackMentions: true,
	journalSources: [],
	countDatedNotes: true,
	digestInDailyNote: false,
	personTemplate: "",
});

/** A deep, mutable copy of the defaults. */
export function defaultSettings(): Settings {
	return cloneSettings(DEFAULT_SETTINGS);
}

export function cloneSettings(settings: Readonly<Settings>): Settings {
	return {
		...settings,
		peopleFolders: [...settings.peopleFolders],
		excludedFolders: [...settings.excludedFolders],
		keys: { ...settings.keys },
		tiers: { ...settings.tiers },
		interactionTypes: [...settings.interactionTypes],
		journalSources: settings.journalSources.map((source) => ({ ...source })),
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, fallback: string[]): string[] {
	if (typeof value === "string")
		return value
			.split(",")
			.map((s) => s.trim())
			.filter(Boolean);
	if (!Array.isArray(value)) return [...fallback];
	return value
		.filter((v): v is string => typeof v === "string")
		.map((s) => s.trim())
		.filter(Boolean);
}

function str(value: unknown, fallback: string): string {
	return typeof value === "string" ? value : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
	return typeof value === "boolean" ? value : fallback;
}

function count(value: unknown, fallback: number): number {
	return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

/**
 * Turns whatever `data.json` holds (nothing, an older version, hand-edited junk) into complete
 * settings. Unknown keys are dropped, wrong types fall back to the default, never an exception.
 *
 * Version 0 (unversioned drafts) kept a single `peopleFolder` string and `tag`; version 1 keeps
 * lists and the `keys` object.
 */
export function migrateSettings(raw: unknown): Settings {
	const d = defaultSettings();
	if (!isRecord(raw)) return d;
	const data: Record<string, unknown> = { ...raw };
	const version = typeof data.version === "number" ? data.version : 0;
	if (version < 1) {
		if (data.peopleFolders === undefined && typeof data.peopleFolder === "string") data.peopleFolders = [data.peopleFolder];
		if (data.personTag === undefined && typeof data.tag === "string") data.personTag = data.tag;
	}
	const keys = isRecord(data.keys) ? data.keys : {};
	const tiers: Record<string, string> = {};
	if (isRecord(data.tiers)) {
		for (const [name, value] of Object.entries(data.tiers)) {
			if (typeof value === "string" && name.trim()) tiers[name.trim().toLowerCase()] = value;
		}
	}
	const logOrder = data.logOrder === "newest-first" ? "newest-first" : "oldest-first";
	const types = stringList(data.interactionTypes, d.interactionTypes);
	return {
		version: SETTINGS_VERSION,
		useFolders: bool(data.useFolders, d.useFolders),
		peopleFolders: stringList(data.peopleFolders, d.peopleFolders),
		useTag: bool(data.useTag, d.useTag),
		personTag: str(data.personTag, d.personTag).replace(/^#/, "").trim(),
		useMarker: bool(data.useMarker, d.useMarker),
		markerKey: str(data.markerKey, d.markerKey).trim(),
		// A note's marker value is read without a leading # (`type: "#person"`): so is the setting's.
		markerValue: str(data.markerValue, d.markerValue).trim().replace(/^#/, ""),
		excludedFolders: stringList(data.excludedFolders, d.excludedFolders),
		keys: {
			lastContact: nonEmpty(keys.lastContact, d.keys.lastContact),
			cadence: nonEmpty(keys.cadence, d.keys.cadence),
			snoozeUntil: nonEmpty(keys.snoozeUntil, d.keys.snoozeUntil),
			owedFavors: nonEmpty(keys.owedFavors, d.keys.owedFavors),
			owedToMe: nonEmpty(keys.owedToMe, d.keys.owedToMe),
			birthday: nonEmpty(keys.birthday, d.keys.birthday),
			trackMentions: nonEmpty(keys.trackMentions, d.keys.trackMentions),
		},
		defaultCadence: str(data.defaultCadence, d.defaultCadence).trim(),
		tiers: isRecord(data.tiers) ? tiers : d.tiers,
		dueSoonDays: count(data.dueSoonDays, d.dueSoonDays),
		birthdayWindowDays: count(data.birthdayWindowDays, d.birthdayWindowDays),
		logHeading: nonEmpty(data.logHeading, d.logHeading),
		logOrder,
		linkDates: bool(data.linkDates, d.linkDates),
		dailyNoteFormat: nonEmpty(data.dailyNoteFormat, d.dailyNoteFormat),
		interactionTypes: types.length > 0 ? types : d.interactionTypes,
		defaultInteractionType: nonEmpty(data.defaultInteractionType, d.defaultInteractionType),
		showStatusBar: bool(data.showStatusBar, d.showStatusBar),
		trackMentions: bool(data.trackMentions, d.trackMentions),
		journalSources: journalSources(data.journalSources),
		countDatedNotes: bool(data.countDatedNotes, d.countDatedNotes),
		digestInDailyNote: bool(data.digestInDailyNote, d.digestInDailyNote),
		personTemplate: str(data.personTemplate, d.personTemplate).trim(),
	};
}

/** `[{ folder, format }]` (folder "" is the vault root); entries without a format are dropped. */
function journalSources(value: unknown): JournalSource[] {
	if (!Array.isArray(value)) return [];
	return value
		.filter(isRecord)
		.map((v) => ({ folder: str(v.folder, "").trim(), format: str(v.format, "").trim() }))
		.filter((v) => v.format !== "");
}

function nonEmpty(value: unknown, fallback: string): string {
	return typeof value === "string" && value.trim() !== "" ? value.trim() : fallback;
}
