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
	/**
	 * Journal notes by the names their counted links use (`unresolvedKey`), resolved or not: a
	 * note created with such a name may now be where a link leads (the nearer of two "Ada.md").
	 */
	private readonly byName = new Map<string, Set<string>>();
	private readonly namesOf = new Map<string, readonly string[]>();

	constructor(private readonly app: App) {}

	get notes(): number {
		return this.mentions.size;
	}

	/** Reads a note from its cache: a journal note's resolved links, or nothing for any other note. */
	update(path: string, cache: CachedMetadata, rules: Rules): string[] {
		const day = rules.journal.enabled ? rules.journal.dayOf(path, cache.frontmatter ?? null) : null;
		// Most notes of a vault are no journal note and were none before: nothing to forget.
		if (day === null) return this.mentions.has(path) ? this.remove(path) : [];
		const links = (cache.links ?? []).map((l) => ({ link: l.link, offset: l.position.start.offset }));
		const linkpaths = countedLinkpaths(links, silentSpans(cache.sections, cache.listItems));
		const targets = linkpaths.map(
			(linkpath) => this.app.metadataCache.getFirstLinkpathDest(linkpath, path)?.path ?? unresolvedKey(linkpath),
		);
		this.setNames(path, linkpaths.map(unresolvedKey));
		return this.mentions.set(path, day, targets);
	}

	remove(path: string): string[] {
		this.setNames(path, []);
		return this.mentions.delete(path);
	}

	private setNames(path: string, names: readonly string[]): void {
		for (const name of this.namesOf.get(path) ?? []) {
			const notes = this.byName.get(name);
			notes?.delete(path);
			if (notes?.size === 0) this.byName.delete(name);
		}
		if (names.length === 0) {
			this.namesOf.delete(path);
			return;
		}
		this.namesOf.set(path, names);
		for (const name of names) {
			let notes = this.byName.get(name);
			if (!notes) this.byName.set(name, (notes = new Set()));
			notes.add(path);
		}
	}

	/**
	 * A note appeared, moved or went away (`from` and `to` are its old and new paths, null when
	 * none): links to its old path, and links by its new name (which led nowhere, or to another
	 * note of that name further away), may lead elsewhere now. Those journal notes are read again.
	 */
	fileMoved(from: string | null, to: string | null, rules: Rules): string[] {
		const notes = new Set<string>();
		if (from !== null) for (const note of this.mentions.notesFor(from)) notes.add(note);
		if (to !== null) for (const note of this.byName.get(unresolvedKey(basename(to))) ?? []) notes.add(note);
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
