/**
 * What one reach-out card says about a person, from texts the caller read: the last three
 * interactions (log entries, and the lines of journal notes that mention them), open favors
 * both ways, the upcoming birthday and the person's own "next topics" (a `## Next` section or a
 * `next:` property). Computed for one card at a time, when it is shown.
 */
import { formatDay, type Day } from "./dates";
import { scanFrontmatter } from "./frontmatter-bounds";
import { KeyIndex } from "./keys";
import { findLogSection } from "./log-section";
import { scanLogs, type LogSettings } from "./log-reader";
import { birthdayText, whyNow } from "./reach-out";
import type { Scheduled } from "./schedule";
import { bomLength } from "./text-lines";

export const CARD_INTERACTIONS = 3;
/** A line longer than this is cut: a card shows the gist, the note has the rest. */
const MAX_LINE = 240;

export interface CardInteraction {
	day: Day;
	text: string;
	/** `log`, or the path of the journal note that mentions the person. */
	source: string;
}

export interface ReachOutCard {
	name: string;
	path: string;
	why: string[];
	interactions: CardInteraction[];
	owedFavors: string[];
	owedToMe: string[];
	birthday: string | null;
	nextTopics: string[];
}

/** A journal note that mentions the person, with its text. */
export interface MentionText {
	path: string;
	day: Day;
	text: string;
}

/** `[[People/Ada Lovelace#Work|Ada]]` → `Ada`, `[[People/Ada Lovelace#Work]]` → `Ada Lovelace`: links read as text. */
function linkText(_: string, target: string, alias: string | undefined): string {
	if (alias !== undefined && alias.trim() !== "") return alias.trim();
	const path = target.split(/[#^]/)[0];
	return path.slice(path.lastIndexOf("/") + 1).trim() || target;
}

/** One line of display text: list markers and checkboxes dropped, links as their text, whitespace collapsed, cut to `MAX_LINE`. */
export function cardLine(raw: string): string {
	const line = raw
		.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?/, "")
		.replace(/!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, linkText)
		.replace(/\s+/g, " ")
		.trim();
	return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

function bodyStart(text: string): number {
	const fm = scanFrontmatter(text);
	return fm.kind === "block" ? fm.bodyStart : bomLength(text);
}

/** The dated log entries of a note, each as one line of text. */
export function logInteractions(text: string, settings: LogSettings): CardInteraction[] {
	const out: CardInteraction[] = [];
	for (const scan of scanLogs(text, bodyStart(text), settings)) {
		for (const entry of scan.entries) {
			if (entry.day === null) continue;
			const first = text.slice(entry.start, entry.end).split(/\r?\n/);
			// A date sub-heading entry: its heading line says only the date; the lines under it say more.
			const line =
				entry.kind === "heading" ? first.map((l) => cardLine(l.replace(/^#+\s*/, ""))).join(" · ") : cardLine(first.join(" "));
			out.push({ day: entry.day, text: line, source: "log" });
		}
	}
	return out;
}

function linkNames(s: Scheduled): string[] {
	const path = s.person.path.replace(/\.md$/i, "");
	return [...new Set([s.person.name, path, ...s.person.aliases].map((n) => n.toLowerCase()))];
}

/** The first line of a journal note that links the person (`[[Name]]`, `[[Name|…]]`, `[[People/Name#…]]`, an alias). */
export function mentionLine(text: string, names: readonly string[]): string | null {
	const lower = text.toLowerCase();
	for (const name of names) {
		let at = lower.indexOf(`[[${name}`);
		while (at >= 0) {
			const after = lower.charAt(at + 2 + name.length);
			if (after === "]" || after === "|" || after === "#" || after === "^") {
				const start = text.lastIndexOf("\n", at) + 1;
				const nl = text.indexOf("\n", at);
				return cardLine(text.slice(start, nl < 0 ? text.length : nl));
			}
			at = lower.indexOf(`[[${name}`, at + 2);
		}
	}
	return null;
}

/** The `next:` property (a text or a list) and the items or lines of a `## Next` section. */
export function nextTopics(text: string, frontmatter: unknown): string[] {
	const topics: string[] = [];
	if (typeof frontmatter === "object" && frontmatter !== null && !Array.isArray(frontmatter)) {
		const fm = frontmatter as Record<string, unknown>;
		const key = new KeyIndex(fm).find("next");
		const value = key === undefined ? undefined : fm[key];
		for (const item of Array.isArray(value) ? value : [value]) {
			if (typeof item === "string" || typeof item === "number") {
				const line = cardLine(String(item));
				if (line !== "") topics.push(line);
			}
		}
	}
	const section = findLogSection(text, bodyStart(text), "## Next");
	if (section) {
		for (const raw of text.slice(section.contentStart, section.end).split(/\r?\n/)) {
			const line = cardLine(raw);
			if (line !== "") topics.push(line);
		}
	}
	return topics;
}

/**
 * The card. `noteText` is the person's note (null when it could not be read: the card still
 * shows what the index knows); `mentions`, the newest journal notes that mention them.
 */
export function buildCard(
	s: Scheduled,
	today: Day,
	settings: LogSettings & { birthdayWindowDays: number },
	noteText: string | null,
	frontmatter: unknown,
	mentions: readonly MentionText[],
): ReachOutCard {
	const names = linkNames(s);
	const interactions = noteText === null ? [] : logInteractions(noteText, settings).filter((i) => i.day <= today);
	for (const m of mentions) {
		if (m.day > today) continue;
		const line = mentionLine(m.text, names);
		// A log entry carries its date; a line of a daily note gets the note's.
		if (line !== null) interactions.push({ day: m.day, text: `${formatDay(m.day)} — ${line}`, source: m.path });
	}
	// Newest first; on the same day the log (what the user wrote about the person) comes first.
	interactions.sort((a, b) => b.day - a.day || (a.source === "log" ? 0 : 1) - (b.source === "log" ? 0 : 1));
	return {
		name: s.person.name,
		path: s.person.path,
		why: whyNow(s, settings.birthdayWindowDays),
		interactions: interactions.slice(0, CARD_INTERACTIONS),
		owedFavors: s.person.owedFavors.map((f) => f.text),
		owedToMe: s.person.owedToMe.map((f) => f.text),
		birthday: birthdayText(s, today),
		nextTopics: noteText === null ? [] : nextTopics(noteText, frontmatter),
	};
}
