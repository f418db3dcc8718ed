/**
 * Whether a setting's value can be understood: one place for the rules the settings tab applies
 * as the user types and the problems listed for a data.json that was synced or edited by hand
 * (which can hold anything, and would otherwise fail silently: an unreadable default cadence
 * leaves everyone relying on it untracked without a word).
 *
 * Each check returns the message to show, or null when the value is fine.
 */
import { parseCadence } from "./cadence";
import { compileJournalFormat } from "./journal-format";
import type { JournalSource, Settings } from "./settings";
import { isValidTag, withoutTrailingSlashes } from "./tags";

export type Check = (value: string) => string | null;

/** A comma- or line-separated list, as the settings tab's list fields take it. */
export function splitList(value: string): string[] {
	return value
		.split(/[,\n]/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Obsidian would never report such a tag on a note, so every tagged person would silently drop out. */
export function checkTag(value: string): string | null {
	const tag = value.trim().replace(/^#/, "");
	if (tag === "") return "Enter a tag.";
	if (/\s/.test(tag)) return "A tag cannot contain spaces.";
	if (/^\/|\/$|\/\//.test(tag)) return "A tag cannot start or end with / or have an empty part: person/work.";
	if (/^\d+$/.test(tag)) return "A tag needs at least one character that is not a digit.";
	if (!isValidTag(tag)) return "A tag holds letters, digits, _, - and / only.";
	return null;
}

export function checkCadence(value: string, tiers: Readonly<Record<string, string>>): string | null {
	const parsed = parseCadence(value, tiers);
	return parsed.ok ? null : parsed.error;
}

/** The default cadence: empty means untracked, anything else must parse with the tiers. */
export function checkDefaultCadence(value: string, tiers: Readonly<Record<string, string>>): string | null {
	return value.trim() === "" ? null : checkCadence(value, tiers);
}

export function checkCount(value: string): string | null {
	return /^\d{1,4}$/.test(value.trim()) ? null : "Enter a whole number of days.";
}

export function checkPropertyName(value: string): string | null {
	return value.trim() === "" ? "Enter a property name." : null;
}

/** A marker value is read without a leading # (`type: "#person"`), so `#` alone is no value. */
export function checkMarkerValue(value: string): string | null {
	return value.trim().replace(/^#/, "") === "" ? "Enter a value." : null;
}

export function checkInteractionTypes(value: string): string | null {
	return splitList(value).length === 0 ? "Enter at least one type." : null;
}

/** Folder fields: each listed folder must exist (`isFolder` asks the vault). */
export function checkFolders(value: string, isFolder: (path: string) => boolean, allowEmpty: boolean): string | null {
	const folders = splitList(value);
	if (folders.length === 0) return allowEmpty ? null : "Enter at least one folder.";
	const missing = folders.filter((f) => !isFolder(f));
	return missing.length === 0 ? null : `No folder named ${missing.join(", ")} in this vault.`;
}

export function checkHeading(value: string): string | null {
	return /^#{1,6}\s+\S/.test(value.trim()) ? null : "Write a markdown heading, like ## Interactions.";
}

export function checkDailyFormat(value: string): string | null {
	return /YYYY/.test(value) && /MM/.test(value) && /DD/.test(value) ? null : "The format needs YYYY, MM and DD.";
}

/** Tiers as the settings tab takes them: `name: cadence`, one a line. */
export function parseTiersText(value: string): Record<string, string> {
	const tiers: Record<string, string> = {};
	for (const line of value.split("\n")) {
		const i = line.indexOf(":");
		if (i > 0) tiers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
	}
	return tiers;
}

export function tiersText(tiers: Readonly<Record<string, string>>): string {
	return Object.entries(tiers)
		.map(([name, value]) => `${name}: ${value}`)
		.join("\n");
}

/**
 * The tiers field: every line `name: cadence`, and no tier removed that the default cadence
 * needs (everyone relying on it would quietly become untracked).
 */
export function checkTiersText(value: string, defaultCadence: string, currentTiers: Readonly<Record<string, string>>): string | null {
	for (const [n, raw] of value.split("\n").entries()) {
		const line = raw.trim();
		if (line === "") continue;
		const i = line.indexOf(":");
		if (i <= 0) return `Line ${n + 1}: write name: cadence, like close: 1 month.`;
		const parsed = parseCadence(line.slice(i + 1), {});
		if (!parsed.ok) return `Line ${n + 1}: ${parsed.error}`;
	}
	if (
		defaultCadence !== "" &&
		checkCadence(defaultCadence, currentTiers) === null &&
		!parseCadence(defaultCadence, parseTiersText(value)).ok
	) {
		return `The default cadence '${defaultCadence}' needs a tier removed here; change the default cadence first.`;
	}
	return null;
}

/**
 * What in loaded settings cannot be understood, worded as a person's problems are ("default
 * cadence 'fortnighly' is not a cadence; …"). The settings tab refuses such values as they are
 * typed; this finds them in a data.json it never saw.
 */
export function settingsProblems(settings: Settings): string[] {
	const problems: string[] = [];
	for (const [name, value] of Object.entries(settings.tiers)) {
		const error = checkCadence(value, {});
		if (error !== null) problems.push(`tier ${name} ${error}`);
	}
	const fallback = checkDefaultCadence(settings.defaultCadence, settings.tiers);
	if (fallback !== null) problems.push(`default cadence ${fallback}`);
	return problems;
}

/** Journal sources as the settings tab takes them: `folder: format`, one a line (`/` or nothing before the colon is the vault root). */
export function parseJournalSourcesText(value: string): JournalSource[] {
	const sources: JournalSource[] = [];
	for (const line of value.split("\n")) {
		const i = line.indexOf(":");
		if (i < 0 || line.slice(i + 1).trim() === "") continue;
		sources.push({ folder: withoutTrailingSlashes(line.slice(0, i).trim().replace(/^\/+/, "")), format: line.slice(i + 1).trim() });
	}
	return sources;
}

export function journalSourcesText(sources: readonly JournalSource[]): string {
	return sources.map((s) => `${s.folder || "/"}: ${s.format}`).join("\n");
}

/** Every line `folder: format`, and a format that names a day (YYYY or YY, M… and D…). */
export function checkJournalSourcesText(value: string): string | null {
	for (const [n, raw] of value.split("\n").entries()) {
		const line = raw.trim();
		if (line === "") continue;
		const i = line.indexOf(":");
		if (i < 0 || line.slice(i + 1).trim() === "") return `Line ${n + 1}: write folder: date format, like Daily: YYYY-MM-DD.`;
		if (compileJournalFormat(line.slice(i + 1).trim()) === null)
			return `Line ${n + 1}: the format needs a year, a month and a day (YYYY, MM, DD).`;
	}
	return null;
}
