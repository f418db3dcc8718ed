import { Component, TFile, debounce, getAllTags, parseYaml, type App, type CachedMetadata } from "obsidian";
import type { Day } from "../core/dates";
import { frontmatterError } from "../core/frontmatter-edit";
import { latestLogDay } from "../core/log-reader";
import { normalizeHeadingText } from "../core/headings";
import { personFromNote } from "../core/note-person";
import type { Person } from "../core/person";
import { compileRules, scheduleContext, type Rules } from "../core/rules";
import { comparePeople, computeSchedule, type Scheduled, type ScheduleContext, type Status } from "../core/schedule";
import type { Settings } from "../core/settings";
import { NO_VAULT_FACTS, type VaultFacts } from "../core/vault-config";
import { SidebarGroups } from "../core/sidebar-model";
import { insertionPoint, removeSorted } from "../core/sorted-list";
import { readVaultFacts } from "./vault-facts";

/** How long a burst of changes may run before subscribers hear about it. */
export const NOTIFY_DELAY_MS = 150;

type Listener = () => void;

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

function emptyCounts(): Record<Status, number> {
	return { overdue: 0, due: 0, soon: 0, never: 0, ok: 0, snoozed: 0, untracked: 0 };
}

/**
 * The people in the vault, built once from the metadata cache when the layout is ready and then
 * updated per changed file. Work per change is one note's worth, whatever the vault's size;
 * `revision` goes up on every real change so views can skip re-rendering when nothing moved.
 */
export class PeopleIndex extends Component {
	private readonly people = new Map<string, Person>();
	/** Bumped per path so a slow body read never overwrites a newer update. */
	private readonly generation = new Map<string, number>();
	private readonly listeners = new Set<Listener>();
	/**
	 * Notes Obsidian had not indexed yet when seen. Start-up indexing fires no `changed`, so a note
	 * indexed after the build (the plugin enabled while Obsidian still indexes) is picked up on `resolved`.
	 */
	private readonly pending = new Set<string>();
	/** Fires once per burst: the first change starts the wait, later ones ride along. */
	private readonly notifySoon = debounce(() => this.notify(), NOTIFY_DELAY_MS, false);
	private snapshot: DaySnapshot | null = null;
	private facts: VaultFacts = NO_VAULT_FACTS;
	private compiled: Rules | null = null;
	revision = 0;
	ready = false;

	constructor(
		private readonly app: App,
		private readonly getSettings: () => Settings,
	) {
		super();
	}

	onload(): void {
		const { metadataCache, vault } = this.app;
		this.registerEvent(metadataCache.on("changed", (file, data, cache) => this.onChanged(file, data, cache)));
		this.registerEvent(metadataCache.on("deleted", (file) => this.onDeleted(file.path)));
		this.registerEvent(vault.on("rename", (file, oldPath) => this.onRenamed(file, oldPath)));
		this.registerEvent(metadataCache.on("resolved", () => this.addPending()));
		// Obsidian skips `changed` when a note's text ends up as the cache already has it (edited
		// and edited back before indexing ran), yet a body read in between may have seen the
		// intermediate text: read a person's body again on every write to it.
		this.registerEvent(
			vault.on("modify", (file) => {
				if (this.ready && file instanceof TFile && this.people.has(file.path)) void this.readBody(file);
			}),
		);
		this.register(() => this.notifySoon.cancel());
	}

	/** Full build; called once the layout is ready, and again when recognition settings change. */
	async rebuild(): Promise<void> {
		this.facts = await readVaultFacts(this.app);
		const toRead = this.buildFromCache();
		await Promise.all(toRead.map((file) => this.readBody(file)));
	}

