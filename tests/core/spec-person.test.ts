/**
 * SPEC "Frontmatter": `owed_favors` / `owed_to_me` are "list of strings, optionally
 * `YYYY-MM-DD: text` (the date it was incurred)", and "a value that can't be understood is never
 * silently ignored".
 */
import { describe, expect, it } from "vitest";
import { buildPerson } from "../../src/core/person";
import { defaultSettings } from "../../src/core/settings";
import { d } from "./helpers";

const person = (frontmatter: Record<string, unknown>) => buildPerson({ path: "People/Ann.md", frontmatter }, defaultSettings());

describe("SPEC: a favor's date prefix", () => {
	it("reads the date a favor was incurred, quoted or not", () => {
		const quoted = person({ owed_favors: ["2026-11-01: intro to Sam"] });
		const unquoted = person({ owed_favors: [{ "2026-11-01": "intro to Sam" }] });
		for (const p of [quoted, unquoted]) {
			expect(p.owedFavors.map((f) => [f.text, f.day])).toEqual([["intro to Sam", d("2026-11-01")]]);
			expect(p.problems).toEqual([]);
		}
	});

	it("says when the date prefix is not a real date, quoted as well as unquoted, and keeps the favor", () => {
		const quoted = person({ owed_to_me: ["2026-02-30: a lift to the airport"] });
		expect(quoted.owedToMe).toHaveLength(1);
		expect(quoted.owedToMe[0].raw).toBe("2026-02-30: a lift to the airport");
		expect(quoted.problems).toEqual(["owed_to_me '2026-02-30' is not a real calendar date"]);
		const unquoted = person({ owed_to_me: [{ "2026-02-30": "a lift to the airport" }] });
		expect(unquoted.problems).toEqual(["owed_to_me '2026-02-30' is not a real calendar date"]);
	});
});
