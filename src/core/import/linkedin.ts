/**
 * LinkedIn's `Connections.csv` (Settings → Data privacy → Get a copy of your data): a free-text
 * "Notes:" preamble above the header (its length has changed over the years, so the header is
 * found by its columns), then `First Name,Last Name,URL,Email Address,Company,Position,Connected On`.
 * `Connected On` (`12 Mar 2024`) is when you met, not a time you were in touch.
 */
import { readWrittenDate } from "../dates";
import { cleanEmail, emptyContact, type Contact } from "./contact";
import type { CsvHeader, CsvRow } from "./csv";

export function isLinkedInHeader(header: CsvHeader): boolean {
	return header.has("First Name") && header.has("Last Name") && header.has("Connected On");
}

export function readLinkedInRow(header: CsvHeader, row: CsvRow): Contact {
	const c = emptyContact(`line ${row.line}`);
	const get = (name: string) => header.get(row, name);
	c.fullName = [get("First Name"), get("Last Name")].filter(Boolean).join(" ");
	const email = cleanEmail(get("Email Address"));
	if (email !== "") c.emails.push(email);
	c.organization = get("Company");
	c.title = get("Position");
	c.linkedin = get("URL");
	const met = readWrittenDate(get("Connected On"));
	if (met.kind === "date" && met.year !== null) c.met = { year: met.year, month: met.month, day: met.day };
	return c;
}
