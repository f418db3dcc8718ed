/**
 * What needs attention: values that could not be understood (a whole frontmatter that cannot be
 * read included) and dates after today: `has problems`, the problems column.
 */
import type { Field, FilterDef } from "./field";

export interface HasProblemsFilter {
	kind: "has problems";
}

const hasProblems: FilterDef<HasProblemsFilter> = {
	kind: "has problems",
	instructions: [{ heads: ["has problems"], usage: "has problems", parse: () => ({ kind: "has problems" }) }],
	compile: () => (r) => r.schedule.problems.length > 0,
	format: () => "has problems",
	explain: () => "a value could not be understood, or a date is after today",
};

export const problems = {
	name: "problems",
	aliases: ["problem"],
	filters: [hasProblems],
	cell: ({ schedule }) => schedule.problems.join("; "),
} as const satisfies Field;
