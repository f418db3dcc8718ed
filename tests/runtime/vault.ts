/**
 * An in-memory vault: one `Map<path, text>` holds every file, including hidden config files
 * (`.obsidian/plugins/<id>/data.json`, `.obsidian/workspace.json`). Like Obsidian, paths with a
 * segment starting with "." are reachable through `vault.adapter` only; they are not TFiles.
 *
 * File operations are async and settle on a microtask; the store changes, then the vault event
 * fires, then the promise resolves. Errors use Obsidian's messages ("File already exists.",
 * "Folder already exists.", "ENOENT: no such file or directory, open '…'").
 *
 * Test knob `vault.raceNextAccess(path, change)`: another writer (Sync, the CLI, a second device)
 * changes the file while a plugin works on it. The change lands right after the plugin's next read
 * of the file returns (`read`, `cachedRead`, `adapter.read`) — before the plugin's code after the
 * `await` runs — or, for `process`, just before its function sees the text. A read, `await`,
 * `modify` then writes over the change (lost); `process` keeps it. `vault.racesLanded` lists them.
 * `{ on }` arms it for some kinds of access only (e.g. not the `cachedRead`s an index or a view
 * makes in the background, which would otherwise take the race before the write it is aimed at).
 */
import type * as O from "obsidian";
import { Events } from "./events";
import { scheduler } from "./scheduler";

const encoder = typeof TextEncoder !== "undefined" ? new TextEncoder() : null;
function byteLength(text: string): number {
	return encoder ? encoder.encode(text).length : text.length;
}

/** How a race's file is reached: `read` is `vault.read` or `adapter.read`, `process` either `process`. */
export type RaceAccess = "read" | "cachedRead" | "process";

function tick(): Promise<void> {
	return Promise.resolve();
}

function parentPath(path: string): string {
	const i = path.lastIndexOf("/");
	return i < 0 ? "/" : path.slice(0, i);
}

export function isHiddenPath(path: string): boolean {
	return path.split("/").some((seg) => seg.startsWith("."));
}

export abstract class TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
	/** Internal (Obsidian has the same flag): set once the file has been deleted. */
	deleted?: boolean;
}

/** Internal: set a file's path and the fields derived from it. */
export function setFilePath(file: TAbstractFile, path: string): void {
	file.path = path;
	file.name = path === "/" ? "" : path.slice(path.lastIndexOf("/") + 1);
	if (file instanceof TFile) {
		const dot = file.name.lastIndexOf(".");
		file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
		file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
	}
}

export class TFile extends TAbstractFile {
	stat: O.FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";

	constructor(vault?: Vault, path?: string) {
		super();
		if (vault) this.vault = vault;
		if (path !== undefined) setFilePath(this, path);
	}
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];

	constructor(vault?: Vault, path?: string) {
		super();
		if (vault) this.vault = vault;
		if (path !== undefined) setFilePath(this, path);
	}

	isRoot(): boolean {
		return this.path === "/";
	}
}

/** The raw store shared by the vault and its adapter. */
export class VaultStore {
	files = new Map<string, string>();
	folders = new Set<string>();
	stats = new Map<string, { ctime: number; mtime: number }>();

	constructor(initial: Record<string, string> = {}) {
		const now = scheduler.now();
		for (const [path, text] of Object.entries(initial)) {
			if (path.endsWith("/")) {
				this.addFolderChain(path.slice(0, -1));
				continue;
			}
			this.files.set(path, text);
			this.stats.set(path, { ctime: now, mtime: now });
			this.addFolderChain(parentPath(path));
		}
	}

	addFolderChain(path: string): void {
		if (!path || path === "/") return;
		const parts = path.split("/");
		for (let i = 1; i <= parts.length; i++) this.folders.add(parts.slice(0, i).join("/"));
	}

	snapshot(): Record<string, string> {
		const out: Record<string, string> = {};
		for (const [k, v] of this.files) out[k] = v;
		return out;
	}
}

