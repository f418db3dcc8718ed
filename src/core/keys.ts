/**
 * Frontmatter key spelling tolerance: `last_contact`, `last-contact`, `lastContact`,
 * `LastContact` and `Last contact` all name the same key.
 */
import { DIGIT_0, DIGIT_9, LOWER_A, LOWER_Z } from "./char-codes";

/**
 * Keys longer than this are never one of ours under another spelling (a configured key is a word
 * or two), so they are not normalized: a megabyte-long key costs one comparison, not a pass.
 */
const MAX_KEY_LENGTH = 1000;

export function normalizeKey(key: string): string {
	if (key.length > MAX_KEY_LENGTH) return key;
	// Most keys are already lowercase words: skip the regex for them (indexing reads every key).
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i);
		if (!((c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9))) return key.toLowerCase().replace(/[\s_-]+/g, "");
	}
	return key;
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

const normalized = new Map<string, string>();

/** `normalizeKey` for the handful of configured key names, computed once each. */
function normalizeConfigured(configured: string): string {
	let n = normalized.get(configured);
	if (n === undefined) {
		n = normalizeKey(configured);
		if (normalized.size < 1000) normalized.set(configured, n);
	}
	return n;
}

/**
 * The keys of one frontmatter object grouped by normalized spelling, built once per note so
 * that looking up six configured keys costs six map reads rather than six scans.
 */
export class KeyIndex {
	private readonly byNormal = new Map<string, string[]>();

	constructor(frontmatter: Record<string, unknown>) {
		for (const key of Object.keys(frontmatter)) {
			const n = normalizeKey(key);
			const list = this.byNormal.get(n);
			if (list) list.push(key);
			else this.byNormal.set(n, [key]);
		}
	}

	/** Every spelling of `configured` present, the exact one first. */
	spellings(configured: string): string[] {
		const list = this.byNormal.get(normalizeConfigured(configured));
		if (!list) return [];
		const exact = list.indexOf(configured);
		return exact <= 0 ? list : [configured, ...list.filter((k) => k !== configured)];
	}

	find(configured: string): string | undefined {
		return this.spellings(configured)[0];
	}
}
