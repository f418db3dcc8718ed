import { describe, expect, it } from "vitest";
import { cameDueSince, cameDueText } from "../../src/core/came-due";
import { appendDigest } from "../../src/core/digest";
import { buildPerson } from "../../src/core/person";
import { computeSchedule, defaultCadence } from "../../src/core/schedule";
import { defaultSettings } from "../../src/core/settings";
import { d } from "./helpers";

const settings = defaultSettings();
const today = d("2026-11-26");
const one = (fm: Record<string, unknown>) => {
	const person = buildPerson({ path: "People/X.md", frontmatter: fm }, settings);
	return { person, schedule: computeSchedule(person, { today, settings, defaultCadence: defaultCadence(settings) }) };
};

describe("what came due while the vault was closed", () => {
	it.each([
		// weekly, last contact → overdue day; last opened; counted as
		["2026-11-18", "2026-11-25", { overdue: 1, due: 0 }], // overdue day 11-25: not overdue yet on 11-25
		["2026-11-17", "2026-11-25", { overdue: 0, due: 0 }], // overdue day 11-24: already overdue on 11-25
		["2026-11-19", "2026-11-25", { overdue: 0, due: 1 }], // due today, not due on 11-25
		["2026-11-19", "2026-11-26", { overdue: 0, due: 0 }], // opened today already
		["2026-11-20", "2026-11-01", { overdue: 0, due: 0 }], // not due yet
	])("last contact %s, last opened %s → %o", (last, opened, counts) => {
		expect(cameDueSince([one({ cadence: "weekly", last_contact: last })], d(opened), today)).toEqual(counts);
	});

	it("words it", () => {
		expect(cameDueText({ overdue: 2, due: 0 })).toBe("2 people became overdue since you last opened this vault");
		expect(cameDueText({ overdue: 0, due: 1 })).toBe("1 person came due since you last opened this vault");
		expect(cameDueText({ overdue: 0, due: 0 })).toBeNull();
	});
});

describe("appending the digest to a daily note", () => {
	const digest = "> [!note] Stay in touch digest, 2026-11-26\n>\n> ### Overdue\n>\n> - [[Ada]]\n";
	it.each([
		["", digest],
		["# Thu\n", `# Thu\n\n${digest}`],
		["# Thu", `# Thu\n\n${digest}`],
		["# Thu\r\n", `# Thu\r\n\r\n${digest.replace(/\n/g, "\r\n")}`],
	])("%j", (note, after) => {
		expect(appendDigest(note, digest)).toBe(after);
	});

	it("leaves a note that has a digest alone", () => {
		expect(appendDigest(`# Thu\n\n${digest}more\n`, digest)).toBeNull();
		expect(appendDigest("# Thu\n\n# Stay in touch digest, 2026-11-25\n", digest)).toBeNull();
		expect(appendDigest("# Thu\n\n>[!NOTE]- Stay in touch digest, 2026-11-25\n", digest)).toBeNull();
	});
});
