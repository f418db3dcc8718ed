/** Arrays kept in order by binary search, for lists that change one item at a time. */

/** Where `item` goes in `list` (sorted by `compare`, a total order): the first index not before it. */
export function insertionPoint<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
	let low = 0;
	let high = list.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (compare(list[mid], item) < 0) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** Removes `item` from `list` kept in `compare` order; found by binary search. */
export function removeSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
	const guess = insertionPoint(list, item, compare);
	const at = list[guess] === item ? guess : list.indexOf(item);
	if (at >= 0) list.splice(at, 1);
}
