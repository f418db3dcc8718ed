/**
 * The folder: `folder P`, `group by folder`, the folder column.
 */
import type { Scheduled } from "../../schedule";
import { withoutTrailingSlashes } from "../../tags";
import { quoted, unquote } from "../argument-text";
import { foldText } from "../text";
import type { Field, FilterDef } from "./field";
import { compareLabels, ROOT_FOLDER } from "./group-labels";

/** As written, without surrounding slashes; compared case-insensitively. */
export interface FolderFilter {
	kind: "folder";
	folder: string;
}

const EMPTY = "folder needs a folder path, e.g. folder People/Work";

/**
 * Remembers a yes/no answer per distinct string: people share a handful of folders. The last
 * answer is checked first because people in one folder tend to come together.
 */
function memoized(test: (value: string) => boolean): (value: string) => boolean {
	const cache = new Map<string, boolean>();
	let lastValue: string | null = null;
	let lastAnswer = false;
	return (value) => {
		if (value === lastValue) return lastAnswer;
		let answer = cache.get(value);
		if (answer === undefined) {
			answer = test(value);
			cache.set(value, answer);
		}
		lastValue = value;
		lastAnswer = answer;
		return answer;
	};
}

const folderFilter: FilterDef<FolderFilter> = {
	kind: "folder",
	instructions: [
		{
			heads: ["folder"],
			usage: "folder People",
			missing: EMPTY,
			parse(arg) {
				const folder = withoutTrailingSlashes(unquote(arg).replace(/^\/+/, ""));
				return folder.trim() === "" ? { error: EMPTY } : { kind: "folder", folder };
			},
		},
	],
	compile(filter) {
		// Folded like names: a macOS path may store "É" decomposed while the query has it composed.
		const folder = foldText(filter.folder);
		const nested = `${folder}/`;
		const matches = memoized((f) => {
			const lower = foldText(f);
			return lower === folder || lower.startsWith(nested);
		});
		return (r) => matches(r.person.folder);
	},
	format: ({ folder }) => `folder ${quoted(folder)}`,
	explain: ({ folder }) => `in the folder ${folder} or its subfolders (any case)`,
};

/** The vault root has no name of its own: it shows as `/`. */
function shown({ person }: Scheduled): string {
	return person.folder === "" ? ROOT_FOLDER : person.folder;
}

export const folder = {
	name: "folder",
	filters: [folderFilter],
	group: { name: "folder", keys: (row, add) => add(shown(row)), order: compareLabels, explain: "one group per folder" },
	cell: shown,
} as const satisfies Field;
