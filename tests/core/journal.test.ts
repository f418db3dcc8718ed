import { describe, expect, it } from "vitest";
import { dayFromYmd, formatDay } from "../../src/core/dates";
import { compileJournal, DEFAULT_JOURNAL } from "../../src/core/journal";
import { compileJournalFormat } from "../../src/core/journal-format";
import { compileRules } from "../../src/core/rules";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { NO_VAULT_FACTS, vaultFacts, type VaultConfig } from "../../src/core/vault-config";

function read(format: string, name: string): string | null {
	const compiled = compileJournalFormat(format);
	if (!compiled) throw new Error(`${format} did not compile`);
	const day = compiled.read(name);
	return day === null ? null : formatDay(day);
}

describe("journal note names in moment formats", () => {
	it.each([
		["YYYY-MM-DD", "2026-11-20", "2026-11-20"],
		["DD.MM.YYYY", "20.11.2026", "2026-11-20"],
		["YYYY-MM-DD dddd", "2026-11-20 Friday", "2026-11-20"],
		["dddd, MMMM Do YYYY", "Friday, November 20th 2026", "2026-11-20"],
		["D MMM YYYY", "3 Nov 2026", "2026-11-03"],
		["YYYY/MM/YYYY-MM-DD", "2026/11/2026-11-20", "2026-11-20"],
		["YY-MM-DD", "26-11-20", "2026-11-20"],
		["[Daily] YYYY-MM-DD", "Daily 2026-11-20", "2026-11-20"],
		["YYYYMMDD", "20261120", "2026-11-20"],
	])("%s reads %s", (format, name, iso) => {
		expect(read(format, name)).toBe(iso);
	});

	it.each([
		["YYYY-MM-DD", "2026-11-31"],
		["YYYY-MM-DD", "2026-11-20 notes"],
		["YYYY-MM-DD", "Meeting 2026-11-20"],
		["YYYY/MM/YYYY-MM-DD", "2026/10/2026-11-20"],
		["DD.MM.YYYY", "2026-11-20"],
	])("%s does not read %s", (format, name) => {
		expect(read(format, name)).toBeNull();
	});

	it.each(["YYYY-[W]WW", "HH:mm", "MMMM YYYY", "Q YYYY", "YYYY-MM-DD [unclosed"])("%s names no day", (format) => {
		expect(compileJournalFormat(format)).toBeNull();
	});
});

