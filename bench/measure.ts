/** Timing helpers: median and p95 over repeated samples, and the result table. */

export interface Row {
	measurement: string;
	size: string;
	median: number;
	p95: number;
	budget: number | null;
	unit: string;
	note?: string;
}

export async function sample(runs: number, fn: () => unknown, warmup = Math.min(5, runs)): Promise<{ median: number; p95: number }> {
	for (let i = 0; i < warmup; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return { median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] };
}

function fmt(n: number): string {
	return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3);
}

export function table(rows: Row[]): string {
	const lines = ["| measurement | vault | median | p95 | budget | within |", "| --- | --- | ---: | ---: | ---: | :---: |"];
	for (const r of rows) {
		const within = r.budget === null ? "–" : r.median <= r.budget ? "yes" : "**no**";
		const budget = r.budget === null ? "–" : `${fmt(r.budget)} ${r.unit}`;
		lines.push(
			`| ${r.measurement}${r.note ? ` (${r.note})` : ""} | ${r.size} | ${fmt(r.median)} ${r.unit} | ${fmt(r.p95)} ${r.unit} | ${budget} | ${within} |`,
		);
	}
	return lines.join("\n");
}
