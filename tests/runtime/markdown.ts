/**
 * Markdown → `CachedMetadata`, the way Obsidian's metadata cache sees a note, plus the YAML and
 * frontmatter helper functions Obsidian exports.
 *
 * YAML is parsed with js-yaml's CORE schema: like Obsidian's cache, an unquoted `2026-11-20`
 * stays the STRING "2026-11-20" (js-yaml's default YAML 1.1 timestamps would give a Date).
 * Invalid YAML ⇒ the note has a `frontmatterPosition` but no `frontmatter`.
 *
 * Recognised blocks: YAML frontmatter, ATX and setext headings, fenced code (``` and ~~~),
 * `$$` math, `%%` comments, HTML comments, lists (nested, tasks), blockquotes/callouts, tables,
 * thematic breaks, paragraphs. Tags, links and headings are never taken from code, math or
 * comments. Not modelled: indented code blocks, footnotes, HTML blocks as their own sections.
 */
import { CORE_SCHEMA, dump, load } from "js-yaml";
import type * as O from "obsidian";

// ---------------------------------------------------------------------------------------------
// YAML
// ---------------------------------------------------------------------------------------------

/** Obsidian's `parseYaml`: YAML text → JS value; dates stay strings; empty input → null. */
export function parseYaml(yaml: string): any {
	if (yaml.replace(/#.*$/gm, "").trim() === "") return null;
	return load(yaml, { schema: CORE_SCHEMA });
}

/** Obsidian's `stringifyYaml`. Like Obsidian it re-serialises: comments, quoting and list style are not kept. */
export function stringifyYaml(obj: any): string {
	return dump(obj, { schema: CORE_SCHEMA, lineWidth: -1 });
}

// ---------------------------------------------------------------------------------------------
// Frontmatter
// ---------------------------------------------------------------------------------------------

export function getFrontMatterInfo(content: string): O.FrontMatterInfo {
	const none = { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
	const bom = content.startsWith("\uFEFF") ? 1 : 0;
	const open = /^---[ \t]*\r?\n/.exec(content.slice(bom));
	if (!open) return none;
	const from = bom + open[0].length;
	let lineStart = from;
	while (lineStart <= content.length) {
		const nl = content.indexOf("\n", lineStart);
		const lineEnd = nl === -1 ? content.length : nl;
		const line = content.slice(lineStart, lineEnd).replace(/\r$/, "");
		if (/^---[ \t]*$/.test(line)) {
			return {
				exists: true,
				frontmatter: content.slice(from, lineStart),
				from,
				to: lineStart,
				contentStart: nl === -1 ? content.length : nl + 1,
			};
		}
		if (nl === -1) break;
		lineStart = nl + 1;
	}
	return none;
}

function entryFor(frontmatter: any, key: string | RegExp): any {
	if (!frontmatter || typeof frontmatter !== "object") return null;
	if (typeof key === "string") return Object.prototype.hasOwnProperty.call(frontmatter, key) ? frontmatter[key] : null;
	for (const k of Object.keys(frontmatter)) if (key.test(k)) return frontmatter[k];
	return null;
}

export function parseFrontMatterEntry(frontmatter: any | null, key: string | RegExp): any | null {
	const value = entryFor(frontmatter, key);
	return value === undefined ? null : value;
}

export function parseFrontMatterStringArray(frontmatter: any | null, key: string | RegExp): string[] | null {
	const value = entryFor(frontmatter, key);
	if (value === null || value === undefined) return null;
	const list = Array.isArray(value) ? value : [value];
	const out = list.filter((v) => v !== null && v !== undefined && v !== "").map((v) => String(v));
	return out.length ? out : null;
}

export function parseFrontMatterAliases(frontmatter: any | null): string[] | null {
	const value = entryFor(frontmatter, /^alias(es)?$/i);
	if (value === null || value === undefined) return null;
	const list = Array.isArray(value) ? value : String(value).split(/\s*,\s*/);
	const out = list.filter((v) => v !== null && v !== undefined && String(v).trim() !== "").map((v) => String(v).trim());
	return out.length ? out : null;
}

export function parseFrontMatterTags(frontmatter: any | null): string[] | null {
	const value = entryFor(frontmatter, /^tags?$/i);
	if (value === null || value === undefined) return null;
	const list = Array.isArray(value) ? value : String(value).split(/[,\s]+/);
	const out: string[] = [];
	for (const raw of list) {
		if (raw === null || raw === undefined) continue;
		const t = String(raw).trim();
		if (!t || t === "#") continue;
		out.push(t.startsWith("#") ? t : `#${t}`);
	}
	return out.length ? out : null;
}

export function getAllTags(cache: O.CachedMetadata): string[] | null {
	const out: string[] = [];
	const fm = parseFrontMatterTags(cache.frontmatter ?? null);
	if (fm) out.push(...fm);
	for (const t of cache.tags ?? []) out.push(t.tag);
	return out.length ? out : null;
}

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

export function parseLinktext(linktext: string): { path: string; subpath: string } {
	const i = linktext.indexOf("#");
	if (i < 0) return { path: linktext, subpath: "" };
	return { path: linktext.slice(0, i), subpath: linktext.slice(i) };
}

export function getLinkpath(linktext: string): string {
	return parseLinktext(linktext).path;
}

// ---------------------------------------------------------------------------------------------
// Note parsing
// ---------------------------------------------------------------------------------------------

interface Line {
	start: number; // offset of first char
	end: number; // offset after last char, excluding \r\n
	text: string; // without \r
}

export interface FencedBlock {
	lang: string;
	info: string;
	/** Line numbers of the opening and closing fence (closing = last line if unterminated). */
	startLine: number;
	endLine: number;
	/** The code between the fences, lines joined with "\n", no trailing newline. */
	source: string;
	closed: boolean;
}

export interface ParsedNote {
	cache: O.CachedMetadata;
	fences: FencedBlock[];
	lines: Line[];
}

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	for (;;) {
		const nl = text.indexOf("\n", start);
		const rawEnd = nl === -1 ? text.length : nl;
		const end = rawEnd > start && text[rawEnd - 1] === "\r" ? rawEnd - 1 : rawEnd;
		lines.push({ start, end, text: text.slice(start, end) });
		if (nl === -1) break;
		start = nl + 1;
	}
	return lines;
}

class Locator {
	constructor(private lines: Line[]) {}
	loc(offset: number): O.Loc {
		let lo = 0;
		let hi = this.lines.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.lines[mid].start <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo, col: offset - this.lines[lo].start, offset };
	}
	pos(from: number, to: number): O.Pos {
		return { start: this.loc(from), end: this.loc(to) };
	}
	linePos(first: number, last: number, col = 0): O.Pos {
		return {
			start: { line: first, col, offset: this.lines[first].start + col },
			end: { line: last, col: this.lines[last].end - this.lines[last].start, offset: this.lines[last].end },
		};
	}
}

const RE = {
	fence: /^( {0,3})(`{3,}|~{3,})(.*)$/,
	atx: /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/,
	setext1: /^ {0,3}=+[ \t]*$/,
	setext2: /^ {0,3}-+[ \t]*$/,
	hr: /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/,
	list: /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/,
	quote: /^ {0,3}>/,
	callout: /^ {0,3}>\s*\[!([^\]]+)\]/,
	tableDelim: /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/,
	math: /^ {0,3}\$\$/,
	blockId: /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/,
	task: /^\[(.)\](?:\s|$)/,
};

function indentWidth(s: string): number {
	let w = 0;
	for (const ch of s) w += ch === "\t" ? 4 : 1;
	return w;
}

/** Replace [from,to) with spaces, keeping newlines, so offsets stay valid. */
function blank(chars: string[], from: number, to: number): void {
	for (let i = from; i < to && i < chars.length; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
}

export function parseNote(text: string): ParsedNote {
	const lines = splitLines(text);
	const at = new Locator(lines);
	const cache: O.CachedMetadata = {};
	const sections: O.SectionCache[] = [];
	const headings: O.HeadingCache[] = [];
	const listItems: O.ListItemCache[] = [];
	const blocks: Record<string, O.BlockCache> = {};
	const fences: FencedBlock[] = [];
	/** Text with everything that can't hold tags/links (frontmatter, code, math, comments) blanked. */
	const masked = text.split("");

	// Frontmatter
	let firstBodyLine = 0;
	const fm = getFrontMatterInfo(text);
	if (fm.exists) {
		const closeLine = at.loc(fm.to).line;
		const pos = at.linePos(0, closeLine);
		cache.frontmatterPosition = pos;
		sections.push({ type: "yaml", position: pos });
		try {
			const data = parseYaml(fm.frontmatter);
			if (data && typeof data === "object" && !Array.isArray(data)) {
				cache.frontmatter = data;
				const fmLinks = frontmatterLinks(data);
				if (fmLinks.length) cache.frontmatterLinks = fmLinks;
			}
		} catch {
			// invalid YAML: Obsidian keeps the block position but has no frontmatter
		}
		blank(masked, 0, fm.contentStart);
		firstBodyLine = closeLine + 1;
	}

	// Multi-line comments (%% ... %%, <!-- ... -->) may span blocks; one that starts inside a
	// code fence is not a comment.
	const fenceRanges: Array<[number, number]> = [];
	for (let n = firstBodyLine; n < lines.length; n++) {
		const open = RE.fence.exec(lines[n].text);
		if (!open || (open[2][0] === "`" && open[3].includes("`"))) continue;
		let close = lines.length - 1;
		for (let j = n + 1; j < lines.length; j++) {
			const c = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[j].text);
			if (c && c[1][0] === open[2][0] && c[1].length >= open[2].length) {
				close = j;
				break;
			}
		}
		fenceRanges.push([lines[n].start, lines[close].end]);
		n = close;
	}
	const inFence = (offset: number) => fenceRanges.some(([a, b]) => offset >= a && offset < b);
	// Inline code on the offset's line (backtick pairs): a comment marker there is text.
	const inCodeSpan = (offset: number) => {
		const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
		for (let open = text.indexOf("`", lineStart); open >= 0 && open < offset;) {
			const close = text.indexOf("`", open + 1);
			const lineEnd = text.indexOf("\n", open);
			if (close < 0 || (lineEnd >= 0 && close > lineEnd)) return false;
			if (offset < close) return true;
			open = text.indexOf("`", close + 1);
		}
		return false;
	};
	const commentRanges: Array<[number, number]> = [];
	{
		const bodyStart = firstBodyLine < lines.length ? lines[firstBodyLine].start : text.length;
		const re = /%%[\s\S]*?(?:%%|$(?![\s\S]))|<!--[\s\S]*?(?:-->|$(?![\s\S]))/g;
		re.lastIndex = bodyStart;
		let m: RegExpExecArray | null;
		while ((m = re.exec(text))) {
			if (m[0].length === 0) {
				re.lastIndex++;
				continue;
			}
			if (inFence(m.index) || inCodeSpan(m.index)) {
				re.lastIndex = m.index + 2;
				continue;
			}
			commentRanges.push([m.index, m.index + m[0].length]);
		}
	}
	const inComment = (offset: number) => commentRanges.some(([a, b]) => offset >= a && offset < b);

	// Block structure
	let i = firstBodyLine;
	const isBlank = (n: number) => lines[n].text.trim() === "";
	const startsBlock = (n: number) => {
		const t = lines[n].text;
		return RE.fence.test(t) || RE.atx.test(t) || RE.hr.test(t) || RE.quote.test(t) || RE.math.test(t) || RE.list.test(t);
	};
	const addBlockId = (section: O.SectionCache | O.ListItemCache, lastLine: number) => {
		const m = RE.blockId.exec(lines[lastLine].text);
		if (m) {
			section.id = m[1];
			blocks[m[1]] = { id: m[1], position: section.position };
		}
	};

	while (i < lines.length) {
		const line = lines[i];
		const t = line.text;
		if (t.trim() === "") {
			i++;
			continue;
		}
		// Whole line inside a comment → comment section. A line that only starts with an inline
		// comment (`%% aside %% then text`) is a paragraph: its text after the comment is visible.
		const wholeLineComment = (n: number) => {
			const l = lines[n];
			const first = l.start + l.text.search(/\S/);
			const last = l.start + l.text.trimEnd().length - 1;
			return !isBlank(n) && commentRanges.some(([a, b]) => first >= a && first < b && last < b);
		};
		if (wholeLineComment(i)) {
			const first = i;
			while (i + 1 < lines.length && wholeLineComment(i + 1)) i++;
			sections.push({ type: "comment", position: at.linePos(first, i) });
			i++;
			continue;
		}
		// A line that starts inside a comment closing on it (`-->` then text) starts no block of its own.
		const startsInComment = inComment(line.start + t.search(/\S/));
		let m: RegExpExecArray | null;
		if (!startsInComment && (m = RE.fence.exec(t))) {
			const marker = m[2];
			const info = m[3].trim();
			if (!(marker[0] === "`" && info.includes("`"))) {
				const first = i;
				let close = -1;
				for (let j = i + 1; j < lines.length; j++) {
					const c = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[j].text);
					if (c && c[1][0] === marker[0] && c[1].length >= marker.length) {
						close = j;
						break;
					}
				}
				const last = close === -1 ? lines.length - 1 : close;
				const contentLines = lines.slice(first + 1, close === -1 ? lines.length : close).map((l) => l.text);
				fences.push({
					lang: info.split(/\s+/)[0] ?? "",
					info,
					startLine: first,
					endLine: last,
					source: contentLines.join("\n"),
					closed: close !== -1,
				});
				sections.push({ type: "code", position: at.linePos(first, last) });
				blank(masked, lines[first].start, lines[last].end);
				i = last + 1;
				continue;
			}
		}
		if (!startsInComment && RE.math.test(t)) {
			const first = i;
			let last = i;
			const rest = t.trim().slice(2);
			if (!(rest.endsWith("$$") && rest.length >= 2)) {
				for (let j = i + 1; j < lines.length; j++) {
					last = j;
					if (lines[j].text.includes("$$")) break;
				}
			}
			sections.push({ type: "math", position: at.linePos(first, last) });
			blank(masked, lines[first].start, lines[last].end);
			i = last + 1;
			continue;
		}
		if (!startsInComment && (m = RE.atx.exec(t))) {
			const level = m[1].length;
			const heading = (m[2] ?? "").trim();
			const pos = at.linePos(i, i);
			headings.push({ heading, level, position: pos });
			const section: O.SectionCache = { type: "heading", position: pos };
			addBlockId(section, i);
			sections.push(section);
			i++;
			continue;
		}
		if (!startsInComment && RE.hr.test(t)) {
			sections.push({ type: "thematicBreak", position: at.linePos(i, i) });
			i++;
			continue;
		}
		if (!startsInComment && RE.quote.test(t)) {
			const first = i;
			while (i + 1 < lines.length && RE.quote.test(lines[i + 1].text)) i++;
			const section: O.SectionCache = { type: RE.callout.test(t) ? "callout" : "blockquote", position: at.linePos(first, i) };
			addBlockId(section, i);
			sections.push(section);
			i++;
			continue;
		}
		if (!startsInComment && (m = RE.list.exec(t))) {
			const first = i;
			i = parseList(lines, at, i, listItems, blocks);
			const section: O.SectionCache = { type: "list", position: at.linePos(first, i - 1) };
			sections.push(section);
			continue;
		}
		if (t.includes("|") && i + 1 < lines.length && RE.tableDelim.test(lines[i + 1].text) && lines[i + 1].text.includes("-")) {
			const first = i;
			i += 1;
			while (i + 1 < lines.length && !isBlank(i + 1) && lines[i + 1].text.includes("|")) i++;
			const section: O.SectionCache = { type: "table", position: at.linePos(first, i) };
			addBlockId(section, i);
			sections.push(section);
			i++;
			continue;
		}
		// Paragraph (possibly a setext heading)
		const first = i;
		let setext = 0;
		while (i + 1 < lines.length && !isBlank(i + 1)) {
			const next = lines[i + 1].text;
			if (RE.setext1.test(next)) {
				setext = 1;
				break;
			}
			if (RE.setext2.test(next)) {
				setext = 2;
				break;
			}
			if (startsBlock(i + 1)) break;
			i++;
		}
		if (setext) {
			const heading = lines
				.slice(first, i + 1)
				.map((l) => l.text.trim())
				.join(" ");
			const pos = at.linePos(first, i + 1);
			headings.push({ heading, level: setext, position: pos });
			sections.push({ type: "heading", position: pos });
			i += 2;
			continue;
		}
		const section: O.SectionCache = { type: "paragraph", position: at.linePos(first, i) };
		addBlockId(section, i);
		sections.push(section);
		i++;
	}

	// Blank comments and inline code in the masked text, then scan for tags and links.
	for (const [a, b] of commentRanges) blank(masked, a, b);
	const maskedText0 = masked.join("");
	{
		// A run of n backticks is closed by a run of exactly n: a longer run is never split.
		const re = /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;
		let m: RegExpExecArray | null;
		while ((m = re.exec(maskedText0))) {
			if (m[0].includes("\n\n")) continue;
			blank(masked, m.index, m.index + m[0].length);
		}
	}
	const maskedText = masked.join("");

	const links: O.LinkCache[] = [];
	const embeds: O.EmbedCache[] = [];
	{
		const re = /(!?)\[\[([^\[\]\n]+?)\]\]/g;
		let m: RegExpExecArray | null;
		while ((m = re.exec(maskedText))) {
			const inner = text.slice(m.index + m[1].length + 2, m.index + m[0].length - 2);
			const bar = inner.indexOf("|");
			const link = (bar >= 0 ? inner.slice(0, bar) : inner).trim();
			const alias = bar >= 0 ? inner.slice(bar + 1) : undefined;
			const ref: O.LinkCache = {
				link,
				original: text.slice(m.index, m.index + m[0].length),
				displayText: alias ?? link.replace("#", " > "),
				position: at.pos(m.index, m.index + m[0].length),
			};
			(m[1] ? embeds : links).push(ref);
			blank(masked, m.index, m.index + m[0].length);
		}
		const re2 = /(!?)\[([^\]\n]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
		while ((m = re2.exec(maskedText))) {
			const target = m[3].replace(/^<|>$/g, "");
			if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // external URL
			let link = target;
			try {
				link = decodeURI(target);
			} catch {
				/* keep raw */
			}
			const ref: O.LinkCache = {
				link,
				original: m[0],
				displayText: m[2],
				position: at.pos(m.index, m.index + m[0].length),
			};
			(m[1] ? embeds : links).push(ref);
		}
	}
	const tags: O.TagCache[] = [];
	{
		const re = /(^|[\s(])#([\p{L}\p{N}_\-/\p{Extended_Pictographic}]+)/gmu;
		let m: RegExpExecArray | null;
		while ((m = re.exec(maskedText))) {
			const name = m[2];
			if (/^[\p{N}]+$/u.test(name)) continue; // #123 is not a tag
			const start = m.index + m[1].length;
			tags.push({ tag: `#${name}`, position: at.pos(start, start + 1 + name.length) });
		}
	}

	links.sort((a, b) => a.position.start.offset - b.position.start.offset);
	embeds.sort((a, b) => a.position.start.offset - b.position.start.offset);
	sections.sort((a, b) => a.position.start.offset - b.position.start.offset);
	if (links.length) cache.links = links;
	if (embeds.length) cache.embeds = embeds;
	if (tags.length) cache.tags = tags;
	if (headings.length) cache.headings = headings;
	if (sections.length) cache.sections = sections;
	if (listItems.length) cache.listItems = listItems;
	if (Object.keys(blocks).length) cache.blocks = blocks;
	return { cache, fences, lines };
}

/** Parse a list starting at line `i`; returns the index of the first line after it. */
function parseList(lines: Line[], at: Locator, i: number, out: O.ListItemCache[], blocks: Record<string, O.BlockCache>): number {
	const listStart = i;
	const stack: Array<{ indent: number; line: number; contentIndent: number }> = [];
	let current: { item: O.ListItemCache; contentIndent: number; lastLine: number } | null = null;
	const finish = () => {
		if (!current) return;
		current.item.position = at.linePos(current.item.position.start.line, current.lastLine, current.item.position.start.col);
		const m = RE.blockId.exec(lines[current.lastLine].text);
		if (m) {
			current.item.id = m[1];
			blocks[m[1]] = { id: m[1], position: current.item.position };
		}
		current = null;
	};
	let sawBlank = false;
	for (; i < lines.length; i++) {
		const t = lines[i].text;
		if (t.trim() === "") {
			sawBlank = true;
			continue;
		}
		const m = RE.list.exec(t);
		const indent = indentWidth(m ? m[1] : t.slice(0, t.length - t.trimStart().length));
		if (m) {
			if (sawBlank && indent === 0 && stack.length === 0) break;
			finish();
			while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
			const parent = stack.length ? stack[stack.length - 1].line : -listStart;
			const rest = t.slice(m[0].length);
			const task = RE.task.exec(rest);
			const item: O.ListItemCache = { parent, position: at.linePos(i, i, m[1].length) };
			if (task) item.task = task[1];
			out.push(item);
			const contentIndent = indent + m[2].length + Math.max(1, m[3].length);
			stack.push({ indent, line: i, contentIndent });
			current = { item, contentIndent, lastLine: i };
			sawBlank = false;
			continue;
		}
		// Not a list item: continuation of the current item, or the end of the list.
		// A quote or a math block not indented to the item's text starts a block of its own (CommonMark:
		// only paragraph text continues an item lazily).
		const ownBlock = (RE.quote.test(t) || RE.math.test(t)) && indent < (current?.contentIndent ?? 0);
		if (
			current &&
			(!sawBlank || indent >= current.contentIndent) &&
			!(RE.atx.test(t) || RE.fence.test(t) || RE.hr.test(t) || ownBlock)
		) {
			current.lastLine = i;
			sawBlank = false;
			continue;
		}
		if (sawBlank && stack.some((s) => indent >= s.contentIndent)) {
			// Indented content after a blank line, under an outer item: the list goes on, the last item
			// (whose text it is not indented to) ends. Indented less than any item's text, it ends the list.
			finish();
			sawBlank = false;
			continue;
		}
		break;
	}
	finish();
	// trim trailing blank lines from the list
	let end = i;
	while (end - 1 > listStart && lines[end - 1].text.trim() === "") end--;
	return end;
}

function frontmatterLinks(data: Record<string, unknown>): O.FrontmatterLinkCache[] {
	const out: O.FrontmatterLinkCache[] = [];
	const visit = (key: string, value: unknown) => {
		if (typeof value === "string") {
			const re = /\[\[([^\[\]|]+?)(?:\|([^\]]*))?\]\]/g;
			let m: RegExpExecArray | null;
			while ((m = re.exec(value))) {
				const entry: O.FrontmatterLinkCache = { key, link: m[1].trim(), original: m[0], displayText: m[2] ?? m[1].trim() };
				out.push(entry);
			}
		} else if (Array.isArray(value)) {
			value.forEach((v, idx) => visit(`${key}.${idx}`, v));
		}
	};
	for (const [k, v] of Object.entries(data)) visit(k, v);
	return out;
}

