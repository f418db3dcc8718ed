/**
 * Keyboard focus across a sidebar re-render. Every render swaps in a new list (rows may be
 * reused but are moved), which drops focus to the page: a keyboard user collapsing a group, or
 * hearing of a live update, would be thrown back to the top of the window.
 */

/** The control keyboard focus was on before a render: the same group, row and kind of control. */
export interface FocusedControl {
	group: string;
	/** The row's note, or null for the group's header or "Show more". */
	path: string | null;
	/** Position of the row in its group, for when the person left the group. */
	rowIndex: number;
	selector: string;
}

/** What has focus inside `list`, or null when focus is elsewhere. */
export function rememberFocus(list: HTMLElement): FocusedControl | null {
	const active = list.doc.activeElement;
	if (!active?.instanceOf(HTMLElement) || !list.contains(active)) return null;
	const group = active.closest("[data-group]")?.getAttribute("data-group");
	if (!group) return null;
	const rowEl = active.closest<HTMLElement>(".stay-in-touch-row");
	if (!rowEl)
		return {
			group,
			path: null,
			rowIndex: 0,
			selector: active.hasClass("stay-in-touch-more") ? ".stay-in-touch-more" : ".stay-in-touch-group-header",
		};
	const action = active.getAttribute("data-action");
	const rows = rowEl.parentElement ? Array.from(rowEl.parentElement.children) : [];
	return {
		group,
		path: rowEl.getAttribute("data-path"),
		rowIndex: Math.max(0, rows.indexOf(rowEl)),
		selector: action ? `[data-action="${action}"]` : "a.stay-in-touch-name",
	};
}

/**
 * Back on the same control in the new `list`; when the person left the group, on the name of the
 * row that took their place (never on its actions: a held Enter after "Contacted today" would log
 * the next person too); else the group's header, else the first header or `fallback`. The pane
 * does not scroll: a live update must not move what the user is reading.
 */
export function restoreFocus(list: HTMLElement, focused: FocusedControl, fallback: HTMLElement): void {
	const section = Array.from(list.querySelectorAll<HTMLElement>("[data-group]")).find(
		(el) => el.getAttribute("data-group") === focused.group,
	);
	let target: HTMLElement | null = null;
	if (section && focused.path === null)
		target = section.querySelector<HTMLElement>(focused.selector) ?? section.querySelector<HTMLElement>(".stay-in-touch-group-header");
	else if (section) {
		const rows = Array.from(section.querySelectorAll<HTMLElement>(".stay-in-touch-row"));
		const same = rows.find((r) => r.getAttribute("data-path") === focused.path);
		const next = rows[Math.min(focused.rowIndex, rows.length - 1)];
		target =
			(same ? same.querySelector<HTMLElement>(focused.selector) : next?.querySelector<HTMLElement>("a.stay-in-touch-name")) ??
			section.querySelector<HTMLElement>(".stay-in-touch-group-header");
	}
	(target ?? list.querySelector<HTMLElement>(".stay-in-touch-group-header") ?? fallback).focus({ preventScroll: true });
}
