/**
 * Frontmatter key spelling tolerance: `last_contact`, `last-contact`, `lastContact`,
 * `LastContact` and `Last contact` all name the same key.
 */

export function normalizeKey(key: string): string {
	return key.toLowerCase().replace(/[\s_-]+/g, "");
}

/** The spelling of `configured` used in `frontmatter`: the exact one first, else any variant. */
export function findKey(frontmatter: Record<string, unknown>, configured: string): string | undefined {
	if (Object.prototype.hasOwnProperty.call(frontmatter, configured)) return configured;
	return findKeySpelling(Object.keys(frontmatter), configured);
}

/** Among `keys`, the one that spells `configured` (exact match preferred). */
export function findKeySpelling(keys: readonly string[], configured: string): string | undefined {
	if (keys.includes(configured)) return configured;
	const wanted = normalizeKey(configured);
	return keys.find((k) => normalizeKey(k) === wanted);
}

/** Every spelling of `configured` present, for "set twice" problems. */
export function allSpellings(frontmatter: Record<string, unknown>, configured: string): string[] {
	const wanted = normalizeKey(configured);
	return Object.keys(frontmatter).filter((k) => normalizeKey(k) === wanted);
}
