/**
 * A length of time as an argument (`due within`, `birthday within`, `cadence at most`).
 */
import { parseCadence, type Span } from "../../cadence";
import { truncate } from "../../dates";
import type { FilterInstruction, Problem } from "./field";

export const LENGTH_HINT = "try 10 days, 2 weeks or 1 month";

const ZERO_RE = /^0+\s*([a-z]*)$/i;

/**
 * Anything the cadence parser reads as one length, plus zero ("due within 0 days" = due today or
 * overdue).
 */
export function parseLength(text: string, tiers: Record<string, string>): Span | Problem {
	const zero = ZERO_RE.exec(text);
	if (zero && (zero[1] === "" || parseCadence(`1 ${zero[1]}`, {}).ok)) return { months: 0, days: 0 };
	const parsed = parseCadence(text, tiers);
	if (!parsed.ok) {
		// The cadence parser's generic hint talks about cadences; here a plain length is wanted.
		return {
			error: parsed.error.includes("is not a cadence")
				? `'${truncate(text, 60)}' is not a length of time; ${LENGTH_HINT}`
				: parsed.error,
		};
	}
	if (parsed.cadence.isRange) return { error: `'${truncate(text, 60)}' is a range; give one length, like 2 weeks` };
	return { ...parsed.cadence.low };
}

export interface WithinFilter<K extends string> {
	kind: K;
	/** As written (for formatting); `span` is what it means. */
	text: string;
	span: Span;
}

/** `due within 2 weeks`, `birthday within 30 days`: the kind is the instruction's words. */
export function within<K extends string>(kind: K, usage: string): FilterInstruction<WithinFilter<K>> {
	return {
		heads: [kind],
		usage,
		missing: `${kind} needs a length of time; ${LENGTH_HINT}`,
		parse(arg) {
			const span = parseLength(arg, {});
			return "error" in span ? span : { kind, text: arg, span };
		},
	};
}
