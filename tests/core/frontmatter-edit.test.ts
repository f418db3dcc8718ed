import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { dayFromYmd, type Day } from "../../src/core/dates";
import { findFavor, stripFavorDate } from "../../src/core/favors";
import { findKeySpelling, FrontmatterDoc, normalizeKey, yamlString } from "../../src/core/frontmatter-edit";
import { sameYamlValue } from "../../src/core/yaml-values";

function day(iso: string): Day {
	const [y, m, d] = iso.split("-").map(Number);
	return dayFromYmd(y, m, d);
}

type Outcome = { text: string } | { error: string };

/** Opens `text`, runs the edits, and applies the splice: the note as it would be written. */
function edit(text: string, run: (doc: FrontmatterDoc) => string | null | { ok: boolean; error?: string }): Outcome {
	const opened = FrontmatterDoc.open(text, load);
	if (!opened.ok) return { error: opened.error };
	const r = run(opened.doc);
	if (typeof r === "string") return { error: r };
	if (r && !r.ok) return { error: r.error ?? "?" };
	const fm = opened.doc.finish();
	if (!fm.ok) return { error: fm.error };
	return { text: text.slice(0, fm.from) + fm.text + text.slice(fm.to) };
}

const set = (text: string, iso = "2026-11-26", mode: "max" | "set" = "set") => edit(text, (d) => d.setDate("last_contact", day(iso), mode));
const add = (text: string, item: string, key = "owed_favors") => edit(text, (d) => d.addToList(key, item));
const remove = (text: string, item: string, key = "owed_favors") => edit(text, (d) => d.removeFromList(key, item));

describe("keys", () => {
	it("normalises spelling variants", () => {
		for (const k of ["last_contact", "last-contact", "lastContact", "LastContact", "Last Contact", " last  contact "]) {
			expect(normalizeKey(k)).toBe("lastcontact");
		}
	});

	it("finds the spelling used, exact first", () => {
		expect(findKeySpelling(["name", "Last Contact"], "last_contact")).toBe("Last Contact");
		expect(findKeySpelling(["lastContact", "last_contact"], "last_contact")).toBe("last_contact");
		expect(findKeySpelling(["name"], "last_contact")).toBeUndefined();
	});
});

describe("yamlString", () => {
	it.each([
		["intro to Sam", "intro to Sam"],
		["it's fine", "it's fine"],
		["2026-11-01: intro to Sam", '"2026-11-01: intro to Sam"'],
		["a # b", '"a # b"'],
		["a#b", "a#b"],
		["ends:", '"ends:"'],
		["", '""'],
		[" padded", '" padded"'],
		["[x]", '"[x]"'],
		["{x}", '"{x}"'],
		["*star", '"*star"'],
		["&anchor", '"&anchor"'],
		["!tag", '"!tag"'],
		["|pipe", '"|pipe"'],
		[">fold", '">fold"'],
		["'q'", `"'q'"`],
		['"q"', '"\\"q\\""'],
		["%p", '"%p"'],
		["@at", '"@at"'],
		["`tick`", '"`tick`"'],
		["- dash", '"- dash"'],
		["? q", '"? q"'],
		["true", '"true"'],
		["No", '"No"'],
		["null", '"null"'],
		["~", '"~"'],
		["42", '"42"'],
		["3 beers", '"3 beers"'],
		["-1", '"-1"'],
		[".5", '".5"'],
		[".inf", '".inf"'],
		["line\nbreak", '"line\\nbreak"'],
		["tab\there", '"tab\\there"'],
		["back\\slash", "back\\slash"],
		["a, b", "a, b"],
	])("writes %j as %s", (value, want) => {
		expect(yamlString(value)).toBe(want);
		expect(load(`k: ${want}`)).toEqual({ k: value });
	});

	it("quotes flow indicators inside a flow list", () => {
		expect(yamlString("a, b", true)).toBe('"a, b"');
		expect(yamlString("x]", true)).toBe('"x]"');
		expect(load(`k: [${yamlString("a, b", true)}, ${yamlString("c}", true)}]`)).toEqual({ k: ["a, b", "c}"] });
	});

	it("escapes characters YAML reads as line breaks", () => {
		const s = "a\u2028b\u0085c";
		expect(load(`k: ${yamlString(s)}`)).toEqual({ k: s });
	});
});

