/**
 * A log kept with `*` or `+` bullets, or as a numbered list, stays one list: markdown starts a
 * new list when the bullet character or the list type changes, so a `- ` entry between `* `
 * entries splits the log into separate lists, and one between `1.` and `2.` breaks the numbering.
 */
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { applyLog, type LogEntryInput } from "../../src/core/log-writer";
import { defaultSettings } from "../../src/core/settings";
import { d } from "./helpers";

function log(text: string, date: string, note = ""): string {
	const entry: LogEntryInput = { day: d(date), type: "call", note };
	const r = applyLog(text, entry, defaultSettings(), d("2026-11-27"), load);
	if (!r.ok) throw new Error(r.error);
	return r.text.replace(/^---\nlast_contact: \d{4}-\d{2}-\d{2}\n---\n/, "");
}

describe("a new entry takes the list marker of the log's entries", () => {
	it.each([
		[
			"* bullets, at the end",
			"## Log\n* 2026-11-01 — call\n* 2026-11-05 — call\n",
			"2026-11-26",
			"## Log\n* 2026-11-01 — call\n* 2026-11-05 — call\n* 2026-11-26 — call\n",
		],
		[
			"+ bullets, in between",
			"## Log\n+ 2026-11-01 — call\n+ 2026-11-05 — call\n",
			"2026-11-03",
			"## Log\n+ 2026-11-01 — call\n+ 2026-11-03 — call\n+ 2026-11-05 — call\n",
		],
		["* bullets, first", "## Log\n* 2026-11-01 — call\n", "2026-10-01", "## Log\n* 2026-10-01 — call\n* 2026-11-01 — call\n"],
		[
			"numbered, at the end",
			"## Log\n1. 2026-11-01 — call\n2. 2026-11-05 — call\n",
			"2026-11-26",
			"## Log\n1. 2026-11-01 — call\n2. 2026-11-05 — call\n3. 2026-11-26 — call\n",
		],
		[
			"numbered with ), in between",
			"## Log\n1) 2026-11-01 — call\n2) 2026-11-05 — call\n",
			"2026-11-03",
			"## Log\n1) 2026-11-01 — call\n2) 2026-11-03 — call\n2) 2026-11-05 — call\n",
		],
		["numbered, first", "## Log\n3. 2026-11-01 — call\n", "2026-10-01", "## Log\n3. 2026-10-01 — call\n3. 2026-11-01 — call\n"],
		["- bullets stay as they are", "## Log\n- 2026-11-01 — call\n", "2026-11-26", "## Log\n- 2026-11-01 — call\n- 2026-11-26 — call\n"],
		// The entry goes right above the - item, after a numbered list that a paragraph ended: it joins the - list.
		[
			"between two lists, the one below",
			"## Log\n1. 2026-11-01 — call\n\nThen we switched.\n\n- 2026-11-20 — call\n",
			"2026-11-10",
			"## Log\n1. 2026-11-01 — call\n\nThen we switched.\n\n- 2026-11-10 — call\n- 2026-11-20 — call\n",
		],
		[
			"numbered, loose (blank lines between)",
			"## Log\n1. 2026-11-01 — call\n\n2. 2026-11-05 — call\n",
			"2026-11-03",
			"## Log\n1. 2026-11-01 — call\n\n2. 2026-11-03 — call\n2. 2026-11-05 — call\n",
		],
	])("%s", (_, text, date, want) => {
		expect(log(text.replace("## Log", "## Interactions"), date)).toBe(want.replace("## Log", "## Interactions"));
	});

	it("indents a numbered entry's further lines under its text, so a list in the note stays inside it", () => {
		expect(log("## Interactions\n9. 2026-11-01 — call\n", "2026-11-26", "Agenda:\n- intro to Sam\n- the paper")).toBe(
			"## Interactions\n9. 2026-11-01 — call\n10. 2026-11-26 — call: Agenda:\n    - intro to Sam\n    - the paper\n",
		);
	});
});
