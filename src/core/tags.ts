/**
 * Tags the way Obsidian counts them: frontmatter `tags`/`tag` (list or comma/space separated
 * string) plus inline `#tags` in the body outside code, math and comments. Returned lowercased without `#`, so the
 * plugin (which gets them from the metadata cache) and the CLI (which reads files) agree.
 *
 * Every scan here is one forward pass: a note may be a megabyte of anything.
 */
import { HASH, SLASH } from "./char-codes";

export function normalizeTag(tag: string): string {
	return tag.trim().replace(/^#+/, "").toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Tags declared in frontmatter under `tags` or `tag` (any capitalisation). */
export function frontmatterTags(frontmatter: unknown): string[] {
	if (!isRecord(frontmatter)) return [];
	const out: string[] = [];
	for (const [key, value] of Object.entries(frontmatter)) {
		const k = key.toLowerCase();
		if (k !== "tags" && k !== "tag") continue;
		if (typeof value === "string") {
			addTagWords(value, out);
			continue;
		}
		if (!Array.isArray(value)) continue;
		for (const item of value) {
			if (typeof item !== "string" && typeof item !== "number") continue;
			const tag = normalizeTag(String(item));
			if (tag) out.push(tag);
		}
	}
	return out;
}

/** The words of a `tags: a, b c` string: anything between commas and white space. */
const TAG_WORD_RE = /[^,\s]+/g;

/**
 * `normalizeTag` on every word of a string, in two passes over the whole value rather than a few
 * per word (a value of 500,000 words is read in milliseconds). Lowercasing before splitting gives
 * the same words: commas and white space are neither letters nor "case-ignorable", so they end
 * the context a Greek final sigma looks at just as the end of a word does.
 */
function addTagWords(value: string, out: string[]): void {
	for (const word of value.toLowerCase().match(TAG_WORD_RE) ?? []) {
		const tag = word.charCodeAt(0) === HASH ? word.replace(/^#+/, "") : word;
		if (tag) out.push(tag);
	}
}

// A tag starts after whitespace or line start, has at least one non-digit character, and runs
// over letters, digits, `_`, `-`, `/` (any script, emoji included via the \p classes).
const TAG_RE = /(^|[\s(])#([\p{L}\p{N}_\-/\p{Extended_Pictographic}]+)/gu;

const TAG_CHARS = /^[\p{L}\p{N}_\-/\p{Extended_Pictographic}]+$/u;

/**
 * Whether Obsidian would report `tag` (written without `#`) as a tag: tag characters only (as
 * TAG_RE reads them), not only digits, no empty part between slashes. A setting or a query
 * naming anything else could never match a note.
 */
export function isValidTag(tag: string): boolean {
	return TAG_CHARS.test(tag) && !/^\d+$/.test(tag) && !tag.split("/").includes("");
}

/**
 * Inline `#tags` in markdown text, skipping what Obsidian takes no tags from: fenced code, `$$`
 * math blocks, inline code, and comments (`%% … %%` and `<!-- … -->`, inline or over lines).
 */
export function inlineTags(markdown: string): string[] {
	if (!markdown.includes("#")) return [];
	// Without code, math or comments anywhere, one pass over the whole text finds the same tags
	// (heading markers never match: a tag's # is followed by a tag character).
	if (
		!markdown.includes("`") &&
		!markdown.includes("~~~") &&
		!markdown.includes("<!--") &&
		!markdown.includes("%%") &&
		!markdown.includes("$$")
	)
		return collectTags(markdown, []);
	const out: string[] = [];
	let fence: string | null = null;
	let inMath = false;
	const comment: CommentState = { close: null };
	for (const rawLine of markdown.split(/\r?\n/)) {
		if (fence !== null) {
			const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(rawLine);
			if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && rawLine.trim() === fenceMatch[1])
				fence = null;
			continue;
		}
		if (inMath) {
			if (rawLine.includes("$$")) inMath = false;
			continue;
		}
		if (comment.close === null) {
			const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(rawLine);
			if (fenceMatch) {
				fence = fenceMatch[1];
				continue;
			}
			if (/^ {0,3}\$\$/.test(rawLine)) {
				// A block opens at a `$$` line; `$$ x $$` on one line is a whole block.
				const rest = rawLine.trim().slice(2);
				inMath = !(rest.length >= 2 && rest.endsWith("$$"));
				continue;
			}
		}
		// Most lines have no comment, no code and no tag: each step is skipped unless it can matter.
		let line = withoutComments(rawLine, comment);
		if (!line.includes("#")) continue;
		if (line.includes("`")) line = line.replace(/`[^`]*`/g, " ");
		if (/^ {0,3}#{1,6}\s/.test(line)) line = line.replace(/^ {0,3}#{1,6}/, "");
		collectTags(line, out);
	}
	return out;
}

interface CommentState {
	/** The marker that ends the comment open at the end of the previous line, if any. */
	close: "%%" | "-->" | null;
}

/**
 * The next place of `marker` at or after an offset, for offsets that only grow: the line is
 * searched again only once the place found is passed, so a line of many comments is not searched
 * to its end for each one.
 */
function finder(line: string, marker: string): (from: number) => number {
	let found = -2; // not searched yet; -1 is "nowhere after the last search", so nowhere after any later offset
	return (from) => {
		if (found !== -1 && found < from) found = line.indexOf(marker, from);
		return found;
	};
}

/** A line with its comment parts blanked; `state` carries a comment left open to the next line. */
function withoutComments(line: string, state: CommentState): string {
	if (state.close === null && !line.includes("%%") && !line.includes("<!--")) return line;
	const nextHtml = finder(line, "<!--");
	const nextPercent = finder(line, "%%");
	const nextTick = finder(line, "`");
	let visible = "";
	let i = 0;
	while (i < line.length) {
		if (state.close !== null) {
			const end = line.indexOf(state.close, i);
			if (end < 0) return visible;
			i = end + state.close.length;
			state.close = null;
			visible += " ";
			continue;
		}
		const html = nextHtml(i);
		const percent = nextPercent(i);
		const at = html < 0 ? percent : percent < 0 ? html : Math.min(html, percent);
		if (at < 0) return visible + line.slice(i);
		// A marker inside inline code (`%%`) is text, as the log scanner reads it.
		const tick = nextTick(i);
		const tickEnd = tick >= 0 && tick < at ? nextTick(tick + 1) : -1;
		if (tickEnd >= 0) {
			visible += line.slice(i, tickEnd + 1);
			i = tickEnd + 1;
			continue;
		}
		visible += `${line.slice(i, at)} `;
		const isHtml = at === html;
		state.close = isHtml ? "-->" : "%%";
		i = at + (isHtml ? 4 : 2);
	}
	return visible;
}

/**
 * `text` without the `/`s at its end (`work/` is the tag `work`). A loop: `/\/+$/` tries every
 * slash of a run as a start, so a tag of 100,000 slashes took seconds.
 */
export function withoutTrailingSlashes(text: string): string {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === SLASH) end--;
	return text.slice(0, end);
}

function collectTags(text: string, out: string[]): string[] {
	for (const m of text.matchAll(TAG_RE)) {
		const tag = withoutTrailingSlashes(m[2]);
		if (/^[\d/]+$/.test(tag)) continue;
		out.push(tag.toLowerCase());
	}
	return out;
}
