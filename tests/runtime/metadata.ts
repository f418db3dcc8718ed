/**
 * The metadata cache, with the timing that bites in Obsidian:
 * - `getFileCache(file)` is null until the file has been indexed;
 * - indexing is asynchronous: a create/modify queues the file, and the parse happens on a later
 *   macrotask (`indexDelayMs`, default 0), then `changed(file, data, cache)` fires;
 * - after a modify the OLD cache is returned until the re-index ran;
 * - a modify that leaves the text unchanged does not fire `changed` (Obsidian hashes content);
 * - initial indexing at start-up fires no `changed`; `resolved` fires once when it is done, and
 *   again after each later batch;
 * - rename moves the cache to the new path without `changed`;
 * - delete drops the cache and fires `deleted(file, prevCache)` synchronously;
 * - the cache persists between sessions (`persist()`, which `app.restart()` hands to the next
 *   app): at start-up a note changed on disk while the app was closed is served from the OLD
 *   entry until it is re-indexed, which happens after the layout is ready (`staleDelayMs`
 *   later), with `changed` (then `resolved`), as Obsidian re-checks such notes after loading.
 */
import type * as O from "obsidian";
import { Events } from "./events";
import { parseLinktext, parseNote } from "./markdown";
import { scheduler } from "./scheduler";
import { TAbstractFile, TFile, TFolder, Vault } from "./vault";

interface Entry {
	cache: O.CachedMetadata;
	text: string;
}

/**
 * Test extension: the metadata cache as Obsidian keeps it between sessions (in IndexedDB), by
 * path. The text stands for the content hash Obsidian compares.
 */
export type PersistedMetadata = Record<string, { text: string; cache: O.CachedMetadata }>;

function clone<T>(value: T): T {
	return typeof structuredClone === "function" ? structuredClone(value) : (JSON.parse(JSON.stringify(value)) as T);
}

export class MetadataCache extends Events {
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	/** Test knob: delay between a change and its re-index (ms, tracked by `settle()`). */
	indexDelayMs = 0;
	/** Test extension: true once the start-up indexing is complete. */
	initialized = false;
	/** Test knob: how long after the layout is ready notes changed while closed are re-indexed (ms). */
	staleDelayMs = 0;

	private entries = new Map<string, Entry>();
	private queue = new Map<string, TFile>();
	private timer: number | null = null;
	private initialQueue: TFile[] | null = null;
	private initialDone: Promise<void> | null = null;
	private resolveInitial: (() => void) | null = null;
	private nameIndex: NameIndex | null = null;
	/** Notes served from a persisted entry older than their text, until `reindexStale()`. */
	private stale: TFile[] = [];

	constructor(private vault: Vault) {
		super();
		vault.observers.push({
			onCreate: (file) => {
				if (file instanceof TFile) this.nameIndex?.add(file);
				if (file instanceof TFile && file.extension === "md") this.enqueue(file);
			},
			onModify: (file) => {
				if (file.extension === "md") this.enqueue(file);
			},
			onRename: (file, oldPath) => this.onRename(file, oldPath),
			onDelete: (file) => this.onDelete(file),
		});
	}

	// ----- public API -------------------------------------------------------------------------

	getFileCache(file: TFile): O.CachedMetadata | null {
		return this.entries.get(file.path)?.cache ?? null;
	}

	getCache(path: string): O.CachedMetadata | null {
		return this.entries.get(path)?.cache ?? null;
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const path = parseLinktext(linkpath).path.trim();
		if (!path) return this.vault.getFileByPath(sourcePath);
		const exact = this.vault.getFileByPath(path) ?? this.vault.getFileByPath(`${path}.md`);
		if (exact) return exact;
		const lower = path.toLowerCase();
		const sourceDir = sourcePath.includes("/") ? sourcePath.slice(0, sourcePath.lastIndexOf("/")) : "";
		for (const target of [`${lower}.md`, lower]) {
			const name = target.slice(target.lastIndexOf("/") + 1);
			const candidates = this.filesNamed(name).filter((f) => {
				const full = f.path.toLowerCase();
				return full === target || full.endsWith(`/${target}`);
			});
			if (!candidates.length) continue;
			const inSourceDir = (f: TFile) => ((f.parent?.isRoot() ? "" : f.parent?.path) === sourceDir ? 0 : 1);
			candidates.sort((a, b) => inSourceDir(a) - inSourceDir(b) || a.path.length - b.path.length || (a.path < b.path ? -1 : 1));
			return candidates[0];
		}
		return null;
	}

