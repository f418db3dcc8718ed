import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { followFolderRename, isPersonNote, type RecognitionContext } from "../../src/core/recognition";
import { defaultSettings, migrateSettings, type Settings } from "../../src/core/settings";
import { frontmatterTags, inlineTags } from "../../src/core/tags";

function ctx(patch: Partial<Settings> = {}, templatesFolder: string | null = "Templates"): RecognitionContext {
	return { settings: { ...defaultSettings(), ...patch }, templatesFolders: templatesFolder === null ? [] : [templatesFolder] };
}

describe("isPersonNote", () => {
	it.each([
		["People/Ada Lovelace.md", {}, [], true, "in the people folder"],
		["people/work/Ada.md", {}, [], true, "in a subfolder, any case"],
		["Peoples/Ada.md", {}, [], false, "a folder that merely starts with the name"],
		["Notes/Ada.md", {}, ["person"], true, "tagged #person"],
		["Notes/Ada.md", {}, ["#Person/Work"], true, "tagged with a nested person tag"],
		["Notes/Ada.md", {}, ["personal"], false, "a tag that only starts with the same letters"],
		["Notes/Ada.md", { type: "person" }, [], true, "with the marker"],
		["Notes/Ada.md", { Type: "Person" }, [], true, "with the marker in other capitals"],
		["Notes/Ada.md", { type: ["client", "person"] }, [], true, "with the marker in a list"],
		["Notes/Ada.md", { type: "project" }, [], false, "with another type"],
		["Notes/Ada.md", null, [], false, "with nothing"],
		["People/Ada.canvas", {}, [], false, "not markdown"],
		["Templates/Person.md", { type: "person" }, ["person"], false, "in the templates folder"],
	] as [string, unknown, string[], boolean, string][])("%s %o %o → %s (%s)", (path, fm, tags, expected) => {
		expect(isPersonNote(path, fm, tags, ctx())).toBe(expected);
	});

	it("excluded folders win over every rule", () => {
		const c = ctx({ excludedFolders: ["People/Archive"] });
		expect(isPersonNote("People/Archive/Bob.md", { type: "person" }, ["person"], c)).toBe(false);
		expect(isPersonNote("People/Bob.md", {}, [], c)).toBe(true);
		// An explicit exclusion list replaces the templates-folder default.
		expect(isPersonNote("Templates/Person.md", { type: "person" }, [], c)).toBe(true);
	});

	it("reads a marker value written with a # as the note's value is read, without it", () => {
		const c: RecognitionContext = { settings: migrateSettings({ markerValue: "#Person" }), templatesFolders: [] };
		expect(c.settings.markerValue).toBe("Person");
		expect(isPersonNote("Notes/Ada.md", { type: "person" }, [], c)).toBe(true);
		expect(isPersonNote("Notes/Ada.md", { type: "#person" }, [], c)).toBe(true);
	});

	it("finds a people folder whatever Unicode composition the path or the setting has", () => {
		expect(isPersonNote("E\u0301quipe/Zoé.md", {}, [], ctx({ peopleFolders: ["Équipe"] }))).toBe(true);
		expect(isPersonNote("Équipe/Zoé.md", {}, [], ctx({ peopleFolders: ["E\u0301quipe"] }))).toBe(true);
		expect(
			isPersonNote("E\u0301quipe/Archive/Zoé.md", {}, [], ctx({ peopleFolders: ["Équipe"], excludedFolders: ["équipe/archive"] })),
		).toBe(false);
	});

	it("honours disabled rules and several people folders", () => {
		const c = ctx({ useFolders: false, useTag: false, peopleFolders: ["People", "Contacts"] });
		expect(isPersonNote("People/Ada.md", {}, ["person"], c)).toBe(false);
		expect(isPersonNote("People/Ada.md", { type: "person" }, [], c)).toBe(true);
		const folders = ctx({ peopleFolders: ["People", "/Contacts/"] });
		expect(isPersonNote("Contacts/Zed.md", {}, [], folders)).toBe(true);
	});

	it("never throws on arbitrary frontmatter and tags", () => {
		fc.assert(
			fc.property(fc.string(), fc.anything(), fc.array(fc.string()), (path, fm, tags) => {
				expect(typeof isPersonNote(path, fm, tags, ctx())).toBe("boolean");
			}),
		);
	});
});

describe("tags", () => {
	it("reads frontmatter tags as lists or strings", () => {
		expect(frontmatterTags({ tags: ["#Person", "work"] })).toEqual(["person", "work"]);
		expect(frontmatterTags({ tags: "person, work" })).toEqual(["person", "work"]);
		expect(frontmatterTags({ Tag: "person" })).toEqual(["person"]);
		expect(frontmatterTags({ tags: [{ x: 1 }, null] })).toEqual([]);
	});

	it("finds inline tags outside code and comments", () => {
		const body = [
			"Met at #conference/2026 with #Person.",
			"```",
			"#notatag",
			"```",
			"`#inline-code` and <!-- #hidden --> and #123 and issue#5",
			"<!--",
			"#alsohidden",
			"-->",
			"# Heading #person/work",
		].join("\n");
		expect(inlineTags(body)).toEqual(["conference/2026", "person", "person/work"]);
	});
});

describe("followFolderRename", () => {
	const settings = (peopleFolders: string[], excludedFolders: string[] = []) => ({
		...defaultSettings(),
		peopleFolders,
		excludedFolders,
	});

	it("moves a people or excluded folder at or under the renamed one, in any case, keeping the rest as written", () => {
		expect(followFolderRename(settings(["People", "Clients"], ["people/Archive"]), "People", "Contacts")).toEqual({
			peopleFolders: ["Contacts", "Clients"],
			excludedFolders: ["Contacts/Archive"],
		});
		expect(followFolderRename(settings(["/Work/People/"]), "Work", "Job")).toEqual({
			peopleFolders: ["Job/People"],
			excludedFolders: [],
		});
	});

	it("compares folder names whose lower case has another length, segment by segment", () => {
		expect(followFolderRename(settings(["İnsanlar/İş"]), "İnsanlar", "People")).toEqual({
			peopleFolders: ["People/İş"],
			excludedFolders: [],
		});
	});

	it("leaves settings alone for a folder that only starts with the same letters, or is above none", () => {
		expect(followFolderRename(settings(["People"]), "Peo", "X")).toBeNull();
		expect(followFolderRename(settings(["People"]), "Peoples", "X")).toBeNull();
		expect(followFolderRename(settings(["People/Work"]), "People/Home", "X")).toBeNull();
	});
});
