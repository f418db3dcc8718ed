/**
 * Which notes are journal notes, and of which day: a note in a journal source (a folder and the
 * date format of its notes' names), or, when the setting is on, any note whose `date` property is
 * a date. Links from a journal note to a person count as contact on that day (core/mentions.ts).
 */
import { parseDateValue, type Day } from "./dates";
import { compileJournalFormat, type JournalFormat } from "./journal-format";
import { findKey } from "./keys";
import { normalizeFolder } from "./recognition";
import type { JournalSource, Settings } from "./settings";
import { endsLower, foldText, startsLower } from "./text";
import type { VaultFacts } from "./vault-config";

/** Where journal notes are when the settings name no source and the Daily notes core plugin is off. */
export const DEFAULT_JOURNAL: Readonly<JournalSource> = { folder: "Daily", format: "YYYY-MM-DD" };

export interface JournalRules {
	/** Mentions are counted at all. */
	enabled: boolean;
	/** The day of a note, or null when it is no journal note. */
	dayOf(path: string, frontmatter: unknown): Day | null;
	/** The sources in force (the settings', the Daily notes plugin's, or the default), for messages. */
	sources: readonly JournalSource[];
	/** Sources whose format names no day (weeks, hours…), for the settings' problems. */
	unreadable: readonly JournalSource[];
}

/** The journal sources in force: the settings', else the Daily notes core plugin's, else `Daily/` `YYYY-MM-DD`. */
export function journalSources(settings: Pick<Settings, "journalSources">, facts: Pick<VaultFacts, "dailyNotes">): JournalSource[] {
	if (settings.journalSources.length > 0) return settings.journalSources;
	return [facts.dailyNotes ?? DEFAULT_JOURNAL];
}

const ASCII = /^[ -~]*$/;

/**
 * `path` below the folder `prefix` (folded), folded; null when it is not in that folder. Runs for
 * every note of the vault: an ASCII path is ruled out by its folder before anything is folded.
 */
function below(path: string, prefix: string): string | null {
	if (prefix === "") return foldText(path);
	if (!ASCII.test(path)) {
		const folded = foldText(path);
		return folded.startsWith(`${prefix}/`) ? folded.slice(prefix.length + 1) : null;
	}
	if (path.length <= prefix.length || path[prefix.length] !== "/" || !startsLower(path, prefix)) return null;
	return path.slice(prefix.length + 1).toLowerCase();
}

function withoutMd(path: string): string {
	return path.toLowerCase().endsWith(".md") ? path.slice(0, -3) : path;
}

export function compileJournal(
	settings: Pick<Settings, "journalSources" | "trackMentions" | "countDatedNotes">,
	facts: Pick<VaultFacts, "dailyNotes">,
): JournalRules {
	const sources = journalSources(settings, facts);
	const compiled: { prefix: string; format: JournalFormat }[] = [];
	const unreadable: JournalSource[] = [];
	for (const source of sources) {
		const format = compileJournalFormat(source.format);
		if (format === null) unreadable.push(source);
		else compiled.push({ prefix: normalizeFolder(source.folder), format });
	}
	const datedNotes = settings.countDatedNotes;
	return {
		enabled: settings.trackMentions,
		sources,
		unreadable,
		dayOf(path, frontmatter) {
			if (!endsLower(path, ".md")) return null;
			for (const { prefix, format } of compiled) {
				// The name below the folder: a format may hold folders of its own (`YYYY/MM/YYYY-MM-DD`).
				const name = below(path, prefix);
				const day = name === null ? null : format.read(withoutMd(name));
				if (day !== null) return day;
			}
			if (!datedNotes || typeof frontmatter !== "object" || frontmatter === null || Array.isArray(frontmatter)) return null;
			const key = findKey(frontmatter as Record<string, unknown>, "date");
			if (key === undefined) return null;
			const parsed = parseDateValue((frontmatter as Record<string, unknown>)[key]);
			return parsed.ok ? parsed.day : null;
		},
	};
}
