import { dayFromYmd, type Day } from "../../src/core/dates";

/** `d("2026-11-26")` → day number; keeps test tables readable. */
export function d(iso: string): Day {
	const [y, m, day] = iso.split("-").map(Number);
	return dayFromYmd(y, m, day);
}
