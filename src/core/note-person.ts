/**
 * The one path from a note to a person, shared by the plugin's index (which has Obsidian's
 * metadata cache) and the CLI (which reads files): both gather the same facts about a note and
 * hand them here, so a note is a person, with the same values and problems, on both.
 */
import type { Day } from "./dates";
import type { Mention } from "./mentions";
import { buildPerson, type Person } from "./person";
import type { Rules } from "./rules";
import { normalizeTag } from "./tags";

/** What is known about one note, however it was read. */
export interface NoteFacts {
	/** Vault path, `/`-separated. */
	path: string;
	/** The parsed frontmatter; null when the note has none (or it could not be read). */
	frontmatter: unknown;
	/** The note's tags, with or without `#`; asked for only when the folder and marker rules said no. */
	tags: () => readonly string[];
	/** The dated entries under the log heading, any order. */
	logDays: readonly Day[];
	/** Log entry lines whose date cannot be read. */
	logProblems?: readonly string[];
	/** Journal notes that link the person (core/mentions.ts). */
	mentions?: readonly Mention[];
	/** Why the frontmatter could not be read, when it could not. */
	frontmatterError?: string | null;
}

/** The person the note is, or null when it is not a person note. */
export function personFromNote(note: NoteFacts, rules: Rules): Person | null {
	return rules.recognize(note.path, note.frontmatter, note.tags) ? readPerson(note, rules) : null;
}

/** The person a note is, once `rules.recognize` said it is a person note. */
export function readPerson(note: NoteFacts, rules: Rules): Person {
	return buildPerson(
		{
			path: note.path,
			frontmatter: note.frontmatter,
			tags: note.tags().map(normalizeTag),
			logDays: note.logDays,
			logProblems: note.logProblems,
			mentions: note.mentions,
			frontmatterError: note.frontmatterError ?? null,
		},
		rules.settings,
	);
}
