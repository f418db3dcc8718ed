/**
 * The name: `name includes`, `sort by name`, the name column.
 */
import { compareNames } from "../../schedule";
import { quoted, unquote } from "../argument-text";
import { foldText } from "../text";
import type { Field, FilterDef } from "./field";

export interface NameIncludesFilter {
	kind: "name includes";
	text: string;
}

const EMPTY = "name includes needs some text, e.g. name includes ada";

/** Case-insensitive substring of the name or an alias. */
const nameIncludes: FilterDef<NameIncludesFilter> = {
	kind: "name includes",
	instructions: [
		{
			heads: ["name includes", "name contains"],
			usage: "name includes TEXT",
			missing: EMPTY,
			parse(arg) {
				const text = unquote(arg);
				return text.trim() === "" ? { error: EMPTY } : { kind: "name includes", text };
			},
		},
	],
	compile({ text }) {
		const needle = foldText(text);
		return (r) => foldText(r.person.name).includes(needle) || r.person.aliases.some((a) => foldText(a).includes(needle));
	},
	format: ({ text }) => `name includes ${quoted(text)}`,
	explain: ({ text }) => `the name or an alias contains "${text}" (any case)`,
};

export const name = {
	name: "name",
	filters: [nameIncludes],
	sort: {
		compare: (reverse) => (reverse ? (a, b) => compareNames(b.person, a.person) : (a, b) => compareNames(a.person, b.person)),
		explain: ["A to Z", "Z to A"],
	},
	cell: ({ person }) => person.name,
} as const satisfies Field;
