/**
 * The writer's promise, checked from the outside: the written text is the original with some
 * lines inserted (the entry, and the section heading when it was missing) and some frontmatter
 * lines of the keys it manages replaced; dropping the inserted lines and putting the replaced
 * ones back gives the original bytes. Nothing here uses the writer's own scanners.
 */
import { CORE_SCHEMA, load } from "js-yaml";
import { diffLines, splitLines, undoDiff } from "./diff";

const BOM = "\uFEFF";

/** Keys the writer may touch, compared the way the plugin tolerates spellings. */
const TOUCHED = new Set(["lastcontact", "owedfavors", "owedtome"]);

export function keyOf(key: string): string {
	return key.toLowerCase().replace(/[\s_-]/g, "");
}

function content(line: string): string {
	return line.replace(/\r?\n$/, "");
}

/** Index of the closing fence when the first line opens a frontmatter block (`---` … `---`). */
function frontmatterClose(lines: readonly string[]): number {
	if (lines.length === 0 || !/^---[ \t]*$/.test(content(lines[0]))) return -1;
	// Only `---` closes it, as in Obsidian (a YAML `...` line does not).
	for (let i = 1; i < lines.length; i++) if (/^---[ \t]*$/.test(content(lines[i]))) return i;
	return -1;
}

const KEY_LINE = /^([^\s#-][^:]*):/;

/**
 * Whether line `i` (inside a frontmatter block) belongs to a key the writer manages: that key's
 * own line, or an item/continuation line under it. Comments and blank lines never do.
 */
function isManagedAt(lines: readonly string[], i: number): boolean {
	const text = content(lines[i]);
	if (text.trim() === "" || /^\s*#/.test(text)) return false;
	for (let k = i; k >= 1; k--) {
		const key = KEY_LINE.exec(content(lines[k]));
		if (key) return TOUCHED.has(keyOf(key[1]));
	}
	return false;
}

export interface Expectation {
	/** The entry's lines, without line endings, exactly as they must appear. */
	entryLines: readonly string[];
	/** The heading the writer creates when the log section is missing. */
	heading?: string;
}

/** What is wrong with `result` as a surgical edit of `original`; empty when nothing is. */
export function surgicalViolations(original: string, result: string, want: Expectation): string[] {
	const problems: string[] = [];
	const bom = original.startsWith(BOM);
	if (result.startsWith(BOM) !== bom) problems.push(bom ? "the BOM was dropped" : "a BOM was added");
	const o = bom ? original.slice(1) : original;
	const r = result.startsWith(BOM) ? result.slice(1) : result;
	const nl = o.indexOf("\n");
	const eol = nl > 0 && o[nl - 1] === "\r" ? "\r\n" : "\n";
	if (o !== "" && o.endsWith("\n") !== r.endsWith("\n")) problems.push("the final newline was added or removed");
	// A note without a final newline gets its entry after a new line break and still ends
	// without one; padding both sides with one line ending makes that a plain line insertion.
	const pad = o !== "" && !o.endsWith("\n") ? eol : "";
	const before = splitLines(o + pad);
	const after = splitLines(r + pad);
	const oClose = frontmatterClose(before);
	const rClose = frontmatterClose(after);
	if (oClose >= 0 && rClose < 0) return [...problems, "the frontmatter block is gone"];

	// The frontmatter: only lines of the managed keys may differ (a new block: fences and those lines).
	const oFm = before.slice(0, oClose + 1);
	const rFm = after.slice(0, rClose + 1);
	const fmDiff = diffLines(oFm, rFm, 200);
	if (!fmDiff) return [...problems, "more than 200 frontmatter lines changed"];
	for (const i of fmDiff.deleted) {
		if (i === 0 || i === oClose) problems.push(`a frontmatter fence was changed: ${JSON.stringify(oFm[i])}`);
		else if (!isManagedAt(oFm, i)) problems.push(`frontmatter line ${i + 1} of another key was changed: ${JSON.stringify(oFm[i])}`);
	}
	for (const j of fmDiff.inserted) {
		const fence = oClose < 0 && (j === 0 || j === rClose) && content(rFm[j]) === "---";
		if (!fence && !(j > 0 && j < rClose && isManagedAt(rFm, j)))
			problems.push(`an unexpected frontmatter line was written: ${JSON.stringify(rFm[j])}`);
		if (!rFm[j].endsWith(eol) || (eol === "\n" && rFm[j].endsWith("\r\n")))
			problems.push(`line ${JSON.stringify(rFm[j])} does not end with the note's line ending`);
	}

	// The body: one block inserted, nothing removed or changed.
	const oBody = before.slice(oClose + 1);
	const rBody = after.slice(rClose + 1);
	const bodyDiff = diffLines(oBody, rBody, 200);
	if (!bodyDiff) return [...problems, "more than 200 body lines changed"];
	for (const i of bodyDiff.deleted) problems.push(`body line ${oClose + 2 + i} was changed or removed: ${JSON.stringify(oBody[i])}`);
	const ins = bodyDiff.inserted;
	if (ins.length > 0 && ins[ins.length - 1] - ins[0] + 1 !== ins.length)
		problems.push(`the body lines were not inserted as one block: ${JSON.stringify(ins)}`);
	for (const j of ins) {
		if (!rBody[j].endsWith(eol) || (eol === "\n" && rBody[j].endsWith("\r\n")))
			problems.push(`line ${JSON.stringify(rBody[j])} does not end with the note's line ending`);
	}
	const written = ins.map((j) => content(rBody[j])).filter((l) => l.trim() !== "");
	const heading = want.heading ?? "## Interactions";
	const withHeading = [heading, ...want.entryLines];
	// An entry takes the marker of the list it joins (`* `, `3. `), its further lines indented to match.
	const marker = /^(?:[*+]|\d{1,9}[.)]) /.exec(written.find((l) => !l.startsWith("#")) ?? "");
	const asWritten = (line: string, i: number, lines: readonly string[]) => {
		if (!marker || !want.entryLines.includes(line)) return line;
		const first = i === lines.indexOf(want.entryLines[0]);
		return first ? marker[0] + line.slice(2) : " ".repeat(marker[0].length - 2) + line;
	};
	const sameAs = (lines: readonly string[]) =>
		written.length === lines.length && lines.every((l, i) => written[i] === asWritten(l, i, lines));
	if (!sameAs(want.entryLines) && !sameAs(withHeading))
		problems.push(`the body gained ${JSON.stringify(written)}, not the entry ${JSON.stringify(want.entryLines)}`);
	const blanks = ins.filter((j) => content(rBody[j]).trim() === "").length;
	// One blank line right after the entry may keep the text that follows (a paragraph, perhaps a
	// setext heading's) from becoming the new item's lazy continuation line.
	const last = ins[ins.length - 1];
	const guard =
		blanks === 1 && content(rBody[last]).trim() === "" && rBody[last + 1] !== undefined && content(rBody[last + 1]).trim() !== "";
	if (blanks > 0 && !sameAs(withHeading) && !guard) problems.push("blank lines were inserted into an existing log");

	// Dropping what was inserted and putting back what was replaced gives the original bytes.
	const restored = [...undoDiff(oFm, rFm, fmDiff), ...undoDiff(oBody, rBody, bodyDiff)].join("");
	if (restored !== o + pad) problems.push("undoing the edit does not give the original bytes");
	return problems;
}

/** The frontmatter as js-yaml (core schema, as Obsidian and the CLI read it) sees it; null when there is none or it does not parse. */
export function frontmatterData(text: string): Record<string, unknown> | null {
	const lines = splitLines(text.startsWith(BOM) ? text.slice(1) : text);
	const close = frontmatterClose(lines);
	if (close < 0) return null;
	const source = lines.slice(1, close).join("");
	// Like Obsidian's parseYaml: a block of blank lines and comments holds no properties.
	if (source.replace(/#.*$/gm, "").trim() === "") return {};
	try {
		const data = load(source, { schema: CORE_SCHEMA }) as unknown;
		if (data === null || data === undefined) return {};
		return typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/** Frontmatter keys other than the managed ones whose values changed. */
export function unmanagedChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !TOUCHED.has(keyOf(k))));
	return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
