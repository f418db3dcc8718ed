import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { comparePeople, compareNames, type Scheduled } from "../../src/core/schedule";
import { SidebarGroups, sidebarModel, type GroupId } from "../../src/core/sidebar-model";
import { settings, scheduled, today } from "./query/fixtures";

const person = fc.record({
	name: fc.constantFrom("Ada", "ada", "Bob", "Émile", "P2", "P10", "Zoë"),
	cadence: fc.constantFrom(undefined, "weekly", "monthly", "2-3 weeks", "quarterly", "sometimes"),
	last: fc.constantFrom(undefined, "2026-11-25", "2026-11-01", "2026-09-15", "2025-01-01"),
	owed: fc.constantFrom([], ["a book"], ["2026-10-01: a book"], ["2026-06-01: a loan", "a book"]),
	owedToMe: fc.constantFrom([], ["lunch"], ["2026-11-20: lunch"], ["2026-03-01: a talk"]),
	birthday: fc.constantFrom(undefined, "12-01", "11-26", "06-01"),
	snooze: fc.constantFrom(undefined, "2026-12-31"),
});

type Spec = typeof person extends fc.Arbitrary<infer T> ? T : never;

function one(path: string, p: Spec): Scheduled {
	return scheduled(path, {
		cadence: p.cadence,
		last_contact: p.last,
		owed_favors: p.owed,
		owed_to_me: p.owedToMe,
		birthday: p.birthday,
		snooze_until: p.snooze,
	});
}

function build(specs: Spec[]): Scheduled[] {
	return specs.map((p, i) => one(`People/${i}/${p.name}.md`, p)).sort(comparePeople);
}

/** "You owe" first, then "owes you"; within each, the longest-owed dated favor first, undated ones last. */
function favorKey(s: Scheduled): string {
	const mine = s.person.owedFavors.length > 0;
	const favors = mine ? s.person.owedFavors : s.person.owedToMe;
	const days = favors.map((f) => f.day).filter((d): d is number => d !== null);
	return `${mine ? 0 : 1}:${days.length > 0 ? String(Math.min(...days)).padStart(8, "0") : "~"}`;
}

/** Each group by its SPEC rule and order, everything sorted: what the model must show a prefix of. */
function reference(list: Scheduled[], window: number): Partial<Record<GroupId, Scheduled[]>> {
	const byName = (a: Scheduled, b: Scheduled) => compareNames(a.person, b.person);
	const where = (keep: (s: Scheduled) => boolean, compare?: (a: Scheduled, b: Scheduled) => number) => {
		const rows = list.filter(keep);
		return compare ? rows.sort(compare) : rows;
	};
	return {
		overdue: where((s) => s.schedule.status === "overdue"),
		soon: where(
			(s) => s.schedule.status === "due" || s.schedule.status === "soon",
			(a, b) => (a.schedule.dueDay ?? 0) - (b.schedule.dueDay ?? 0) || byName(a, b),
		),
		favors: where(
			(s) => s.person.owedFavors.length + s.person.owedToMe.length > 0,
			(a, b) => (favorKey(a) < favorKey(b) ? -1 : favorKey(a) > favorKey(b) ? 1 : 0) || byName(a, b),
		),
		birthdays: where(
			(s) => s.schedule.daysUntilBirthday !== null && s.schedule.daysUntilBirthday <= window,
			(a, b) => (a.schedule.daysUntilBirthday ?? 0) - (b.schedule.daysUntilBirthday ?? 0) || byName(a, b),
		),
		never: where((s) => s.schedule.status === "never", byName),
		problems: where((s) => s.person.problems.length > 0, byName),
	};
}

describe("sidebarModel", () => {
	it("shows each group's first rows in SPEC order, however often and with whatever page sizes it is asked", () => {
		fc.assert(
			fc.property(
				fc.array(person, { maxLength: 60 }),
				fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }),
				fc.constantFrom(0, 14, 30),
				(specs, pages, window) => {
					const list = build(specs);
					const s = { ...settings, birthdayWindowDays: window };
					const expected = reference(list, window);
					// The same list again and again: later calls may reuse what earlier ones ordered.
					for (const page of pages) {
						const model = sidebarModel(list, "", today, s, () => page);
						for (const group of model.groups) {
							const all = expected[group.id] ?? [];
							expect(group.count).toBe(all.length);
							expect(group.rows.map((r) => r.person.path)).toEqual(all.slice(0, page).map((r) => r.person.path));
						}
						expect(model.groups.map((g) => g.id)).toEqual(
							Object.entries(expected)
								.filter(([, rows]) => rows.length > 0)
								.map(([id]) => id),
						);
					}
				},
			),
			{ numRuns: 300 },
		);
	});

	it("keeps the same groups and order per change as a fresh grouping of everyone", () => {
		fc.assert(
			fc.property(
				fc.array(person, { maxLength: 40 }),
				fc.array(fc.record({ add: fc.boolean(), spec: person, pick: fc.nat() }), { maxLength: 30 }),
				fc.integer({ min: 0, max: 12 }),
				(initial, changes, page) => {
					let list = build(initial);
					const kept = new SidebarGroups(list, settings.birthdayWindowDays);
					let n = list.length;
					for (const change of changes) {
						if (change.add || list.length === 0) {
							const added = one(`Added/${n++}/${change.spec.name}.md`, change.spec);
							kept.add(added);
							list = [...list, added].sort(comparePeople);
						} else {
							const removed = list[change.pick % list.length];
							kept.remove(removed);
							list = list.filter((s) => s !== removed);
						}
					}
					const expected = reference(list, settings.birthdayWindowDays);
					const model = sidebarModel(list, "", today, settings, () => page, kept);
					expect(model.groups.map((g) => [g.id, g.count, g.rows.map((r) => r.person.path)])).toEqual(
						Object.entries(expected)
							.filter(([, rows]) => rows.length > 0)
							.map(([id, rows]) => [id, rows.length, rows.slice(0, page).map((r) => r.person.path)]),
					);
				},
			),
			{ numRuns: 300 },
		);
	});

	it("groups again when the birthday window is not the one the kept groups were built for", () => {
		const list = build([
			{ name: "Ada", cadence: "weekly", last: "2026-11-25", owed: [], owedToMe: [], birthday: "12-01", snooze: undefined },
		]);
		const kept = new SidebarGroups(list, 14);
		const birthdays = (window: number) =>
			sidebarModel(list, "", today, { ...settings, birthdayWindowDays: window }, undefined, kept).groups.find(
				(g) => g.id === "birthdays",
			)?.count ?? 0;
		expect(birthdays(14)).toBe(1);
		expect(birthdays(2)).toBe(0);
		expect(birthdays(14)).toBe(1);
	});
});
