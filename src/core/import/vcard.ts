/**
 * vCard 2.1, 3.0 and 4.0 (`.vcf`, one card or many) into contacts, as phones and address books
 * write them: folded lines, Apple's `item1.` groups with `X-ABLabel`, Android's 2.1
 * `QUOTED-PRINTABLE` with a `CHARSET` and soft line breaks, 2.1's bare parameters (`TEL;CELL:`),
 * escaped `\, \; \n \\`, birthdays in every form. Photos are skipped unread. Hand-written: no
 * small library reads these dialects, and each is a few lines here. One pass over the lines.
 */
import {
	addUnique,
	cleanEmail,
	emptyContact,
	isLinkedInUrl,
	readContactDate,
	type Contact,
	type ContactRead,
	type SkippedEntry,
} from "./contact";

interface Property {
	group: string;
	name: string;
	params: Map<string, string[]>;
	/** Bare 2.1 parameters (`WORK`, `PREF`), upper case. */
	types: string[];
	value: string;
	line: number;
}

interface Card {
	line: number;
	props: Property[];
}

/** Lines of the file with their 1-based numbers, folded lines joined. */
function unfoldedLines(text: string): { text: string; line: number }[] {
	const raw = text.split(/\r\n|\n|\r/);
	// Pieces joined once at the end: a file of a million continuation lines stays linear.
	const out: { parts: string[]; line: number }[] = [];
	let inBinary = false;
	let softBreak = false;
	for (let i = 0; i < raw.length; i++) {
		const line = raw[i];
		const first = line.charCodeAt(0);
		const last = out[out.length - 1];
		if (softBreak && last) {
			// QUOTED-PRINTABLE: a line ending in `=` goes on at the start of the next one, unless
			// that line ends or opens a card (a last soft break before END:VCARD is only dropped).
			const parts = last.parts;
			parts[parts.length - 1] = parts[parts.length - 1].slice(0, -1);
			softBreak = false;
			if (!/^(?:END|BEGIN):VCARD\s*$/i.test(line)) {
				parts.push(line);
				softBreak = line.endsWith("=");
				continue;
			}
		}
		if ((first === 32 || first === 9) && last) {
			last.parts.push(line.slice(1));
			continue;
		}
		// vCard 2.1 writes a photo's base64 on unindented lines up to a blank one: no colon, skipped.
		if (inBinary && line !== "" && !line.includes(":")) continue;
		inBinary = false;
		if (line.trim() === "") continue;
		out.push({ parts: [line], line: i + 1 });
		const head = line.slice(0, line.indexOf(":") + 1).toUpperCase();
		if (/ENCODING=(?:B|BASE64)\b|;BASE64\b/.test(head)) inBinary = true;
		softBreak = head.includes("QUOTED-PRINTABLE") && line.endsWith("=");
	}
	return out.map((l) => ({ text: l.parts.join(""), line: l.line }));
}

/** `group.NAME;param=a,b;BARE:value` (the colon found outside quoted parameter values). */
function parseProperty(text: string, line: number): Property | null {
	let colon = -1;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (c === ":" && !quoted) {
			colon = i;
			break;
		}
	}
	if (colon < 0) return null;
	const head = splitUnquoted(text.slice(0, colon), ";");
	const dotted = head[0].trim();
	const dot = dotted.lastIndexOf(".");
	const params = new Map<string, string[]>();
	const types: string[] = [];
	for (const param of head.slice(1)) {
		const eq = param.indexOf("=");
		if (eq < 0) {
			types.push(param.trim().toUpperCase());
			continue;
		}
		const key = param.slice(0, eq).trim().toUpperCase();
		const values = splitUnquoted(param.slice(eq + 1), ",").map((v) => v.trim().replace(/^"(.*)"$/, "$1"));
		params.set(key, [...(params.get(key) ?? []), ...values]);
	}
	for (const t of params.get("TYPE") ?? []) types.push(t.toUpperCase());
	return {
		group: dot < 0 ? "" : dotted.slice(0, dot).toLowerCase(),
		name: (dot < 0 ? dotted : dotted.slice(dot + 1)).toUpperCase(),
		params,
		types,
		value: text.slice(colon + 1),
		line,
	};
}