describe("opening", () => {
	it.each([
		["---\nname: [\n---\n", /^the frontmatter is not valid YAML: /],
		["---\na: 1\na: 2\n---\n", /^the frontmatter is not valid YAML: duplicated mapping key/],
		["---\n- a\n- b\n---\n", /^the frontmatter is a list, not a set of properties$/],
		["---\njust text\n---\n", /^the frontmatter is a single value \(string\), not a set of properties$/],
		["---\nname: x\n", /not closed/],
	])("refuses %j", (text, error) => {
		const r = FrontmatterDoc.open(text, load);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error).toMatch(error);
			expect(r.error).not.toContain("\n");
		}
	});

	it("treats an empty or comment-only block as no properties", () => {
		for (const text of ["---\n---\n", "---\n# just a comment\n---\n"]) {
			const r = FrontmatterDoc.open(text, load);
			expect(r.ok && r.doc.data).toEqual({});
		}
	});
});

describe("setDate", () => {
	it.each([
		["plain", "---\nlast_contact: 2026-01-01\n---\nbody", "---\nlast_contact: 2026-11-26\n---\nbody"],
		[
			"single-quoted with comment",
			"---\nlast_contact: '2026-01-01'  # when we met\n---\n",
			"---\nlast_contact: '2026-11-26'  # when we met\n---\n",
		],
		["double-quoted", '---\nlast_contact: "2026-01-01"\n---\n', '---\nlast_contact: "2026-11-26"\n---\n'],
		["plain with comment", "---\nlast_contact: 2026-01-01 # c\n---\n", "---\nlast_contact: 2026-11-26 # c\n---\n"],
		["spelled lastContact", "---\nlastContact: 2026-01-01\n---\n", "---\nlastContact: 2026-11-26\n---\n"],
		["spelled Last Contact", "---\nLast Contact: 2026-01-01\n---\n", "---\nLast Contact: 2026-11-26\n---\n"],
		["quoted key", '---\n"last-contact": 2026-01-01\n---\n', '---\n"last-contact": 2026-11-26\n---\n'],
		["null", "---\nlast_contact:\nname: x\n---\n", "---\nlast_contact: 2026-11-26\nname: x\n---\n"],
		["null with comment", "---\nlast_contact:   # fill in\n---\n", "---\nlast_contact: 2026-11-26   # fill in\n---\n"],
		["tilde", "---\nlast_contact: ~\n---\n", "---\nlast_contact: 2026-11-26\n---\n"],
		["empty string", "---\nlast_contact: ''\n---\n", "---\nlast_contact: '2026-11-26'\n---\n"],
		["date-time", "---\nlast_contact: 2026-01-01T10:00\n---\n", "---\nlast_contact: 2026-11-26\n---\n"],
		["value on the next line", "---\nlast_contact:\n  2026-01-01\nname: x\n---\n", "---\nlast_contact: 2026-11-26\nname: x\n---\n"],
		[
			"missing",
			"---\nname: Jane # the name\ntags: [a]\n---\n",
			"---\nname: Jane # the name\ntags: [a]\nlast_contact: 2026-11-26\n---\n",
		],
		["missing, empty block", "---\n---\nx", "---\nlast_contact: 2026-11-26\n---\nx"],
		[
			"CRLF",
			"---\r\nname: x\r\nlast_contact: 2026-01-01\r\n---\r\nbody\r\n",
			"---\r\nname: x\r\nlast_contact: 2026-11-26\r\n---\r\nbody\r\n",
		],
		["CRLF, missing", "---\r\nname: x\r\n---\r\n", "---\r\nname: x\r\nlast_contact: 2026-11-26\r\n---\r\n"],
		["BOM", "\uFEFF---\nlast_contact: 2026-01-01\n---\n", "\uFEFF---\nlast_contact: 2026-11-26\n---\n"],
		["no frontmatter", "# Jane\n", "---\nlast_contact: 2026-11-26\n---\n# Jane\n"],
		["no frontmatter, CRLF", "# Jane\r\nx\r\n", "---\r\nlast_contact: 2026-11-26\r\n---\r\n# Jane\r\nx\r\n"],
		["no frontmatter, BOM", "\uFEFF# Jane", "\uFEFF---\nlast_contact: 2026-11-26\n---\n# Jane"],
		["empty file", "", "---\nlast_contact: 2026-11-26\n---\n"],
		["frontmatter only, no final newline", "---\nname: x\n---", "---\nname: x\nlast_contact: 2026-11-26\n---"],
		[
			"keeps comments and other keys",
			"---\n# top comment\nname: 'Jane' # quoted\nlast_contact: 2026-01-01\n\n# trailing\n---\n",
			"---\n# top comment\nname: 'Jane' # quoted\nlast_contact: 2026-11-26\n\n# trailing\n---\n",
		],
	])("%s", (_, text, want) => {
		expect(set(text)).toEqual({ text: want });
	});

	it("never moves a date back in max mode", () => {
		const text = "---\nlast_contact: 2026-12-01 # later\n---\n";
		expect(set(text, "2026-11-26", "max")).toEqual({ text });
		expect(set(text, "2026-12-02", "max")).toEqual({ text: "---\nlast_contact: 2026-12-02 # later\n---\n" });
	});

	it("leaves the note alone when the date is already there", () => {
		const text = "---\nlast_contact: 2026-11-26T09:00\n---\n";
		expect(set(text)).toEqual({ text });
	});

	it.each([
		["---\nlast_contact: soon\n---\n", "last_contact 'soon' is not a date; write it as YYYY-MM-DD; fix it in the note first"],
		["---\nlastContact: 2026-02-30\n---\n", "lastContact '2026-02-30' is not a real calendar date; fix it in the note first"],
		["---\nlast_contact: [2026-01-01]\n---\n", "last_contact a list is not a date; write it as YYYY-MM-DD; fix it in the note first"],
	])("refuses to overwrite a value that is not a date: %j", (text, error) => {
		expect(set(text)).toEqual({ error });
	});

	it("refuses a frontmatter it cannot edit line by line", () => {
		expect(set("---\n{name: x}\n---\n")).toEqual({
			error: "the frontmatter is laid out in a way this plugin cannot edit safely, so nothing was written",
		});
		expect(set("---\n? last_contact\n: 2026-01-01\n---\n")).toEqual({
			error: "last_contact is written in a way this plugin cannot edit safely",
		});
	});
});

