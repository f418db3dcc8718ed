/**
 * Which note a link points at, the way Obsidian resolves it (`metadataCache.getFirstLinkpathDest`),
 * for the CLI, which has no metadata cache: an exact vault path (with or without `.md`), else the
 * notes whose path ends with the link's path, any case, the one in the linking note's folder
 * first, then the shortest path, then the first by name.
 */
import { folderOf } from "./person";

export class LinkResolver {
	/** Paths by lower-case file name. */
	private readonly byName = new Map<string, string[]>();
	private readonly paths: Set<string>;
	/** Links whose target does not depend on the linking note (no two candidates): resolved once. */
	private readonly settled = new Map<string, string | null>();

	constructor(paths: readonly string[]) {
		this.paths = new Set(paths);
		for (const path of paths) {
			const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
			const list = this.byName.get(name);
			if (list) list.push(path);
			else this.byName.set(name, [path]);
		}
	}

	/** The path `linkpath` (no `#heading`, no alias) resolves to from `sourcePath`, or null. */
	resolve(linkpath: string, sourcePath: string): string | null {
		const known = this.settled.get(linkpath);
		if (known !== undefined) return known;
		const found = this.find(linkpath, sourcePath);
		if (found.settled) this.settled.set(linkpath, found.path);
		return found.path;
	}

	private find(linkpath: string, sourcePath: string): { path: string | null; settled: boolean } {
		const path = linkpath.trim();
		if (path === "") return { path: null, settled: true };
		if (this.paths.has(path)) return { path, settled: true };
		if (this.paths.has(`${path}.md`)) return { path: `${path}.md`, settled: true };
		const lower = path.toLowerCase();
		const sourceDir = folderOf(sourcePath);
		for (const target of [`${lower}.md`, lower]) {
			const candidates = (this.byName.get(target.slice(target.lastIndexOf("/") + 1)) ?? []).filter((p) => {
				const full = p.toLowerCase();
				return full === target || full.endsWith(`/${target}`);
			});
			if (candidates.length === 0) continue;
			if (candidates.length === 1) return { path: candidates[0], settled: true };
			const far = (p: string) => (folderOf(p) === sourceDir ? 0 : 1);
			candidates.sort((a, b) => far(a) - far(b) || a.length - b.length || (a < b ? -1 : 1));
			return { path: candidates[0], settled: false };
		}
		return { path: null, settled: true };
	}
}