function splitUnquoted(text: string, separator: string): string[] {
	const out: string[] = [];
	let quoted = false;
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (c === separator && !quoted) {
			out.push(text.slice(from, i));
			from = i + 1;
		}
	}
	out.push(text.slice(from));
	return out;
}

/** Splits a value on unescaped `separator` and unescapes each part (`\n`, `\,`, `\;`, `\\`). */
function splitValue(value: string, separator: string): string[] {
	const out: string[] = [];
	let part = "";
	for (let i = 0; i < value.length; i++) {
		const c = value[i];
		if (c === "\\" && i + 1 < value.length) {
			const next = value[++i];
			part += next === "n" || next === "N" ? "\n" : next;
		} else if (c === separator) {
			out.push(part);
			part = "";
		} else {
			part += c;
		}
	}
	out.push(part);
	return out;
}

function unescape(value: string): string {
	return splitValue(value, "")[0];
}

/** `=C3=A9` bytes decoded in the property's charset (UTF-8 unless it names another). */
function decodeQuotedPrintable(value: string, charset: string): string {
	const bytes: number[] = [];
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c === 61 && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
			bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
			i += 2;
		} else if (c < 128) {
			bytes.push(c);
		} else {
			// A character that was never encoded: keep it as UTF-8.
			for (const b of new TextEncoder().encode(value[i])) bytes.push(b);
		}
	}
	const data = new Uint8Array(bytes);
	try {
		return new TextDecoder(charset || "utf-8").decode(data);
	} catch {
		return new TextDecoder("utf-8").decode(data);
	}
}

/** The property's value as text: quoted-printable decoded, escapes left for the caller. */
function rawValue(prop: Property): string {
	const encoding = (
		prop.params.get("ENCODING")?.[0] ?? (prop.types.includes("QUOTED-PRINTABLE") ? "QUOTED-PRINTABLE" : "")
	).toUpperCase();
	if (encoding === "QUOTED-PRINTABLE") return decodeQuotedPrintable(prop.value, prop.params.get("CHARSET")?.[0] ?? "");
	return prop.value;
}

function text(prop: Property): string {
	return unescape(rawValue(prop)).trim();
}

/**
 * Google's own groups, as its vCard export writes them in CATEGORIES (`myContacts`, `starred`;
 * `* starred` in its CSV): no labels of the user's, dropped as the CSV reader drops them.
 */
const GOOGLE_SYSTEM_GROUPS = new Set(["myContacts", "starred", "chatBuddies", "all", "blocked"]);

function isSystemLabel(label: string): boolean {
	const l = label.trim();
	return l.startsWith("*") || GOOGLE_SYSTEM_GROUPS.has(l);
}

/** Apple's labels look like `_$!<Anniversary>!$_`; custom ones are plain. */
function appleLabel(label: string): string {
	return label.replace(/^_\$!<(.*)>!\$_$/, "$1").trim();
}

