/**
 * The public API other plugins, Dataview and Templater scripts use:
 * `app.plugins.getPlugin("stay-in-touch").api`. Records are the same JSON the CLI prints.
 */
import { parseDateInput } from "./core/date-input";
import { formatQueryError, parseQuery, runQuery } from "./core/query/index";
import { toRecord, type PersonRecord } from "./core/record";
import type StayInTouchPlugin from "./main";

export type { PersonRecord };

export interface LogRequest {
	/** `YYYY-MM-DD`, `today`, `yesterday`, `3 days ago`; default today. */
	date?: string;
	/** Default: the default interaction type setting. */
	type?: string;
	note?: string;
	/** Favors you now owe them. */
	owe?: string[];
	/** Favors they now owe you. */
	owed?: string[];
	/** Favors you returned (removed from what you owe). */
	returned?: string[];
	/** Favors they returned (removed from what they owe you). */
	received?: string[];
}

export type LogResult = { ok: true } | { ok: false; error: string };

export interface StayInTouchApi {
	/** Everyone, most urgent first. */
	people(): PersonRecord[];
	/** One person by note path, or null when that note is not a person note. */
	person(path: string): PersonRecord | null;
	/** Runs a query (the code-block language); throws an Error listing the mistakes. */
	query(text: string): PersonRecord[];
	/** Logs an interaction through the same writer as the command. */
	logInteraction(path: string, entry?: LogRequest): Promise<LogResult>;
}

export function createApi(plugin: StayInTouchPlugin): StayInTouchApi {
	const scheduled = () => plugin.index.scheduled(plugin.today());
	return {
		people: () => scheduled().map(toRecord),
		person: (path) => {
			const found = scheduled().find((s) => s.person.path === path);
			return found ? toRecord(found) : null;
		},
		query: (text) => {
			const parsed = parseQuery(text, { tiers: plugin.settings.tiers });
			if (!parsed.ok) throw new Error(parsed.errors.map(formatQueryError).join("\n"));
			return runQuery(parsed.query, scheduled(), { today: plugin.today(), settings: plugin.settings }).rows.map(toRecord);
		},
		logInteraction: async (path, entry = {}) => {
			if (!plugin.index.get(path)) return { ok: false, error: `${path} is not a person note` };
			const date = parseDateInput(entry.date ?? "today", plugin.today());
			if (!date.ok) return { ok: false, error: date.error };
			const outcome = await plugin.logInteraction(path, {
				day: date.day,
				type: entry.type ?? plugin.settings.defaultInteractionType,
				note: entry.note ?? "",
				addOwed: entry.owe ?? [],
				addOwedToMe: entry.owed ?? [],
				resolveOwed: entry.returned ?? [],
				resolveOwedToMe: entry.received ?? [],
			});
			return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
		},
	};
}