/** Hooks the metadata cache and views use to see vault changes before plugins do. */
export interface VaultObserver {
	onCreate?(file: TAbstractFile): void;
	onModify?(file: TFile): void;
	onDelete?(file: TAbstractFile): void;
	onRename?(file: TAbstractFile, oldPath: string): void;
}

/** `vault.adapter`: raw file access by path (config files live here). */
export class InMemoryAdapter {
	constructor(
		private store: VaultStore,
		private vault: Vault,
		private name: string,
	) {}

	getName(): string {
		return this.name;
	}

	async exists(normalizedPath: string, _sensitive?: boolean): Promise<boolean> {
		await tick();
		return (
			this.store.files.has(normalizedPath) ||
			this.store.folders.has(normalizedPath) ||
			normalizedPath === "/" ||
			normalizedPath === ""
		);
	}

	async stat(normalizedPath: string): Promise<O.Stat | null> {
		await tick();
		if (this.store.files.has(normalizedPath)) {
			const s = this.store.stats.get(normalizedPath) ?? { ctime: 0, mtime: 0 };
			return { type: "file", ctime: s.ctime, mtime: s.mtime, size: byteLength(this.store.files.get(normalizedPath) ?? "") };
		}
		if (this.store.folders.has(normalizedPath)) return { type: "folder", ctime: 0, mtime: 0, size: 0 };
		return null;
	}

	async list(normalizedPath: string): Promise<O.ListedFiles> {
		await tick();
		const dir = normalizedPath === "/" ? "" : normalizedPath.replace(/\/$/, "");
		const isChild = (p: string) => (dir === "" ? !p.includes("/") : p.startsWith(dir + "/") && !p.slice(dir.length + 1).includes("/"));
		if (dir !== "" && !this.store.folders.has(dir)) throw new Error(`ENOENT: no such file or directory, scandir '${normalizedPath}'`);
		return {
			files: [...this.store.files.keys()].filter(isChild),
			folders: [...this.store.folders].filter(isChild),
		};
	}

	async read(normalizedPath: string): Promise<string> {
		await tick();
		const text = this.store.files.get(normalizedPath);
		if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${normalizedPath}'`);
		this.vault._landRace(normalizedPath, "read");
		return text;
	}

	async readBinary(normalizedPath: string): Promise<ArrayBuffer> {
		const text = await this.read(normalizedPath);
		return (encoder ? encoder.encode(text) : new Uint8Array()).buffer as ArrayBuffer;
	}

	async write(normalizedPath: string, data: string, options?: O.DataWriteOptions): Promise<void> {
		await tick();
		if (parentPath(normalizedPath) !== "/" && !this.store.folders.has(parentPath(normalizedPath))) {
			throw new Error(`ENOENT: no such file or directory, open '${normalizedPath}'`);
		}
		this.vault._externalWrite(normalizedPath, data, options);
	}

	async writeBinary(normalizedPath: string, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
		await this.write(normalizedPath, new TextDecoder().decode(data), options);
	}

	async append(normalizedPath: string, data: string, options?: O.DataWriteOptions): Promise<void> {
		await tick();
		this.vault._externalWrite(normalizedPath, (this.store.files.get(normalizedPath) ?? "") + data, options);
	}

	async appendBinary(normalizedPath: string, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
		await this.append(normalizedPath, new TextDecoder().decode(data), options);
	}

	async process(normalizedPath: string, fn: (data: string) => string, options?: O.DataWriteOptions): Promise<string> {
		await tick();
		this.vault._landRace(normalizedPath, "process");
		const text = this.store.files.get(normalizedPath);
		if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${normalizedPath}'`);
		const out = fn(text);
		this.vault._externalWrite(normalizedPath, out, options);
		return out;
	}

	getResourcePath(normalizedPath: string): string {
		return `app://local/${encodeURI(normalizedPath)}`;
	}

	async mkdir(normalizedPath: string): Promise<void> {
		await tick();
		this.vault._externalMkdir(normalizedPath);
	}

