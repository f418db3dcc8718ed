import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import type { Day } from "../../../src/core/dates";
import { FrontmatterDoc } from "../../../src/core/frontmatter-edit";
import { readContactFile } from "../../../src/core/import/read";
import type { ContactFile } from "../../../src/core/import/contact";
import type { ExistingPerson } from "../../../src/core/import/match";
import { planImport, type ImportPlan } from "../../../src/core/import/plan";
import { applyImportRow, newPersonNote } from "../../../src/core/import/write";
import { basename } from "../../../src/core/person";
import { defaultSettings, type Settings } from "../../../src/core/settings";
import { frontmatterTags, inlineTags } from "../../../src/core/tags";
import { d } from "../helpers";

export const FIXTURES = join(process.cwd(), "tests", "fixtures", "import");
export const TODAY: Day = d("2026-11-26");

/** YAML as Obsidian reads properties (dates stay text). */
export function parseYaml(source: string): unknown {
	return load(source, { schema: CORE_SCHEMA });
}

export function fixture(name: string): Buffer {
	return readFileSync(join(FIXTURES, name));
}

export function readFixture(name: string): ContactFile {
	const read = readContactFile(name, fixture(name));
	if (!read.ok) throw new Error(read.error);
	return read;
}

/** The people of an in-memory vault (every note of it), as the plugin and the CLI hand them to the plan. */
export function peopleOf(files: Record<string, string>): ExistingPerson[] {
	return Object.entries(files).map(([path, text]) => {
		const opened = FrontmatterDoc.open(text, parseYaml);
		const data = opened.ok ? opened.doc.data : null;
		const aliases = data?.aliases;
		return {
			path,
			name: basename(path),
			aliases: Array.isArray(aliases) ? aliases.map(String) : typeof aliases === "string" ? [aliases] : [],
			tags: [...frontmatterTags(data ?? {}), ...inlineTags(opened.ok ? text.slice(opened.doc.bodyStart) : text)],
			frontmatter: data,
			unreadable: opened.ok ? null : opened.error,
		};
	});
}

export function plan(file: ContactFile, files: Record<string, string>, settings: Settings = defaultSettings()): ImportPlan {
	const taken = new Set(Object.keys(files).map((p) => p.toLowerCase()));
	return planImport(file, peopleOf(files), settings, (p) => taken.has(p.toLowerCase()));
}

/** The vault after applying every new and update row; throws on a refused write. */
export function apply(
	files: Record<string, string>,
	p: ImportPlan,
	settings: Settings = defaultSettings(),
	tier = "",
	template: string | null = null,
): Record<string, string> {
	const out = { ...files };
	for (const row of p.rows) {
		if (row.kind === "new") {
			const made = newPersonNote(row, { settings, tier, today: TODAY, template }, parseYaml);
			if (!made.ok) throw new Error(`${row.path}: ${made.error}`);
			out[row.path] = made.text;
		} else if (row.kind === "update") {
			const written = applyImportRow(out[row.path], row, parseYaml);
			if (!written.ok) throw new Error(`${row.path}: ${written.error}`);
			out[row.path] = written.text;
		}
	}
	return out;
}