describe("addToList", () => {
	const item = "2026-11-26: intro to Sam";
	it.each([
		[
			"block list",
			"---\nowed_favors:\n  - a\n  - b # note\nname: x\n---\n",
			'---\nowed_favors:\n  - a\n  - b # note\n  - "2026-11-26: intro to Sam"\nname: x\n---\n',
		],
		[
			"block list at column 0",
			"---\nowed_favors:\n- a\nname: x\n---\n",
			'---\nowed_favors:\n- a\n- "2026-11-26: intro to Sam"\nname: x\n---\n',
		],
		[
			"block list with wide dash",
			"---\nowed_favors:\n    -   a\n---\n",
			'---\nowed_favors:\n    -   a\n    -   "2026-11-26: intro to Sam"\n---\n',
		],
		[
			"block list with multi-line item and comments",
			"---\nowed_favors: # mine\n  - >\n    long\n    text\n  # between\n  - b\n\n# after\nname: x\n---\n",
			'---\nowed_favors: # mine\n  - >\n    long\n    text\n  # between\n  - b\n  - "2026-11-26: intro to Sam"\n\n# after\nname: x\n---\n',
		],
		[
			"block list of quoted items",
			"---\nowed_favors:\n  - '2026-01-01: x'\n---\n",
			"---\nowed_favors:\n  - '2026-01-01: x'\n  - \"2026-11-26: intro to Sam\"\n---\n",
		],
		["flow list", "---\nowed_favors: [a, b]\n---\n", '---\nowed_favors: [a, b, "2026-11-26: intro to Sam"]\n---\n'],
		[
			"flow list with comment",
			"---\nowed_favors: [ 'a' ]  # c\n---\n",
			"---\nowed_favors: [ 'a', \"2026-11-26: intro to Sam\" ]  # c\n---\n",
		],
		["empty flow list", "---\nowed_favors: []\n---\n", '---\nowed_favors: ["2026-11-26: intro to Sam"]\n---\n'],
		[
			"empty flow list with space",
			"---\nowed_favors: [ ] # none\n---\n",
			'---\nowed_favors: ["2026-11-26: intro to Sam"] # none\n---\n',
		],
		["null", "---\nowed_favors:\nname: x\n---\n", '---\nowed_favors:\n  - "2026-11-26: intro to Sam"\nname: x\n---\n'],
		["null with comment", "---\nowed_favors: # none yet\n---\n", '---\nowed_favors: # none yet\n  - "2026-11-26: intro to Sam"\n---\n'],
		[
			"null, other lists at column 0",
			"---\ntags:\n- a\nowed_favors: ~\n---\n",
			'---\ntags:\n- a\nowed_favors:\n- "2026-11-26: intro to Sam"\n---\n',
		],
		[
			"single favor as a scalar",
			"---\nowed_favors: lunch # one\n---\n",
			'---\nowed_favors: # one\n  - lunch\n  - "2026-11-26: intro to Sam"\n---\n',
		],
		["missing", "---\nname: x\n---\n", '---\nname: x\nowed_favors:\n  - "2026-11-26: intro to Sam"\n---\n'],
		["spelled owedFavors", "---\nowedFavors: [a]\n---\n", '---\nowedFavors: [a, "2026-11-26: intro to Sam"]\n---\n'],
		[
			"CRLF block list",
			"---\r\nowed_favors:\r\n  - a\r\n---\r\n",
			'---\r\nowed_favors:\r\n  - a\r\n  - "2026-11-26: intro to Sam"\r\n---\r\n',
		],
		["no frontmatter", "body", '---\nowed_favors:\n  - "2026-11-26: intro to Sam"\n---\nbody'],
	])("%s", (_, text, want) => {
		expect(add(text, item)).toEqual({ text: want });
	});

	it("adds several items in one edit", () => {
		expect(edit("---\nowed_to_me: []\n---\n", (d) => d.addToList("owed_to_me", "a, b") ?? d.addToList("owed_to_me", "c"))).toEqual({
			text: '---\nowed_to_me: ["a, b", c]\n---\n',
		});
		expect(edit("---\n---\n", (d) => d.addToList("owed_to_me", "a") ?? d.addToList("owed_to_me", "b"))).toEqual({
			text: "---\nowed_to_me:\n  - a\n  - b\n---\n",
		});
	});

	it.each([
		["a mapping", "---\nowed_favors:\n  a: 1\n---\n", "owed_favors is not a list, so a favor cannot be added to it"],
		[
			"a multi-line flow list",
			"---\nowed_favors: [a,\n  b]\n---\n",
			"owed_favors is written in a way this plugin cannot edit safely; add the favor by hand",
		],
		[
			"an alias",
			"---\nx: &l [a]\nowed_favors: *l\n---\n",
			"owed_favors is written in a way this plugin cannot edit safely; add the favor by hand",
		],
	])("refuses %s", (_, text, error) => {
		expect(add(text, item)).toEqual({ error });
	});
});

