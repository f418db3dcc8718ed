/**
 * Favors either way: `has owed favors` (you owe them), `owes me` (they owe you), `has favors`
 * (either), the favors column.
 */
import type { Scheduled } from "../../schedule";
import type { Field, FilterDef, FilterInstruction } from "./field";

/** `owed`: I owe them; `owed to me`: they owe me; `any`: either. */
export interface FavorsFilter {
	kind: "favors";
	which: "owed" | "owed to me" | "any";
}

const HEADS: Record<FavorsFilter["which"], readonly string[]> = {
	owed: ["has owed favors", "has owed favours"],
	"owed to me": ["owes me"],
	any: ["has favors", "has favours"],
};

function favorsInstruction(which: FavorsFilter["which"]): FilterInstruction<FavorsFilter> {
	return { heads: HEADS[which], usage: HEADS[which][0], parse: () => ({ kind: "favors", which }) };
}

const favorsFilter: FilterDef<FavorsFilter> = {
	kind: "favors",
	instructions: [favorsInstruction("owed"), favorsInstruction("owed to me"), favorsInstruction("any")],
	compile({ which }) {
		if (which === "owed") return (r) => r.person.owedFavors.length > 0;
		if (which === "owed to me") return (r) => r.person.owedToMe.length > 0;
		return (r) => r.person.owedFavors.length > 0 || r.person.owedToMe.length > 0;
	},
	format: ({ which }) => HEADS[which][0],
	explain({ which }) {
		if (which === "owed") return "you owe them a favor";
		return which === "owed to me" ? "they owe you a favor" : "a favor open either way";
	},
};

/** "you owe 1 · owes you 2": who owes whom, never just a bare count. */
function favorsText({ person }: Scheduled): string {
	const parts: string[] = [];
	if (person.owedFavors.length > 0) parts.push(`you owe ${person.owedFavors.length}`);
	if (person.owedToMe.length > 0) parts.push(`owes you ${person.owedToMe.length}`);
	return parts.join(" · ");
}

export const favors = {
	name: "favors",
	aliases: ["favor", "favour", "favours"],
	filters: [favorsFilter],
	cell: favorsText,
} as const satisfies Field;