	async trashSystem(normalizedPath: string): Promise<boolean> {
		await this.remove(normalizedPath);
		return true;
	}

	async trashLocal(normalizedPath: string): Promise<void> {
		await tick();
		const text = this.store.files.get(normalizedPath);
		if (text !== undefined) {
			this.store.addFolderChain(".trash");
			this.store.files.set(`.trash/${normalizedPath.split("/").pop()}`, text);
		}
		this.vault._externalRemove(normalizedPath);
	}

	async rmdir(normalizedPath: string, recursive: boolean): Promise<void> {
		await tick();
		const prefix = normalizedPath + "/";
		const hasChildren = [...this.store.files.keys(), ...this.store.folders].some((p) => p.startsWith(prefix));
		if (hasChildren && !recursive) throw new Error(`ENOTEMPTY: directory not empty, rmdir '${normalizedPath}'`);
		this.vault._externalRemove(normalizedPath);
	}

	async remove(normalizedPath: string): Promise<void> {
		await tick();
		if (!this.store.files.has(normalizedPath)) throw new Error(`ENOENT: no such file or directory, unlink '${normalizedPath}'`);
		this.vault._externalRemove(normalizedPath);
	}

	async rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		await tick();
		const file = this.vault.getAbstractFileByPath(normalizedPath);
		if (file) {
			this.vault._renameNow(file, normalizedNewPath);
			return;
		}
		const text = this.store.files.get(normalizedPath);
		if (text === undefined) throw new Error(`ENOENT: no such file or directory, rename '${normalizedPath}'`);
		this.store.files.delete(normalizedPath);
		this.vault._externalWrite(normalizedNewPath, text);
	}

	async copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		await tick();
		const text = this.store.files.get(normalizedPath);
		if (text === undefined) throw new Error(`ENOENT: no such file or directory, copyfile '${normalizedPath}'`);
		if (this.store.files.has(normalizedNewPath)) throw new Error(`EEXIST: file already exists, copyfile '${normalizedNewPath}'`);
		this.vault._externalWrite(normalizedNewPath, text);
	}
}

export class Vault extends Events {
	adapter: InMemoryAdapter;
	configDir = ".obsidian";
	/** Internal: hooks for the metadata cache and the views (run before plugin handlers). */
	observers: VaultObserver[] = [];
	private fileMap = new Map<string, TAbstractFile>();
	private root: TFolder;
	/** Armed `raceNextAccess` changes, by path, with the accesses that land them. */
	private races = new Map<string, { change: (text: string) => string; on: readonly RaceAccess[] }>();
	/** Test extension: the races that landed, in order, and how the file was being accessed. */
	readonly racesLanded: Array<{ path: string; during: "read" | "process" }> = [];

	constructor(
		readonly store: VaultStore,
		private vaultName = "Test vault",
	) {
		super();
		this.adapter = new InMemoryAdapter(store, this, vaultName);
		this.root = new TFolder(this, "/");
		this.fileMap.set("/", this.root);
		const folders = [...store.folders]
			.filter((p) => !isHiddenPath(p))
			.sort((a, b) => a.split("/").length - b.split("/").length || (a < b ? -1 : 1));
		for (const path of folders) this.attach(new TFolder(this, path));
		for (const path of store.files.keys()) if (!isHiddenPath(path)) this.attach(this.makeFile(path));
	}

	// ----- lookup -----------------------------------------------------------------------------

	getName(): string {
		return this.vaultName;
	}

	getFileByPath(path: string): TFile | null {
		const f = this.fileMap.get(path);
		return f instanceof TFile ? f : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const f = this.fileMap.get(path === "" ? "/" : path);
		return f instanceof TFolder ? f : null;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.fileMap.get(path === "" ? "/" : path) ?? null;
	}