	/**
	 * The synchronous part of a build: every person from the metadata cache alone. Returns the
	 * person notes whose text must be read: for the newest log entry, or to say why the metadata
	 * cache has no frontmatter for a note that starts with one.
	 */
	buildFromCache(): TFile[] {
		this.compiled = compileRules(this.getSettings(), this.facts);
		// Until their bodies are read again, people keep the log dates read last time.
		const previous = new Map(this.people);
		this.people.clear();
		this.pending.clear();
		this.snapshot = null;
		const toRead: TFile[] = [];
		for (const file of this.app.vault.getMarkdownFiles()) {
			const cache = this.app.metadataCache.getFileCache(file);
			// A null cache means Obsidian has not indexed the note yet: `changed` or `resolved` adds it.
			if (cache === null) {
				this.pending.add(file.path);
				continue;
			}
			// Only a note with the log heading has log dates (and is read again below).
			const carried = this.hasLogHeading(cache) ? (previous.get(file.path)?.lastLogged ?? null) : null;
			const person = this.personFrom(file.path, cache, carried);
			if (person === null) continue;
			this.people.set(file.path, person);
			if (this.hasLogHeading(cache) || !cache.frontmatter) toRead.push(file);
		}
		this.ready = true;
		this.bump();
		return toRead;
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

	/** Tells subscribers at once that the date moved on: statuses change at midnight though no note did. */
	dayChanged(): void {
		this.notify();
	}

	/** Tells subscribers now instead of after the burst delay (tests and benchmarks). */
	flush(): void {
		this.notifySoon.run();
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		if (!this.ready) return;
		this.pending.delete(file.path);
		this.nextGeneration(file.path);
		const lastLogged = this.hasLogHeading(cache) ? latestLogDay(data, this.rules.settings) : null;
		this.setPerson(file.path, this.personFrom(file.path, cache, lastLogged, cache.frontmatter ? null : unreadableFrontmatter(data)));
	}

	private onDeleted(path: string): void {
		this.generation.delete(path);
		this.pending.delete(path);
		this.setPerson(path, null);
	}

	private onRenamed(file: unknown, oldPath: string): void {
		if (!this.ready || !(file instanceof TFile)) return;
		const previous = this.people.get(oldPath);
		const wasPerson = previous !== undefined;
		this.setPerson(oldPath, null);
		const wasPending = this.pending.delete(oldPath);
		// A body read still in flight for the old path must land on the new one.
		const generation = this.generation.get(oldPath);
		this.generation.delete(oldPath);
		if (generation !== undefined) this.generation.set(file.path, generation);
		const cache = this.app.metadataCache.getFileCache(file);
		if (cache === null && wasPending) this.pending.add(file.path);
		if (cache === null || file.extension !== "md") return;
		// A rename changes the name and maybe the folder rule, never the body: keep what it said.
		const frontmatterProblem = previous && !cache.frontmatter ? (previous.problems[0] ?? null) : null;
		this.setPerson(file.path, this.personFrom(file.path, cache, previous?.lastLogged ?? null, frontmatterProblem));
		if (!wasPerson && this.people.has(file.path) && (this.hasLogHeading(cache) || !cache.frontmatter)) void this.readBody(file);
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
			if (!file || cache === null) continue;
			this.setPerson(path, this.personFrom(path, cache, null));
			if (this.people.has(path) && (this.hasLogHeading(cache) || !cache.frontmatter)) void this.readBody(file);
		}
	}

	private personFrom(path: string, cache: CachedMetadata, lastLogged: Day | null, frontmatterError: string | null = null): Person | null {
		let tags: string[] | null = null;
		return personFromNote(
			{ path, frontmatter: cache.frontmatter ?? null, tags: () => (tags ??= getAllTags(cache) ?? []), lastLogged, frontmatterError },
			this.rules,
		);
	}

	/**
	 * The settings as compiled at the last build (which a change of settings starts again): every
	 * note of one build is read with the same rules.
	 */
	get rules(): Rules {
		return (this.compiled ??= compileRules(this.getSettings(), this.facts));
	}

	private hasLogHeading(cache: CachedMetadata): boolean {
		const wanted = this.rules.logHeadingKey;
		return cache.headings?.some((h) => normalizeHeadingText(h.heading) === wanted) ?? false;
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
		const lastLogged = latestLogDay(text, this.rules.settings);
		const problem = cache.frontmatter ? null : unreadableFrontmatter(text);
		const next = this.personFrom(file.path, cache, lastLogged, problem);
		// Skip the re-render only when the read changed nothing (a problem can also go away).
		if (next && next.lastLogged === person.lastLogged && next.problems.join("\n") === person.problems.join("\n")) return;
		this.setPerson(file.path, next);
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
