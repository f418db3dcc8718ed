/**
 * "did you mean …?" for mistyped instructions: the closest instruction keyword to the start of
 * the line, within a few typing mistakes.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent swaps: "tga" → "tag" is 1). */
export function editDistance(a: string, b: string): number {
	let prev2: number[] = [];
	let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row: number[] = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
			row.push(d);
		}
		prev2 = prev;
		prev = row;
	}
	return prev[b.length];
}

/** How many mistakes a keyword of this length tolerates before a guess becomes noise. */
function allowed(keyword: string): number {
	if (keyword.length <= 4) return 1;
	return keyword.length <= 10 ? 2 : 3;
}

export interface Suggestion {
	/** The keyword phrase, e.g. "sort by". */
	head: string;
	/** The whole line with its first words replaced by `head`. */
	line: string;
}

/**
 * Compares the first one to three words of `words` (lowercased) with every head; the closest
 * wins, ties going to the same word count and then to the earlier head. A line that is already
 * exactly a head (only its argument is wrong) gets no suggestion.
 */
export function suggestHead(words: readonly string[], rest: (taken: number) => string, heads: readonly string[]): Suggestion | null {
	let best: { head: string; taken: number; distance: number; sameCount: boolean } | null = null;
	for (const head of heads) {
		const headWords = head.split(" ").length;
		const limit = allowed(head);
		for (let taken = 1; taken <= Math.min(3, words.length); taken++) {
			const prefix = words.slice(0, taken).join(" ");
			if (Math.abs(prefix.length - head.length) > limit) continue;
			const distance = editDistance(prefix, head);
			if (distance === 0 || distance > limit) continue;
			const sameCount = taken === headWords;
			if (!best || distance < best.distance || (distance === best.distance && sameCount && !best.sameCount)) {
				best = { head, taken, distance, sameCount };
			}
		}
	}
	if (!best) return null;
	const tail = rest(best.taken);
	return { head: best.head, line: tail === "" ? best.head : `${best.head} ${tail}` };
}