function readCard(card: Card, index: number): { contact: Contact } | { skipped: SkippedEntry } {
	const source = `card ${index} (line ${card.line})`;
	const contact = emptyContact(source);
	const labels = new Map<string, string>();
	for (const p of card.props) if (p.name === "X-ABLABEL" && p.group !== "") labels.set(p.group, appleLabel(text(p)));
	let structured = "";
	let kind = "";
	for (const p of card.props) {
		const label = (p.group && labels.get(p.group)) || "";
		switch (p.name) {
			case "FN":
				contact.fullName ||= text(p);
				break;
			case "N": {
				const [family = "", given = "", additional = ""] = splitValue(rawValue(p), ";").map((s) => s.trim());
				structured ||= [given, additional, family].filter(Boolean).join(" ");
				break;
			}
			case "NICKNAME":
				for (const nick of splitValue(rawValue(p), ",")) addUnique(contact.nicknames, nick);
				break;
			case "EMAIL":
				addUnique(contact.emails, cleanEmail(text(p)), true);
				break;
			case "TEL":
				addUnique(contact.phones, text(p).replace(/^tel:/i, ""));
				break;
			case "ADR": {
				const parts = splitValue(rawValue(p), ";").map((s) => s.replace(/\s*\n\s*/g, ", ").trim());
				addUnique(contact.addresses, parts.filter(Boolean).join(", "));
				break;
			}
			case "ORG":
				contact.organization ||= splitValue(rawValue(p), ";")[0].trim();
				break;
			case "TITLE":
				contact.title ||= text(p);
				break;
			case "NOTE":
				contact.note = contact.note ? `${contact.note}\n\n${text(p)}` : text(p);
				break;
			case "CATEGORIES":
				for (const category of splitValue(rawValue(p), ",")) if (!isSystemLabel(category)) addUnique(contact.labels, category);
				break;
			case "URL":
			case "X-SOCIALPROFILE":
			case "SOCIALPROFILE": {
				const url = text(p);
				const social = p.types.some((t) => t === "LINKEDIN") || /linkedin/i.test(label);
				if ((social || isLinkedInUrl(url)) && contact.linkedin === "") contact.linkedin = url;
				else addUnique(contact.websites, url);
				break;
			}
			case "UID":
				contact.uid ||= text(p);
				break;
			case "BDAY":
				contact.birthday ??= readContactDate(text(p), omitYear(p));
				break;
			case "ANNIVERSARY":
			case "X-ANNIVERSARY":
			case "X-MS-ANNIVERSARY":
			case "X-EVOLUTION-ANNIVERSARY":
				contact.anniversary ??= readContactDate(text(p), omitYear(p));
				break;
			case "X-ABDATE":
				if (/anniversary/i.test(label)) contact.anniversary ??= readContactDate(text(p), omitYear(p));
				break;
			case "KIND":
			case "X-ADDRESSBOOKSERVER-KIND":
				kind = text(p).toUpperCase();
				break;
		}
	}
	contact.fullName ||= structured;
	if (kind === "GROUP") {
		return { skipped: { source, name: contact.fullName, reason: "a contact group, not a person" } };
	}
	return { contact };
}

function omitYear(p: Property): number | null {
	const year = p.params.get("X-APPLE-OMIT-YEAR")?.[0];
	return year === undefined ? null : Number(year);
}

/** Whether the text is a vCard file (its first line that is not blank opens a card). */
export function looksLikeVcard(text: string): boolean {
	return /^\s*BEGIN:VCARD\s*(?:[\r\n]|$)/i.test(text.slice(0, 1000));
}

/** Every card of a vCard file; a card cut short or text outside any card is an error naming its line. */
export function readVcard(text: string): ContactRead {
	const lines = unfoldedLines(text);
	const contacts: Contact[] = [];
	const skipped: SkippedEntry[] = [];
	let card: Card | null = null;
	let count = 0;
	for (const { text: lineText, line } of lines) {
		const upper = lineText.trim().toUpperCase();
		if (upper === "BEGIN:VCARD") {
			if (card)
				return { ok: false, error: `card ${count} (line ${card.line}) has no END:VCARD before the next card at line ${line}` };
			card = { line, props: [] };
			count++;
			continue;
		}
		if (upper === "END:VCARD") {
			if (!card) return { ok: false, error: `line ${line}: END:VCARD without a card before it` };
			const read = readCard(card, count);
			if ("contact" in read) contacts.push(read.contact);
			else skipped.push(read.skipped);
			card = null;
			continue;
		}
		if (!card) return { ok: false, error: `line ${line} is outside any card: "${lineText.slice(0, 60)}"` };
		const prop = parseProperty(lineText, line);
		if (prop === null) return { ok: false, error: `card ${count}, line ${line}: "${lineText.slice(0, 60)}" is not a vCard property` };
		if (prop.name === "PHOTO" || prop.name === "LOGO" || prop.name === "SOUND" || prop.name === "KEY") continue;
		card.props.push(prop);
	}
	if (card) return { ok: false, error: `card ${count} (line ${card.line}) is cut short: the file ends before its END:VCARD` };
	if (count === 0) return { ok: false, error: "the file holds no vCard (no BEGIN:VCARD line)" };
	return { ok: true, format: "vcard", contacts, skipped };
}
