// @vitest-environment happy-dom
/**
 * Mentions in journal notes through the real plugin: daily notes created, edited, renamed and
 * deleted, a person renamed so the links change, aliases, opting out, and where the sidebar and
 * the API say a last contact came from.
 */
import { describe, expect, it } from "vitest";
import { formatDay } from "../../src/core/dates";
import { click } from "../runtime/harness";
import { openSidebar, row, rowNames, start, type Started } from "./plugin-harness";

const ADA = "People/Ada Lovelace.md";

function vault(extra: Record<string, string> = {}): Record<string, string> {
	return {
		[ADA]: "---\ncadence: weekly\nlast_contact: 2026-10-01\naliases: [Countess]\n---\n",
		"People/Bob.md": "---\ncadence: monthly\nlast_contact: 2026-11-01\n---\n",
		...extra,
	};
}

function record(s: Started, path = ADA) {
	return s.plugin.api.person(path);
}

async function write(s: Started, path: string, text: string): Promise<void> {
	await s.app.writeFile(path, text);
	await s.app.settle();
}

describe("mentions in daily notes count as contact", () => {
	it("follows daily notes as they are created, edited, renamed and deleted", async () => {
		const s = await start(vault());
		expect(record(s)).toMatchObject({ lastContact: "2026-10-01", lastContactSource: "frontmatter", status: "overdue" });

		await write(s, "Daily/2026-11-20.md", "Lunch with [[Ada Lovelace]].\n");
		expect(record(s)).toMatchObject({ lastContact: "2026-11-20", lastContactSource: "Daily/2026-11-20.md", status: "soon" });

		await write(s, "Daily/2026-11-20.md", "Lunch alone.\n- [ ] call [[Ada Lovelace]]\n");
		expect(record(s)).toMatchObject({ lastContact: "2026-10-01", lastContactSource: "frontmatter" });

		await write(s, "Daily/2026-11-20.md", "Coffee with [[Ada Lovelace|Ada]] and [[Bob#Work]].\n");
		expect(record(s)?.lastContact).toBe("2026-11-20");
		expect(record(s, "People/Bob.md")).toMatchObject({ lastContact: "2026-11-20", lastContactSource: "Daily/2026-11-20.md" });

		await s.app.renameFile("Daily/2026-11-20.md", "Daily/2026-11-18.md");
		await s.app.settle();
		expect(record(s)).toMatchObject({ lastContact: "2026-11-18", lastContactSource: "Daily/2026-11-18.md" });

		await s.app.deleteFile("Daily/2026-11-18.md");
		await s.app.settle();
		expect(record(s)).toMatchObject({ lastContact: "2026-10-01", lastContactSource: "frontmatter" });
	});

	it("keeps counting when the person is renamed and Obsidian updates the links", async () => {
		const s = await start(vault({ "Daily/2026-11-20.md": "Met [[Ada Lovelace]].\n" }));
		// As Obsidian renames a note from its UI: the links to it are updated too.
		await s.app.fileManager.renameFile(s.app.vault.getFileByPath(ADA)!, "People/Ada King.md");
		await s.app.settle();
		expect(s.app.readFile("Daily/2026-11-20.md")).toContain("[[Ada King]]");
		expect(record(s, "People/Ada King.md")).toMatchObject({ lastContact: "2026-11-20", lastContactSource: "Daily/2026-11-20.md" });
		expect(record(s, ADA)).toBeNull();
	});

	it("moves a mention to a new note of the same name nearer the journal note, as Obsidian's link does", async () => {
		const s = await start(vault({ "Daily/2026-11-20.md": "Met [[Bob]].\n" }));
		expect(record(s, "People/Bob.md")?.lastContactSource).toBe("Daily/2026-11-20.md");
		await write(s, "Daily/Bob.md", "---\ncadence: weekly\ntags: [person]\n---\n");
		expect(s.app.metadataCache.getFirstLinkpathDest("Bob", "Daily/2026-11-20.md")?.path).toBe("Daily/Bob.md");
		expect(record(s, "Daily/Bob.md")).toMatchObject({ lastContact: "2026-11-20", lastContactSource: "Daily/2026-11-20.md" });
		expect(record(s, "People/Bob.md")?.lastContactSource).toBe("frontmatter");
		await s.app.deleteFile("Daily/Bob.md");
		await s.app.settle();
		expect(record(s, "People/Bob.md")?.lastContactSource).toBe("Daily/2026-11-20.md");
	});

	it("counts a link by an alias only one person has", async () => {
		const s = await start(vault({ "Daily/2026-11-21.md": "Tea with [[Countess]].\n" }));
		expect(record(s)).toMatchObject({ lastContact: "2026-11-21", lastContactSource: "Daily/2026-11-21.md" });
		await write(s, "People/Cy.md", "---\ncadence: weekly\naliases: [Countess]\n---\n");
		expect(record(s)?.lastContactSource).toBe("frontmatter");
		expect(record(s, "People/Cy.md")?.lastContact).toBeNull();
		await s.app.deleteFile("People/Cy.md");
		await s.app.settle();
		expect(record(s)?.lastContactSource).toBe("Daily/2026-11-21.md");
	});

	it("counts meeting notes by their date property, and never what is not a journal note", async () => {
		const s = await start(
			vault({
				"Meetings/Kickoff.md": "---\ndate: 2026-11-24\n---\nWith [[Ada Lovelace]].\n",
				"Notes/Ideas.md": "Ask [[Ada Lovelace]] about engines.\n",
			}),
		);
		expect(record(s)).toMatchObject({ lastContact: "2026-11-24", lastContactSource: "Meetings/Kickoff.md" });
		s.plugin.ctx.settings.patch({ countDatedNotes: false });
		await s.plugin.ctx.settings.save();
		await s.app.settle();
		expect(record(s)?.lastContactSource).toBe("frontmatter");
	});

	it("a person can opt out, and the feature can be turned off", async () => {
		const s = await start(
			vault({
				"Daily/2026-11-20.md": "[[Ada Lovelace]] [[Bob]]\n",
				"People/Bob.md": "---\ncadence: monthly\ntrack_mentions: false\n---\n",
			}),
		);
		expect(record(s, "People/Bob.md")).toMatchObject({ lastContact: null, status: "never" });
		expect(record(s)?.lastContact).toBe("2026-11-20");
		s.plugin.ctx.settings.patch({ trackMentions: false });
		await s.plugin.ctx.settings.save();
		await s.app.settle();
		expect(record(s)?.lastContactSource).toBe("frontmatter");
	});

	it("takes the daily notes plugin's folder and format", async () => {
		const s = await start(
			vault({
				".obsidian/core-plugins.json": JSON.stringify({ "daily-notes": true }),
				".obsidian/daily-notes.json": JSON.stringify({ folder: "Journal", format: "DD.MM.YYYY" }),
				"Journal/22.11.2026.md": "[[Ada Lovelace]]\n",
				"Daily/2026-11-23.md": "[[Ada Lovelace]]\n",
			}),
		);
		expect(record(s)).toMatchObject({ lastContact: "2026-11-22", lastContactSource: "Journal/22.11.2026.md" });
	});

	it("lists a daily note dated after today under Needs attention instead of counting it", async () => {
		const s = await start(vault({ "Daily/2026-12-24.md": "Dinner with [[Ada Lovelace]]\n" }));
		const today = formatDay(s.plugin.ctx.clock.today());
		expect(today).toBe("2026-11-26");
		expect(record(s)).toMatchObject({
			lastContact: "2026-10-01",
			problems: ["mention in Daily/2026-12-24.md dated 2026-12-24 is in the future"],
		});
		const view = await openSidebar(s);
		expect(rowNames(view, "problems")).toContain("Ada Lovelace");
	});

	it("says in the sidebar row where the last contact came from, and a click opens that note", async () => {
		const s = await start(vault({ "Daily/2026-11-20.md": "Lunch with [[Ada Lovelace]].\n" }));
		const view = await openSidebar(s);
		const ada = row(view, "soon", "Ada Lovelace");
		expect(ada.querySelector(".stay-in-touch-meta")?.textContent).toBe("last contact 6 days ago in 2026-11-20 · weekly");
		const source = ada.querySelector<HTMLAnchorElement>("a.stay-in-touch-source")!;
		expect(source.getAttribute("data-href")).toBe("Daily/2026-11-20.md");
		click(source);
		await s.app.settle();
		expect(s.app.workspace.getActiveFile()?.path).toBe("Daily/2026-11-20.md");
		// A contact from the person's own note shows no such link.
		expect(row(view, "soon", "Bob").querySelector("a.stay-in-touch-source")).toBeNull();
		expect(row(view, "soon", "Bob").querySelector(".stay-in-touch-meta")?.textContent).toBe("last contact 3 weeks ago · monthly");
	});
});

describe("template folders", () => {
	it("are kept out while their plugin is on: Templater's too", async () => {
		const person = "---\ntype: person\ncadence: weekly\n---\n";
		const files = {
			"Tpl/Person.md": person,
			"Templater/Person.md": person,
			".obsidian/templates.json": JSON.stringify({ folder: "Tpl" }),
			".obsidian/plugins/templater-obsidian/data.json": JSON.stringify({ templates_folder: "Templater" }),
		};
		const on = await start({
			...files,
			".obsidian/core-plugins.json": JSON.stringify({ templates: true }),
			".obsidian/community-plugins.json": JSON.stringify(["templater-obsidian"]),
		});
		expect(on.plugin.api.people().map((p) => p.path)).toEqual([]);
		const off = await start({
			...files,
			".obsidian/core-plugins.json": JSON.stringify({ templates: false }),
			".obsidian/community-plugins.json": JSON.stringify([]),
		});
		expect(
			off.plugin.api
				.people()
				.map((p) => p.path)
				.sort(),
		).toEqual(["Templater/Person.md", "Tpl/Person.md"]);
	});
});
