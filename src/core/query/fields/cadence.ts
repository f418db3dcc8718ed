/**
 * The cadence in force (the person's own or the default): `cadence monthly`, `cadence at most
 * 30 days`, `sort by cadence`, the cadence column.
 */
import { parseCadence, spanToDays } from "../../cadence";
import { plural } from "../text";
import type { Field, FilterDef, FilterInstruction } from "./field";
import { LENGTH_HINT, parseLength } from "./length";
import { missingLast } from "./missing-last";

/** The same nominal length (month 30 days, year 365), so `cadence monthly` also finds `30d`; ranges compare both ends. */
export interface CadenceFilter {
	kind: "cadence";
	text: string;
	lowDays: number;
	highDays: number;
}

/** The low end's nominal days compared with the length; people without a cadence never match. */
export interface CadenceBoundFilter {
	kind: "cadence bound";
	bound: "at most" | "at least";
	text: string;
	days: number;
}

const cadenceIs: FilterDef<CadenceFilter> = {
	kind: "cadence",
	instructions: [
		{
			heads: ["cadence is", "cadence"],
			usage: "cadence monthly",
			missing: "cadence needs a cadence, e.g. cadence monthly",
			parse(text, tiers) {
				const parsed = parseCadence(text, tiers);
				return parsed.ok
					? { kind: "cadence", text, lowDays: parsed.cadence.lowDays, highDays: parsed.cadence.highDays }
					: { error: parsed.error };
			},
		},
	],
	compile({ lowDays, highDays }) {
		return (r) => r.schedule.cadence !== null && r.schedule.cadence.lowDays === lowDays && r.schedule.cadence.highDays === highDays;
	},
	// `cadence is` keeps a tier called "is" (or "at …") from reading as another instruction.
	format: ({ text }) => (/^(is|at)(\s|$)/i.test(text) ? `cadence is ${text}` : `cadence ${text}`),
	explain({ lowDays, highDays }) {
		const length = lowDays === highDays ? plural(lowDays, "day") : `${lowDays}–${highDays} days`;
		return `cadence of ${length} (counting a month as 30 days, a year as 365)`;
	},
};

function bounded(bound: "at most" | "at least", usage: string): FilterInstruction<CadenceBoundFilter> {
	const head = `cadence ${bound}`;
	return {
		heads: [head],
		usage,
		missing: `${head} needs a length of time; ${LENGTH_HINT}`,
		parse(text, tiers) {
			const length = parseLength(text, tiers);
			return "error" in length ? length : { kind: "cadence bound", bound, text, days: spanToDays(length) };
		},
	};
}

const cadenceBound: FilterDef<CadenceBoundFilter> = {
	kind: "cadence bound",
	instructions: [bounded("at most", "cadence at most 30 days"), bounded("at least", "cadence at least 2 weeks")],
	compile({ bound, days }) {
		return bound === "at most"
			? (r) => r.schedule.cadence !== null && r.schedule.cadence.lowDays <= days
			: (r) => r.schedule.cadence !== null && r.schedule.cadence.lowDays >= days;
	},
	format: ({ bound, text }) => `cadence ${bound} ${text}`,
	explain: ({ bound, days }) => `cadence (its low end) of ${bound} ${plural(days, "day")}; no cadence excluded`,
};

export const cadence = {
	name: "cadence",
	// The longer phrases first: a "did you mean" tie goes to the earlier head.
	filters: [cadenceBound, cadenceIs],
	sort: {
		compare: (reverse) => (a, b) => {
			const x = a.schedule.cadence;
			const y = b.schedule.cadence;
			return (
				missingLast(x?.lowDays ?? null, y?.lowDays ?? null, reverse) ||
				missingLast(x?.highDays ?? null, y?.highDays ?? null, reverse)
			);
		},
		explain: ["shortest cadence first", "longest cadence first"],
	},
	cell: ({ schedule }) => schedule.cadence?.label ?? "",
} as const satisfies Field;
