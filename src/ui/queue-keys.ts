import type { Modal } from "obsidian";

/**
 * A key of a one-key-per-action modal (the reach-out queue, triage): the letter or digit as
 * typed, `space` for the space bar. Keys with Ctrl, Alt or Cmd are left to Obsidian (its own
 * hotkeys), and so is anything typed into a field.
 */
function keyOf(evt: KeyboardEvent): string | null {
	if (evt.ctrlKey || evt.metaKey || evt.altKey || evt.isComposing) return null;
	const target = evt.target as Node | null;
	if (target?.instanceOf(HTMLElement) && target.closest("input, textarea, select, [contenteditable='true']")) return null;
	if (evt.key === " " || evt.key === "Spacebar" || evt.code === "Space") return "space";
	return evt.key.length === 1 ? evt.key.toLowerCase() : null;
}

/**
 * Sends the modal's keys to `onKey` (Escape stays the modal's own: it closes it). One handler for
 * every key, so the space bar is matched as browsers report it ("" or "Spacebar") rather than as
 * a key name the keymap may spell otherwise. `onKey` returns true when the key was one of its own.
 */
export function routeKeys(modal: Modal, onKey: (key: string) => boolean): void {
	modal.scope.register([], null, (evt) => {
		const key = keyOf(evt);
		if (key === null) return true;
		// On a focused button, space and Enter click it: the key is taken here, the click is not doubled.
		return onKey(key) ? false : true;
	});
}

/** A key as `aria-keyshortcuts` names it (the UI Events key values): `Space`, `Escape`, `L`, `1`. */
export function ariaShortcut(key: string): string {
	return key === "space" ? "Space" : key === "escape" ? "Escape" : key.toUpperCase();
}
