/**
 * The layers of src/README.md, read from the imports themselves: core ← obsidian ← ui ← main.ts,
 * api.ts beside ui, core ← cli. ESLint refuses such imports as they are written; this test says
 * which file broke a layer even where lint is not run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(process.cwd(), "src");

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
	);
}

/** `core`, `obsidian`, `ui`, `cli`, or the file itself for `main.ts`, `api.ts`. */
function layerOf(file: string): string {
	return relative(SRC, file)
		.split("/")[0]
		.replace(/\.d\.ts$|\.ts$/, "");
}

/** Every module a file imports: package names as written, project files as their layer. */
function imports(file: string): { spec: string; layer: string | null }[] {
	const text = readFileSync(file, "utf8");
	return [...text.matchAll(/^\s*(?:import|export)\b(?:[^;"]*?\bfrom)?\s*"([^"]+)"/gm)].map((m) => {
		const spec = m[1];
		return { spec, layer: spec.startsWith(".") ? layerOf(resolve(dirname(file), spec)) : null };
	});
}

const ALLOWED: Record<string, { layers: string[]; packages: RegExp }> = {
	core: { layers: ["core", "stay-in-touch-api"], packages: /^(luxon)$/ },
	obsidian: { layers: ["core", "obsidian"], packages: /^obsidian$/ },
	ui: { layers: ["core", "obsidian", "ui"], packages: /^obsidian$/ },
	api: { layers: ["core", "obsidian", "stay-in-touch-api"], packages: /^obsidian$/ },
	cli: { layers: ["core", "cli"], packages: /^(fs|path|os|child_process|gray-matter|js-yaml)$/ },
	main: { layers: ["core", "obsidian", "ui", "api"], packages: /^obsidian$/ },
	"stay-in-touch-api": { layers: [], packages: /^$/ },
};

describe("the layers hold", () => {
	const files = sources(SRC);

	it("finds the source files", () => {
		expect(files.length).toBeGreaterThan(40);
		expect(files.map(layerOf)).toEqual(expect.arrayContaining(["core", "obsidian", "ui", "cli", "main", "api"]));
	});

	it.each(files.map((f) => [relative(SRC, f)]))("%s imports only what its layer may", (path) => {
		const file = join(SRC, path);
		const allowed = ALLOWED[layerOf(file)];
		expect(allowed, `no layer rule for ${path}`).toBeDefined();
		const wrong = imports(file).filter(({ spec, layer }) =>
			layer === null ? !allowed.packages.test(spec) : !allowed.layers.includes(layer),
		);
		expect(wrong.map((w) => w.spec)).toEqual([]);
	});

	// The benchmark bounds these parsers as the CLI's alone (`cliOnly` in the reliability suite's
	// parser list): in Obsidian the metadata cache reads tags.
	it("only the CLI reads tags from note text", () => {
		const readers = files.filter(
			(file) =>
				layerOf(file) !== "cli" &&
				!file.endsWith("core/tags.ts") &&
				/\b(inlineTags|frontmatterTags)\b/.test(readFileSync(file, "utf8")),
		);
		expect(readers.map((f) => relative(SRC, f))).toEqual([]);
		expect(files.filter((file) => /\b(inlineTags|frontmatterTags)\b/.test(readFileSync(file, "utf8"))).map(layerOf)).toContain("cli");
	});
});
