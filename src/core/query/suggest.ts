/**
 * "did you mean …?" for mistyped instructions: the closest instruction keyword to the start of
 * the line, within a few typing mistakes.
 */
import { editDistance } from "../cadence";

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
			const distance = editDistance(prefix, head, limit);
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
