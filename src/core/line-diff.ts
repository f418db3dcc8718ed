/**
 * The few line-level edits that turn one text into another, as offsets into the first. The
 * writer's results are the original plus inserted and replaced lines, so a greedy walk finds
 * small edits; any input still yields edits that reproduce `after` exactly.
 */
import { LF } from "./char-codes";

export interface TextEdit {
	/** Offset in `before` where the replaced range starts. */
	from: number;
	/** Offset in `before` where it ends (exclusive). */
	to: number;
	text: string;
}

/** Lines with their terminators, so joining them gives back the exact text. */
export function splitLinesKeepEnds(text: string): string[] {
	const lines: string[] = [];
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) === LF) {
			lines.push(text.slice(start, i + 1));
			start = i + 1;
		}
	}
	if (start < text.length) lines.push(text.slice(start));
	return lines;
}

export function lineEdits(before: string, after: string): TextEdit[] {
	if (before === after) return [];
	// A last line without a line break ("# Ann" as typed) is still the same line once an entry
	// follows it ("# Ann\n- …"): compared as is, the two differ and one edit would replace the whole
	// line, taking the cursor of someone typing there along. Compare both as if they ended with a
	// line break, and move an edit that reaches past the end back before it.
	if (before !== "" && !before.endsWith("\n") && !after.endsWith("\n")) {
		const eol = before.includes("\r\n") ? "\r\n" : "\n";
		const end = before.length;
		const padded = greedyLineEdits(before + eol, after + eol);
		if (padded.every((e) => e.to <= end || e.text.endsWith(eol))) {
			return padded.map((e) =>
				e.to <= end ? e : { from: Math.min(e.from, end), to: end, text: (e.from > end ? eol : "") + e.text.slice(0, -eol.length) },
			);
		}
	}
	return greedyLineEdits(before, after);
}

function greedyLineEdits(before: string, after: string): TextEdit[] {
	const a = splitLinesKeepEnds(before);
	const b = splitLinesKeepEnds(after);
	// Where each line of `after` occurs, to look ahead for the next line of `before`.
	const positions = new Map<string, number[]>();
	b.forEach((line, index) => {
		const list = positions.get(line);
		if (list) list.push(index);
		else positions.set(line, [index]);
	});
	const offsets: number[] = [0];
	for (const line of a) offsets.push(offsets[offsets.length - 1] + line.length);

	const edits: TextEdit[] = [];
	let i = 0; // in a
	let j = 0; // in b
	let pending: { fromLine: number; toLine: number; text: string } | null = null;
	const flush = () => {
		if (pending) edits.push({ from: offsets[pending.fromLine], to: offsets[pending.toLine], text: pending.text });
		pending = null;
	};
	const open = () => (pending ??= { fromLine: i, toLine: i, text: "" });
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			flush();
			i++;
			j++;
			continue;
		}
		// A line replaced in place (the lines after it pair up again) is a replacement, even when the
		// old line also occurs further on (a body line equal to the old `last_contact:` line): taking
		// it for a later copy would turn two small edits into one spanning everything between.
		const replaced = i + 1 < a.length && j + 1 < b.length && a[i + 1] === b[j + 1] && a[i] !== b[j + 1];
		const next = i < a.length && !replaced ? nextIndex(positions.get(a[i]), j) : -1;
		if (next >= 0 && i < a.length) {
			// a[i] comes back later in b: what lies between was inserted.
			const p = open();
			p.text += b.slice(j, next).join("");
			j = next;
		} else if (i < a.length) {
			// a[i] is gone: replaced by b[j] if the lines pair up, else deleted.
			const p = open();
			p.toLine = i + 1;
			if (j < b.length && (i + 1 >= a.length || nextIndex(positions.get(a[i + 1]), j) !== j)) {
				p.text += b[j];
				j++;
			}
			i++;
		} else {
			const p = open();
			p.text += b.slice(j).join("");
			j = b.length;
		}
	}
	flush();
	return edits;
}

function nextIndex(list: number[] | undefined, from: number): number {
	if (!list) return -1;
	for (const index of list) if (index >= from) return index;
	return -1;
}

/** Applies edits (non-overlapping, in order) to `before`. */
export function applyEdits(before: string, edits: readonly TextEdit[]): string {
	let out = "";
	let at = 0;
	for (const edit of edits) {
		out += before.slice(at, edit.from) + edit.text;
		at = edit.to;
	}
	return out + before.slice(at);
}
