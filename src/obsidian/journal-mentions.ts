import type { App, CachedMetadata } from "obsidian";
import { countedLinkpaths, MentionIndex, silentSpans, unresolvedKey, type Mention } from "../core/mentions";
import { basename } from "../core/person";
import type { Rules } from "../core/rules";

/** The targets a change touches in a note that is no journal note and was none: none, one shared list. */
const NONE: readonly string[] = Object.freeze([]);

/**
 * Journal notes' mentions, from the metadata cache: each note's links, sections and list items
 * go through core/mentions.ts's one rule, and Obsidian resolves each link (as it does for the
 * note's own links). Every method returns the targets whose mentions changed — note paths, or
 * `unresolvedKey`s for links to no note — so the people index refreshes just those people.
 */
export class JournalMentions {
	private readonly mentions = new MentionIndex();
	/** The names each journal note's counted links use (`unresolvedKey`), resolved or not. */
	private readonly namesOf = new Map<string, readonly string[]>();
	/**
	 * The same by name: a note created with such a name may now be where a link leads (the nearer
	 * of two "Ada.md"). Made when a note first moves, then kept per change: a build, which reads
	 * twenty thousand daily notes at once, never needs it.
	 */
	private byName: Map<string, Set<string>> | null = null;

	constructor(private readonly app: App) {}

	get notes(): number {
		return this.mentions.size;
	}

	/** Reads a note from its cache: a journal note's resolved links, or nothing for any other note. */
	update(path: string, cache: CachedMetadata, rules: Rules): readonly string[] {
		const day = rules.journal.enabled ? rules.journal.dayOf(path, cache.frontmatter ?? null) : null;
		// Most notes of a vault are no journal note and were none before: nothing to forget.
		if (day === null) return this.mentions.has(path) ? this.remove(path) : NONE;
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
		const byName = this.byName;
		if (byName !== null) {
			for (const name of this.namesOf.get(path) ?? []) {
				const notes = byName.get(name);
				notes?.delete(path);
				if (notes?.size === 0) byName.delete(name);
			}
			for (const name of names) addTo(byName, name, path);
		}
		if (names.length === 0) this.namesOf.delete(path);
		else this.namesOf.set(path, names);
	}

	private notesNamed(name: string): Iterable<string> {
		if (this.byName === null) {
			const byName = new Map<string, Set<string>>();
			for (const [path, names] of this.namesOf) for (const n of names) addTo(byName, n, path);
			this.byName = byName;
		}
		return this.byName.get(name) ?? [];
	}

	/**
	 * A note appeared, moved or went away (`from` and `to` are its old and new paths, null when
	 * none): links to its old path, and links by its new name (which led nowhere, or to another
	 * note of that name further away), may lead elsewhere now. Those journal notes are read again.
	 */
	fileMoved(from: string | null, to: string | null, rules: Rules): string[] {
		const notes = new Set<string>();
		if (from !== null) for (const note of this.mentions.notesFor(from)) notes.add(note);
		if (to !== null) for (const note of this.notesNamed(unresolvedKey(basename(to)))) notes.add(note);
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

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
	let values = map.get(key);
	if (!values) map.set(key, (values = new Set()));
	values.add(value);
}
