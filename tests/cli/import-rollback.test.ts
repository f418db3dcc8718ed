/**
 * `stay-in-touch import` all or nothing when a write fails after every check passed (the disk
 * full, a file that appeared meanwhile): the notes already made are removed, the notes already
 * changed get their text back, and the user is told nothing was imported.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run, type Io } from "../../src/cli/main";
import { ROOT, snapshot, tempVault } from "./cli-helpers";

/** The Nth note's write to disk (its fsync) fails, as a full disk would make it. */
const failing = vi.hoisted(() => ({ at: -1, calls: 0 }));
vi.mock("fs", async (importOriginal) => {
	const fs = await importOriginal<typeof import("fs")>();
	const fsyncSync: typeof fs.fsyncSync = (fd) => {
		if (failing.calls++ === failing.at) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
		fs.fsyncSync(fd);
	};
	return { ...fs, default: { ...fs, fsyncSync }, fsyncSync };
});

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe.skipIf(process.platform === "win32")("a write that fails after the checks", () => {
	it("takes back the notes made and changed before it, and says nothing was imported", () => {
		const t = tempVault({ "People/Margaret Hamilton.md": "---\nemail: margaret@apollo.example\n---\n# Margaret\n" });
		cleanups.push(t.cleanup);
		const before = snapshot(t.dir);
		// Ada (new) is published, Margaret (update) changed, Edsger (new) fails.
		failing.at = 2;
		failing.calls = 0;
		const err: string[] = [];
		const io: Io = { stdout: () => {}, stderr: (x) => err.push(x), isTTY: false, cwd: ROOT, now: () => new Date(2026, 10, 26, 12) };
		const code = run(["import", join(ROOT, "tests", "fixtures", "import", "linkedin-preamble.csv"), "--vault", t.dir], io);
		expect(failing.calls).toBe(4);
		expect(code).toBe(1);
		expect(err).toEqual(["stay-in-touch: nothing was imported: People/Edsger Dijkstra.md: ENOSPC: no space left on device"]);
		expect(snapshot(t.dir)).toEqual(before);
	});

	it("made folders for the new notes are removed too", () => {
		const t = tempVault({ "Notes/x.md": "x" });
		cleanups.push(t.cleanup);
		failing.at = 2;
		failing.calls = 0;
		const io: Io = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: ROOT, now: () => new Date(2026, 10, 26, 12) };
		expect(run(["import", join(ROOT, "tests", "fixtures", "import", "linkedin-preamble.csv"), "--vault", t.dir], io)).toBe(1);
		expect(readdirSync(t.dir).sort()).toEqual(["Notes"]);
	});
});
