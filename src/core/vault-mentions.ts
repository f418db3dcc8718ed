/**
 * Everyone's mentions at once, for a reader that sees the whole vault in one go (the CLI): the
 * journal notes' links resolved as Obsidian resolves them, then each person's mentions. The
 * plugin keeps the same `MentionIndex` current per change instead (src/obsidian/people-index.ts).
 */
import type { Day } from "./dates";
import { LinkResolver } from "./link-resolve";
import { MentionIndex, ownAliasKeys, unresolvedKey } from "./mentions";
import { withMentions, type Person } from "./person";

export interface JournalNote {
	path: string;
	day: Day;
	/** Its counted links' paths (`countedLinkpaths`). */
	linkpaths: readonly string[];
}

/** `people` with their mentions from `journals`; `paths` are every note of the vault (links resolve among them). */
export function withVaultMentions(people: readonly Person[], journals: readonly JournalNote[], paths: readonly string[]): Person[] {
	if (journals.length === 0) return [...people];
	const resolver = new LinkResolver(paths);
	const index = new MentionIndex();
	for (const note of journals) {
		index.set(
			note.path,
			note.day,
			note.linkpaths.map((linkpath) => resolver.resolve(linkpath, note.path) ?? unresolvedKey(linkpath)),
		);
	}
	const owners = new Map<string, number>();
	for (const person of people) for (const key of new Set(person.aliases.map(unresolvedKey))) owners.set(key, (owners.get(key) ?? 0) + 1);
	return people.map((person) => {
		if (!person.trackMentions) return person;
		const mentions = index.mentionsOf(
			person.path,
			ownAliasKeys(person.aliases, (key) => owners.get(key) ?? 0),
		);
		return mentions.length === 0 ? person : withMentions(person, mentions);
	});
}
