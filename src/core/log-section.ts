/** The log section: where the configured log heading is, and where its part of the note ends. */
import { lineHeadingMatches, parseHeadingSetting } from "./headings";
import { LineScanner } from "./line-scanner";

export interface LogSection {
	/** Start of the heading's first line (a setext heading's paragraph included). */
	headingStart: number;
	/** End of the heading's last line's content (a setext heading's underline). */
	headingEnd: number;
	/** Start of the first line after the heading (after a setext heading's underline). */
	contentStart: number;
	/** Start of the next heading of the same or a higher level, or `text.length`. */
	end: number;
	level: number;
}

/**
 * The first heading (any level, ATX or setext) whose text matches the configured log heading,
 * outside code and comments, and its extent.
 */
export function findLogSection(text: string, from: number, headingSetting: string): LogSection | null {
	const spec = parseHeadingSetting(headingSetting);
	const scanner = new LineScanner(text, from);
	const line = scanner.line;
	let found: LogSection | null = null;
	while (scanner.next()) {
		if (line.heading === 0) continue;
		if (found) {
			if (line.heading <= found.level) {
				found.end = line.headingStart;
				return found;
			}
		} else if (lineHeadingMatches(text, line, spec.key)) {
			found = {
				headingStart: line.headingStart,
				headingEnd: line.end,
				contentStart: line.next,
				end: text.length,
				level: line.heading,
			};
		}
	}
	return found;
}
