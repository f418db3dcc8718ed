/**
 * Tags the way Obsidian counts them: frontmatter `tags`/`tag` (list or comma/space separated
 * string) plus inline `#tags` in the body outside code, math and comments. Returned lowercased without `#`, so the
 * plugin (which gets them from the metadata cache) and the CLI (which reads files) agree.
 */

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
		const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\s]+/) : [];
		for (const item of items) {
			if (typeof item !== "string" && typeof item !== "number") continue;
			const tag = normalizeTag(String(item));
			if (tag) out.push(tag);
		}
	}
	return out;
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
		let line = withoutComments(rawLine, comment);
		line = line.replace(/`[^`]*`/g, " ");
		if (/^ {0,3}#{1,6}\s/.test(line)) line = line.replace(/^ {0,3}#{1,6}/, "");
		collectTags(line, out);
	}
	return out;
}

interface CommentState {
	/** The marker that ends the comment open at the end of the previous line, if any. */
	close: "%%" | "-->" | null;
}

/** A line with its comment parts blanked; `state` carries a comment left open to the next line. */
function withoutComments(line: string, state: CommentState): string {
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
		const html = line.indexOf("<!--", i);
		const percent = line.indexOf("%%", i);
		const at = html < 0 ? percent : percent < 0 ? html : Math.min(html, percent);
		if (at < 0) return visible + line.slice(i);
		// A marker inside inline code (`%%`) is text, as the log scanner reads it.
		const tick = line.indexOf("`", i);
		const tickEnd = tick >= 0 && tick < at ? line.indexOf("`", tick + 1) : -1;
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

function collectTags(text: string, out: string[]): string[] {
	for (const m of text.matchAll(TAG_RE)) {
		const tag = m[2].replace(/\/+$/, "");
		if (/^[\d/]+$/.test(tag)) continue;
		out.push(tag.toLowerCase());
	}
	return out;
}
