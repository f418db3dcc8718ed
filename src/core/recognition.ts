/**
 * Which notes are person notes: a pure function of path, frontmatter and tags, so the plugin's
 * index and the CLI decide identically.
 */
import type { Settings } from "./settings";
import { findKey } from "./keys";
import { normalizeTag, withoutTrailingSlashes } from "./tags";
import { endsLower, escapeRegExp, foldText, startsLower } from "./text";

export interface RecognitionContext {
	settings: Settings;
	/** The vault's template folders (Templates core plugin, Templater); excluded when no folder is configured. */
	templatesFolders?: readonly string[];
}

/** A folder setting as a vault path: `/`-separated, no surrounding slashes or spaces. */
function folderPath(folder: string): string {
	// A loop for the trailing slashes: `/\/+$/` takes quadratic time on a long run of them.
	return withoutTrailingSlashes(folder.trim().replace(/\\/g, "/").replace(/^\/+/, ""));
}

/** `/People/` → `people`; folder comparisons ignore case, composition (a macOS path may hold "É" decomposed) and surrounding slashes. */
export function normalizeFolder(folder: string): string {
	return foldText(folderPath(folder));
}

/**
 * The folder settings after a folder was renamed in the vault: a people or excluded folder at or
 * under `oldPath` moves with it (renaming "People" to "Contacts" keeps everyone a person), the
 * way links follow a rename. Null when no folder setting is at or under it.
 */
export function followFolderRename(
	settings: Settings,
	oldPath: string,
	newPath: string,
): Pick<Settings, "peopleFolders" | "excludedFolders"> | null {
	const old = folderPath(oldPath);
	if (old === "") return null;
	// Segment by segment: folding can change a string's length ("İ"), so offsets cannot be shared.
	const oldParts = old.split("/").map(foldText);
	let moved = false;
	const follow = (folders: string[]) =>
		folders.map((folder) => {
			const parts = folderPath(folder).split("/");
			if (parts.length < oldParts.length || !oldParts.every((part, i) => foldText(parts[i]) === part)) return folder;
			moved = true;
			// The rest of the setting keeps its spelling.
			return [folderPath(newPath), ...parts.slice(oldParts.length)].join("/");
		});
	const result = { peopleFolders: follow(settings.peopleFolders), excludedFolders: follow(settings.excludedFolders) };
	return moved ? result : null;
}

export function excludedFolders(ctx: RecognitionContext): string[] {
	const configured = ctx.settings.excludedFolders.filter((f) => normalizeFolder(f) !== "");
	if (configured.length > 0) return configured;
	return (ctx.templatesFolders ?? []).filter((f) => normalizeFolder(f) !== "");
}

function matchesMarker(frontmatter: unknown, settings: Settings): boolean {
	if (typeof frontmatter !== "object" || frontmatter === null || Array.isArray(frontmatter)) return false;
	const fm = frontmatter as Record<string, unknown>;
	const key = findKey(fm, settings.markerKey);
	if (key === undefined) return false;
	const wanted = settings.markerValue.trim().toLowerCase();
	const value = fm[key];
	const values = Array.isArray(value) ? value : [value];
	return values.some(
		(v) => (typeof v === "string" || typeof v === "number") && String(v).trim().replace(/^#/, "").toLowerCase() === wanted,
	);
}

/**
 * Decides person notes from a vault path (`/`-separated, as Obsidian and the CLI give them),
 * frontmatter and tags (with or without `#`); tags are asked for only when the folder and
 * marker rules said no.
 */
export type Recognizer = (path: string, frontmatter: unknown, tags: () => readonly string[]) => boolean;

/** Whether a note's path, folded when a folder setting needs that, starts with a folder prefix. */
function pathStarts(path: string, folded: string | null, prefix: string): boolean {
	return folded === null ? startsLower(path, prefix) : folded.startsWith(prefix);
}

function folderPrefix(folder: string): string {
	return `${normalizeFolder(folder)}/`;
}

/**
 * A markdown note is a person note when any enabled rule matches: it lies in a people folder,
 * carries the person tag (prefix match: `#person/work` counts), or has the frontmatter marker.
 * Excluded folders win over every rule. Compiled once per settings so that indexing 100,000
 * notes does no per-note set-up work.
 */
export function compileRecognizer(ctx: RecognitionContext): Recognizer {
	const s = ctx.settings;
	const excluded = excludedFolders(ctx).map(folderPrefix);
	const people = s.useFolders ? s.peopleFolders.filter((f) => normalizeFolder(f) !== "").map(folderPrefix) : [];
	const wanted = normalizeTag(s.personTag);
	// `#person`, `person`, `#Person/Work` … but not `#personal`: one case-insensitive test, no copies.
	const tagRe = new RegExp(`^#?${escapeRegExp(wanted)}(?:/|$)`, "i");
	const useTag = s.useTag && wanted !== "";
	const useMarker = s.useMarker && s.markerKey !== "";
	// A path's composition matters only against a folder setting with a character beyond ASCII.
	const composed = [...excluded, ...people].some((prefix) => !/^[ -~]*$/.test(prefix));
	// Runs for every note of the vault at indexing time: no regex, no allocation on the way to "no".
	return (path, frontmatter, tags) => {
		const folded = composed ? foldText(path) : null;
		if (!(folded === null ? endsLower(path, ".md") : folded.endsWith(".md"))) return false;
		for (const prefix of excluded) if (pathStarts(path, folded, prefix)) return false;
		for (const prefix of people) if (pathStarts(path, folded, prefix)) return true;
		if (useMarker && frontmatter !== null && typeof frontmatter === "object" && matchesMarker(frontmatter, s)) return true;
		if (!useTag) return false;
		for (const tag of tags()) if (tagRe.test(tag)) return true;
		return false;
	};
}

export function isPersonNote(path: string, frontmatter: unknown, tags: readonly string[], ctx: RecognitionContext): boolean {
	return compileRecognizer(ctx)(path, frontmatter, () => tags);
}
