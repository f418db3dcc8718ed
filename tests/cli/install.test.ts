/**
 * Getting the plugin into a vault, and the CLI out of the repository: `stay-in-touch install`,
 * `--version`, the bare command, and the packed package installed into a folder of its own.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, buildCli, cli, ROOT, tempDir, tempVault } from "./cli-helpers";

const cleanups: (() => void)[] = [];
afterEach(() => {
	while (cleanups.length) cleanups.pop()?.();
});

function dir(files: Record<string, string>): string {
	const t = tempVault(files);
	cleanups.push(t.cleanup);
	return t.dir;
}

const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
	version: string;
	files: string[];
	bin: Record<string, string>;
};
const PLUGIN = ".obsidian/plugins/stay-in-touch";

beforeAll(() => {
	buildCli();
	execFileSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: ROOT });
}, 120000);

describe("stay-in-touch install", () => {
	it("puts the built plugin into a fresh vault and says how to turn it on", () => {
		const vault = dir({ ".obsidian/app.json": "{}", "People/Ada.md": "---\ncadence: weekly\n---\n" });
		const run = cli(["install", "--vault", vault]);
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(`Installed Stay in touch ${PKG.version} in ${join(vault, PLUGIN)}`);
		expect(run.stdout).toContain("Turn on community plugins, then enable Stay in touch");
		for (const file of ["main.js", "manifest.json", "styles.css"]) {
			expect(readFileSync(join(vault, PLUGIN, file), "utf8")).toBe(readFileSync(join(ROOT, file), "utf8"));
		}
		expect(readdirSync(join(vault, PLUGIN)).sort()).toEqual(["main.js", "manifest.json", "styles.css"]);
	});

	it("updates an installed plugin and never touches its settings", () => {
		const settings = '{"version":1,"peopleFolders":["Contacts"]}';
		const vault = dir({
			[`${PLUGIN}/data.json`]: settings,
			[`${PLUGIN}/manifest.json`]: '{"id":"stay-in-touch","version":"0.0.1"}',
			[`${PLUGIN}/main.js`]: "old",
		});
		const run = cli(["install", "--vault", vault]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(`Updated (from 0.0.1) Stay in touch ${PKG.version}`);
		expect(run.stdout).toContain("turn the plugin off and on again");
		expect(readFileSync(join(vault, PLUGIN, "data.json"), "utf8")).toBe(settings);
		expect(readFileSync(join(vault, PLUGIN, "main.js"), "utf8")).toBe(readFileSync(join(ROOT, "main.js"), "utf8"));
	});

	it("refuses a folder that is not a vault, unless --force", () => {
		const folder = dir({ "notes.md": "hi" });
		const refused = cli(["install", "--vault", folder]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain("is not an Obsidian vault (it has no .obsidian folder)");
		expect(existsSync(join(folder, ".obsidian"))).toBe(false);
		expect(cli(["install", "--vault", folder, "--force"]).code).toBe(0);
		expect(existsSync(join(folder, PLUGIN, "main.js"))).toBe(true);
		expect(cli(["install", "--vault", join(folder, "missing")]).stderr).toContain("is not a folder");
		expect(cli(["install"]).stderr).toContain("install needs --vault DIR");
	});
});

describe("the command itself", () => {
	it("--version prints the package's version; a bare command prints the usage", () => {
		expect(cli(["--version"])).toMatchObject({ code: 0, stdout: `${PKG.version}\n` });
		const bare = cli([]);
		expect(bare.code).toBe(0);
		expect(bare.stdout).toMatch(/^Usage: stay-in-touch <command> \[options\]/);
		expect(bare.stdout).toContain("install   put the Obsidian plugin into a vault");
	});

	it("installs from its package into any folder, and runs there", () => {
		const { dir: work, cleanup } = tempDir();
		cleanups.push(cleanup);
		// What `npm publish` would ship (the build above stands for the prepack script).
		const packed = spawnSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", work], {
			cwd: ROOT,
			encoding: "utf8",
		});
		expect(packed.status, packed.stderr).toBe(0);
		const tarball = join(work, packed.stdout.trim().split("\n").at(-1) ?? "");
		const app = join(work, "app");
		mkdirSync(app);
		writeFileSync(join(app, "package.json"), "{}");
		// No dependencies to fetch: the CLI and the plugin are bundled.
		const installed = spawnSync("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: app, encoding: "utf8" });
		expect(installed.status, installed.stderr).toBe(0);
		const shipped = readdirSync(join(app, "node_modules", "stay-in-touch")).sort();
		expect(shipped).toEqual(
			expect.arrayContaining(["LICENSE", "README.md", "bin", "dist", "main.js", "manifest.json", "package.json", "styles.css"]),
		);
		expect(shipped).not.toContain("src");
		mkdirSync(join(app, "Notes", ".obsidian"), { recursive: true });
		mkdirSync(join(app, "Notes", "People"));
		writeFileSync(join(app, "Notes", "People", "Ada.md"), "---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n");
		const bin = join(app, "node_modules", ".bin", "stay-in-touch");
		const run = (args: string[]) => spawnSync(bin, args, { cwd: app, encoding: "utf8" });
		expect(run(["--version"]).stdout).toBe(`${PKG.version}\n`);
		const overdue = run(["overdue", "--vault", "Notes", "--today", "2026-11-26", "--json"]);
		expect(overdue.status, overdue.stderr).toBe(0);
		expect((JSON.parse(overdue.stdout) as { name: string }[]).map((r) => r.name)).toEqual(["Ada"]);
		const install = run(["install", "--vault", "Notes"]);
		expect(install.status, install.stderr).toBe(0);
		expect(existsSync(join(app, "Notes", PLUGIN, "main.js"))).toBe(true);
	}, 120000);

	it("the package names the launcher the tests run", () => {
		expect(join(ROOT, PKG.bin["stay-in-touch"])).toBe(BIN);
		expect(PKG.files).toEqual(expect.arrayContaining(["bin/", "dist/cli.cjs", "main.js", "manifest.json", "styles.css"]));
	});
});
