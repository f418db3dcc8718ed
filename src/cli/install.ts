/**
 * `stay-in-touch install`: puts the built plugin (main.js, manifest.json, styles.css) into a
 * vault's `.obsidian/plugins/stay-in-touch/`, building it first in a source checkout where it is
 * missing or older than the sources. The vault's own settings (data.json) are never touched.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { UsageError } from "./args";

/** The files Obsidian loads a plugin from, in the package's root. */
export const PLUGIN_FILES = ["main.js", "manifest.json", "styles.css"] as const;

const PLUGIN_ID = "stay-in-touch";

export interface InstallIo {
	stdout: (text: string) => void;
}

/** The newest modification time of the files below `dir` (0 when there is no such folder). */
function newestIn(dir: string): number {
	if (!existsSync(dir)) return 0;
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/**
 * The package's main.js, built when this is a source checkout (src/ and esbuild are there) and
 * main.js is missing or older than a source file. A packed package ships it built.
 */
function ensureBuilt(root: string, io: InstallIo): void {
	const main = join(root, "main.js");
	const canBuild = existsSync(join(root, "esbuild.config.mjs")) && existsSync(join(root, "node_modules", "esbuild"));
	const stale = !existsSync(main) || (canBuild && newestIn(join(root, "src")) > statSync(main).mtimeMs);
	if (!stale) return;
	if (!canBuild) throw new UsageError(`${main} is missing; build the plugin with npm run build`);
	io.stdout("Building the plugin (main.js)…");
	const build = spawnSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: root, encoding: "utf8" });
	if (build.status !== 0)
		throw new UsageError(`the plugin could not be built: ${(build.stderr || build.stdout).trim().split("\n")[0] ?? ""}`);
}

function versionIn(manifestPath: string): string | null {
	try {
		const version = (JSON.parse(readFileSync(manifestPath, "utf8")) as { version?: unknown }).version;
		return typeof version === "string" ? version : null;
	} catch {
		return null;
	}
}

/** Copies a file through a temporary one beside it, so Obsidian never loads half a main.js. */
function copyAtomically(from: string, to: string): void {
	const temp = `${to}.${process.pid}.tmp`;
	writeFileSync(temp, readFileSync(from));
	renameSync(temp, to);
}

/** Installs into `vault`; refuses a folder that is no vault (no `.obsidian`) unless `force`. */
export function installPlugin(vault: string, root: string, force: boolean, io: InstallIo): void {
	if (!existsSync(vault) || !statSync(vault).isDirectory()) throw new UsageError(`${vault} is not a folder`);
	const config = join(vault, ".obsidian");
	if (!existsSync(config) && !force) {
		throw new UsageError(`${vault} is not an Obsidian vault (it has no .obsidian folder); open it in Obsidian once, or pass --force`);
	}
	ensureBuilt(root, io);
	const target = join(config, "plugins", PLUGIN_ID);
	const previous = versionIn(join(target, "manifest.json"));
	mkdirSync(target, { recursive: true });
	for (const file of PLUGIN_FILES) copyAtomically(join(root, file), join(target, file));
	const version = versionIn(join(target, "manifest.json")) ?? "";
	const what = previous === null ? "Installed" : previous === version ? "Reinstalled" : `Updated (from ${previous})`;
	io.stdout(
		[
			`${what} Stay in touch ${version} in ${target}`,
			"In Obsidian: Settings → Community plugins → Turn on community plugins, then enable Stay in touch.",
			previous === null ? "" : "If the vault is open, turn the plugin off and on again (or reload Obsidian) to load the new version.",
		]
			.filter(Boolean)
			.join("\n"),
	);
}
