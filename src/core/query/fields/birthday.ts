/**
 * The next birthday: `birthday within`, `sort by birthday`, the birthday column.
 */
import { addSpan } from "../../cadence";
import { formatDay } from "../../dates";
import { formatBirthday } from "../../person";
import { relativeDays } from "../text";
import type { Field, FilterDef } from "./field";
import { within, type WithinFilter } from "./length";
import { missingLast } from "./missing-last";

export type BirthdayWithinFilter = WithinFilter<"birthday within">;

const birthdayWithin: FilterDef<BirthdayWithinFilter> = {
	kind: "birthday within",
	instructions: [within("birthday within", "birthday within 30 days")],
	compile({ span }, { today }) {
		const until = addSpan(today, span);
		return (r) => r.schedule.nextBirthday !== null && r.schedule.nextBirthday >= today && r.schedule.nextBirthday <= until;
	},
	format: ({ text }) => `birthday within ${text}`,
	explain: ({ span }, { today }) => `birthday between ${formatDay(today)} and ${formatDay(addSpan(today, span))}`,
};

export const birthday = {
	name: "birthday",
	filters: [birthdayWithin],
	sort: {
		aliases: ["next birthday"],
		compare: (reverse) => (a, b) => missingLast(a.schedule.nextBirthday, b.schedule.nextBirthday, reverse),
		explain: ["next birthday first", "furthest birthday first"],
	},
	cell({ person, schedule }, today) {
		if (person.birthday === null) return "";
		const date = formatBirthday(person.birthday, "");
		if (schedule.nextBirthday === null) return date;
		const until = schedule.nextBirthday - today;
		return `${date} (${until === 0 ? "today" : relativeDays(-until)})`;
	},
} as const satisfies Field;
