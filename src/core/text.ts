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

/**
 * Whether `text.toLowerCase()` has `lower` (lowercase ASCII) at `at`, read without making the
 * lowercase copy (indexing asks this of every note's path); null when a character beyond ASCII is
 * in the way, since its lowercase may be ASCII (the Kelvin sign's is "k") or longer ("İ").
 */
function asciiLowerAt(text: string, lower: string, at: number): boolean | null {
	if (at < 0) return /[^\0-\x7f]/.test(text) ? null : false;
	for (let i = 0; i < lower.length; i++) {
		let c = text.charCodeAt(at + i);
		if (c > 0x7f) return null;
		if (c >= 0x41 && c <= 0x5a) c += 0x20;
		if (c !== lower.charCodeAt(i)) return false;
	}
	return true;
}

/** `text.toLowerCase().startsWith(prefix)` for a lowercase ASCII `prefix`, mostly without the copy. */
export function startsLower(text: string, prefix: string): boolean {
	return asciiLowerAt(text, prefix, 0) ?? text.toLowerCase().startsWith(prefix);
}

/** `text.toLowerCase().endsWith(suffix)` for a lowercase ASCII `suffix`, mostly without the copy. */
export function endsLower(text: string, suffix: string): boolean {
	return asciiLowerAt(text, suffix, text.length - suffix.length) ?? text.toLowerCase().endsWith(suffix);
}

/** `text` matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "1 day", "3 days". */
export function plural(n: number, unit: string): string {
	return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
