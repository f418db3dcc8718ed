import { Component, TFile, TFolder, debounce, getAllTags, parseYaml, type App, type CachedMetadata } from "obsidian";
import type { Day } from "../core/dates";
import { frontmatterError } from "../core/frontmatter-edit";
import { normalizeHeadingText } from "../core/headings";
import { readLogDates } from "../core/log-reader";
import { ownAliasKeys, unresolvedKey, type Mention } from "../core/mentions";
import { readPerson } from "../core/note-person";
import { withMentions, type Person } from "../core/person";
import { compileRules, scheduleContext, type Rules } from "../core/rules";
import { comparePeople, computeSchedule, type Scheduled, type ScheduleContext, type Status } from "../core/schedule";
import type { Settings } from "../core/settings";
import { SidebarGroups } from "../core/sidebar-model";
import { insertionPoint, removeSorted } from "../core/sorted-list";
import { NO_VAULT_FACTS, type VaultFacts } from "../core/vault-config";
import { JournalMentions } from "./journal-mentions";
import { readVaultFacts } from "./vault-facts";
import { yieldToApp } from "./yield";

/** How long a burst of changes may run before subscribers hear about it. */
export const NOTIFY_DELAY_MS = 150;

/**
 * How long a build works before it lets Obsidian draw a frame and handle input: a third of a
 * 60 Hz frame, so that a garbage collection landing in a slice (5-10 ms while 100,000 notes are
 * read) still ends it within the frame.
 */
export const SLICE_MS = 5;

type Listener = () => void;

interface DuringBuild {
	changed: Set<string>;
	moves: [from: string | null, to: string | null][];
}

/**
 * Everyone's schedule for one day, kept current per change so counts cost nothing to read and
 * the order is one binary-search insert per change instead of a sort of everyone.
 */
interface DaySnapshot {
	ctx: ScheduleContext;
	byPath: Map<string, Scheduled>;
	counts: Record<Status, number>;
	/** Everyone in `comparePeople` order, once someone asked for it. */
	order: Scheduled[] | null;
	/** A copy of `order` handed out for one revision: callers may keep it. */
	sorted: { revision: number; list: Scheduled[] } | null;
	/** The sidebar's groups, kept in order per change once the sidebar asked for them. */
	groups: SidebarGroups | null;
}

/** What a note's text said, which the metadata cache does not hold: its log dates, and why its frontmatter cannot be read. */
interface BodyFacts {
	logDays: readonly Day[];
	logProblems: readonly string[];
	frontmatterError: string | null;
}

/** How the last build went, for the benchmark: its whole time and its longest stretch without a pause. */
export interface BuildStats {
	totalMs: number;
	longestSliceMs: number;
	slices: number;
}

function emptyCounts(): Record<Status, number> {
	return { overdue: 0, due: 0, soon: 0, never: 0, ok: 0, snoozed: 0, untracked: 0, ignored: 0, problem: 0 };
}

function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
	return a.length === b.length && a.every((m, i) => m.day === b[i].day && m.path === b[i].path);
}

/**
 * The people in the vault, built once from the metadata cache when the layout is ready and then
 * updated per changed file. Work per change is one note's worth, whatever the vault's size;
 * `revision` goes up on every real change so views can skip re-rendering when nothing moved.
 */
