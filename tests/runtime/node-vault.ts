/**
 * Node-only: read a fixture vault folder from disk into the `{ path: text }` shape the runtime
 * loads. Not imported by the `obsidian` module (which must bundle for a browser).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const TEXT_EXTENSIONS = /\.(md|json|txt|css|js|canvas|base|csv|ya?ml)$/i;

/** A plugin's own files in a vault (`npm start` installs ours into the example vault): code, not content. */
const INSTALLED_PLUGIN_FILE = /^\.obsidian\/plugins\/[^/]+\/(main\.js|manifest\.json|styles\.css)$/;

/**
 * Every text file under `dir`, recursively, keyed by its vault path ("People/Ada.md",
 * ".obsidian/plugins/stay-in-touch/data.json"), but an installed plugin's code. Empty folders are
 * kept as "Folder/" keys.
 */
export function loadFixtureDir(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (abs: string) => {
		const entries = readdirSync(abs).sort();
		const rel = relative(dir, abs).split(sep).join("/");
		if (!entries.length && rel) out[`${rel}/`] = "";
		for (const name of entries) {
			const child = join(abs, name);
			if (statSync(child).isDirectory()) walk(child);
			else if (TEXT_EXTENSIONS.test(name)) {
				const path = relative(dir, child).split(sep).join("/");
				if (!INSTALLED_PLUGIN_FILE.test(path)) out[path] = readFileSync(child, "utf8");
			}
		}
	};
	walk(dir);
	return out;
}
