/**
 * Obsidian's search helpers: fuzzy and simple search, match rendering, result sorting.
 * Scores: higher is better (Obsidian's are ≤ 0; so are ours).
 */
import type * as O from "obsidian";

function mergeRanges(ranges: O.SearchMatches): O.SearchMatches {
	const out: O.SearchMatches = [];
	for (const r of ranges.slice().sort((a, b) => a[0] - b[0])) {
		const last = out[out.length - 1];
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else out.push([r[0], r[1]]);
	}
	return out;
}

/** Every non-space query character must appear in order (case-insensitive). */
export function prepareFuzzySearch(query: string): (text: string) => O.SearchResult | null {
	const q = query.toLowerCase().replace(/\s+/g, "");
	return (text: string) => {
		if (!q) return { score: 0, matches: [] };
		const t = text.toLowerCase();
		const matches: O.SearchMatches = [];
		let pos = 0;
		let score = 0;
		let prev = -2;
		for (const ch of q) {
			const found = t.indexOf(ch, pos);
			if (found < 0) return null;
			const gap = found - pos;
			const wordStart = found === 0 || /[\s\-_/.]/.test(t[found - 1]);
			score -= gap * (prev < 0 ? 0.05 : 1);
			if (found === prev + 1) score += 0.5;
			if (wordStart) score += 0.3;
			matches.push([found, found + 1]);
			prev = found;
			pos = found + 1;
		}
		score -= (t.length - q.length) * 0.01;
		return { score: Math.min(0, score - 0.0001), matches: mergeRanges(matches) };
	};
}

/** Every whitespace-separated word of the query must be a substring (case-insensitive). */
export function prepareSimpleSearch(query: string): (text: string) => O.SearchResult | null {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	return (text: string) => {
		if (!words.length) return { score: 0, matches: [] };
		const t = text.toLowerCase();
		const matches: O.SearchMatches = [];
		let score = 0;
		for (const w of words) {
			const i = t.indexOf(w);
			if (i < 0) return null;
			matches.push([i, i + w.length]);
			score -= i;
		}
		return { score: score - 0.0001 * t.length, matches: mergeRanges(matches) };
	};
}

/** Older Obsidian API, kept for plugins that still call it. */
export interface PreparedQuery {
	query: string;
	tokens: string[];
	fuzzy: string[];
}

export function prepareQuery(query: string): PreparedQuery {
	const q = query.toLowerCase();
	return { query: q, tokens: q.split(/\s+/).filter(Boolean), fuzzy: q.replace(/\s+/g, "").split("") };
}

export function fuzzySearch(q: PreparedQuery, text: string): O.SearchResult | null {
	return prepareFuzzySearch(q.query)(text);
}

export function renderMatches(el: HTMLElement | DocumentFragment, text: string, matches: O.SearchMatches | null, offset = 0): void {
	let pos = 0;
	for (const [a0, b0] of matches ?? []) {
		const a = a0 + offset;
		const b = b0 + offset;
		if (b <= 0 || a >= text.length) continue;
		const from = Math.max(0, a);
		const to = Math.min(text.length, b);
		if (from > pos) el.appendChild(document.createTextNode(text.slice(pos, from)));
		const span = document.createElement("span");
		span.className = "suggestion-highlight";
		span.textContent = text.slice(from, to);
		el.appendChild(span);
		pos = to;
	}
	if (pos < text.length) el.appendChild(document.createTextNode(text.slice(pos)));
}

export function renderResults(el: HTMLElement, text: string, result: O.SearchResult, offset?: number): void {
	renderMatches(el, text, result.matches, offset);
}

export function sortSearchResults(results: O.SearchResultContainer[]): void {
	results.sort((a, b) => b.match.score - a.match.score);
}
