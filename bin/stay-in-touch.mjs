#!/usr/bin/env node
// Launcher for the CLI bundle that `npm install` / `npm ci` builds (the "prepare" script).
import { existsSync } from "fs";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const bundle = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.cjs");
if (!existsSync(bundle)) {
	process.stderr.write("stay-in-touch: the CLI is not built yet; run `npm run build:cli` (npm ci does it for you)\n");
	process.exit(2);
}
await import(bundle);
