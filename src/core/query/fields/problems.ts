/**
 * Frontmatter values that could not be understood: `has problems`, the problems column.
 */
import type { Field, FilterDef } from "./field";

export interface HasProblemsFilter {
	kind: "has problems";
}

const hasProblems: FilterDef<HasProblemsFilter> = {
	kind: "has problems",
	instructions: [{ heads: ["has problems"], usage: "has problems", parse: () => ({ kind: "has problems" }) }],
	compile: () => (r) => r.person.problems.length > 0,
	format: () => "has problems",
	explain: () => "a frontmatter value could not be understood",
};

export const problems = {
	name: "problems",
	aliases: ["problem"],
	filters: [hasProblems],
	cell: ({ person }) => person.problems.join("; "),
} as const satisfies Field;
