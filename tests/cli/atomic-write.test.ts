import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rewriteNote, type Rewrite } from "../../src/cli/atomic-write";
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

function note(text: string | Buffer, mode?: number): string {
	const path = join(folder(), "Ann.md");
	writeFileSync(path, text);
	if (mode !== undefined) chmodSync(path, mode);
	return path;
}

const append =
	(line: string) =>
	(text: string): Rewrite => ({ ok: true, text: `${text}${line}\n` });

/** What a stopped writer, or someone else, left where the temp file goes. */
function plantAtTemp(path: string): string {
	const outside = join(folder(), "outside.md");
	writeFileSync(outside, "not yours\n");
	symlinkSync(outside, `${path}.stay-in-touch.tmp`);
	return outside;
}

describe.skipIf(process.platform === "win32")("rewriteNote", () => {
	it.each([
		["0600", 0o600],
		["0640", 0o640],
		["0755", 0o755],
	])("replaces the note, keeps its mode %s and leaves no temp file", (_, mode) => {
		const path = note("before\n", mode);
		expect(rewriteNote(path, append("after"))).toEqual({ ok: true, text: "before\nafter\n" });
		expect(readFileSync(path, "utf8")).toBe("before\nafter\n");
		expect(statSync(path).mode & 0o777).toBe(mode);
		expect(readdirSync(join(path, ".."))).toEqual(["Ann.md"]);
	});

	it("keeps a byte-order mark and every byte the change keeps", () => {
		const path = note("\uFEFF---\r\ncadence: weekly\r\n---\r\n");
		rewriteNote(path, append("x"));
		expect(readFileSync(path)).toEqual(Buffer.from("\uFEFF---\r\ncadence: weekly\r\n---\r\nx\n", "utf8"));
	});

	it("refuses a note that is not UTF-8 text, which would come back with U+FFFD in it", () => {
		const bytes = Buffer.from([...Buffer.from("---\ncadence: weekly\n---\ncaf"), 0xe9, 0x0a]);
		const path = note(bytes);
		expect(rewriteNote(path, append("x"))).toEqual({ ok: false, error: "the note is not valid UTF-8 text" });
		expect(readFileSync(path)).toEqual(bytes);
		expect(readdirSync(join(path, ".."))).toEqual(["Ann.md"]);
	});

	it("refuses a read-only note", () => {
		const path = note("before\n", 0o444);
		expect(rewriteNote(path, append("x"))).toEqual({ ok: false, error: "the note is read-only" });
		expect(readFileSync(path, "utf8")).toBe("before\n");
	});

	it("never reads or replaces through a link swapped in for the note while it waited", () => {
		const path = note("before\n");
		const outside = join(folder(), "outside.md");
		writeFileSync(outside, "SECRET\n");
		const temp = `${path}.stay-in-touch.tmp`;
		writeFileSync(temp, "");
		// Another process holds the note, swaps in a link, then lets go.
		const other = spawn("sh", ["-c", 'sleep 0.3; rm "$1"; ln -s "$2" "$1"; rm "$3"', "sh", path, outside, temp]);
		expect(rewriteNote(path, append("x"))).toEqual({ ok: false, error: "the note is no longer a plain file" });
		other.kill();
		expect(readlinkSync(path)).toBe(outside);
		expect(readFileSync(outside, "utf8")).toBe("SECRET\n");
		expect(readdirSync(join(path, ".."))).toEqual(["Ann.md"]);
	});

	it("writes nothing when the change refuses", () => {
		const path = note("before\n");
		expect(rewriteNote(path, () => ({ ok: false, error: "no" }))).toEqual({ ok: false, error: "no" });
		expect(readFileSync(path, "utf8")).toBe("before\n");
		expect(readdirSync(join(path, ".."))).toEqual(["Ann.md"]);
	});

	it("waits for a writer holding the note, then says so, never writing through a link in the temp file's place", () => {
		const path = note("before\n");
		const outside = plantAtTemp(path);
		const result = rewriteNote(path, append("x"), 100);
		expect(result).toEqual({
			ok: false,
			error: "another stay-in-touch is writing it, or Ann.md.stay-in-touch.tmp was left behind by one that stopped (delete it then)",
		});
		expect(readFileSync(path, "utf8")).toBe("before\n");
		expect(readFileSync(outside, "utf8")).toBe("not yours\n");
		expect(readlinkSync(`${path}.stay-in-touch.tmp`)).toBe(outside);
	});
});

describe.skipIf(process.platform === "win32")("stay-in-touch log when the note cannot be written", () => {
	function logAnn(dir: string): { code: number; out: string[]; err: string[] } {
		const out: string[] = [];
		const err: string[] = [];
		const io: Io = {
			stdout: (t) => out.push(t),
			stderr: (t) => err.push(t),
			isTTY: false,
			cwd: dir,
			now: () => new Date(2026, 10, 26, 12),
		};
		return { code: run(["log", "Ann", "--vault", dir], io), out, err };
	}

	it("says nothing was written, naming the note and why, exits 1 and leaves the note as it was", () => {
		const dir = folder();
		mkdirSync(join(dir, "People"));
		const text = "---\ncadence: weekly\n---\n";
		const path = join(dir, "People", "Ann.md");
		writeFileSync(path, text);
		chmodSync(path, 0o400);
		const { code, out, err } = logAnn(dir);
		expect(code).toBe(1);
		expect(out).toEqual([]);
		expect(err).toEqual(["stay-in-touch: nothing was written to People/Ann.md: the note is read-only"]);
		expect(readFileSync(path, "utf8")).toBe(text);
	});
});
