/**
 * The public API other plugins, Dataview and Templater scripts use:
 * `app.plugins.getPlugin("stay-in-touch").api`; its types are in `stay-in-touch-api.d.ts`.
 */
import { normalizePath } from "obsidian";
import { parseDateInput } from "./core/date-input";
import { formatQueryError, parseQuery, runQuery } from "./core/query/index";
import { toRecord } from "./core/record";
import type { LogRequest, LogResult, PersonRecord, StayInTouchApi } from "./stay-in-touch-api";
import type { PluginContext } from "./obsidian/context";

export type { LogRequest, LogResult, PersonRecord, StayInTouchApi };

/** Scripts pass one favor as a plain string as often as a list: both are taken; anything else is refused, never dropped. */
function favorList(value: unknown): string[] | null {
	if (value === undefined) return [];
	if (typeof value === "string") return [value];
	return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;
}

const FAVOR_FIELDS = ["owe", "owed", "returned", "received"] as const;

export function createApi(ctx: PluginContext): StayInTouchApi {
	const { index, clock, settings } = ctx;
	const scheduled = () => index.scheduled(clock.today());
	return {
		get ready() {
			return index.ready;
		},
		onChange: (callback) => {
			// Refused at once: a wrong value would otherwise fail, and be logged, on every change.
			if (typeof callback !== "function") throw new TypeError("onChange needs a function");
			return index.subscribe(() => {
				// A script's mistake must not stop the sidebar and the other listeners from hearing of the change.
				try {
					callback();
				} catch (error) {
					console.error("stay-in-touch: an onChange callback failed", error);
				}
			});
		},
		people: () => scheduled().map(toRecord),
		person: (given) => {
			if (typeof given !== "string") return null;
			const found = index.scheduledOne(normalizePath(given), clock.today());
			return found ? toRecord(found) : null;
		},
		query: (text) => {
			const parsed = parseQuery(text, { tiers: settings.get().tiers });
			if (!parsed.ok) throw new Error(parsed.errors.map(formatQueryError).join("\n"));
			return runQuery(parsed.query, scheduled(), { today: clock.today(), settings: settings.get() }).rows.map(toRecord);
		},
		logInteraction: async (givenPath, given) => {
			if (typeof givenPath !== "string") return { ok: false, error: 'the path must be text, e.g. "People/Ada Lovelace.md"' };
			// "/People/Ada.md" and "People//Ada.md" name the same note, as everywhere in Obsidian.
			const path = normalizePath(givenPath);
			// Scripts are untyped: `null` means "no details"; any other wrong shape is refused, never dropped.
			const entry: LogRequest = given ?? {};
			if (typeof entry !== "object" || Array.isArray(entry))
				return { ok: false, error: 'the entry must be an object, e.g. { type: "call", note: "…" }' };
			if (!index.get(path)) return { ok: false, error: `${path} is not a person note` };
			for (const field of ["type", "note"] as const) {
				if (entry[field] !== undefined && entry[field] !== null && typeof entry[field] !== "string")
					return { ok: false, error: `${field} must be text` };
			}
			const date = parseDateInput(entry.date ?? "today", clock.today());
			if (!date.ok) return { ok: false, error: date.error };
			const favors: Partial<Record<(typeof FAVOR_FIELDS)[number], string[]>> = {};
			for (const field of FAVOR_FIELDS) {
				const list = favorList(entry[field]);
				if (list === null) return { ok: false, error: `${field} must be a favor's text or a list of them` };
				favors[field] = list;
			}
			const outcome = await ctx.interactions.log(path, {
				day: date.day,
				type: entry.type ?? settings.get().defaultInteractionType,
				note: entry.note ?? "",
				addOwed: favors.owe,
				addOwedToMe: favors.owed,
				resolveOwed: favors.returned,
				resolveOwedToMe: favors.received,
			});
			return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
		},
	};
}
