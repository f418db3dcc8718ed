/**
 * Line diffs for the writer round-trip checks. Myers' O((N+M)·D) algorithm, so a 5 MB note with a
 * handful of changed lines costs a few passes over its lines, not N×M like an LCS table.
 */

/** The lines of a text, each with its own terminator ("\n" or "\r\n"); the last may have none. */
export function splitLines(text: string): string[] {
	if (text === "") return [];
	return text.split(/(?<=\n)/);
}

export interface LineDiff {
	/** Indexes into `a` of lines that are not in `b`. */
	deleted: number[];
	/** Indexes into `b` of lines that are not in `a`. */
	inserted: number[];
}

/**
 * A shortest edit script from `a` to `b`, or null when it needs more than `maxEdits` line edits
 * (a surgical write never does).
 */
export function diffLines(a: readonly string[], b: readonly string[], maxEdits = 2000): LineDiff | null {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	const n = endA - start;
	const m = endB - start;
	const max = Math.min(n + m, maxEdits);
	const off = max + 1;
	const v = new Int32Array(2 * max + 3);
	const trace: Int32Array[] = [];
	const same = (x: number, y: number) => a[start + x] === b[start + y];
	let found = false;
	for (let d = 0; d <= max && !found; d++) {
		trace.push(v.slice());
		for (let k = -d; k <= d; k += 2) {
			let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
			let y = x - k;
			while (x < n && y < m && same(x, y)) {
				x++;
				y++;
			}
			v[off + k] = x;
			if (x >= n && y >= m) {
				found = true;
				break;
			}
		}
	}
	if (!found) return null;
	const deleted: number[] = [];
	const inserted: number[] = [];
	let x = n;
	let y = m;
	for (let d = trace.length - 1; d > 0; d--) {
		const vd = trace[d];
		const k = x - y;
		const prevK = k === -d || (k !== d && vd[off + k - 1] < vd[off + k + 1]) ? k + 1 : k - 1;
		const prevX = vd[off + prevK];
		const prevY = prevX - prevK;
		while (x > prevX && y > prevY) {
			x--;
			y--;
		}
		if (x === prevX) inserted.push(start + prevY);
		else deleted.push(start + prevX);
		x = prevX;
		y = prevY;
	}
	deleted.reverse();
	inserted.reverse();
	return { deleted, inserted };
}

/** Rebuilds `a` from `b` by dropping the inserted lines and putting the deleted ones back. */
export function undoDiff(a: readonly string[], b: readonly string[], diff: LineDiff): string[] {
	const inserted = new Set(diff.inserted);
	const kept = b.filter((_, j) => !inserted.has(j));
	const deleted = new Set(diff.deleted);
	const out: string[] = [];
	let k = 0;
	for (let i = 0; i < a.length; i++) out.push(deleted.has(i) ? a[i] : kept[k++]);
	return out;
}