describe("removeFromList", () => {
	it.each([
		["first of a block list", "---\nowed_favors:\n  - intro to Sam\n  - b\n---\n", "---\nowed_favors:\n  - b\n---\n"],
		[
			"last of a block list",
			"---\nowed_favors:\n  - a\n  - intro to Sam # c\nname: x\n---\n",
			"---\nowed_favors:\n  - a\nname: x\n---\n",
		],
		[
			"with a date prefix",
			'---\nowed_favors:\n  - a\n  - "2026-11-01: intro to Sam"\n  - c\n---\n',
			"---\nowed_favors:\n  - a\n  - c\n---\n",
		],
		[
			"an unquoted dated item (a mapping in YAML)",
			"---\nowed_favors:\n  - 2026-11-01: intro to Sam\n---\n",
			"---\nowed_favors:\n---\n",
		],
		["a multi-line item", "---\nowed_favors:\n  - >-\n    intro to\n    Sam\n  - b\n---\n", "---\nowed_favors:\n  - b\n---\n"],
		["ignoring case", "---\nowed_favors:\n  - Intro to  SAM\n---\n", "---\nowed_favors:\n---\n"],
		[
			"the only one of a block list",
			"---\nowed_favors: # mine\n  - intro to Sam\nname: x\n---\n",
			"---\nowed_favors: # mine\nname: x\n---\n",
		],
		["first of a flow list", "---\nowed_favors: ['intro to Sam', b, c]\n---\n", "---\nowed_favors: [b, c]\n---\n"],
		["middle of a flow list", '---\nowed_favors: [a, "2026-11-01: intro to Sam", c] # x\n---\n', "---\nowed_favors: [a, c] # x\n---\n"],
		["last of a flow list", "---\nowed_favors: [a, intro to Sam]\n---\n", "---\nowed_favors: [a]\n---\n"],
		["the only one of a flow list", "---\nowed_favors: [intro to Sam]\n---\n", "---\nowed_favors: []\n---\n"],
		["a scalar", "---\nowed_favors: intro to Sam # one\n---\n", "---\nowed_favors: # one\n---\n"],
		[
			"the first of two equal items",
			"---\nowed_favors:\n  - intro to Sam\n  - intro to Sam\n---\n",
			"---\nowed_favors:\n  - intro to Sam\n---\n",
		],
	])("%s", (_, text, want) => {
		expect(remove(text, "intro to Sam")).toEqual({ text: want });
	});

	it("matches a target given with its date", () => {
		expect(remove("---\nowed_favors: [intro to Sam]\n---\n", "2026-11-01: intro to Sam")).toEqual({
			text: "---\nowed_favors: []\n---\n",
		});
	});

	it("reports the removed favor's text without its date", () => {
		const opened = FrontmatterDoc.open('---\nowed_to_me:\n  - "2026-11-01: Book loan"\n---\n', load);
		expect(opened.ok && opened.doc.removeFromList("owed_to_me", "book loan")).toEqual({ ok: true, removed: "Book loan" });
	});

	it.each([
		["---\nowed_favors: [a]\n---\n", '"intro to Sam" is not in owed_favors'],
		["---\nowedFavors:\n  - a\n---\n", '"intro to Sam" is not in owedFavors'],
		["---\nname: x\n---\n", '"intro to Sam" is not in owed_favors'],
		["---\nowed_favors:\n---\n", '"intro to Sam" is not in owed_favors'],
		["", '"intro to Sam" is not in owed_favors'],
	])("reports a favor that is not there: %j", (text, error) => {
		expect(remove(text, "intro to Sam")).toEqual({ error });
	});
});

