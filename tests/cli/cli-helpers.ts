import { execFile, execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The repository: vitest runs from its root (under happy-dom, URL is happy-dom's, which Node's fileURLToPath refuses). */
export const ROOT = process.cwd();
export const EXAMPLE_VAULT = join(ROOT, "example-vault");
export const BIN = join(ROOT, "bin", "stay-in-touch.cjs");

/** Builds dist/cli.cjs from the current sources, as `npm ci` does through "prepare". */
export function buildCli(): void {
	execFileSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT });
}

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs the real binary as a child process, inheriting TZ from the suite. */
export function cli(args: string[], cwd = ROOT): CliRun {
	const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: undefined } });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the binary without waiting for it, to run several at once; resolves to its exit code. */
export function cliAsync(args: string[]): Promise<number | null> {
	return new Promise((done) => {
		const child = execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, () => done(child.exitCode));
	});
}

/** A throwaway copy of a vault folder; removed by the returned cleanup. */
export function tempCopy(source: string): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), "sit-cli-"));
	cpSync(source, dir, { recursive: true });
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempDir(): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), "sit-cli-"));
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A throwaway vault holding `files` (vault path → text); removed by the returned cleanup. */
export function tempVault(files: Record<string, string>): { dir: string; cleanup: () => void } {
	const t = tempDir();
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(t.dir, path, ".."), { recursive: true });
		writeFileSync(join(t.dir, path), text);
	}
	return t;
}

/** Every file of a folder with its bytes: "nothing written" is this, unchanged. */
export function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (rel: string) => {
		for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
			const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
			if (entry.isDirectory()) walk(path);
			else out[path] = readFileSync(join(dir, path), "utf8");
		}
	};
	walk("");
	return out;
}
