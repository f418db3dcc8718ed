/**
 * Plain-text table cells, shared by the rendered query block and the CLI's table. Day counts are
 * worked out from `today` and the schedule's absolute days, so a cell never disagrees with the
 * day it is shown on.
 */
import { formatDay, type Day } from "../dates";
import { formatBirthday } from "../person";
import type { Scheduled } from "../schedule";
import { plural, relativeDays } from "./text";
import type { Column } from "./types";

/** "12 days overdue", "due today", "due in 3 days", "due 2 days ago" (inside a range), "snoozed until …". */
export function dueText({ person, schedule }: Scheduled, today: Day): string {
	if (schedule.status === "snoozed" && person.snoozeUntil !== null) return `snoozed until ${formatDay(person.snoozeUntil)}`;
	if (schedule.dueDay === null || schedule.overdueDay === null) return "";
	if (today > schedule.overdueDay) return `${plural(today - schedule.overdueDay, "day")} overdue`;
	if (today === schedule.dueDay) return "due today";
	return `due ${relativeDays(today - schedule.dueDay)}`;
}

/** "you owe 1 · owes you 2": who owes whom, never just a bare count. */
function favorsText({ person }: Scheduled): string {
	const parts: string[] = [];
	if (person.owedFavors.length > 0) parts.push(`you owe ${person.owedFavors.length}`);
	if (person.owedToMe.length > 0) parts.push(`owes you ${person.owedToMe.length}`);
	return parts.join(" · ");
}

export function cellText(column: Column, row: Scheduled, today: Day): string {
	const { person, schedule } = row;
	switch (column) {
		case "name":
			return person.name;
		case "status":
			return schedule.status;
		case "last contact":
			return schedule.lastContact === null ? "never" : `${formatDay(schedule.lastContact)} (${relativeDays(today - schedule.lastContact)})`;
		case "cadence":
			return schedule.cadence?.label ?? "";
		case "due":
			return dueText(row, today);
		case "favors":
			return favorsText(row);
		case "urgency":
			return schedule.urgency === null ? "" : schedule.urgency.toFixed(2);
		case "tags":
			return person.tags.map((t) => `#${t}`).join(", ");
		case "folder":
			return person.folder === "" ? "/" : person.folder;
		case "birthday": {
			if (person.birthday === null) return "";
			const date = formatBirthday(person.birthday, "");
			if (schedule.nextBirthday === null) return date;
			const until = schedule.nextBirthday - today;
			return `${date} (${until === 0 ? "today" : relativeDays(-until)})`;
		}
		case "aliases":
			return person.aliases.join(", ");
		case "problems":
			return person.problems.join("; ");
	}
	return "";
}
