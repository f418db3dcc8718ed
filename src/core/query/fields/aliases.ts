/**
 * The aliases column. (`name includes` searches aliases too.)
 */
import type { Field } from "./field";

export const aliases = {
	name: "aliases",
	aliases: ["alias"],
	cell: ({ person }) => person.aliases.join(", "),
} as const satisfies Field;