describe("which notes are journal notes", () => {
	const settings = (patch: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...patch });
	const d = (y: number, m: number, day: number) => dayFromYmd(y, m, day);

	it("by default, notes in Daily/ named YYYY-MM-DD, and notes with a date property", () => {
		const journal = compileJournal(settings(), NO_VAULT_FACTS);
		expect(journal.sources).toEqual([DEFAULT_JOURNAL]);
		expect(journal.dayOf("Daily/2026-11-20.md", null)).toBe(d(2026, 11, 20));
		expect(journal.dayOf("daily/2026-11-20.md", null)).toBe(d(2026, 11, 20));
		expect(journal.dayOf("Daily/2026-11-20.png", null)).toBeNull();
		expect(journal.dayOf("Notes/2026-11-20.md", null)).toBeNull();
		expect(journal.dayOf("Dailies/2026-11-20.md", null)).toBeNull();
		// A folder in another Unicode composition (macOS names files decomposed).
		const equipe = compileJournal(settings({ journalSources: [{ folder: "Équipe", format: "YYYY-MM-DD" }] }), NO_VAULT_FACTS);
		expect(equipe.dayOf("E\u0301quipe/2026-11-20.md", null)).toBe(d(2026, 11, 20));
		expect(equipe.dayOf("équipe/2026-11-20.md", null)).toBe(d(2026, 11, 20));
		expect(journal.dayOf("Meetings/Kickoff.md", { date: "2026-11-18" })).toBe(d(2026, 11, 18));
		expect(journal.dayOf("Meetings/Kickoff.md", { Date: "2026-11-18T09:30" })).toBe(d(2026, 11, 18));
		expect(journal.dayOf("Meetings/Kickoff.md", { date: "soon" })).toBeNull();
	});

	it("the Daily notes core plugin's folder and format when it is on; the settings' sources first", () => {
		const facts = vaultFacts({
			corePlugins: { "daily-notes": true },
			dailyNotes: { folder: "Journal", format: "DD-MM-YYYY" },
		} as VaultConfig);
		expect(compileJournal(settings(), facts).dayOf("Journal/20-11-2026.md", null)).toBe(d(2026, 11, 20));
		expect(compileJournal(settings(), facts).dayOf("Daily/2026-11-20.md", null)).toBeNull();
		const own = compileJournal(settings({ journalSources: [{ folder: "Log", format: "YYYY-MM-DD" }] }), facts);
		expect(own.dayOf("Log/2026-11-20.md", null)).toBe(d(2026, 11, 20));
		expect(own.dayOf("Journal/20-11-2026.md", null)).toBeNull();
		// At the vault root, and without a format (the plugin's default).
		const root = vaultFacts({ corePlugins: ["daily-notes"], dailyNotes: {} } as VaultConfig);
		expect(compileJournal(settings(), root).dayOf("2026-11-20.md", null)).toBe(d(2026, 11, 20));
	});

	it("dated notes count only while the setting is on", () => {
		expect(
			compileJournal(settings({ countDatedNotes: false }), NO_VAULT_FACTS).dayOf("Meetings/Kickoff.md", { date: "2026-11-18" }),
		).toBeNull();
	});

	it("a journal source whose format names no day is said among the settings' problems", () => {
		const rules = compileRules(settings({ journalSources: [{ folder: "Weekly", format: "YYYY-[W]WW" }] }), NO_VAULT_FACTS);
		expect(rules.problems).toEqual(["journal format 'YYYY-[W]WW' (Weekly) names no day; use YYYY, MM and DD"]);
	});
});

describe("the vault's configuration", () => {
	const config = (parts: Partial<VaultConfig>): VaultConfig => ({
		corePlugins: null,
		communityPlugins: null,
		templates: null,
		dailyNotes: null,
		templater: null,
		...parts,
	});

	it("excludes the Templates core plugin's folder while the plugin is on", () => {
		expect(vaultFacts(config({ templates: { folder: "Tpl" } })).templatesFolders).toEqual(["Tpl"]);
		expect(vaultFacts(config({ templates: { folder: "Tpl" }, corePlugins: { templates: true } })).templatesFolders).toEqual(["Tpl"]);
		expect(vaultFacts(config({ templates: { folder: "Tpl" }, corePlugins: { templates: false } })).templatesFolders).toEqual([]);
		expect(vaultFacts(config({ templates: { folder: "Tpl" }, corePlugins: ["file-explorer"] })).templatesFolders).toEqual([]);
	});

	it("excludes Templater's folder while Templater is on", () => {
		const templater = { templates_folder: "Templater" };
		expect(vaultFacts(config({ templater, communityPlugins: ["templater-obsidian"] })).templatesFolders).toEqual(["Templater"]);
		expect(vaultFacts(config({ templater, communityPlugins: ["dataview"] })).templatesFolders).toEqual([]);
		expect(
			vaultFacts(
				config({
					templater,
					templates: { folder: "Tpl" },
					communityPlugins: ["templater-obsidian"],
					corePlugins: { templates: true },
				}),
			).templatesFolders,
		).toEqual(["Tpl", "Templater"]);
	});

	it("takes the daily notes' folder only while the core plugin is on", () => {
		expect(vaultFacts(config({ dailyNotes: { folder: "J" } })).dailyNotes).toBeNull();
		expect(vaultFacts(config({ dailyNotes: { folder: "J" }, corePlugins: { "daily-notes": false } })).dailyNotes).toBeNull();
		expect(vaultFacts(config({ dailyNotes: { folder: "J" }, corePlugins: { "daily-notes": true } })).dailyNotes).toEqual({
			folder: "J",
			format: "YYYY-MM-DD",
		});
	});
});
