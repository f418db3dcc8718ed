/**
 * The tags: `tag #x`, `group by tag`, the tags column.
 */
import { SLASH } from "../../char-codes";
import { isValidTag, withoutTrailingSlashes } from "../../tags";
import type { Field, FilterDef } from "./field";
import { compareLabels, NO_TAG } from "./group-labels";

/** Lowercase, without `#`. */
export interface TagFilter {
	kind: "tag";
	tag: string;
}

const ONE_TAG = "tag needs one tag, e.g. tag #work";

/** The tag or a tag nested inside it (`#work` matches `work/acme`, not `workshop`), like Obsidian's tag search. */
const tagFilter: FilterDef<TagFilter> = {
	kind: "tag",
	instructions: [
		{
			heads: ["tag"],
			usage: "tag #x",
			missing: ONE_TAG,
			parse(arg) {
				const tag = withoutTrailingSlashes(arg.replace(/^#+/, "")).toLowerCase();
				// `tag #a,#b` or `tag #a.b` would silently match nobody: no note has such a tag.
				return isValidTag(tag) ? { kind: "tag", tag } : { error: ONE_TAG };
			},
		},
	],
	compile({ tag }) {
		const n = tag.length;
		// A plain loop and string compares: cheaper than a callback and a cache lookup per tag.
		return (r) => {
			for (const t of r.person.tags) {
				if (t === tag || (t.length > n && t.charCodeAt(n) === SLASH && t.startsWith(tag))) return true;
			}
			return false;
		};
	},
	format: ({ tag }) => `tag #${tag}`,
	explain: ({ tag }) => `tagged #${tag} or a tag inside it (#${tag}/…)`,
};

export const tags = {
	name: "tags",
	aliases: ["tag"],
	filters: [tagFilter],
	group: {
		name: "tag",
		keys({ person }, add) {
			if (person.tags.length === 0) add(NO_TAG);
			else for (const tag of person.tags) add(`#${tag}`);
		},
		order: compareLabels,
		explain: "one group per tag; someone with several tags appears under each, untagged under (no tag)",
	},
	cell: ({ person }) => person.tags.map((t) => `#${t}`).join(", "),
} as const satisfies Field;
