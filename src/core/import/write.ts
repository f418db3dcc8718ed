/**
 * Applying a plan row to text: a matched note gets its empty properties filled and its missing
 * tags added through the surgical frontmatter editor (every other byte stays); a new note is the
 * person template (or nothing) with the same edits, and the contact's note as its body.
 */
import { dayOfWeek, pad2, ymdFromDay, type Day } from "../dates";
import { FrontmatterDoc, type YamlParse } from "../frontmatter-edit";
import type { WriteResult } from "../log-writer";
import type { Settings } from "../settings";
import { aliasesKey, IMPORT_KEYS, type PlanRow } from "./plan";

/** The key a note keeps its tags under (`tags`, or `tag` / `Tags` as written). */
function tagsKey(data: Readonly<Record<string, unknown>>): string {
	return Object.keys(data).find((k) => k.toLowerCase() === "tags" || k.toLowerCase() === "tag") ?? "tags";
}

function edit(doc: FrontmatterDoc, row: PlanRow, extraTags: readonly string[]): string | null {
	for (const fill of row.fills) {
		const key = fill.key === IMPORT_KEYS.aliases ? aliasesKey(Object.keys(doc.data)) : fill.key;
		const done = doc.fillEmpty(key, fill.value, fill.date);
		if (!done.ok) return done.error;
	}
	const key = tagsKey(doc.data);
	const written = doc.data[key];
	const tags = [...extraTags, ...row.tags];
	if (tags.length === 0) return null;
	if (typeof written === "string" && /[\s,]/.test(written.trim())) {
		return `${key} is written as one text ("${written.slice(0, 40)}"); make it a list to add the labels`;
	}
	for (const tag of tags) {
		const error = doc.addToList(key, tag);
		if (error) return error;
	}
	return null;
}

function splice(text: string, doc: FrontmatterDoc): WriteResult {
	const fm = doc.finish();
	if (!fm.ok) return fm;
	return { ok: true, text: text.slice(0, fm.from) + fm.text + text.slice(fm.to) };
}

/** A matched note with the row's empty properties filled and its tags added; refused, untouched, when it cannot be done safely. */
export function applyImportRow(text: string, row: PlanRow, parseYaml: YamlParse): WriteResult {
	const opened = FrontmatterDoc.open(text, parseYaml);
	if (!opened.ok) return opened;
	const error = edit(opened.doc, row, []);
	if (error) return { ok: false, error };
	return splice(text, opened.doc);
}

export interface NewNoteOptions {
	settings: Settings;
	/** A cadence tier for new people, or "" to leave the cadence empty (imports do not flood "Overdue"). */
	tier: string;
	today: Day;
	/**
	 * The person template's text, or null. `{{title}}`, `{{date}}`, `{{time}}` and
	 * `{{date:FORMAT}}` / `{{time:FORMAT}}` are filled in as the Templates core plugin does.
	 */
	template: string | null;
	/** The time of day for `{{time}}` (midnight when not given). */
	time?: { hour: number; minute: number };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function ordinal(n: number): string {
	const teen = n % 100 >= 11 && n % 100 <= 13;
	return `${n}${teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
}

/** A day and time in a moment.js format (the tokens templates use; `[text]` is literal). */
export function formatMoment(format: string, day: Day, time: { hour: number; minute: number }): string {
	const { year, month, day: d } = ymdFromDay(day);
	const h12 = time.hour % 12 === 0 ? 12 : time.hour % 12;
	const tokens: Record<string, () => string> = {
		YYYY: () => String(year).padStart(4, "0"),
		YY: () => pad2(year % 100),
		MMMM: () => MONTHS[month - 1],
		MMM: () => MONTHS[month - 1].slice(0, 3),
		MM: () => pad2(month),
		M: () => String(month),
		Do: () => ordinal(d),
		DD: () => pad2(d),
		D: () => String(d),
		dddd: () => WEEKDAYS[dayOfWeek(day)],
		ddd: () => WEEKDAYS[dayOfWeek(day)].slice(0, 3),
		HH: () => pad2(time.hour),
		H: () => String(time.hour),
		hh: () => pad2(h12),
		h: () => String(h12),
		mm: () => pad2(time.minute),
		m: () => String(time.minute),
		ss: () => "00",
		s: () => "0",
		A: () => (time.hour < 12 ? "AM" : "PM"),
		a: () => (time.hour < 12 ? "am" : "pm"),
	};
	return format.replace(/\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|A|a/g, (token, literal?: string) =>
		literal !== undefined ? literal : tokens[token](),
	);
}

/** A template's `{{title}}`, `{{date}}`, `{{time}}` and `{{date:FORMAT}}` filled in (text put in as it is, never as a pattern). */
export function fillTemplate(template: string, title: string, today: Day, time = { hour: 0, minute: 0 }): string {
	return template.replace(/\{\{\s*(title|date|time)\s*(?::([^}]*))?\}\}/gi, (_, name: string, format?: string) => {
		const which = name.toLowerCase();
		if (which === "title") return title;
		const chosen = format?.trim() || (which === "date" ? "YYYY-MM-DD" : "HH:mm");
		return formatMoment(chosen, today, time);
	});
}

/**
 * The text of a new person note. Outside a people folder (folders off), it takes the person tag
 * or marker, so the plugin sees it as a person.
 */
export function newPersonNote(row: PlanRow, options: NewNoteOptions, parseYaml: YamlParse): WriteResult {
	const { settings } = options;
	const base = fillTemplate(options.template ?? "", row.name, options.today, options.time);
	const opened = FrontmatterDoc.open(base, parseYaml);
	if (!opened.ok) return { ok: false, error: `the person template cannot be used: ${opened.error}` };
	const doc = opened.doc;
	const recognizedByFolder = settings.useFolders && settings.peopleFolders.length > 0;
	const extra: string[] = [];
	if (!recognizedByFolder && settings.useTag && settings.personTag.trim() !== "") {
		const has = Object.entries(doc.data).some(
			([k, v]) =>
				/^tags?$/i.test(k) &&
				(Array.isArray(v) ? v : [v]).some((t) => String(t).replace(/^#/, "").toLowerCase() === settings.personTag.toLowerCase()),
		);
		if (!has) extra.push(settings.personTag);
	} else if (!recognizedByFolder && settings.useMarker) {
		const marked = doc.fillEmpty(settings.markerKey, settings.markerValue);
		if (!marked.ok) return marked;
	}
	// The tier chosen in the import wins over the template's cadence; None leaves none.
	const cadence = doc.lookup(settings.keys.cadence);
	const value = cadence?.value;
	const blank = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
	if (options.tier !== "") {
		const error = blank ? doc.fillEmpty(settings.keys.cadence, options.tier) : doc.setText(settings.keys.cadence, options.tier);
		if (error !== null && typeof error === "object" && !error.ok) return error;
		if (typeof error === "string") return { ok: false, error };
	} else if (!blank) {
		const error = doc.removeKey(settings.keys.cadence);
		if (error !== null) return { ok: false, error };
	}
	const error = edit(doc, row, extra);
	if (error) return { ok: false, error: `the person template cannot be used: ${error}` };
	const result = splice(base, doc);
	if (!result.ok) return result;
	const note = row.contact?.note.trim() ?? "";
	if (note === "") return result;
	const body = result.text.endsWith("\n") || result.text === "" ? result.text : `${result.text}\n`;
	return { ok: true, text: `${body}${body === "" || body.endsWith("---\n") ? "\n" : ""}${note.replace(/\r\n?/g, "\n")}\n` };
}
