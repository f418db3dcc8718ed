import { Component, TFile, debounce, getAllTags, type App, type CachedMetadata } from "obsidian";
import type { Day } from "../core/dates";
import { latestLogDay } from "../core/log-entries";
import { buildPerson, type Person } from "../core/person";
import { isPersonNote, type RecognitionContext } from "../core/recognition";
import { comparePeople, computeSchedule, defaultCadence, type Scheduled } from "../core/schedule";
import type { Settings } from "../core/settings";

/** How long a burst of changes may run before subscribers hear about it. */
export const NOTIFY_DELAY_MS = 150;

type Listener = () => void;

/**
 * The people in the vault, built once from the metadata cache when the layout is ready and then
 * updated per changed file. Work per change is one note's worth, whatever the vault's size;
 * `revision` goes up on every real change so views can skip re-rendering when nothing moved.
 */
export class PeopleIndex extends Component {
	private readonly people = new Map<string, Person>();
	/** Notes Obsidian has not indexed yet (null cache); picked up by their `changed` event. */
	private readonly pending = new Set<string>();
	/** Bumped per path so a slow body read never overwrites a newer update. */
	private readonly generation = new Map<string, number>();
	private readonly listeners = new Set<Listener>();
	/** Fires once per burst: the first change starts the wait, later ones ride along. */
	private readonly notifySoon = debounce(() => this.notify(), NOTIFY_DELAY_MS, false);
	private scheduledCache: { revision: number; today: Day; list: Scheduled[] } | null = null;
	private templatesFolder: string | null = null;
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
		this.register(() => this.notifySoon.cancel());
	}

	/** Full build; called once the layout is ready, and again when recognition settings change. */
	async rebuild(): Promise<void> {
		this.templatesFolder = await this.readTemplatesFolder();
		this.people.clear();
		this.pending.clear();
		const reads: Promise<void>[] = [];
		for (const file of this.app.vault.getMarkdownFiles()) {
			const cache = this.app.metadataCache.getFileCache(file);
			if (cache === null) {
				this.pending.add(file.path);
				continue;
			}
			const person = this.personFrom(file.path, cache, null);
			if (person === null) continue;
			this.people.set(file.path, person);
			if (this.hasLogHeading(cache)) reads.push(this.readLog(file));
		}
		this.ready = true;
		this.bump();
		await Promise.all(reads);
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

	/** Everyone with their schedule for `today`, in `comparePeople` order; cached per revision and day. */
	scheduled(today: Day): Scheduled[] {
		const c = this.scheduledCache;
		if (c && c.revision === this.revision && c.today === today) return c.list;
		const settings = this.getSettings();
		const ctx = { today, settings, defaultCadence: defaultCadence(settings) };
		const list = this.all().map((person) => ({ person, schedule: computeSchedule(person, ctx) }));
		list.sort(comparePeople);
		this.scheduledCache = { revision: this.revision, today, list };
		return list;
	}

	/** Something outside the notes changed (a setting): recompute schedules and tell subscribers. */
	touch(): void {
		this.scheduledCache = null;
		this.bump();
	}

	/** Tells subscribers now instead of after the burst delay (tests and benchmarks). */
	flush(): void {
		this.notifySoon.run();
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		if (!this.ready) return;
		this.pending.delete(file.path);
		this.nextGeneration(file.path);
		const lastLogged = this.hasLogHeading(cache) ? latestLogDay(data, this.getSettings()) : null;
		this.put(file.path, this.personFrom(file.path, cache, lastLogged));
	}

	private onDeleted(path: string): void {
		this.pending.delete(path);
		this.generation.delete(path);
		if (this.people.delete(path)) this.bump();
	}

	private onRenamed(file: unknown, oldPath: string): void {
		if (!this.ready || !(file instanceof TFile)) return;
		const previous = this.people.get(oldPath);
		const wasPerson = this.people.delete(oldPath);
		this.generation.delete(oldPath);
		const cache = this.app.metadataCache.getFileCache(file);
		if (cache === null || file.extension !== "md") {
			if (wasPerson) this.bump();
			return;
		}
		// A rename changes the name and maybe the folder rule, never the body: keep the log date.
		this.put(file.path, this.personFrom(file.path, cache, previous?.lastLogged ?? null));
		if (!wasPerson && this.people.has(file.path) && this.hasLogHeading(cache)) void this.readLog(file);
	}

	private put(path: string, person: Person | null): void {
		if (person === null) {
			if (this.people.delete(path)) this.bump();
			return;
		}
		this.people.set(path, person);
		this.bump();
	}

	private personFrom(path: string, cache: CachedMetadata, lastLogged: Day | null): Person | null {
		const settings = this.getSettings();
		const tags = (getAllTags(cache) ?? []).map((t) => t.replace(/^#/, "").toLowerCase());
		const frontmatter: unknown = cache.frontmatter ?? null;
		const ctx: RecognitionContext = { settings, templatesFolder: this.templatesFolder };
		if (!isPersonNote(path, frontmatter, tags, ctx)) return null;
		return buildPerson({ path, frontmatter, tags, lastLogged }, settings);
	}

	private hasLogHeading(cache: CachedMetadata): boolean {
		const wanted = this.getSettings().logHeading.replace(/^#+\s*/, "").trim().toLowerCase();
		return (cache.headings ?? []).some((h) => h.heading.trim().toLowerCase() === wanted);
	}

	private async readLog(file: TFile): Promise<void> {
		const generation = this.nextGeneration(file.path);
		const text = await this.app.vault.cachedRead(file);
		if (this.generation.get(file.path) !== generation) return;
		const person = this.people.get(file.path);
		if (!person) return;
		const lastLogged = latestLogDay(text, this.getSettings());
		if (lastLogged === person.lastLogged) return;
		this.people.set(file.path, { ...person, lastLogged });
		this.bump();
	}

	private nextGeneration(path: string): number {
		const next = (this.generation.get(path) ?? 0) + 1;
		this.generation.set(path, next);
		return next;
	}

	private async readTemplatesFolder(): Promise<string | null> {
		const path = `${this.app.vault.configDir}/templates.json`;
		try {
			if (!(await this.app.vault.adapter.exists(path))) return null;
			const parsed: unknown = JSON.parse(await this.app.vault.adapter.read(path));
			const folder = (parsed as { folder?: unknown } | null)?.folder;
			return typeof folder === "string" && folder.trim() !== "" ? folder : null;
		} catch {
			return null;
		}
	}

	private bump(): void {
		this.revision += 1;
		this.notifySoon();
	}

	private notify(): void {
		for (const listener of [...this.listeners]) listener();
	}
}
