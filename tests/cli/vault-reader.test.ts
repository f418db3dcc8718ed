import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run, type Io } from "../../src/cli/main";
import { listMarkdown, scanVault, VaultError } from "../../src/cli/vault-reader";

/**
 * The tests run as root, where chmod cannot make a folder unreadable: listing one of `failing`
 * throws what Node throws for a folder without read permission. vault-reader.ts imports
 * readdirSync by name, so the module itself is mocked, everything else left real.
 */
const failing = new Set<string>();
vi.mock("fs", async (importOriginal) => {
	const actual = await importOriginal<typeof import("fs")>();
	const readdirSync = ((path: fs.PathLike, options?: unknown) => {
		if (failing.has(String(path))) {
			throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), {
				errno: -13,
				code: "EACCES",
				syscall: "scandir",
				path: String(path),
			});
		}
		return (actual.readdirSync as (p: fs.PathLike, o?: unknown) => unknown)(path, options);
	}) as typeof actual.readdirSync;
	return { ...actual, readdirSync, default: { ...actual, readdirSync } };
});

const dirs: string[] = [];
afterEach(() => {
	failing.clear();
	while (dirs.length) rmSync(dirs.pop() ?? "", { recursive: true, force: true });
});

function folder(): string {
	const dir = mkdtempSync(join(tmpdir(), "sit-vault-"));
	dirs.push(dir);
	return dir;
}

function vault(files: Record<string, string>): string {
	const dir = folder();
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

const ANN = "---\ncadence: weekly\nlast_contact: 2026-10-01\n---\n";

function names(dir: string): string[] {
	return scanVault(dir).people.map((p) => p.name);
}

describe("an unreadable folder", () => {
	it("the vault folder itself is a VaultError naming it and why", () => {
		const dir = vault({ "People/Ann.md": ANN });
		failing.add(dir);
		expect(() => listMarkdown(dir)).toThrow(VaultError);
		expect(() => listMarkdown(dir)).toThrow(`cannot read the vault folder ${dir} (EACCES: permission denied)`);
		expect(() => scanVault(dir)).toThrow(`cannot read the vault folder ${dir} (EACCES: permission denied)`);
	});

	it("the vault folder itself makes the command exit 2 with one line", () => {
		const dir = vault({ "People/Ann.md": ANN });
		failing.add(dir);
		const out: string[] = [];
		const err: string[] = [];
		const io: Io = {
			stdout: (t) => out.push(t),
			stderr: (t) => err.push(t),
			isTTY: false,
			cwd: dir,
			now: () => new Date(2026, 10, 26, 12),
		};
		expect(run(["people", "--vault", dir], io)).toBe(2);
		expect(out).toEqual([]);
		expect(err).toEqual([`stay-in-touch: cannot read the vault folder ${dir} (EACCES: permission denied)`]);
	});

	it("a subfolder is reported like an unreadable note, and the rest is read", () => {
		const dir = vault({ "People/Ann.md": ANN, "People/Family/Bob.md": ANN, "Private/Cy.md": "#person\n", "Notes/x.md": "x\n" });
		failing.add(join(dir, "People", "Family"));
		failing.add(join(dir, "Private"));
		const folders: string[] = [];
		expect(listMarkdown(dir, (f, why) => folders.push(`${f} ${why}`))).toEqual(["Notes/x.md", "People/Ann.md"]);
		expect(folders.sort()).toEqual(["People/Family/ EACCES: permission denied", "Private/ EACCES: permission denied"]);
		const scan = scanVault(dir);
		expect(scan.people.map((p) => p.path)).toEqual(["People/Ann.md"]);
		expect(scan.skipped.sort()).toEqual([
			"People/Family/: cannot be read (EACCES: permission denied)",
			"Private/: cannot be read (EACCES: permission denied)",
		]);
	});
});

describe.skipIf(process.platform === "win32")("a vault folder that is a link", () => {
	function linked(): { target: string; link: string; outside: string } {
		const target = vault({ "People/Ann.md": ANN });
		const outside = vault({ "Bob.md": ANN, "People/Cy.md": ANN });
		const link = join(folder(), "Notes");
		symlinkSync(target, link);
		// Links inside the vault are still never followed.
		symlinkSync(join(outside, "Bob.md"), join(target, "People", "Bob.md"));
		symlinkSync(join(outside, "People"), join(target, "People", "Elsewhere"));
		return { target, link, outside };
	}

	it("is followed, with or without a trailing slash", () => {
		const { link } = linked();
		expect(names(link)).toEqual(["Ann"]);
		expect(names(`${link}/`)).toEqual(["Ann"]);
		expect(scanVault(link).skipped).toEqual([]);
	});

	it("reads the same as the folder it points to, and as that folder with a trailing slash", () => {
		const { target, link } = linked();
		expect(names(realpathSync(target))).toEqual(names(link));
		expect(names(`${target}/`)).toEqual(["Ann"]);
	});

	it("a link to a file is still not a folder", () => {
		const { outside } = linked();
		const link = join(folder(), "note");
		symlinkSync(join(outside, "Bob.md"), link);
		expect(() => scanVault(link)).toThrow(`${link} is not a folder`);
	});
});
