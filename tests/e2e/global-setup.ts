import { execFileSync } from "node:child_process";
import esbuild from "esbuild";

/** Builds what the browser loads: the production main.js and the runtime answering require("obsidian"). */
export default async function setup(): Promise<void> {
	execFileSync(process.execPath, ["esbuild.config.mjs", "production"], { stdio: "inherit" });
	await esbuild.build({
		entryPoints: ["tests/e2e/page/boot.ts"],
		bundle: true,
		platform: "browser",
		format: "iife",
		target: "chrome120",
		outfile: "tests/e2e/output/runtime.js",
		external: ["node:*"],
		logLevel: "warning",
	});
}
