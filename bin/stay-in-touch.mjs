#!/usr/bin/env node
// Launcher for the CLI bundle that `npm install` / `npm ci` builds (the "prepare" script).
import { existsSync } from "fs";
import { createRequire } from "module";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const bundle = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.cjs");
if (!existsSync(bundle)) {
	process.stderr.write("stay-in-touch: the CLI is not built yet; run `npm run build:cli` (npm ci does it for you)\n");
	process.exit(2);
}
// require, not import(): importing CommonJS from ESM makes Node lex the whole bundle for named
// exports first, which cost ~40 ms of every command's start-up.
createRequire(import.meta.url)(bundle);
