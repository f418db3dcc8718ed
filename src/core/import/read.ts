/**
 * A contacts file of any supported kind into contacts: the bytes decoded (`contact.ts`), the
 * format told by content (a vCard's `BEGIN:VCARD`, a CSV header's columns), never by the file's
 * name, since phones and browsers rename downloads freely.
 */
import { decodeContactFile, type Contact, type ContactRead, type SkippedEntry } from "./contact";
import { CsvHeader, isBlankRow, parseCsv } from "./csv";
import { googleLayout, readGoogleRow } from "./google";
import { isLinkedInHeader, readLinkedInRow } from "./linkedin";
import { looksLikeVcard, readVcard } from "./vcard";

const KINDS = "a vCard (.vcf), a Google Contacts CSV or LinkedIn's Connections.csv";

/** The contacts of a file's text. */
export function readContactsText(text: string): ContactRead {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === "") return { ok: false, error: `the file is empty; choose ${KINDS}` };
	if (looksLikeVcard(body)) return readVcard(body);
	const csv = parseCsv(body);
	if (!csv.ok) return csv;
	const rows = csv.rows;
	for (let i = 0; i < rows.length; i++) {
		const header = new CsvHeader(rows[i].cells);
		const linkedin = isLinkedInHeader(header);
		const google = linkedin ? null : googleLayout(header);
		if (!linkedin && google === null) continue;
		const contacts: Contact[] = [];
		const skipped: SkippedEntry[] = [];
		for (const row of rows.slice(i + 1)) {
			if (isBlankRow(row)) continue;
			contacts.push(linkedin ? readLinkedInRow(header, row) : readGoogleRow(header, row, google ?? "new"));
		}
		return { ok: true, format: linkedin ? "linkedin" : "google", contacts, skipped };
	}
	const first = body.split(/\r\n|\n|\r/, 1)[0].slice(0, 80);
	return { ok: false, error: `this is not ${KINDS} (it starts "${first}")` };
}

/** The contacts of a file's bytes; `name` is the file's name, for messages. */
export function readContactFile(name: string, bytes: Uint8Array): ContactRead {
	const decoded = decodeContactFile(name, bytes);
	if (!decoded.ok) return decoded;
	const read = readContactsText(decoded.text);
	return read.ok ? read : { ok: false, error: `${name}: ${read.error}` };
}
