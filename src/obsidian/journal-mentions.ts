import type { App, CachedMetadata } from "obsidian";
import { countedLinkpaths, MentionIndex, silentSpans, unresolvedKey, type Mention } from "../core/mentions";
import { basename } from "../core/person";
import type { Rules } from "../core/rules";

/**
 * Journal notes' mentions, from the metadata cache: each note's links, sections and list items
 * go through core/mentions.ts's one rule, and Obsidian resolves each link (as it does for the
 * note's own links). Every method returns the targets whose mentions changed — note paths, or
 * `unresolvedKey`s for links to no note — so the people index refreshes just those people.
 */
export class JournalMentions {
	private readonly mentions = new MentionIndex();

	constructor(private readonly app: App) {}

	get notes(): number {
		return this.mentions.size;
	}

	/** Reads a note from its cache: a journal note's resolved links, or nothing for any other note. */
	update(path: string, cache: CachedMetadata, rules: Rules): string[] {
		const day = rules.journal.enabled ? rules.journal.dayOf(path, cache.frontmatter ?? null) : null;
		if (day === null) return this.mentions.delete(path);
		const links = (cache.links ?? []).map((l) => ({ link: l.link, offset: l.position.start.offset }));
		const linkpaths = countedLinkpaths(links, silentSpans(cache.sections, cache.listItems));
		const targets = linkpaths.map(
			(linkpath) => this.app.metadataCache.getFirstLinkpathDest(linkpath, path)?.path ?? unresolvedKey(linkpath),
		);
		return this.mentions.set(path, day, targets);
	}

	remove(path: string): string[] {
		return this.mentions.delete(path);
	}

	/**
	 * A note appeared, moved or went away (`from` and `to` are its old and new paths, null when
	 * none): links to its old path, and links by its new name that led nowhere, may lead elsewhere
	 * now. Those journal notes are read again.
	 */
	fileMoved(from: string | null, to: string | null, rules: Rules): string[] {
		const notes = new Set<string>();
		if (from !== null) for (const note of this.mentions.notesFor(from)) notes.add(note);
		if (to !== null) for (const note of this.mentions.notesFor(unresolvedKey(basename(to)))) notes.add(note);
		const affected: string[] = [];
		for (const note of notes) {
			const file = this.app.vault.getFileByPath(note);
			const cache = file && this.app.metadataCache.getFileCache(file);
			affected.push(...(cache ? this.update(note, cache, rules) : this.remove(note)));
		}
		return affected;
	}

	mentionsOf(path: string, keys: readonly string[]): Mention[] {
		return this.mentions.mentionsOf(path, keys);
	}
}
