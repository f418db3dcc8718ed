import type { TAbstractFile, TFile } from "obsidian";
import { formatDay, type Day } from "../core/dates";
import { formatDailyDate } from "../core/daily-format";
import { appendDigest, digestText } from "../core/digest";
import type { PluginContext } from "./context";

/** The digest for today as the plugin writes it: a week ahead, a section of a note. */
export function todaysDigest(ctx: PluginContext, today: Day): string {
	return digestText(ctx.index.scheduled(today), { today, days: 7, level: 2 });
}

/** Where the day the digest was last added is kept: per vault and device, like the start-up notice's day. */
export const DIGEST_ADDED_KEY = "stay-in-touch-digest-added";

/** The vault's local storage (Obsidian 1.8.7+); without it, a note's own digest is what says "added already". */
interface VaultStorage {
	loadLocalStorage?: (key: string) => unknown;
	saveLocalStorage?: (key: string, data: unknown) => void;
}

function addedOn(ctx: PluginContext): unknown {
	const storage = ctx.app as unknown as VaultStorage;
	return storage.loadLocalStorage?.call(ctx.app, DIGEST_ADDED_KEY) ?? null;
}

function rememberAdded(ctx: PluginContext, today: Day): void {
	const storage = ctx.app as unknown as VaultStorage;
	storage.saveLocalStorage?.call(ctx.app, DIGEST_ADDED_KEY, formatDay(today));
}

/**
 * Today's daily note path (the Daily notes plugin's folder and format, else the first journal
 * folder): the journal sources the index reads mentions from, so no config file is read again for
 * every note created.
 */
function dailyNotePath(ctx: PluginContext, today: Day): string | null {
	const source = ctx.index.rules.journal.sources[0];
	if (!source) return null;
	const name = `${formatDailyDate(today, source.format)}.md`;
	return source.folder === "" ? name : `${source.folder}/${name}`;
}

/**
 * With the setting on, adds the digest to the end of today's daily note once a day: only when the
 * note exists (a note is never created unasked), and not when it has a digest already (another
 * device added it, or the user moved it up). Written through the note writer like every write.
 * The day it was added is remembered, so a digest the user deleted is not added again that day
 * (on a restart, a settings change, the note created again). Runs at start-up, at midnight, when
 * the setting is saved and when a note is created (`created`: only when that is today's daily
 * note). Returns whether it wrote.
 */
export async function addDigestToDailyNote(ctx: PluginContext, created?: TAbstractFile): Promise<boolean> {
	if (!ctx.settings.get().digestInDailyNote || !ctx.index.ready) return false;
	if (created && !created.path.toLowerCase().endsWith(".md")) return false;
	const today = ctx.clock.today();
	if (addedOn(ctx) === formatDay(today)) return false;
	const path = dailyNotePath(ctx, today);
	if (path === null || (created && created.path !== path)) return false;
	const file: TFile | null = ctx.app.vault.getFileByPath(path);
	if (!file) return false;
	const digest = todaysDigest(ctx, today);
	let hadOne = false;
	const outcome = await ctx.interactions.writer.write(file, (text) => {
		const next = appendDigest(text, digest);
		hadOne = next === null;
		return next === null ? { ok: false, error: "it has today's digest already" } : { ok: true, text: next };
	});
	if (outcome.ok || hadOne) rememberAdded(ctx, today);
	return outcome.ok;
}
