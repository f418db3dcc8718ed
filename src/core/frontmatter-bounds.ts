/**
 * Where a note's frontmatter is, as the log reader and the writer both need it: offsets into the
 * original text, so callers can splice without ever re-serialising what they did not mean to
 * change.
 */
import { HYPHEN } from "./char-codes";
import { bomLength, isBlankRange, lineBounds } from "./text-lines";

export interface FrontmatterBlock {
	/** Offset of the opening `---` line (1 when the note starts with a BOM). */
	open: number;
	/** First character of the YAML source, just after the opening line break. */
	yamlStart: number;
	/** Start of the closing `---` line; the YAML source is [yamlStart, yamlEnd). */
	yamlEnd: number;
	/** End of the closing line's content (before its line break, if any). */
	closeEnd: number;
}

export type FrontmatterScan =
	| { kind: "none"; bodyStart: number }
	| { kind: "block"; block: FrontmatterBlock; bodyStart: number }
	| { kind: "unclosed"; error: string; bodyStart: number };

/** `---` followed by nothing but spaces and tabs. */
function isDelimiter(text: string, start: number, end: number): boolean {
	if (end - start < 3) return false;
	if (text.charCodeAt(start) !== HYPHEN || text.charCodeAt(start + 1) !== HYPHEN || text.charCodeAt(start + 2) !== HYPHEN) return false;
	return isBlankRange(text, start + 3, end);
}

const UNCLOSED = "the frontmatter is not closed (the note starts with a --- line but no closing --- line follows)";

/**
 * Finds the frontmatter the way Obsidian does: the very first line (after an optional BOM) is
 * `---`, and the block runs to the next `---` line (YAML's `...` end marker does not close it for
 * Obsidian, so it does not for us either). An opening line with no closing one
 * is reported, so a writer can refuse rather than guess where the YAML ends.
 */
export function scanFrontmatter(text: string): FrontmatterScan {
	const open = bomLength(text);
	const first = lineBounds(text, open);
	if (!isDelimiter(text, open, first.end)) return { kind: "none", bodyStart: open };
	let pos = first.next;
	while (pos < text.length) {
		const line = lineBounds(text, pos);
		if (isDelimiter(text, pos, line.end)) {
			return {
				kind: "block",
				block: { open, yamlStart: first.next, yamlEnd: pos, closeEnd: line.end },
				bodyStart: line.next,
			};
		}
		pos = line.next;
	}
	return { kind: "unclosed", error: UNCLOSED, bodyStart: open };
}
