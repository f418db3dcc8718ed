import type { TFile } from "obsidian";
import type { Day } from "../core/dates";
import { formatDailyDate } from "../core/daily-format";
import { appendDigest, digestText } from "../core/digest";
import { journalSources } from "../core/journal";
import type { PluginContext } from "./context";
import { readVaultFacts } from "./vault-facts";

/** The digest for today as the plugin writes it: a week ahead, a section of a note. */
export function todaysDigest(ctx: PluginContext, today: Day): string {
	return digestText(ctx.index.scheduled(today), { today, days: 7, level: 2 });
}

/** Today's daily note (the Daily notes plugin's folder and format, else the first journal folder), if it exists. */
async function dailyNote(ctx: PluginContext, today: Day): Promise<TFile | null> {
	const facts = await readVaultFacts(ctx.app);
	const source = journalSources(ctx.settings.get(), facts)[0];
	if (!source) return null;
	const name = `${formatDailyDate(today, source.format)}.md`;
	return ctx.app.vault.getFileByPath(source.folder === "" ? name : `${source.folder}/${name}`);
}

/**
 * With the setting on, adds the digest to the end of today's daily note once a day: only when the
 * note exists (a note is never created unasked), and not when it has a digest already (another
 * device added it, or the user moved it up). Written through the note writer like every write.
 * Returns whether it wrote.
 */
export async function addDigestToDailyNote(ctx: PluginContext): Promise<boolean> {
	if (!ctx.settings.get().digestInDailyNote || !ctx.index.ready) return false;
	const today = ctx.clock.today();
	const file = await dailyNote(ctx, today);
	if (!file) return false;
	const digest = todaysDigest(ctx, today);
	const outcome = await ctx.interactions.writer.write(file, (text) => {
		const next = appendDigest(text, digest);
		return next === null ? { ok: false, error: "it has today's digest already" } : { ok: true, text: next };
	});
	return outcome.ok;
}
