/**
 * Drifting (core/drift.ts): no cadence, a regular rhythm of contact, and a silence of more than
 * twice that rhythm. `drifting` selects them; the rhythm column says "usually every 3 weeks".
 */
import { MIN_CONTACTS, rhythmText } from "../../drift";
import type { Field, FilterDef } from "./field";

export interface DriftingFilter {
	kind: "drifting";
}

const drifting: FilterDef<DriftingFilter> = {
	kind: "drifting",
	instructions: [{ heads: ["drifting"], usage: "drifting", parse: () => ({ kind: "drifting" }) }],
	compile: () => (r) => r.schedule.drift !== null,
	format: () => "drifting",
	explain: () => `no cadence, at least ${MIN_CONTACTS} contacts at a regular rhythm, and silent for more than twice that rhythm`,
};

export const rhythm = {
	name: "rhythm",
	aliases: ["drift"],
	filters: [drifting],
	cell: ({ schedule }) => (schedule.drift === null ? "" : rhythmText(schedule.drift)),
} as const satisfies Field;
