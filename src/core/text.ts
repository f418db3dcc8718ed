/**
 * Text helpers every part of the core shares: matching names and folders the way people expect
 * (case and Unicode composition ignored), and making user text safe inside a regular expression.
 */

/**
 * Text folded for matching: lowercase, and composed the same way (NFC), since macOS names files
 * with é as e + ´ while keyboards type é. Printable ASCII, most names, skips the normalising.
 */
export function foldText(text: string): string {
	return /^[ -~]*$/.test(text) ? text.toLowerCase() : text.normalize("NFC").toLowerCase();
}

/** `text` matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "1 day", "3 days". */
export function plural(n: number, unit: string): string {
	return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
