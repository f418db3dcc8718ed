/**
 * How instruction arguments are read, shared by the engine (`sort by`, `group by`, `columns`)
 * and the fields' own filters.
 */

/** Keyword-ish arguments: case, spacing, `_` and `-` don't matter ("Last_Contact"). */
export function keyword(text: string): string {
	return text.toLowerCase().replace(/[_-]/g, " ").replace(/\s+/g, " ").trim();
}

/** Strips one pair of surrounding double quotes, so `folder "My People"` reads naturally. */
export function unquote(text: string): string {
	return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/** Quotes a value that would otherwise lose surrounding spaces or quotes when read back. */
export function quoted(value: string): string {
	const needs = value !== value.trim() || (value.length >= 2 && value.startsWith('"') && value.endsWith('"'));
	return needs ? `"${value}"` : value;
}