export class PeopleIndex extends Component {
	private people = new Map<string, Person>();
	/** What person notes' texts said (read after the cache, and again on every change). */
	private readonly bodies = new Map<string, BodyFacts>();
	private journal: JournalMentions;
	/** Who has each alias (as `unresolvedKey`): an alias counts for mentions only when one person has it. */
	private aliasOwners = new Map<string, Set<string>>();
	/** Bumped per path so a slow body read never overwrites a newer update. */
	private readonly generation = new Map<string, number>();
	private readonly listeners = new Set<Listener>();
	/**
	 * Notes Obsidian had not indexed yet when seen. Start-up indexing fires no `changed`, so a note
	 * indexed after the build (the plugin enabled while Obsidian still indexes) is picked up on `resolved`.
	 */
	private pending = new Set<string>();
	/**
	 * What happened while a build runs, replayed on its result: notes changed (the build read them
	 * as they were) and notes that appeared, moved or went away (journal links may lead elsewhere).
	 * Shared by a build and the one that supersedes it.
	 */
	private duringBuild: DuringBuild | null = null;
	/** Each build's number: a build started later makes an earlier one stop. */
	private build = 0;
	/** Fires once per burst: the first change starts the wait, later ones ride along. */
	private readonly notifySoon = debounce(() => this.notify(), NOTIFY_DELAY_MS, false);
	private snapshot: DaySnapshot | null = null;
	private facts: VaultFacts = NO_VAULT_FACTS;
	/** The rules and the settings object they were compiled from (a change of settings makes a new object). */
	private compiled: { rules: Rules; from: Settings } | null = null;
	revision = 0;
	ready = false;
	buildStats: BuildStats | null = null;

	constructor(
		private readonly app: App,
		private readonly getSettings: () => Settings,
	) {
		super();
		this.journal = new JournalMentions(app);
	}

	onload(): void {
		const { metadataCache, vault } = this.app;
		this.registerEvent(metadataCache.on("changed", (file, data, cache) => this.onChanged(file, data, cache)));
		this.registerEvent(metadataCache.on("deleted", (file) => this.onDeleted(file.path)));
		this.registerEvent(vault.on("rename", (file, oldPath) => this.onRenamed(file, oldPath)));
		this.registerEvent(metadataCache.on("resolved", () => this.addPending()));
		// A new note can be where journal notes' links lead now (it needs no cache for that: links
		// resolve by path and name). Obsidian also fires `create` for every note at start-up,
		// before the layout is ready: those are the build's.
		this.registerEvent(
			vault.on("create", (file) => {
				if (!(file instanceof TFile) || file.extension !== "md") return;
				this.duringBuild?.moves.push([null, file.path]);
				if (this.ready) this.refreshTargets(this.journal.fileMoved(null, file.path, this.rules));
			}),
		);
		// Obsidian skips `changed` when a note's text ends up as the cache already has it (edited
		// and edited back before indexing ran), yet a body read in between may have seen the
		// intermediate text: read a person's body again on every write to it.
		this.registerEvent(
			vault.on("modify", (file) => {
				if (this.ready && file instanceof TFile && this.people.has(file.path)) void this.readBody(file);
			}),
		);
		this.register(() => {
			this.notifySoon.cancel();
			this.build += 1;
		});
	}

	/** Full build; called once the layout is ready, and again when the settings change. */
	async rebuild(): Promise<void> {
		this.facts = await readVaultFacts(this.app);
		const toRead = await this.buildFromCache();
		await Promise.all(toRead.map((file) => this.readBody(file)));
	}

