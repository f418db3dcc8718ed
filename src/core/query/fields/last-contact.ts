/**
 * The last contact: `never contacted`, `contacted since|before DATE`, `sort by last contact`, the
 * last contact column.
 */
import { parseDateInput } from "../../date-input";
import { dayFromYmd, formatDay } from "../../dates";
import { relativeDays } from "../text";
import { never, type Field, type FilterDef, type FilterInstruction } from "./field";
import { missingLast } from "./missing-last";

/** No contact recorded at all, tracked or not. */
export interface NeverContactedFilter {
	kind: "never contacted";
}

/** The date stays text: relative forms (`3 months ago`) are resolved against each run's today. */
export interface ContactedFilter {
	kind: "contacted";
	when: "since" | "before";
	date: string;
}

/**
 * Date arguments are checked when parsing but resolved again on every run, against that run's
 * today. Checking needs some day; this one also reads well as the example in error hints
 * ("try today, yesterday, 3 days ago or 2026-06-01").
 */
const VALIDATION_DAY = dayFromYmd(2026, 6, 1);

const neverContacted: FilterDef<NeverContactedFilter> = {
	kind: "never contacted",
	instructions: [{ heads: ["never contacted"], usage: "never contacted", parse: () => ({ kind: "never contacted" }) }],
	compile: () => (r) => r.schedule.lastContact === null,
	format: () => "never contacted",
	explain: () => "no contact recorded at all, with or without a cadence",
};

function contactedWhen(when: "since" | "before"): FilterInstruction<ContactedFilter> {
	const head = `contacted ${when}`;
	return {
		heads: [head],
		usage: `${head} DATE`,
		missing: `${head} needs a date, e.g. 2026-06-01 or 3 months ago`,
		parse(date) {
			const probe = parseDateInput(date, VALIDATION_DAY);
			return probe.ok ? { kind: "contacted", when, date } : { error: probe.error };
		},
	};
}

const contacted: FilterDef<ContactedFilter> = {
	kind: "contacted",
	instructions: [contactedWhen("since"), contactedWhen("before")],
	compile(filter, { today }, errors) {
		const resolved = parseDateInput(filter.date, today);
		if (!resolved.ok) {
			errors.push(`'${contacted.format(filter)}': ${resolved.error}`);
			return never;
		}
		const day = resolved.day;
		return filter.when === "since"
			? (r) => r.schedule.lastContact !== null && r.schedule.lastContact >= day
			: (r) => r.schedule.lastContact !== null && r.schedule.lastContact < day;
	},
	format: ({ when, date }) => `contacted ${when} ${date}`,
	explain({ when, date }, { today }) {
		const day = parseDateInput(date, today);
		const shown = day.ok ? formatDay(day.day) : `(${day.error})`;
		return when === "since" ? `last contact on or after ${shown}` : `last contact before ${shown}; never contacted excluded`;
	},
};

export const lastContact = {
	name: "last contact",
	aliases: ["lastcontact", "last contacted"],
	filters: [neverContacted, contacted],
	sort: {
		// "never" is the oldest contact of all, so it leads (and trails when reversed).
		compare: (reverse) => (a, b) => missingLast(a.schedule.lastContact ?? -Infinity, b.schedule.lastContact ?? -Infinity, reverse),
		explain: ["longest ago first, never contacted leading", "most recent first, never contacted last"],
	},
	cell: ({ schedule }, today) =>
		schedule.lastContact === null ? "never" : `${formatDay(schedule.lastContact)} (${relativeDays(today - schedule.lastContact)})`,
} as const satisfies Field;
