import { chmodSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeAtomically } from "../../src/cli/atomic-write";
import { run, type Io } from "../../src/cli/main";
import { tempDir } from "./cli-helpers";

const cleanups: (() => void)[] = [];
afterEach(() => {
	while (cleanups.length) cleanups.pop()?.();
});

function folder(): string {
	const t = tempDir();
	cleanups.push(t.cleanup);
	return t.dir;
}

/** What a crashed or concurrent writer, or someone else, left where this process's temp file goes. */
function plantAtTemp(note: string): string {
	const outside = join(folder(), "outside.md");
	writeFileSync(outside, "not yours\n");
	symlinkSync(outside, `${note}.stay-in-touch-${process.pid}.tmp`);
	return outside;
}

describe.skipIf(process.platform === "win32")("writeAtomically", () => {
	it.each([
		["0600", 0o600],
		["0640", 0o640],
		["0755", 0o755],
	])("replaces the note, keeps its mode %s and leaves no temp file", (_, mode) => {
		const dir = folder();
		const note = join(dir, "Ann.md");
		writeFileSync(note, "before\n");
		chmodSync(note, mode);
		writeAtomically(note, "after\n");
		expect(readFileSync(note, "utf8")).toBe("after\n");
		expect(statSync(note).mode & 0o777).toBe(mode);
		expect(readdirSync(dir)).toEqual(["Ann.md"]);
	});

	it("never writes through a link in the temp file's place, and leaves it there", () => {
		const dir = folder();
		const note = join(dir, "Ann.md");
		writeFileSync(note, "before\n");
		const outside = plantAtTemp(note);
		expect(() => writeAtomically(note, "after\n")).toThrow(/EEXIST/);
		expect(readFileSync(note, "utf8")).toBe("before\n");
		expect(readFileSync(outside, "utf8")).toBe("not yours\n");
		expect(readlinkSync(`${note}.stay-in-touch-${process.pid}.tmp`)).toBe(outside);
	});
});

describe.skipIf(process.platform === "win32")("stay-in-touch log when the write fails", () => {
	it("says nothing was written, naming the note, exits 1 and leaves the note as it was", () => {
		const dir = folder();
		mkdirSync(join(dir, "People"));
		const text = "---\ncadence: weekly\n---\n";
		const note = join(dir, "People", "Ann.md");
		writeFileSync(note, text);
		plantAtTemp(note);
		const out: string[] = [];
		const err: string[] = [];
		const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd: dir, now: () => new Date(2026, 10, 26, 12) };
		expect(run(["log", "Ann", "--vault", dir], io)).toBe(1);
		expect(out).toEqual([]);
		expect(err).toHaveLength(1);
		expect(err[0]).toMatch(/^stay-in-touch: nothing was written to People\/Ann\.md: EEXIST/);
		expect(readFileSync(note, "utf8")).toBe(text);
	});
});
