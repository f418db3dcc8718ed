/**
 * The public person record (declared in `src/stay-in-touch-api.d.ts`): what the CLI prints with
 * --json and what the plugin API returns. Plain JSON, dates as YYYY-MM-DD strings.
 */
import { formatDay, type Day } from "./dates";
import { formatBirthday } from "./person";
import type { Scheduled } from "./schedule";
import type { PersonRecord } from "../stay-in-touch-api";

export type { PersonRecord };

function day(d: Day | null): string | null {
	return d === null ? null : formatDay(d);
}

export function toRecord({ person, schedule }: Scheduled): PersonRecord {
	return {
		name: person.name,
		path: person.path,
		status: schedule.status,
		lastContact: day(schedule.lastContact),
		lastContactSource: schedule.lastContactSource,
		cadence: schedule.cadence?.label ?? null,
		cadenceDays: schedule.cadence?.lowDays ?? null,
		dueDate: day(schedule.dueDay),
		daysOverdue: schedule.daysOverdue,
		urgency: schedule.urgency === null ? null : Math.round(schedule.urgency * 1000) / 1000,
		owedFavors: person.owedFavors.map((f) => f.raw),
		owedToMe: person.owedToMe.map((f) => f.raw),
		problems: [...schedule.problems],
		aliases: [...person.aliases],
		tags: [...person.tags],
		folder: person.folder,
		snoozeUntil: day(person.snoozeUntil),
		birthday: person.birthday ? formatBirthday(person.birthday) : null,
		nextBirthday: day(schedule.nextBirthday),
	};
}
