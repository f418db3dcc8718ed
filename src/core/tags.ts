/**
 * Tags the way Obsidian counts them: frontmatter `tags`/`tag` (list or comma/space separated
 * string) plus inline `#tags` in the body outside code. Returned lowercased without `#`, so the
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

/** Inline `#tags` in markdown text, skipping fenced code, inline code and HTML comments. */
export function inlineTags(markdown: string): string[] {
	if (!markdown.includes("#")) return [];
	// Without code or comments anywhere, one pass over the whole text finds the same tags
	// (heading markers never match: a tag's # is followed by a tag character).
	if (!markdown.includes("`") && !markdown.includes("~~~") && !markdown.includes("<!--")) return collectTags(markdown, []);
	const out: string[] = [];
	let fence: string | null = null;
	let inComment = false;
	for (const rawLine of markdown.split(/\r?\n/)) {
		const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(rawLine);
		if (fence !== null) {
			if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && rawLine.trim() === fenceMatch[1]) fence = null;
			continue;
		}
		if (fenceMatch) {
			fence = fenceMatch[1];
			continue;
		}
		let line = rawLine;
		if (inComment) {
			const end = line.indexOf("-->");
			if (end < 0) continue;
			line = line.slice(end + 3);
			inComment = false;
		}
		line = line.replace(/<!--.*?-->/g, " ");
		const open = line.indexOf("<!--");
		if (open >= 0) {
			line = line.slice(0, open);
			inComment = true;
		}
		line = line.replace(/`[^`]*`/g, " ");
		if (/^ {0,3}#{1,6}\s/.test(line)) line = line.replace(/^ {0,3}#{1,6}/, "");
		collectTags(line, out);
	}
	return out;
}

function collectTags(text: string, out: string[]): string[] {
	for (const m of text.matchAll(TAG_RE)) {
		const tag = m[2].replace(/\/+$/, "");
		if (/^[\d/]+$/.test(tag)) continue;
		out.push(tag.toLowerCase());
	}
	return out;
}
