/**
 * An import plan as text and as JSON: what the CLI prints (and `--json`), and the golden files
 * the tests compare. The preview modal shows the same rows.
 */
import { planCounts, type ImportPlan, type PlanCounts, type PlanRow, type RowKind } from "./plan";

const FORMAT_NAMES = { vcard: "vCard", google: "Google Contacts CSV", linkedin: "LinkedIn connections" } as const;

const SECTIONS: { kind: RowKind; title: string; mark: string }[] = [
	{ kind: "new", title: "New", mark: "+" },
	{ kind: "update", title: "To update", mark: "~" },
	{ kind: "ambiguous", title: "Ambiguous (not written)", mark: "?" },
	{ kind: "skipped", title: "Skipped", mark: "-" },
	{ kind: "unchanged", title: "Already up to date", mark: "=" },
];

/** "2 new, 1 to update, 3 unchanged, 0 ambiguous, 1 skipped". */
export function countsText(counts: PlanCounts): string {
	return `${counts.new} new, ${counts.update} to update, ${counts.unchanged} unchanged, ${counts.ambiguous} ambiguous, ${counts.skipped} skipped`;
}

/** What a row will write, one line per property: `email: a@x.org, b@y.org`. */
export function rowChanges(row: PlanRow): string[] {
	const lines = row.fills.map((f) => `${f.key}: ${Array.isArray(f.value) ? f.value.join(", ") : f.value}`);
	if (row.tags.length > 0) lines.push(`tags: ${row.tags.map((t) => `#${t}`).join(" ")}`);
	return lines;
}

function rowHead(row: PlanRow, mark: string): string {
	const from = row.sources.join(", ");
	switch (row.kind) {
		case "new":
		case "update":
		case "unchanged":
			return `${mark} ${row.path}  ← ${from}`;
		case "ambiguous":
			return `${mark} ${row.name}  ← ${from}: ${row.reason}: ${row.candidates.join(", ")}`;
		case "skipped":
			return `${mark} ${row.name || "(no name)"}  ← ${from}: ${row.reason}`;
	}
}

export function planText(plan: ImportPlan, fileName: string): string {
	const counts = planCounts(plan.rows);
	const out = [
		`${fileName} (${FORMAT_NAMES[plan.format]}): ${plan.rows.length} ${plan.rows.length === 1 ? "entry" : "entries"}; ${countsText(counts)}`,
	];
	for (const section of SECTIONS) {
		const rows = plan.rows.filter((r) => r.kind === section.kind);
		if (rows.length === 0) continue;
		out.push("", `${section.title} (${rows.length})`);
		for (const row of rows) {
			out.push(`  ${rowHead(row, section.mark)}`);
			if (row.kind === "new" || row.kind === "update") for (const line of rowChanges(row)) out.push(`      ${line}`);
		}
	}
	return out.join("\n");
}

export interface PlanRowJson {
	kind: RowKind;
	name: string;
	path: string | null;
	sources: string[];
	set: Record<string, string | string[]>;
	tags: string[];
	candidates?: string[];
	reason?: string;
}

export function planJson(plan: ImportPlan): { format: string; counts: PlanCounts; rows: PlanRowJson[] } {
	return {
		format: plan.format,
		counts: planCounts(plan.rows),
		rows: plan.rows.map((r) => ({
			kind: r.kind,
			name: r.name,
			path: r.path === "" ? null : r.path,
			sources: r.sources,
			set: Object.fromEntries(r.fills.map((f) => [f.key, f.value])),
			tags: r.tags,
			...(r.candidates.length > 0 ? { candidates: r.candidates } : {}),
			...(r.reason !== "" ? { reason: r.reason } : {}),
		})),
	};
}
