/**
 * Which notes are person notes: a pure function of path, frontmatter and tags, so the plugin's
 * index and the CLI decide identically.
 */
import type { Settings } from "./settings";
import { findKey } from "./keys";
import { normalizeTag } from "./tags";

export interface RecognitionContext {
	settings: Settings;
	/** The vault's templates folder (core Templates plugin); excluded when no folder is configured. */
	templatesFolder?: string | null;
}

/** `/People/` → `people`; folder comparisons ignore case and surrounding slashes. */
export function normalizeFolder(folder: string): string {
	return folder.trim().replace(/\\/g, "/").replace(/^\/+|\/+$/g, "").toLowerCase();
}

export function isInFolder(path: string, folder: string): boolean {
	const f = normalizeFolder(folder);
	if (f === "") return true;
	const p = path.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
	return p.startsWith(`${f}/`);
}

export function excludedFolders(ctx: RecognitionContext): string[] {
	const configured = ctx.settings.excludedFolders.filter((f) => normalizeFolder(f) !== "");
	if (configured.length > 0) return configured;
	return ctx.templatesFolder && normalizeFolder(ctx.templatesFolder) !== "" ? [ctx.templatesFolder] : [];
}

function matchesMarker(frontmatter: unknown, settings: Settings): boolean {
	if (typeof frontmatter !== "object" || frontmatter === null || Array.isArray(frontmatter)) return false;
	const fm = frontmatter as Record<string, unknown>;
	const key = findKey(fm, settings.markerKey);
	if (key === undefined) return false;
	const wanted = settings.markerValue.trim().toLowerCase();
	const value = fm[key];
	const values = Array.isArray(value) ? value : [value];
	return values.some((v) => (typeof v === "string" || typeof v === "number") && String(v).trim().replace(/^#/, "").toLowerCase() === wanted);
}

function matchesTag(tags: readonly string[], personTag: string): boolean {
	const wanted = normalizeTag(personTag);
	if (wanted === "") return false;
	return tags.some((t) => {
		const tag = normalizeTag(t);
		return tag === wanted || tag.startsWith(`${wanted}/`);
	});
}

/**
 * A markdown note is a person note when any enabled rule matches: it lies in a people folder,
 * carries the person tag (prefix match: `#person/work` counts), or has the frontmatter marker.
 * Excluded folders win over every rule.
 */
export function isPersonNote(path: string, frontmatter: unknown, tags: readonly string[], ctx: RecognitionContext): boolean {
	if (!path.toLowerCase().endsWith(".md")) return false;
	if (excludedFolders(ctx).some((f) => isInFolder(path, f))) return false;
	const s = ctx.settings;
	if (s.useFolders && s.peopleFolders.some((f) => normalizeFolder(f) !== "" && isInFolder(path, f))) return true;
	if (s.useTag && matchesTag(tags, s.personTag)) return true;
	if (s.useMarker && s.markerKey !== "" && matchesMarker(frontmatter, s)) return true;
	return false;
}