	/**
	 * Every person and journal note from the metadata cache alone, in slices of at most `SLICE_MS`
	 * with a pause between them, into fresh maps that replace the current ones at the end (views
	 * show the last complete state meanwhile). Returns the person notes whose text must be read:
	 * for their log dates, or to say why the metadata cache has no frontmatter for a note that
	 * starts with one. A build started meanwhile makes this one stop and return nothing.
	 */
	async buildFromCache(): Promise<TFile[]> {
		const build = ++this.build;
		const started = performance.now();
		const stats: BuildStats = { totalMs: 0, longestSliceMs: 0, slices: 1 };
		let sliceStart = started;
		// Checked every few notes; only a slice that ran its time awaits anything, so no other code
		// (a newer build among it) runs in between.
		const due = () => performance.now() - sliceStart >= SLICE_MS;
		const pause = async (): Promise<boolean> => {
			const now = performance.now();
			stats.longestSliceMs = Math.max(stats.longestSliceMs, now - sliceStart);
			stats.slices += 1;
			await yieldToApp();
			sliceStart = performance.now();
			return build === this.build;
		};
		const settings = this.getSettings();
		const rules = compileRules(settings, this.facts);
		const during = (this.duringBuild ??= { changed: new Set(), moves: [] });
		const people = new Map<string, Person>();
		const journal = new JournalMentions(this.app);
		const aliasOwners = new Map<string, Set<string>>();
		const pending = new Set<string>();
		const toRead: TFile[] = [];
		// The vault's folders are walked, each folder's entries copied as it is reached, rather than
		// every note listed in one call: on 100,000 notes that one call was the build's longest
		// stretch without a pause. What changes during a pause is replayed after the swap.
		const folders: TFolder[] = [this.app.vault.getRoot()];
		let seen = 0;
		for (let f = 0; f < folders.length; f++) {
			for (const file of folders[f].children.slice()) {
				// Every entry counts towards the slice: a folder of thousands of attachments is a stretch too.
				if ((++seen & 7) === 0 && due() && !(await pause())) return [];
				if (file instanceof TFolder) folders.push(file);
				if (!(file instanceof TFile) || file.extension !== "md") continue;
				const cache = this.app.metadataCache.getFileCache(file);
				// A null cache means Obsidian has not indexed the note yet: `changed` or `resolved` adds it.
				if (cache === null) {
					pending.add(file.path);
					continue;
				}
				journal.update(file.path, cache, rules);
				const needsBody = this.needsBody(cache, rules);
				// Until their bodies are read again, people keep what their text said last time.
				const person = this.compose(file.path, cache, rules, needsBody ? (this.bodies.get(file.path) ?? null) : null);
				if (person === null) continue;
				people.set(file.path, person);
				for (const key of person.aliases.map(unresolvedKey)) {
					let owners = aliasOwners.get(key);
					if (!owners) aliasOwners.set(key, (owners = new Set()));
					owners.add(file.path);
				}
				if (needsBody) toRead.push(file);
			}
		}
		this.compiled = { rules, from: settings };
		this.journal = journal;
		this.people = people;
		this.pending = pending;
		this.aliasOwners = aliasOwners;
		let k = 0;
		for (const [path, person] of people) {
			if ((++k & 31) === 0 && due() && !(await pause())) return [];
			people.set(path, this.withOwnMentions(person));
		}
		// A body read under other rules (another log heading) must not come back on a rename.
		const readAgain = new Set(toRead.map((file) => file.path));
		for (const path of this.bodies.keys()) if (!readAgain.has(path)) this.bodies.delete(path);
		this.snapshot = null;
		this.ready = true;
		this.duringBuild = null;
		for (const path of during.changed) this.reindex(path);
		for (const [from, to] of during.moves) this.refreshTargets(this.journal.fileMoved(from, to, this.rules));
		// Notes Obsidian indexed while this build ran: their `resolved` came before the swap.
		this.addPending();
		stats.longestSliceMs = Math.max(stats.longestSliceMs, performance.now() - sliceStart);
		stats.totalMs = performance.now() - started;
		this.buildStats = stats;
		this.bump();
		return toRead.filter((file) => this.people.has(file.path));
	}

