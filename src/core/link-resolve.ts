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
		const path = linkpath.trim();
		if (path === "") return null;
		if (this.paths.has(path)) return path;
		if (this.paths.has(`${path}.md`)) return `${path}.md`;
		const lower = path.toLowerCase();
		const sourceDir = folderOf(sourcePath);
		for (const target of [`${lower}.md`, lower]) {
			const candidates = (this.byName.get(target.slice(target.lastIndexOf("/") + 1)) ?? []).filter((p) => {
				const full = p.toLowerCase();
				return full === target || full.endsWith(`/${target}`);
			});
			if (candidates.length === 0) continue;
			const far = (p: string) => (folderOf(p) === sourceDir ? 0 : 1);
			candidates.sort((a, b) => far(a) - far(b) || a.length - b.length || (a < b ? -1 : 1));
			return candidates[0];
		}
		return null;
	}
}
