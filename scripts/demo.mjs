// `npm start`: the overdue table for the bundled example vault.
//
// The example vault is written as of the date in example-vault/.as-of. So that it shows overdue
// people, people due soon and upcoming birthdays on whatever day it is run, this copies it to a
// temporary folder with every date moved forward by the days since then, and runs the CLI there.
// `npm start -- --json` (or any other CLI option) is passed through.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { spawnSync } from "child_process";
import { fileURLToPath } from "url";

const root = fileURLToPath(new URL("..", import.meta.url));
const source = join(root, "example-vault");
const asOf = readFileSync(join(source, ".as-of"), "utf8").trim();

function dayNumber(iso) {
	const [y, m, d] = iso.split("-").map(Number);
	return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}
function isoOf(day) {
	return new Date(day * 86400000).toISOString().slice(0, 10);
}

const now = new Date();
const today = dayNumber(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`);
const shift = today - dayNumber(asOf);

function moveDates(text) {
	return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (date) =>
		isoOf(dayNumber(date)) === date ? isoOf(dayNumber(date) + shift) : date,
	);
}

const vault = mkdtempSync(join(tmpdir(), "stay-in-touch-example-"));
try {
	cpSync(source, vault, { recursive: true });
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith(".md")) {
				const text = readFileSync(full, "utf8");
				writeFileSync(full, moveDates(text));
				// A daily note is named by its date: it moves too.
				if (moveDates(entry.name) !== entry.name) renameSync(full, join(dir, moveDates(entry.name)));
			}
		}
	};
	walk(vault);
	const args = process.argv.slice(2);
	if (!args.includes("--json")) {
		console.log(`Example vault (${shift === 0 ? `as of ${asOf}` : `written as of ${asOf}, dates moved ${shift} days to today`}):\n`);
	}
	const cli = join(root, "bin", "stay-in-touch.cjs");
	const result = spawnSync(process.execPath, [cli, "overdue", "--vault", vault, ...args], { encoding: "utf8" });
	// The copy is gone once this ends: a command the output suggests names example-vault instead.
	process.stdout.write(result.stdout.split(vault).join("example-vault"));
	process.stderr.write(result.stderr);
	process.exitCode = result.status ?? 1;
	if (!args.includes("--json")) {
		// The plugin too, into example-vault itself: open that folder as a vault in Obsidian to try it.
		console.log("");
		const install = spawnSync(process.execPath, [cli, "install", "--vault", source], { encoding: "utf8" });
		if (install.status === 0) {
			console.log(install.stdout.trim());
			console.log(`To try it: Obsidian → Open folder as vault → ${source}`);
		} else {
			console.log(`The plugin was not installed into example-vault: ${install.stderr.trim()}`);
		}
	}
} finally {
	rmSync(vault, { recursive: true, force: true });
}