	subscribe(listener: Listener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	get(path: string): Person | undefined {
		return this.people.get(path);
	}

	all(): Person[] {
		return [...this.people.values()];
	}

	get size(): number {
		return this.people.size;
	}

	/** How many journal notes the last build found (for the benchmark). */
	get journalNotes(): number {
		return this.journal.notes;
	}

	/**
	 * Everyone with their schedule for `today`, in `comparePeople` order: sorted once per day, then
	 * kept in order per change; the same array for as long as nothing changes.
	 */
	scheduled(today: Day): Scheduled[] {
		const snap = this.snapshotFor(today);
		if (snap.sorted?.revision !== this.revision) snap.sorted = { revision: this.revision, list: this.orderOf(snap).slice() };
		return snap.sorted.list;
	}

	/** The sidebar's groups for `today`, each in display order; built once, then kept per change. */
	sidebarGroups(today: Day): SidebarGroups {
		const snap = this.snapshotFor(today);
		snap.groups ??= new SidebarGroups(this.orderOf(snap), snap.ctx.settings.birthdayWindowDays);
		return snap.groups;
	}

	/** Everyone in the snapshot in `comparePeople` order: sorted on first use, then kept per change. */
	private orderOf(snap: DaySnapshot): Scheduled[] {
		snap.order ??= [...snap.byPath.values()].sort(comparePeople);
		return snap.order;
	}

	/** One person with their schedule for `today`, without sorting everyone. */
	scheduledOne(path: string, today: Day): Scheduled | undefined {
		return this.snapshotFor(today).byPath.get(path);
	}

	/** How many people have `status` today: read from counts kept per change, not a scan. */
	count(status: Status, today: Day): number {
		return this.snapshotFor(today).counts[status];
	}

	private snapshotFor(today: Day): DaySnapshot {
		if (this.snapshot?.ctx.today === today) return this.snapshot;
		const snap: DaySnapshot = {
			ctx: scheduleContext(this.rules, today),
			byPath: new Map(),
			counts: emptyCounts(),
			order: null,
			sorted: null,
			groups: null,
		};
		for (const person of this.people.values()) this.addToSnapshot(snap, person);
		this.snapshot = snap;
		return snap;
	}

	private addToSnapshot(snap: DaySnapshot, person: Person): void {
		const scheduled = { person, schedule: computeSchedule(person, snap.ctx) };
		snap.byPath.set(person.path, scheduled);
		snap.counts[scheduled.schedule.status] += 1;
		snap.order?.splice(insertionPoint(snap.order, scheduled, comparePeople), 0, scheduled);
		snap.groups?.add(scheduled);
	}

	private removeFromSnapshot(snap: DaySnapshot, path: string): void {
		const old = snap.byPath.get(path);
		if (!old) return;
		snap.counts[old.schedule.status] -= 1;
		snap.byPath.delete(path);
		if (snap.order) removeSorted(snap.order, old, comparePeople);
		snap.groups?.remove(old);
	}

	/** The one place people change: the map, the day's schedules and the revision move together. */
	private setPerson(path: string, person: Person | null): void {
		const had = this.people.has(path);
		if (person === null && !had) return;
		if (this.snapshot) this.removeFromSnapshot(this.snapshot, path);
		if (person === null) {
			this.people.delete(path);
		} else {
			this.people.set(path, person);
			if (this.snapshot) this.addToSnapshot(this.snapshot, person);
		}
		this.bump();
	}

	/**
	 * A person note changed, appeared or went away: its record, the aliases it owns (another
	 * person's mentions by an alias they shared change with them) and its mentions move together.
	 */
	private putPerson(path: string, next: Person | null): void {
		const old = this.people.get(path) ?? null;
		const keys = this.ownAliases(next, old);
		this.setPerson(path, next && this.withOwnMentions(next));
		for (const key of keys) for (const owner of this.aliasOwners.get(key) ?? []) if (owner !== path) this.refreshMentions(owner);
	}

	/** Moves `old`'s aliases to `next` in the owners' map; returns the keys whose owners changed. */
	private ownAliases(next: Person | null, old: Person | null): string[] {
		const before = new Set(old?.aliases.map(unresolvedKey));
		const after = new Set(next?.aliases.map(unresolvedKey));
		const changed: string[] = [];
		for (const key of before) {
			if (after.has(key) || !old) continue;
			this.aliasOwners.get(key)?.delete(old.path);
			changed.push(key);
		}
		for (const key of after) {
			if (before.has(key) || !next) continue;
			let owners = this.aliasOwners.get(key);
			if (!owners) this.aliasOwners.set(key, (owners = new Set()));
			owners.add(next.path);
			changed.push(key);
		}
		return changed;
	}

	/** The person with the mentions the journal has for them now. */
	private withOwnMentions(person: Person): Person {
		if (!person.trackMentions) return person;
		const keys = ownAliasKeys(person.aliases, (key) => this.aliasOwners.get(key)?.size ?? 0);
		const mentions = this.journal.mentionsOf(person.path, keys);
		return sameMentions(mentions, person.mentions) ? person : withMentions(person, mentions);
	}

	private refreshMentions(path: string): void {
		const person = this.people.get(path);
		if (!person) return;
		const next = this.withOwnMentions(person);
		if (next !== person) this.setPerson(path, next);
	}

	/** The people whose mentions may have changed: a note's path, or everyone with an alias key. */
	private refreshTargets(targets: readonly string[]): void {
		for (const target of targets) {
			if (target.startsWith("?")) for (const owner of this.aliasOwners.get(target) ?? []) this.refreshMentions(owner);
			else this.refreshMentions(target);
		}
	}

	/** Tells subscribers at once that the date moved on: statuses change at midnight though no note did. */
	dayChanged(): void {
		this.notify();
	}

	/** Tells subscribers now instead of after the burst delay (tests and benchmarks). */
	flush(): void {
		this.notifySoon.run();
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		this.duringBuild?.changed.add(file.path);
		if (!this.ready) return;
		this.pending.delete(file.path);
		this.nextGeneration(file.path);
		const rules = this.rules;
		this.refreshTargets(this.journal.update(file.path, cache, rules));
		this.setBody(file.path, this.needsBody(cache, rules) ? this.bodyFacts(data, cache, rules) : null);
		this.putPerson(file.path, this.compose(file.path, cache, rules));
	}

	private onDeleted(path: string): void {
		this.duringBuild?.changed.add(path);
		this.duringBuild?.moves.push([path, null]);
		this.generation.delete(path);
		this.pending.delete(path);
		this.bodies.delete(path);
		if (!this.ready) return;
		this.refreshTargets(this.journal.remove(path));
		this.putPerson(path, null);
		this.refreshTargets(this.journal.fileMoved(path, null, this.rules));
	}

	private onRenamed(file: unknown, oldPath: string): void {
		if (!(file instanceof TFile)) return;
		this.duringBuild?.changed.add(oldPath).add(file.path);
		this.duringBuild?.moves.push([oldPath, file.path]);
		if (!this.ready) return;
		const rules = this.rules;
		const wasPerson = this.people.has(oldPath);
		const body = this.bodies.get(oldPath);
		this.bodies.delete(oldPath);
		this.refreshTargets(this.journal.remove(oldPath));
		this.putPerson(oldPath, null);
		const wasPending = this.pending.delete(oldPath);
		// A body read still in flight for the old path must land on the new one.
		const generation = this.generation.get(oldPath);
		this.generation.delete(oldPath);
		if (generation !== undefined) this.generation.set(file.path, generation);
		const cache = this.app.metadataCache.getFileCache(file);
		if (cache === null && wasPending) this.pending.add(file.path);
		if (cache !== null && file.extension === "md") {
			// A rename changes the name and maybe the folder rule, never the body: keep what it said.
			if (body) this.bodies.set(file.path, body);
			this.refreshTargets(this.journal.update(file.path, cache, rules));
			this.putPerson(file.path, this.compose(file.path, cache, rules));
			if (!wasPerson && this.people.has(file.path) && this.needsBody(cache, rules)) void this.readBody(file);
		}
		this.refreshTargets(this.journal.fileMoved(oldPath, file.path, rules));
	}

	/** Adds the notes Obsidian indexed since they were seen without a cache. */
	private addPending(): void {
		if (!this.ready) return;
		for (const path of [...this.pending]) {
			const file = this.app.vault.getFileByPath(path);
			const cache = file ? this.app.metadataCache.getFileCache(file) : null;
			// Not indexed yet: a later `resolved` comes.
			if (file && cache === null) continue;
			this.pending.delete(path);
			if (file) this.reindex(path);
		}
	}

	/** Reads a note again from the cache as it is now (after a build that may have seen it stale). */
	private reindex(path: string): void {
		const file = this.app.vault.getFileByPath(path);
		const cache = file ? this.app.metadataCache.getFileCache(file) : null;
		if (!file || cache === null) {
			this.refreshTargets(this.journal.remove(path));
			this.putPerson(path, null);
			return;
		}
		const rules = this.rules;
		this.refreshTargets(this.journal.update(path, cache, rules));
		this.putPerson(path, this.compose(path, cache, rules));
		if (this.people.has(path) && this.needsBody(cache, rules)) void this.readBody(file);
	}

	private compose(
		path: string,
		cache: CachedMetadata,
		rules: Rules,
		body: BodyFacts | null = this.bodies.get(path) ?? null,
	): Person | null {
		const frontmatter = cache.frontmatter ?? null;
		this.tagsOf.cache = cache;
		this.tagsOf.tags = null;
		// Every note of the vault is asked at each build: nothing is made for one that is no person.
		if (!rules.recognize(path, frontmatter, this.noteTags)) return null;
		return readPerson(
			{
				path,
				frontmatter,
				tags: this.noteTags,
				logDays: body?.logDays ?? [],
				logProblems: body?.logProblems,
				frontmatterError: frontmatter ? null : (body?.frontmatterError ?? null),
			},
			rules,
		);
	}

	/** The note `compose` reads, and its tags once a rule asked for them (most notes are decided by their folder). */
	private readonly tagsOf: { cache: CachedMetadata | null; tags: string[] | null } = { cache: null, tags: null };
	private readonly noteTags = (): string[] => (this.tagsOf.tags ??= (this.tagsOf.cache && getAllTags(this.tagsOf.cache)) ?? []);

	/**
	 * The rules of the current settings. Every note of one build is read with the rules it started
	 * with; events after it use the settings as they are now. A change of settings starts a build
	 * anyway, but until it has swapped, an event must not be read with the old rules: renaming an
	 * excluded folder moves the setting with it (folder-follow), and its notes, renamed right after
	 * the folder, would be people for the length of that build under the old setting.
	 */
	get rules(): Rules {
		const settings = this.getSettings();
		if (this.compiled?.from !== settings) this.compiled = { rules: compileRules(settings, this.facts), from: settings };
		return this.compiled.rules;
	}

	/** Only a note with the log heading has log dates; one without cached frontmatter may have broken frontmatter. */
	private needsBody(cache: CachedMetadata, rules: Rules): boolean {
		if (!cache.frontmatter) return true;
		const wanted = rules.logHeadingKey;
		return cache.headings?.some((h) => normalizeHeadingText(h.heading) === wanted) ?? false;
	}

	private bodyFacts(text: string, cache: CachedMetadata, rules: Rules): BodyFacts {
		const log = readLogDates(text, rules.settings);
		return { logDays: log.days, logProblems: log.problems, frontmatterError: cache.frontmatter ? null : unreadableFrontmatter(text) };
	}

	private setBody(path: string, body: BodyFacts | null): void {
		if (body) this.bodies.set(path, body);
		else this.bodies.delete(path);
	}

	private async readBody(file: TFile): Promise<void> {
		const generation = this.nextGeneration(file.path);
		let text: string;
		try {
			text = await this.app.vault.cachedRead(file);
		} catch {
			// Deleted or moved away meanwhile: its `deleted` or `rename` event updates the index.
			return;
		}
		if (this.generation.get(file.path) !== generation) return;
		const person = this.people.get(file.path);
		const cache = this.app.metadataCache.getFileCache(file);
		if (!person || !cache) return;
		const rules = this.rules;
		const body = this.bodyFacts(text, cache, rules);
		this.bodies.set(file.path, body);
		const next = this.compose(file.path, cache, rules, body);
		// Skip the re-render only when the read changed nothing (a problem can also go away).
		if (next && next.logDays.join() === person.logDays.join() && next.problems.join("\n") === person.problems.join("\n")) return;
		this.putPerson(file.path, next);
	}

	private nextGeneration(path: string): number {
		const next = (this.generation.get(path) ?? 0) + 1;
		this.generation.set(path, next);
		return next;
	}

	private bump(): void {
		this.revision += 1;
		this.notifySoon();
	}

	private notify(): void {
		for (const listener of [...this.listeners]) listener();
	}
}

/** Obsidian's cache has no frontmatter both for notes without one and for broken ones: tell them apart. */
function unreadableFrontmatter(text: string): string | null {
	return frontmatterError(text, (source) => parseYaml(source) as unknown);
}