	getRoot(): TFolder {
		return this.root;
	}

	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.fileMap.values()];
	}

	getAllFolders(includeRoot?: boolean): TFolder[] {
		return [...this.fileMap.values()].filter((f): f is TFolder => f instanceof TFolder && (includeRoot || !f.isRoot()));
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	getFiles(): TFile[] {
		return [...this.fileMap.values()].filter((f): f is TFile => f instanceof TFile);
	}

	static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => any): void {
		const stack: TAbstractFile[] = [root];
		while (stack.length) {
			const f = stack.pop()!;
			cb(f);
			if (f instanceof TFolder) stack.push(...f.children);
		}
	}

	getResourcePath(file: TFile): string {
		return this.adapter.getResourcePath(file.path);
	}

	// ----- reading ----------------------------------------------------------------------------

	async read(file: TFile): Promise<string> {
		await tick();
		const text = this.readNow(file);
		this._landRace(file.path, "read");
		return text;
	}

	async cachedRead(file: TFile): Promise<string> {
		await tick();
		const text = this.readNow(file);
		this._landRace(file.path, "cachedRead");
		return text;
	}

	/**
	 * Test extension: another writer changes `path` (`change` gets the text then) during the next
	 * access that reads it to write it: right after a `read`/`cachedRead`/`adapter.read` returns,
	 * or just before a `process` function sees the text. Landed races are in `racesLanded`.
	 * With `on`, only those kinds of access land it; the others pass it by.
	 */
	raceNextAccess(path: string, change: (text: string) => string, options: { on?: readonly RaceAccess[] } = {}): void {
		this.races.set(path, { change, on: options.on ?? ["read", "cachedRead", "process"] });
	}

	/** Internal: lands the armed race on `path`, as a change made on disk by another program. */
	_landRace(path: string, access: RaceAccess): void {
		const race = this.races.get(path);
		if (!race || !race.on.includes(access)) return;
		const during = access === "process" ? "process" : "read";
		this.races.delete(path);
		const text = race.change(this.store.files.get(path) ?? "");
		this.racesLanded.push({ path, during });
		this._externalWrite(path, text);
	}

	async readBinary(file: TFile): Promise<ArrayBuffer> {
		const text = await this.read(file);
		return (encoder ? encoder.encode(text) : new Uint8Array()).buffer as ArrayBuffer;
	}

	/** Internal synchronous read (views and the metadata cache use it). */
	_readSync(path: string): string | undefined {
		return this.store.files.get(path);
	}

	private readNow(file: TFile): string {
		const text = this.store.files.get(file.path);
		if (text === undefined || file.deleted) throw new Error(`ENOENT: no such file or directory, open '${file.path}'`);
		return text;
	}

	// ----- writing ----------------------------------------------------------------------------

	async create(path: string, data: string, options?: O.DataWriteOptions): Promise<TFile> {
		await tick();
		if (this.fileMap.has(path) || this.store.files.has(path)) throw new Error("File already exists.");
		const parent = this.getFolderByPath(parentPath(path));
		if (!parent) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
		this.store.files.set(path, data);
		this.setStat(path, options, true);
		const file = this.makeFile(path);
		this.attach(file);
		this.emitCreate(file);
		return file;
	}

	async createBinary(path: string, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<TFile> {
		return this.create(path, new TextDecoder().decode(data), options);
	}

	async createFolder(path: string): Promise<TFolder> {
		await tick();
		if (this.fileMap.has(path) || this.store.folders.has(path)) throw new Error("Folder already exists.");
		return this.mkdirChain(path);
	}

	async modify(file: TFile, data: string, options?: O.DataWriteOptions): Promise<void> {
		await tick();
		this.writeNow(file, data, options);
	}

	async modifyBinary(file: TFile, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
		await this.modify(file, new TextDecoder().decode(data), options);
	}

	async append(file: TFile, data: string, options?: O.DataWriteOptions): Promise<void> {
		await tick();
		this.writeNow(file, this.readNow(file) + data, options);
	}

	async appendBinary(file: TFile, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
		await this.append(file, new TextDecoder().decode(data), options);
	}

	/** Atomic: `fn` sees the current text and its result is written with no await in between. */
	async process(file: TFile, fn: (data: string) => string, options?: O.DataWriteOptions): Promise<string> {
		await tick();
		this._landRace(file.path, "process");
		const out = fn(this.readNow(file));
		this.writeNow(file, out, options);
		return out;
	}

	async copy<T extends TAbstractFile>(file: T, newPath: string): Promise<T> {
		await tick();
		if (this.fileMap.has(newPath)) throw new Error("File already exists.");
		if (file instanceof TFile) {
			const text = this.readNow(file);
			if (!this.getFolderByPath(parentPath(newPath))) throw new Error(`ENOENT: no such file or directory, copyfile '${newPath}'`);
			this.store.files.set(newPath, text);
			this.setStat(newPath, undefined, true);
			const copy = this.makeFile(newPath);
			this.attach(copy);
			this.emitCreate(copy);
			return copy as unknown as T;
		}
		const folder = this.mkdirChain(newPath);
		for (const child of (file as unknown as TFolder).children.slice()) await this.copy(child, `${newPath}/${child.name}`);
		return folder as unknown as T;
	}

	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		await tick();
		this._renameNow(file, newPath);
	}

	async delete(file: TAbstractFile, _force?: boolean): Promise<void> {
		await tick();
		this.removeNow(file);
	}

	async trash(file: TAbstractFile, system: boolean): Promise<void> {
		await tick();
		if (!system && file instanceof TFile) {
			const text = this.store.files.get(file.path);
			if (text !== undefined) {
				this.store.addFolderChain(".trash");
				this.store.files.set(`.trash/${file.name}`, text);
			}
		}
		this.removeNow(file);
	}

	// ----- internals --------------------------------------------------------------------------

	private makeFile(path: string): TFile {
		const file = new TFile(this, path);
		const s = this.store.stats.get(path) ?? { ctime: scheduler.now(), mtime: scheduler.now() };
		file.stat = { ctime: s.ctime, mtime: s.mtime, size: byteLength(this.store.files.get(path) ?? "") };
		return file;
	}

	private setStat(path: string, options: O.DataWriteOptions | undefined, created: boolean): void {
		const now = scheduler.now();
		const prev = this.store.stats.get(path);
		const ctime = options?.ctime ?? (created || !prev ? now : prev.ctime);
		const mtime = options?.mtime ?? now;
		this.store.stats.set(path, { ctime, mtime });
		const file = this.getFileByPath(path);
		if (file) file.stat = { ctime, mtime, size: byteLength(this.store.files.get(path) ?? "") };
	}

	private attach(file: TAbstractFile): void {
		const parent = this.getFolderByPath(parentPath(file.path)) ?? this.mkdirChain(parentPath(file.path), true);
		file.vault = this;
		file.parent = parent;
		parent.children.push(file);
		this.fileMap.set(file.path, file);
	}

	private mkdirChain(path: string, silent = false): TFolder {
		if (path === "/" || path === "") return this.root;
		const existing = this.getFolderByPath(path);
		if (existing) return existing;
		const parent = this.mkdirChain(parentPath(path), silent);
		this.store.folders.add(path);
		const folder = new TFolder(this, path);
		folder.vault = this;
		folder.parent = parent;
		parent.children.push(folder);
		this.fileMap.set(path, folder);
		if (!silent) this.emitCreate(folder);
		return folder;
	}

	private writeNow(file: TFile, data: string, options?: O.DataWriteOptions): void {
		if (file.deleted || !this.store.files.has(file.path)) throw new Error(`ENOENT: no such file or directory, open '${file.path}'`);
		this.store.files.set(file.path, data);
		this.setStat(file.path, options, false);
		for (const o of this.observers.slice()) o.onModify?.(file);
		this.trigger("modify", file);
	}

	private emitCreate(file: TAbstractFile): void {
		for (const o of this.observers.slice()) o.onCreate?.(file);
		this.trigger("create", file);
	}

	/** Internal: rename now (used by `rename` and `adapter.rename`). */
	_renameNow(file: TAbstractFile, newPath: string): void {
		if (file.deleted || this.fileMap.get(file.path) !== file)
			throw new Error(`ENOENT: no such file or directory, rename '${file.path}'`);
		if (newPath === file.path) return;
		if (this.fileMap.has(newPath) || this.store.files.has(newPath)) throw new Error("Destination file already exists!");
		const newParent = this.getFolderByPath(parentPath(newPath));
		if (!newParent) throw new Error(`ENOENT: no such file or directory, rename '${file.path}' -> '${newPath}'`);
		const oldPath = file.path;
		// Re-key the file (and, for a folder, everything below it).
		const moved: Array<[TAbstractFile, string]> = [];
		Vault.recurseChildren(file as TFolder, (f) => moved.push([f, f.path]));
		if (!(file instanceof TFolder)) moved.splice(0, moved.length, [file, oldPath]);
		for (const [f, p] of moved) {
			const np = newPath + p.slice(oldPath.length);
			this.fileMap.delete(p);
			if (f instanceof TFile) {
				const text = this.store.files.get(p);
				this.store.files.delete(p);
				if (text !== undefined) this.store.files.set(np, text);
				const stat = this.store.stats.get(p);
				this.store.stats.delete(p);
				if (stat) this.store.stats.set(np, stat);
			} else {
				this.store.folders.delete(p);
				this.store.folders.add(np);
			}
			setFilePath(f, np);
			this.fileMap.set(np, f);
		}
		// Move within the tree.
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		file.parent = newParent;
		newParent.children.push(file);
		for (const [f, p] of moved) {
			for (const o of this.observers.slice()) o.onRename?.(f, p);
			this.trigger("rename", f, p);
		}
	}

	private removeNow(file: TAbstractFile): void {
		if (file.deleted || this.fileMap.get(file.path) !== file)
			throw new Error(`ENOENT: no such file or directory, unlink '${file.path}'`);
		const all: TAbstractFile[] = [];
		Vault.recurseChildren(file as TFolder, (f) => all.push(f));
		if (!(file instanceof TFolder)) all.splice(0, all.length, file);
		// children first, then the folder itself
		for (const f of all.reverse()) {
			this.fileMap.delete(f.path);
			if (f instanceof TFile) {
				this.store.files.delete(f.path);
				this.store.stats.delete(f.path);
			} else {
				this.store.folders.delete(f.path);
			}
			if (f.parent) f.parent.children = f.parent.children.filter((c) => c !== f);
			f.deleted = true;
			for (const o of this.observers.slice()) o.onDelete?.(f);
			this.trigger("delete", f);
		}
	}

	/** Internal: a write through the adapter. Vault-visible paths reconcile into vault events. */
	_externalWrite(path: string, data: string, options?: O.DataWriteOptions): void {
		const existed = this.store.files.has(path);
		this.store.files.set(path, data);
		this.setStat(path, options, !existed);
		if (isHiddenPath(path)) return;
		const file = this.getFileByPath(path);
		if (file) {
			for (const o of this.observers.slice()) o.onModify?.(file);
			this.trigger("modify", file);
		} else {
			if (!this.getFolderByPath(parentPath(path))) this.mkdirChain(parentPath(path));
			const created = this.makeFile(path);
			this.attach(created);
			this.emitCreate(created);
		}
	}

	_externalMkdir(path: string): void {
		if (isHiddenPath(path)) {
			this.store.addFolderChain(path);
			return;
		}
		this.mkdirChain(path);
	}

	_externalRemove(path: string): void {
		const file = this.getAbstractFileByPath(path);
		if (file && !isHiddenPath(path)) {
			this.removeNow(file);
			return;
		}
		const prefix = path + "/";
		for (const p of [...this.store.files.keys()]) if (p === path || p.startsWith(prefix)) this.store.files.delete(p);
		for (const p of [...this.store.folders]) if (p === path || p.startsWith(prefix)) this.store.folders.delete(p);
	}
}