describe("removeKey", () => {
	it.each([
		["---\nname: x\nsnooze_until: 2026-12-01 # c\ntags: [a]\n---\n", "---\nname: x\ntags: [a]\n---\n"],
		["---\nsnooze_until:\n  2026-12-01\n# keep\n---\n", "---\n# keep\n---\n"],
		["---\nname: x\n---\n", "---\nname: x\n---\n"],
		["no frontmatter", "no frontmatter"],
	])("removes the key from %j", (text, want) => {
		expect(edit(text, (d) => d.removeKey("snooze_until"))).toEqual({ text: want });
	});
});

describe("helpers", () => {
	it("strips a favor's date", () => {
		expect(stripFavorDate(" 2026-11-01:  intro to Sam ")).toBe("intro to Sam");
		expect(stripFavorDate("intro: Sam")).toBe("intro: Sam");
	});

	it("finds favors exactly first, then loosely", () => {
		expect(findFavor(["Intro", "intro"], "intro")).toBe(1);
		expect(findFavor(["2026-01-01: Intro"], "INTRO")).toBe(0);
		expect(findFavor([{ "2026-01-01": "intro" }, 5], "5")).toBe(1);
		expect(findFavor([["intro"]], "intro")).toBe(-1);
		// Two favors that differ only by their date: the one written so, in either YAML form.
		expect(findFavor(["2026-01-01: intro to Sam", "2026-03-01: intro to Sam"], "2026-03-01: intro to Sam")).toBe(1);
		expect(findFavor([{ "2026-01-01": "intro to Sam" }, { "2026-03-01": "intro to Sam" }], "2026-03-01: intro to Sam")).toBe(1);
		expect(findFavor(["2026-01-01: intro to Sam", "2026-03-01: intro to Sam"], "intro to Sam")).toBe(0);
	});

	it("compares parsed YAML values structurally", () => {
		expect(sameYamlValue({ a: [1, { b: new Date(5) }] }, { a: [1, { b: new Date(5) }] })).toBe(true);
		expect(sameYamlValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(sameYamlValue([1], { 0: 1 })).toBe(false);
		expect(sameYamlValue(NaN, NaN)).toBe(true);
	});
});
