/**
 * Values as a YAML parser returns them (Obsidian's `parseYaml`, js-yaml's `load`): what a mapping
 * is, and when two values are the same, which the frontmatter editor checks every edit by.
 */

export function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Structural equality of parsed YAML values (Dates by instant). */
export function sameYamlValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
	if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
	if (Array.isArray(a) || Array.isArray(b)) {
		return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameYamlValue(x, b[i]));
	}
	if (isMapping(a) && isMapping(b)) {
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameYamlValue(a[k], b[k]));
	}
	return false;
}
