// @vitest-environment happy-dom
/**
 * `vault.process` as the only read-modify-write. Each way the plugin writes a closed note is run
 * while another writer (Sync, the CLI, a phone) changes the note in the middle of it
 * (`vault.raceNextAccess`, armed for `read` and `process`): its change lands right after a read
 * returns, or just before a `process` function sees the text. A write made as read, `await`, modify would write over it;
 * through `process` both changes are in the note.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core/dates";
import { Interactions } from "../../src/obsidian/interactions";
import { PersonPicker } from "../../src/ui/person-picker";
import { pressKey, type } from "../runtime/harness";
import { start, TODAY, type Started } from "./plugin-harness";

const ADA = "People/Ada Lovelace.md";
const TEXT = [
	"---",
	"cadence: monthly",
	"last_contact: 2026-09-01",
	"owed_favors:",
	'  - "2026-09-01: lend her my Babbage biography"',
	"---",
	"Met at the conference.",
	"",
	"## Interactions",
	"",
	"- 2026-09-01 — coffee: Talked about engines.",
	"",
].join("\n");
const TODAY_DAY = dayFromYmd(TODAY.getFullYear(), TODAY.getMonth() + 1, TODAY.getDate());

/** The other writer: edits a line no write of the plugin touches. */
const onThePhone = (text: string) => text.replace("Met at the conference.", "Met at the conference in Lisbon.");

async function race(s: Started, write: () => Promise<unknown>): Promise<string> {
	// Aimed at the write: armed for the accesses a read-modify-write makes (`read`, `process`),
	// not for the `cachedRead`s the index and views make for display in the background, which
	// would otherwise take the race first, whenever they happen to run.
	s.app.vault.raceNextAccess(ADA, onThePhone, { on: ["read", "process"] });
	const landed = s.app.vault.racesLanded.length;
	// Such a background read, just before the write: it passes the race by.
	await s.app.vault.cachedRead(s.app.vault.getFileByPath(ADA)!);
	await write();
	await s.app.settle();
	// The race came in during the write, inside `process`: a write that reads, awaits, then
	// modifies lands it on its read (or, reading with `cachedRead`, not at all) and fails here.
	expect(s.app.vault.racesLanded.slice(landed), "the write read the note other than in `process`").toEqual([
		{ path: ADA, during: "process" },
	]);
	const text = s.app.readFile(ADA);
	expect(text, "the other writer's change was written over").toContain("Met at the conference in Lisbon.\n");
	return text;
}

async function started(): Promise<Started> {
	const s = await start({ [ADA]: TEXT });
	expect(s.app.workspace.getLeavesOfType("markdown")).toEqual([]);
	return s;
}

describe("every write keeps a change another writer made while it ran", () => {
	it("logging from the log form", async () => {
		const s = await started();
		const text = await race(s, async () => {
			s.app.runCommand("log-interaction");
			const picker = s.app.activeModal;
			if (!(picker instanceof PersonPicker)) throw new Error("the person picker is not open");
			type(picker.inputEl, "Ada");
			pressKey(picker.inputEl, "Enter");
			const form = s.app.activeModal!.contentEl;
			type(form.querySelector<HTMLElement>('[aria-label="Note"]')!, "Caught up");
			pressKey(form.querySelector<HTMLElement>('[aria-label="Note"]')!, "Enter");
		});
		expect(text).toContain("last_contact: 2026-11-26\n");
		expect(text).toContain("Caught up");
	});

	it("contacted today", async () => {
		const s = await started();
		const text = await race(s, () => s.plugin.ctx.interactions.contactedToday(ADA));
		expect(text).toContain("last_contact: 2026-11-26\n");
		expect(text).toContain("- 2026-11-26\n");
	});

	it("snoozing", async () => {
		const s = await started();
		const text = await race(s, () => s.plugin.ctx.interactions.snooze(ADA, TODAY_DAY + 14));
		expect(text).toContain("snooze_until: 2026-12-10\n");
	});

	it("favors: one owed, one returned", async () => {
		const s = await started();
		const text = await race(s, () =>
			s.plugin.ctx.interactions.log(ADA, {
				day: TODAY_DAY,
				type: "call",
				note: "",
				addOwedToMe: ["intro to her publisher"],
				resolveOwed: ["lend her my Babbage biography"],
			}),
		);
		expect(text).toContain('"2026-11-26: intro to her publisher"');
		expect(text).not.toContain('Babbage biography"\n');
		expect(text).toContain("favor returned: lend her my Babbage biography");
	});

	it("undoing the last log refuses, and keeps the note as the other writer left it", async () => {
		const s = await started();
		await s.plugin.ctx.interactions.contactedToday(ADA);
		await s.app.settle();
		const logged = s.app.readFile(ADA);
		let undone: boolean | undefined;
		const text = await race(s, async () => {
			undone = await s.plugin.ctx.interactions.undoLastLog();
		});
		expect(undone).toBe(false);
		expect(text).toBe(onThePhone(logged));
	});

	it("setting the cadence (triage)", async () => {
		const s = await started();
		const text = await race(s, () => s.plugin.ctx.interactions.setCadence(ADA, "weekly"));
		expect(text).toContain("cadence: weekly\n");
	});

	it("undoing a snooze or a cadence (restore) refuses, and keeps the note as the other writer left it", async () => {
		const s = await started();
		const outcome = await s.plugin.ctx.interactions.snooze(ADA, TODAY_DAY + 14);
		if (!outcome.ok) throw new Error(outcome.error);
		await s.app.settle();
		let restored: boolean | undefined;
		const text = await race(s, async () => {
			restored = await s.plugin.ctx.interactions.restore(
				s.app.vault.getFileByPath(ADA)!,
				outcome.before,
				outcome.after,
				"the snooze",
			);
		});
		expect(restored).toBe(false);
		expect(text).toBe(onThePhone(outcome.after));
	});

	it("the public API's logInteraction", async () => {
		const s = await started();
		const text = await race(s, () => s.plugin.api.logInteraction(ADA, { type: "email", note: "Sent the slides" }));
		expect(text).toContain("email: Sent the slides");
	});

	it("covers every write Interactions offers (a new one must be added above)", () => {
		const methods = Object.getOwnPropertyNames(Interactions.prototype).filter((name) => {
			const d = Object.getOwnPropertyDescriptor(Interactions.prototype, name);
			return name !== "constructor" && typeof d?.value === "function";
		});
		expect(methods.sort()).toEqual([
			"contactedToday",
			"existing",
			"log",
			"restore",
			"setCadence",
			"snooze",
			"undoLastLog",
			"writeWithNotice",
		]);
	});

	it("no plugin code writes a note but the note writer, and it writes with process", () => {
		const root = join(process.cwd(), "src");
		const files = ["obsidian", "ui", "api.ts", "main.ts"].flatMap((p) => sourceFiles(join(root, p)));
		const writes = files.flatMap((file) =>
			[...readFileSync(file, "utf8").matchAll(/\.(modify|modifyBinary|append|process|write|writeBinary)\(/g)]
				.map((m) => `${relative(root, file)}: .${m[1]}(`)
				.filter((hit) => !hit.startsWith("obsidian/note-writer.ts: .process(") && !hit.includes(": .write(")),
		);
		expect(writes).toEqual([]);
		// `.write(` is NoteWriter's own method (writer.write); the adapter's must not be used.
		expect(files.filter((file) => /adapter\.(write|append|process)\(/.test(readFileSync(file, "utf8")))).toEqual([]);
	});
});

function sourceFiles(path: string): string[] {
	if (!statSync(path).isDirectory()) return path.endsWith(".ts") ? [path] : [];
	return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)));
}
