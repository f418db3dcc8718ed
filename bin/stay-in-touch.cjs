#!/usr/bin/env node
// Launcher for the CLI bundle that `npm install` / `npm ci` builds (the "prepare" script).
// CommonJS, not an ES module: starting Node's ESM loader cost ~14 ms of every command, and
// requiring CommonJS from ESM made Node lex the whole bundle for named exports (~40 ms).
"use strict";
const { existsSync } = require("fs");
const { join } = require("path");

const bundle = join(__dirname, "..", "dist", "cli.cjs");
if (!existsSync(bundle)) {
	process.stderr.write("stay-in-touch: the CLI is not built yet; run `npm run build:cli` (npm ci does it for you)\n");
	process.exit(2);
}
require(bundle);
