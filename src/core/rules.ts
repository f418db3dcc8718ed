/**
 * Settings compiled once into what the index, the CLI and the settings tab decide with: which
 * notes are people, the default cadence, the log heading, and what in the settings cannot be
 * understood. Compiling is the only place settings are interpreted, so the plugin and the CLI can
 * never read one data.json two ways, and indexing 100,000 notes does no per-note set-up work.
 */
import type { Cadence } from "./cadence";
import { parseHeadingSetting } from "./headings";
import { compileJournal, type JournalRules } from "./journal";
import { compileRecognizer, type Recognizer } from "./recognition";
import { defaultCadence, type ScheduleContext } from "./schedule";
import { settingsProblems } from "./settings-check";
import type { Settings } from "./settings";
import type { Day } from "./dates";
import type { VaultFacts } from "./vault-config";

export interface Rules {
	readonly settings: Readonly<Settings>;
	/** Whether a note is a person note (folder, tag, marker; exclusions win). */
	readonly recognize: Recognizer;
	/** Which notes are journal notes, of which day (their links to people are contact). */
	readonly journal: JournalRules;
	/** The default cadence setting, parsed; null when empty or unreadable (see `problems`). */
	readonly defaultCadence: Cadence | null;
	/** The log heading's text as headings are compared (`normalizeHeadingText`). */
	readonly logHeadingKey: string;
	/** Settings that cannot be understood, worded for the user. */
	readonly problems: readonly string[];
}

export function compileRules(settings: Readonly<Settings>, facts: Readonly<VaultFacts>): Rules {
	const journal = compileJournal(settings, facts);
	// A journal source whose format names no day: its notes would never count.
	const journalProblems = journal.unreadable.map(
		(s) => `journal format '${s.format}' (${s.folder || "/"}) names no day; use YYYY, MM and DD`,
	);
	return {
		settings,
		recognize: compileRecognizer({ settings, templatesFolders: facts.templatesFolders }),
		journal,
		defaultCadence: defaultCadence(settings),
		logHeadingKey: parseHeadingSetting(settings.logHeading).key,
		problems: [...settingsProblems(settings), ...journalProblems],
	};
}

/** What `computeSchedule` needs for one day. */
export function scheduleContext(rules: Rules, today: Day): ScheduleContext {
	return { today, settings: rules.settings, defaultCadence: rules.defaultCadence };
}