	/**
	 * Files by lower-cased name. Obsidian keeps this ready from start-up and per change, so link
	 * resolution never pays for the whole vault at once: built with the start-up index, then kept.
	 */
	private filesNamed(nameLower: string): readonly TFile[] {
		this.nameIndex ??= new NameIndex(this.vault.getFiles());
		return this.nameIndex.named(nameLower);
	}

	fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
		const name = omitMdExtension && file.extension === "md" ? file.basename : file.name;
		if (this.filesNamed(file.name.toLowerCase()).length <= 1) return name;
		return omitMdExtension && file.extension === "md" ? file.path.slice(0, -3) : file.path;
	}

	// ----- indexing ---------------------------------------------------------------------------

	/**
	 * Start indexing every markdown file (start-up). Resolves when done; fires `resolved` once.
	 * With `persisted` (the cache of an earlier session), notes it holds are served from it at once:
	 * unchanged ones are not parsed again, and changed ones keep their old entry (stale) until
	 * `reindexStale()`. Only notes it does not hold are indexed now.
	 */
	startInitialIndex(chunkSize = 500, persisted?: PersistedMetadata): Promise<void> {
		if (this.initialDone) return this.initialDone;
		this.filesNamed("");
		this.initialQueue = this.vault.getMarkdownFiles();
		if (persisted) {
			this.initialQueue = this.initialQueue.filter((file) => {
				const saved = persisted[file.path];
				if (!saved) return true;
				this.entries.set(file.path, { cache: clone(saved.cache), text: saved.text });
				if (saved.text !== this.vault._readSync(file.path)) this.stale.push(file);
				return false;
			});
		}
		this.initialDone = new Promise<void>((resolve) => (this.resolveInitial = resolve));
		const step = () => {
			const batch = this.initialQueue!.splice(0, chunkSize);
			for (const file of batch) if (!file.deleted) this.index(file, true);
			if (this.initialQueue!.length) {
				scheduler.setTimeout(step, this.indexDelayMs, "metadata: initial indexing");
				return;
			}
			this.initialQueue = null;
			this.initialized = true;
			this.rebuildLinks();
			this.resolveInitial?.();
			this.trigger("resolved");
		};
		scheduler.setTimeout(step, this.indexDelayMs, "metadata: initial indexing");
		return this.initialDone;
	}

	/** Test extension: number of files waiting to be (re-)indexed. */
	get pendingCount(): number {
		const staleNotQueued = this.stale.filter((file) => !this.queue.has(file.path)).length;
		return this.queue.size + (this.initialQueue?.length ?? 0) + staleNotQueued;
	}

	/** Test extension: the cache as Obsidian would persist it now (what `app.restart()` carries over). */
	persist(): PersistedMetadata {
		const out: PersistedMetadata = {};
		for (const [path, entry] of this.entries) out[path] = { text: entry.text, cache: clone(entry.cache) };
		return out;
	}

	/**
	 * Test extension: paths served from a persisted entry older than the note: each leaves the list
	 * when it is actually re-indexed (or deleted), not when its re-index is queued.
	 */
	get stalePaths(): string[] {
		return this.stale.map((file) => file.path);
	}

	/**
	 * Internal (the app calls it when the layout is ready): re-index the notes that changed while
	 * the app was closed, `staleDelayMs` from now; each fires `changed`, then `resolved` once.
	 * They stay stale (in `stalePaths`) until `index()` has parsed them.
	 */
	reindexStale(): void {
		if (!this.stale.length) return;
		scheduler.setTimeout(
			() => {
				for (const file of this.stale) if (!file.deleted) this.enqueue(file);
			},
			this.staleDelayMs,
			"metadata: re-index notes changed while closed",
		);
	}

	private enqueue(file: TFile): void {
		if (this.initialQueue && !this.initialQueue.includes(file) && !this.entries.has(file.path)) {
			// created during start-up indexing: index it with the rest
			this.initialQueue.push(file);
			return;
		}
		this.queue.set(file.path, file);
		if (this.timer === null) {
			this.timer = scheduler.setTimeout(() => this.flush(), this.indexDelayMs, "metadata: index changed files");
		}
	}

	private flush(): void {
		this.timer = null;
		const batch = [...this.queue.values()];
		this.queue.clear();
		const indexed: TFile[] = [];
		for (const file of batch) {
			if (file.deleted) continue;
			if (this.index(file, false)) indexed.push(file);
		}
		if (!indexed.length) return;
		this.rebuildLinks(indexed);
		for (const file of indexed) this.trigger("resolve", file);
		if (this.initialized) this.trigger("resolved");
	}

	/** Parse one file. Returns true if its content changed (and `changed` fired). */
	private index(file: TFile, initial: boolean): boolean {
		const text = this.vault._readSync(file.path);
		if (text === undefined) return false;
		// Read now: whatever the entry says, it is no longer older than the note.
		if (this.stale.length) this.stale = this.stale.filter((f) => f !== file);
		const prev = this.entries.get(file.path);
		if (prev && prev.text === text) return false;
		const { cache } = parseNote(text);
		this.entries.set(file.path, { cache, text });
		if (!initial) this.trigger("changed", file, text, cache);
		return true;
	}

	private rebuildLinks(files?: TFile[]): void {
		const targets = files ?? this.vault.getMarkdownFiles();
		for (const file of targets) {
			const cache = this.entries.get(file.path)?.cache;
			const resolved: Record<string, number> = {};
			const unresolved: Record<string, number> = {};
			for (const ref of [...(cache?.links ?? []), ...(cache?.embeds ?? []), ...(cache?.frontmatterLinks ?? [])]) {
				const path = parseLinktext(ref.link).path;
				if (!path) continue;
				const dest = this.getFirstLinkpathDest(path, file.path);
				if (dest) resolved[dest.path] = (resolved[dest.path] ?? 0) + 1;
				else unresolved[path] = (unresolved[path] ?? 0) + 1;
			}
			this.resolvedLinks[file.path] = resolved;
			this.unresolvedLinks[file.path] = unresolved;
		}
	}

	private onRename(file: TAbstractFile, oldPath: string): void {
		if (file instanceof TFolder) return; // each file below a folder is reported separately
		this.nameIndex?.remove(file as TFile, oldPath.slice(oldPath.lastIndexOf("/") + 1));
		this.nameIndex?.add(file as TFile);
		const entry = this.entries.get(oldPath);
		if (entry) {
			this.entries.delete(oldPath);
			this.entries.set(file.path, entry);
		}
		if (this.queue.has(oldPath)) {
			this.queue.delete(oldPath);
			this.queue.set(file.path, file as TFile);
		}
		for (const map of [this.resolvedLinks, this.unresolvedLinks]) {
			if (map[oldPath]) {
				map[file.path] = map[oldPath];
				delete map[oldPath];
			}
		}
	}

	private onDelete(file: TAbstractFile): void {
		if (!(file instanceof TFile)) {
			this.nameIndex = null;
			return;
		}
		this.nameIndex?.remove(file, file.name);
		this.queue.delete(file.path);
		if (this.stale.length) this.stale = this.stale.filter((f) => f !== file);
		const prev = this.entries.get(file.path);
		this.entries.delete(file.path);
		delete this.resolvedLinks[file.path];
		delete this.unresolvedLinks[file.path];
		if (file.extension === "md") this.trigger("deleted", file, prev?.cache ?? null);
	}
}

/** Files by lower-cased name (`Ada.md` → `ada.md`), for resolving links by name. */
class NameIndex {
	private readonly byName = new Map<string, TFile[]>();

	constructor(files: readonly TFile[]) {
		for (const file of files) this.add(file);
	}

	named(nameLower: string): readonly TFile[] {
		return this.byName.get(nameLower) ?? [];
	}

	add(file: TFile): void {
		const key = file.name.toLowerCase();
		const list = this.byName.get(key);
		if (!list) this.byName.set(key, [file]);
		else if (!list.includes(file)) list.push(file);
	}

	remove(file: TFile, name: string): void {
		const key = name.toLowerCase();
		const list = this.byName.get(key)?.filter((f) => f !== file);
		if (list?.length) this.byName.set(key, list);
		else this.byName.delete(key);
	}
}
