/**
 * Numbers ascending (or descending), a missing value always after the present ones, in either
 * direction: "sort by due reverse" should not open with the untracked. A plain function, so each
 * comparator reads its fields directly (this runs n log n times).
 */
export function missingLast(x: number | null, y: number | null, descending: boolean): number {
	if (x === y) return 0;
	if (x === null) return 1;
	if (y === null) return -1;
	return descending ? y - x : x - y;
}
