/**
 * Google Contacts CSV, both layouts Google has exported: the current one (`First Name`, `Labels`,
 * `E-mail 1 - Label`, `E-mail 1 - Value`…) and the older one (`Given Name`, `Group Membership`,
 * `E-mail 1 - Type`, `E-mail 1 - Value`…). A cell may hold several values joined by ` ::: `;
 * Google's own system labels (`* myContacts`, `* starred`) are no labels of the user's.
 */
import { addUnique, cleanEmail, emptyContact, isLinkedInUrl, readContactDate, type Contact } from "./contact";
import type { CsvHeader, CsvRow } from "./csv";

/** Whether a header row is Google's, and which layout. */
export function googleLayout(header: CsvHeader): "new" | "old" | null {
	if (header.has("First Name") && header.has("Last Name") && (header.has("Labels") || header.has("E-mail 1 - Value"))) return "new";
	if (header.has("Given Name") && header.has("Family Name")) return "old";
	return null;
}

function values(cell: string): string[] {
	return cell
		.split(":::")
		.map((v) => v.trim())
		.filter(Boolean);
}

function joinedName(...parts: string[]): string {
	return parts.filter(Boolean).join(" ");
}

/** One line of an address: the formatted one's lines joined, else its parts in order. */
function addresses(header: CsvHeader, row: CsvRow): string[] {
	const out: string[] = [];
	for (let k = 1; header.has(`Address ${k} - Formatted`) || header.has(`Address ${k} - Street`); k++) {
		const formatted = header.get(row, `Address ${k} - Formatted`);
		const parts = formatted
			? formatted.split(/\r\n|\n|\r/)
			: ["Street", "City", "PO Box", "Region", "Postal Code", "Country"].map((p) => header.get(row, `Address ${k} - ${p}`));
		for (const one of values(
			parts
				.map((p) => p.trim())
				.filter(Boolean)
				.join(", "),
		))
			addUnique(out, one);
	}
	return out;
}

export function readGoogleRow(header: CsvHeader, row: CsvRow, layout: "new" | "old"): Contact {
	const c = emptyContact(`line ${row.line}`);
	const get = (name: string) => header.get(row, name);
	if (layout === "new") {
		c.fullName = joinedName(get("First Name"), get("Middle Name"), get("Last Name")) || get("File As");
		c.organization = get("Organization Name");
		c.title = get("Organization Title");
	} else {
		c.fullName = get("Name") || joinedName(get("Given Name"), get("Additional Name"), get("Family Name"));
		c.organization = get("Organization 1 - Name");
		c.title = get("Organization 1 - Title");
	}
	for (const nick of values(get("Nickname"))) addUnique(c.nicknames, nick);
	c.note = get("Notes").replace(/\r\n?/g, "\n");
	c.birthday = readContactDate(get("Birthday"));
	for (const label of values(get(layout === "new" ? "Labels" : "Group Membership"))) {
		if (!label.startsWith("*")) addUnique(c.labels, label);
	}
	for (const { value } of header.numbered(row, "E-mail", "Value"))
		for (const v of values(value)) addUnique(c.emails, cleanEmail(v), true);
	for (const { value } of header.numbered(row, "Phone", "Value")) for (const v of values(value)) addUnique(c.phones, v);
	c.addresses = addresses(header, row);
	for (const { value } of header.numbered(row, "Website", "Value")) {
		for (const url of values(value)) {
			if (isLinkedInUrl(url) && c.linkedin === "") c.linkedin = url;
			else addUnique(c.websites, url);
		}
	}
	for (const { label, value } of header.numbered(row, "Event", "Value")) {
		if (/anniversary/i.test(label)) c.anniversary ??= readContactDate(value);
	}
	return c;
}
