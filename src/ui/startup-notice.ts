import { Notice } from "obsidian";
import { cameDueSince, cameDueText } from "../core/came-due";
import { formatDay, parseDateValue } from "../core/dates";
import type { PluginContext } from "../obsidian/context";

/** Where the last day this vault was open is kept: per vault and per device, as "while closed" is. */
export const LAST_OPENED_KEY = "stay-in-touch-last-opened";

/** The vault's local storage (Obsidian 1.8.7+); before it, there is no "last opened" to compare with and nothing is said. */
interface VaultStorage {
	loadLocalStorage?: (key: string) => unknown;
	saveLocalStorage?: (key: string, data: unknown) => void;
}

/**
 * At start-up, once the people are indexed: a notice of who came due while the vault was closed
 * ("2 people became overdue since you last opened this vault"), then today is remembered, so the
 * same news is never told twice. The first start says nothing: there is no "since" yet.
 */
export function noticeWhatCameDue(ctx: PluginContext): string | null {
	const today = ctx.clock.today();
	const storage = ctx.app as unknown as VaultStorage;
	if (!storage.loadLocalStorage || !storage.saveLocalStorage) return null;
	const stored = storage.loadLocalStorage.call(ctx.app, LAST_OPENED_KEY);
	rememberOpenToday(ctx);
	const last = typeof stored === "string" ? parseDateValue(stored) : null;
	if (last === null || !last.ok) return null;
	const text = cameDueText(cameDueSince(ctx.index.scheduled(today), last.day, today));
	if (text !== null) new Notice(text);
	return text;
}

/**
 * Remembers that the vault is open today. Saved at start-up and again at every midnight the vault
 * stays open and when the plugin unloads (Obsidian quits), so what came due while it was open is
 * never told as having come due "since you last opened this vault".
 */
export function rememberOpenToday(ctx: PluginContext): void {
	const storage = ctx.app as unknown as VaultStorage;
	storage.saveLocalStorage?.call(ctx.app, LAST_OPENED_KEY, formatDay(ctx.clock.today()));
}
