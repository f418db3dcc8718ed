/**
 * The order of `group by tag` and `group by folder` groups: alphabetical as people read it
 * (numbers by value, case and accents aside), the vault root first, "(no tag)" last.
 */
export const NO_TAG = "(no tag)";
export const ROOT_FOLDER = "/";

/** Created on first use: an Intl.Collator costs ~13 ms to set up, paid by every CLI command and plugin load otherwise. */
let keyCollator: Intl.Collator | null = null;

function compareKeys(a: string, b: string): number {
	keyCollator ??= new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
	return keyCollator.compare(a, b);
}

/** The vault root first among folders, "(no tag)" last among tags. */
function rank(key: string): number {
	if (key === ROOT_FOLDER) return -1;
	return key === NO_TAG ? 1 : 0;
}

export function compareLabels(a: string, b: string): number {
	return rank(a) - rank(b) || compareKeys(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