// ---------------------------------------------------------------------------------------------
// Misc exported helpers
// ---------------------------------------------------------------------------------------------

export function iterateRefs(refs: O.Reference[], cb: (ref: O.Reference) => boolean | void): boolean {
	for (const ref of refs) if (cb(ref)) return true;
	return false;
}

export function iterateCacheRefs(cache: O.CachedMetadata, cb: (ref: O.ReferenceCache) => boolean | void): boolean {
	for (const ref of [...(cache.links ?? []), ...(cache.embeds ?? [])]) if (cb(ref)) return true;
	return false;
}

export function stripHeading(heading: string): string {
	return heading
		.replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}

export function stripHeadingForLink(heading: string): string {
	return heading
		.replace(/[#|^\\%[\]:]/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}

export function resolveSubpath(
	cache: O.CachedMetadata,
	subpath: string,
): O.HeadingSubpathResult | O.BlockSubpathResult | O.FootnoteSubpathResult | null {
	const sp = subpath.replace(/^#/, "");
	if (sp.startsWith("^")) {
		const block = cache.blocks?.[sp.slice(1)];
		if (!block) return null;
		const list = cache.listItems?.find((li) => li.id === block.id);
		return { type: "block", block, list, start: block.position.start, end: block.position.end };
	}
	const parts = sp.split("#").map(stripHeading).filter(Boolean);
	const hs = cache.headings ?? [];
	let idx = -1;
	let from = 0;
	for (const part of parts) {
		idx = hs.findIndex((h, k) => k >= from && stripHeading(h.heading).toLowerCase() === part.toLowerCase());
		if (idx < 0) return null;
		from = idx + 1;
	}
	if (idx < 0) return null;
	const current = hs[idx];
	const next = hs.slice(idx + 1).find((h) => h.level <= current.level);
	return {
		type: "heading",
		current,
		next: next as O.HeadingCache,
		start: current.position.start,
		end: next ? next.position.start : null,
	};
}
