// @vitest-environment happy-dom
/**
 * Vault, adapter and file manager: events, async timing, atomic process, Obsidian's errors,
 * config files in the same in-memory store, fixture folders.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestApp } from "./harness";
import { loadFixtureDir } from "./node-vault";
import { TFile, TFolder, normalizePath, type TAbstractFile } from "./obsidian";

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), "fixtures/basic-vault");

describe("vault events and timing", () => {
	it("fires create, modify, rename, delete with the right arguments", async () => {
		const app = await createTestApp({ "People/Ada.md": "a" });
		const log: string[] = [];
		app.vault.on("create", (f: TAbstractFile) => log.push(`create ${f.path}`));
		app.vault.on("modify", (f: TAbstractFile) => log.push(`modify ${f.path}`));
		app.vault.on("rename", (f: TAbstractFile, old: string) => log.push(`rename ${old} -> ${f.path}`));
		app.vault.on("delete", (f: TAbstractFile) => log.push(`delete ${f.path}`));
		const file = await app.vault.create("People/Bob.md", "b");
		await app.vault.modify(file, "b2");
		await app.vault.append(file, "!");
		await app.vault.rename(file, "People/Robert.md");
		await app.vault.delete(file);
		await app.vault.createFolder("Archive/2026");
		expect(log).toEqual([
			"create People/Bob.md",
			"modify People/Bob.md",
			"modify People/Bob.md",
			"rename People/Bob.md -> People/Robert.md",
			"delete People/Robert.md",
			"create Archive",
			"create Archive/2026",
		]);
	});

	it("is asynchronous: nothing has happened when the call returns, all of it when the promise resolves", async () => {
		const app = await createTestApp({ "a.md": "old" });
		const file = app.vault.getFileByPath("a.md")!;
		const log: string[] = [];
		app.vault.on("modify", () => log.push("modify"));
		const p = app.vault.modify(file, "new");
		expect(log).toEqual([]);
		expect(app.readFile("a.md")).toBe("old");
		await p;
		expect(log).toEqual(["modify"]);
		expect(await app.vault.read(file)).toBe("new");
		expect(await app.vault.cachedRead(file)).toBe("new");
	});

	it("process is atomic: two concurrent process calls both apply", async () => {
		const app = await createTestApp({ "log.md": "start" });
		const file = app.vault.getFileByPath("log.md")!;
		const results = await Promise.all([app.vault.process(file, (t) => `${t}\nA`), app.vault.process(file, (t) => `${t}\nB`)]);
		expect(app.readFile("log.md")).toBe("start\nA\nB");
		expect(results).toEqual(["start\nA", "start\nA\nB"]);
	});

	it("read-modify-write with an await in between loses an update (why process exists)", async () => {
		const app = await createTestApp({ "log.md": "start" });
		const file = app.vault.getFileByPath("log.md")!;
		const naive = async (line: string) => {
			const text = await app.vault.read(file);
			await app.vault.modify(file, `${text}\n${line}`);
		};
		await Promise.all([naive("A"), naive("B")]);
		expect(app.readFile("log.md")).toBe("start\nB");
	});

	it("raceNextAccess: another writer's change lands between a read and the write after its await", async () => {
		const app = await createTestApp({ "log.md": "start" });
		const file = app.vault.getFileByPath("log.md")!;
		const sync = (text: string) => `${text}\nfrom the phone`;

		app.vault.raceNextAccess("log.md", sync);
		const text = await app.vault.read(file);
		expect(text).toBe("start");
		expect(app.readFile("log.md")).toBe("start\nfrom the phone");
		await app.vault.modify(file, `${text}\nA`);
		expect(app.readFile("log.md")).toBe("start\nA");

		app.vault.raceNextAccess("log.md", sync);
		await app.vault.process(file, (t) => `${t}\nB`);
		expect(app.readFile("log.md")).toBe("start\nA\nfrom the phone\nB");

		app.vault.raceNextAccess("log.md", sync);
		await app.vault.adapter.process("log.md", (t) => `${t}\nC`);
		expect(app.readFile("log.md")).toBe("start\nA\nfrom the phone\nB\nfrom the phone\nC");
		expect(app.vault.racesLanded).toEqual([
			{ path: "log.md", during: "read" },
			{ path: "log.md", during: "process" },
			{ path: "log.md", during: "process" },
		]);
	});

	it("raceNextAccess: the change arrives as a change on disk (modify event, an open note updated), once", async () => {
		const app = await createTestApp({ "log.md": "start\n" });
		const file = app.vault.getFileByPath("log.md")!;
		const view = await app.openNote("log.md");
		const modified: string[] = [];
		app.vault.on("modify", (f: TFile) => modified.push(f.path));
		app.vault.raceNextAccess("log.md", (t) => `${t}synced\n`);
		await app.vault.cachedRead(file);
		await app.vault.cachedRead(file);
		expect(modified).toEqual(["log.md"]);
		expect(view.editor.getValue()).toBe("start\nsynced\n");
		expect(app.vault.racesLanded).toHaveLength(1);
	});

	it("raceNextAccess with `on`: only those accesses land it, a background cachedRead passes it by", async () => {
		const app = await createTestApp({ "log.md": "start" });
		const file = app.vault.getFileByPath("log.md")!;
		app.vault.raceNextAccess("log.md", (t) => `${t}\nfrom the phone`, { on: ["read", "process"] });
		expect(await app.vault.cachedRead(file)).toBe("start");
		expect(app.readFile("log.md")).toBe("start");
		expect(app.vault.racesLanded).toEqual([]);
		await app.vault.process(file, (t) => `${t}\nA`);
		expect(app.readFile("log.md")).toBe("start\nfrom the phone\nA");
		expect(app.vault.racesLanded).toEqual([{ path: "log.md", during: "process" }]);

		app.vault.raceNextAccess("log.md", (t) => `${t}\nagain`, { on: ["process"] });
		await app.vault.read(file);
		await app.vault.adapter.read("log.md");
		expect(app.vault.racesLanded).toHaveLength(1);
		await app.vault.adapter.process("log.md", (t) => `${t}\nB`);
		expect(app.readFile("log.md")).toBe("start\nfrom the phone\nA\nagain\nB");
		expect(app.vault.racesLanded).toHaveLength(2);
	});

	it("keeps TFile identity, stats and tree up to date", async () => {
		const app = await createTestApp({ "People/Ada.md": "é" });
		const file = app.vault.getFileByPath("People/Ada.md")!;
		expect(file).toBeInstanceOf(TFile);
		expect([file.name, file.basename, file.extension, file.parent?.path, file.stat.size]).toEqual(["Ada.md", "Ada", "md", "People", 2]);
		await app.vault.modify(file, "hello", { mtime: 1234 });
		expect(file.stat.mtime).toBe(1234);
		expect(file.stat.size).toBe(5);
		await app.vault.rename(file, "Archive.md");
		expect(app.vault.getFileByPath("Archive.md")).toBe(file);
		expect(file.parent?.isRoot()).toBe(true);
		expect(app.vault.getFolderByPath("People")?.children).toEqual([]);
		expect(app.vault.getRoot().children.map((c) => c.path)).toEqual(["People", "Archive.md"]);
	});

	it("lists files, folders and markdown files; hidden config files are not TFiles", async () => {
		const app = await createTestApp({
			"People/Ada.md": "",
			"img.png": "",
			".obsidian/plugins/x/data.json": "{}",
			"Empty/": "",
		});
		expect(app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["People/Ada.md"]);
		expect(
			app.vault
				.getFiles()
				.map((f) => f.path)
				.sort(),
		).toEqual(["People/Ada.md", "img.png"]);
		expect(app.vault.getAbstractFileByPath(".obsidian/plugins/x/data.json")).toBeNull();
		expect(app.vault.getFolderByPath("Empty")).toBeInstanceOf(TFolder);
		expect(
			app.vault
				.getAllLoadedFiles()
				.map((f) => f.path)
				.sort(),
		).toEqual(["/", "Empty", "People", "People/Ada.md", "img.png"]);
		expect(
			app.vault
				.getAllFolders()
				.map((f) => f.path)
				.sort(),
		).toEqual(["Empty", "People"]);
	});
});

describe("errors like Obsidian's", () => {
	it("rejects creating an existing file or folder", async () => {
		const app = await createTestApp({ "People/Ada.md": "" });
		await expect(app.vault.create("People/Ada.md", "")).rejects.toThrow("File already exists.");
		await expect(app.vault.createFolder("People")).rejects.toThrow("Folder already exists.");
	});

	it("rejects creating a file in a missing folder (ENOENT)", async () => {
		const app = await createTestApp({});
		await expect(app.vault.create("Nope/Ada.md", "")).rejects.toThrow(/ENOENT/);
	});

	it("rejects renaming onto an existing file and reading a deleted one", async () => {
		const app = await createTestApp({ "a.md": "", "b.md": "" });
		const a = app.vault.getFileByPath("a.md")!;
		await expect(app.vault.rename(a, "b.md")).rejects.toThrow("Destination file already exists!");
		await app.vault.delete(a);
		await expect(app.vault.read(a)).rejects.toThrow(/ENOENT/);
		await expect(app.vault.modify(a, "x")).rejects.toThrow(/ENOENT/);
	});
});

describe("adapter and config files", () => {
	it("reads and writes config files in the same store", async () => {
		const app = await createTestApp({ ".obsidian/plugins/sit/data.json": '{"a":1}' });
		const adapter = app.vault.adapter;
		expect(await adapter.exists(".obsidian/plugins/sit/data.json")).toBe(true);
		expect(JSON.parse(await adapter.read(".obsidian/plugins/sit/data.json"))).toEqual({ a: 1 });
		await adapter.mkdir(".obsidian/plugins/other");
		await adapter.write(".obsidian/plugins/other/data.json", "{}");
		expect(await adapter.list(".obsidian/plugins")).toEqual({
			files: [],
			folders: [".obsidian/plugins/sit", ".obsidian/plugins/other"],
		});
		expect(app.readFile(".obsidian/plugins/other/data.json")).toBe("{}");
		expect(app.vault.configDir).toBe(".obsidian");
	});

	it("a write through the adapter to a vault path becomes a vault event (file watcher)", async () => {
		const app = await createTestApp({ "a.md": "1" });
		const log: string[] = [];
		app.vault.on("modify", (f: TAbstractFile) => log.push(`modify ${f.path}`));
		app.vault.on("create", (f: TAbstractFile) => log.push(`create ${f.path}`));
		await app.vault.adapter.write("a.md", "2");
		await app.vault.adapter.write("b.md", "new");
		expect(log).toEqual(["modify a.md", "create b.md"]);
		expect(app.vault.getFileByPath("b.md")).toBeInstanceOf(TFile);
	});
});

describe("file manager", () => {
	it("processFrontMatter rewrites the whole YAML block (lossy, like Obsidian)", async () => {
		const app = await createTestApp({ "a.md": "---\n# a comment\nlast_contact: '2026-01-01'\ntags: [a, b]\n---\nbody\n" });
		await app.fileManager.processFrontMatter(app.vault.getFileByPath("a.md")!, (fm) => {
			fm.last_contact = "2026-11-26";
		});
		expect(app.readFile("a.md")).toBe("---\nlast_contact: 2026-11-26\ntags:\n  - a\n  - b\n---\nbody\n");
	});

	it("processFrontMatter adds a block when there is none, and throws on invalid YAML", async () => {
		const app = await createTestApp({ "a.md": "body\n", "bad.md": "---\na: [\n---\n" });
		await app.fileManager.processFrontMatter(app.vault.getFileByPath("a.md")!, (fm) => (fm.cadence = "weekly"));
		expect(app.readFile("a.md")).toBe("---\ncadence: weekly\n---\nbody\n");
		await expect(app.fileManager.processFrontMatter(app.vault.getFileByPath("bad.md")!, () => {})).rejects.toThrow();
		expect(app.readFile("bad.md")).toBe("---\na: [\n---\n");
	});

	it("renameFile updates wiki links in other notes", async () => {
		const app = await createTestApp({ "People/Ada.md": "", "Log.md": "Met [[Ada]] and [[Ada#Work|her]] and [[Bob]]." });
		await app.fileManager.renameFile(app.vault.getFileByPath("People/Ada.md")!, "People/Ada Lovelace.md");
		expect(app.readFile("Log.md")).toBe("Met [[Ada Lovelace]] and [[Ada Lovelace#Work|her]] and [[Bob]].");
	});

	it("generateMarkdownLink and getFirstLinkpathDest resolve by name", async () => {
		const app = await createTestApp({ "People/Ada Lovelace.md": "", "Notes/x.md": "" });
		const ada = app.vault.getFileByPath("People/Ada Lovelace.md")!;
		expect(app.fileManager.generateMarkdownLink(ada, "Notes/x.md")).toBe("[[Ada Lovelace]]");
		expect(app.fileManager.generateMarkdownLink(ada, "Notes/x.md", "#Work", "Ada")).toBe("[[Ada Lovelace#Work|Ada]]");
		expect(app.metadataCache.getFirstLinkpathDest("ada lovelace", "Notes/x.md")).toBe(ada);
		expect(app.metadataCache.getFirstLinkpathDest("People/Ada Lovelace.md", "")).toBe(ada);
		expect(app.metadataCache.getFirstLinkpathDest("Nobody", "")).toBeNull();
	});
});

describe("fixtures and paths", () => {
	it("loadFixtureDir reads a folder recursively, including .obsidian json", () => {
		const files = loadFixtureDir(FIXTURE);
		expect(Object.keys(files).sort()).toEqual([
			".obsidian/app.json",
			".obsidian/plugins/stay-in-touch/data.json",
			"Notes/Meeting.md",
			"People/Ada Lovelace.md",
			"People/Bob.md",
			"Templates/Person.md",
		]);
	});

	it("createTestApp({ fixtureDir }) loads and indexes a fixture vault", async () => {
		const app = await createTestApp({ fixtureDir: FIXTURE, files: { "People/Extra.md": "# Extra" } });
		expect(app.metadataCache.getCache("People/Ada Lovelace.md")?.frontmatter?.last_contact).toBe("2026-10-01");
		expect(app.vault.getMarkdownFiles()).toHaveLength(5);
		expect(JSON.parse(app.readFile(".obsidian/plugins/stay-in-touch/data.json")).dueSoonDays).toBe(7);
	});

	it("normalizePath behaves like Obsidian's", () => {
		expect(normalizePath("/People//Ada\\x.md/")).toBe("People/Ada/x.md");
		expect(normalizePath("")).toBe("/");
		expect(normalizePath("a\u00A0b")).toBe("a b");
	});
});
