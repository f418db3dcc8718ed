/**
 * `npm run bench`: every budget from the issues, measured on generated vaults of several sizes.
 * Prints one table (and writes bench/output/results.md). Not part of `npm test`: nothing here
 * asserts a timing.
 *
 * BENCH_SIZES=1000,10000 npm run bench   # a quicker run
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import esbuild from "esbuild";
import { afterAll, it } from "vitest";
import * as obsidian from "obsidian";
import { dayFromYmd } from "../src/core/dates";
import { parseQuery, runQuery } from "../src/core/query/index";
import { PinnedPlugin, manifest } from "../tests/integration/plugin-harness";
import { HOSTILE_INPUTS, type SlowestInput } from "../tests/reliability/hostile-inputs";
import { createTestApp, pressKey } from "../tests/runtime/harness";
import { VIEW_TYPE } from "../src/ui/sidebar-view";
import { ReachOutModal } from "../src/ui/reach-out-modal";
import { ContactImport } from "../src/obsidian/contact-import";
import { launch, openVault } from "../tests/e2e/browser";
import buildBrowserAssets from "../tests/e2e/global-setup";
import { generateVault, rng } from "./generate";
import { sample, table, type Row } from "./measure";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const TODAY = dayFromYmd(2026, 11, 26);
const rows: Row[] = [];

function label(notes: number): string {
	return `${notes.toLocaleString("en-US")} notes`;
}

function writeVault(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), "sit-bench-"));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, path, ".."), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

/** Wall time of a whole `node …` process, cold each time (a new process per sample). */
/**
 * Whole-process times of several commands, run in turn (a, b, a, b, …) so that each sees the
 * same machine: run one after the other, a busy spell on this shared machine lands on one only.
 */
function processTimes(commands: string[][], runs: number): { median: number; p95: number }[] {
	const times: number[][] = commands.map(() => []);
	for (let i = 0; i < runs + 1; i++) {
		commands.forEach((args, k) => {
			const t0 = performance.now();
			const run = spawnSync(process.execPath, args, { encoding: "utf8" });
			const t = performance.now() - t0;
			if (run.status !== 0) throw new Error(`${args.join(" ")} failed: ${run.stderr}`);
			if (i > 0) times[k].push(t); // the first round warms the OS file cache only
		});
	}
	return times.map((list) => {
		list.sort((a, b) => a - b);
		return { median: list[Math.floor(list.length / 2)], p95: list[list.length - 1] };
	});
}

it("plugin, index, sidebar and query at each vault size", async () => {
	for (const notes of SIZES) {
		const { files, people, daily } = generateVault(notes, 42);
		const app = await createTestApp(files);
		const size = label(notes);

		// onload: registration only; the index waits for the layout, so no vault scan here.
		const onloadTimes: number[] = [];
		for (let i = 0; i < 25; i++) {
			const candidate = new PinnedPlugin(app as never, manifest as never);
			const t0 = performance.now();
			await candidate.load();
			if (i >= 5) onloadTimes.push(performance.now() - t0);
			candidate.unload();
		}
		onloadTimes.sort((a, b) => a - b);
		rows.push({ measurement: "plugin onload", size, median: onloadTimes[10], p95: onloadTimes[18], budget: 5, unit: "ms" });

		await app.finishStartup();
		const plugin = await app.loadPlugin(PinnedPlugin, manifest);
		await app.settle();
		const index = plugin.ctx.index;

		// The whole build with mentions on, in slices: how long until the index is ready, and the
		// longest stretch the main thread worked without a pause (a long task is over 16 ms).
		const slices: number[] = [];
		const build = await sample(notes >= 100000 ? 5 : 15, async () => {
			await index.buildFromCache();
			slices.push(index.buildStats?.longestSliceMs ?? Number.NaN);
		});
		slices.sort((a, b) => a - b);
		const whom = `${people.toLocaleString("en-US")} people, ${daily.toLocaleString("en-US")} daily notes`;
		rows.push({
			measurement: `whole index ready, mentions on (${whom})`,
			size,
			...build,
			budget: notes >= 100000 ? 1000 : null,
			unit: "ms",
		});
		rows.push({
			measurement: "longest slice of that build without a pause (no long task)",
			size,
			median: slices[Math.floor(slices.length / 2)],
			p95: slices[slices.length - 1],
			budget: 16,
			unit: "ms",
		});
		await index.rebuild();
		await app.settle();

		// One note changed: the `changed` handler (parse that person, schedule them, update the
		// day's counts) and the burst notification (the status bar reads a count).
		const r = rng(7);
		const personFiles = app.vault.getMarkdownFiles().filter((f) => index.get(f.path));
		const changed = await Promise.all(
			Array.from({ length: 50 }, async () => {
				const file = personFiles[Math.floor(r() * personFiles.length)];
				return { file, data: await app.vault.cachedRead(file), cache: app.metadataCache.getFileCache(file) };
			}),
		);
		let next = 0;
		const change = await sample(500, () => {
			const { file, data, cache } = changed[next++ % changed.length];
			if (!cache) return;
			app.metadataCache.trigger("changed", file, data, cache);
			index.flush();
		});
		rows.push({ measurement: "one note changed → index updated, subscribers told", size, ...change, budget: 0.1, unit: "ms" });

		// One daily note edited: its links read again from the cache, and the people it mentions,
		// before and after, rescheduled.
		const dailyFiles = app.vault.getMarkdownFiles().filter((f) => f.path.startsWith("Daily/"));
		const edited = await Promise.all(
			Array.from({ length: 50 }, async () => {
				const file = dailyFiles[Math.floor(r() * dailyFiles.length)];
				return { file, data: await app.vault.cachedRead(file), cache: app.metadataCache.getFileCache(file) };
			}),
		);
		const dailyChange = await sample(500, () => {
			const { file, data, cache } = edited[next++ % edited.length];
			if (!cache) return;
			app.metadataCache.trigger("changed", file, data, cache);
			index.flush();
		});
		rows.push({
			measurement: "one daily note edited → index updated, subscribers told",
			size,
			...dailyChange,
			budget: 0.5,
			unit: "ms",
		});

		if (notes >= 100000 || SIZES.length === 1) {
			const settings = plugin.ctx.settings.get();
			const list = index.scheduled(plugin.ctx.clock.today());
			const text = "overdue\ntag #work\nnot contacted since 2026-06-01\nsort by urgency\nlimit 10";
			const query = await sample(50, () => {
				const parsed = parseQuery(text, { tiers: settings.tiers });
				if (parsed.ok) runQuery(parsed.query, list, { today: TODAY, settings });
			});
			rows.push({
				measurement: `query parse + evaluate, ${people.toLocaleString("en-US")} people`,
				size,
				...query,
				budget: 5,
				unit: "ms",
			});
		}
		if (notes >= 100000 || SIZES.length === 1) {
			// The reach-out queue (#19): open to the first card, its note and mentioning notes read,
			// then the next card (space), each with everyone in the vault to pick from.
			const whoFor = `${people.toLocaleString("en-US")} people`;
			const open = await sample(20, async () => {
				const modal = new ReachOutModal(plugin.ctx);
				modal.open();
				await modal.cardRead;
				modal.close();
			});
			rows.push({ measurement: `reach-out queue open → first card, ${whoFor}`, size, ...open, budget: 50, unit: "ms" });
			const modal = new ReachOutModal(plugin.ctx);
			modal.open();
			await modal.cardRead;
			const nextCard = await sample(Math.min(100, modal.session.items.length - 10), async () => {
				pressKey(modal.contentEl, " ");
				await modal.cardRead;
			});
			modal.close();
			rows.push({
				measurement: `reach-out queue next card, ${whoFor}`,
				size,
				...nextCard,
				budget: 16,
				unit: "ms",
				note: `${modal.session.items.length.toLocaleString("en-US")} in the queue`,
			});
		}
		await app.unloadPlugin(manifest.id);
	}
});

it("sidebar render for 10,000 people in Chromium (the built main.js)", async () => {
	await buildBrowserAssets();
	const browser = await launch();
	try {
		// Rendering depends on the people, not on the rest of the vault: 10,000 person notes.
		const { files } = generateVault(100000, 42);
		const people: Record<string, string> = {};
		for (const [path, text] of Object.entries(files)) {
			if ((path.startsWith("Notes/") && !text.includes("tags: [person")) || path.startsWith("Daily/")) continue;
			people[path] = text.replace(/\n## Interactions[\s\S]*$/, "\n");
		}
		const session = await openVault(browser, { files: people });
		const result = await session.page.evaluate(async (type) => {
			window.e2e.command("open-sidebar");
			await window.e2e.settle();
			const app = window.e2e.app();
			const view = app.workspace.getLeavesOfType(type)[0].view as unknown as {
				refresh(force?: boolean): void;
				contentEl: HTMLElement;
			};
			const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
			const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)];
			// 1. Every row built: the first render, and any after a settings change (which is how
			// this forces it). 2. The same people again (Show more, a collapsed group, the clock):
			// rows are reused. One frame each.
			const settings = (view as unknown as { ctx: { settings: { revision: number } } }).ctx.settings;
			const built: number[] = [];
			const again: number[] = [];
			for (let i = 0; i < 50; i++) {
				await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
				const fresh = i % 2 === 0;
				if (fresh) settings.revision += 1;
				const t0 = performance.now();
				view.refresh(true);
				// Layout and style are part of a render the user waits for.
				void view.contentEl.offsetHeight;
				if (i >= 10) (fresh ? built : again).push(performance.now() - t0);
			}
			// 2. The render the index triggers after one person note changed (they move between
			// groups): timed around the view's own refresh, counted only when it rebuilt the list.
			const changed: number[] = [];
			const refresh = view.refresh.bind(view);
			view.refresh = (force?: boolean) => {
				const before = view.contentEl.querySelector(".stay-in-touch-groups");
				const t0 = performance.now();
				refresh(force);
				void view.contentEl.offsetHeight;
				if (view.contentEl.querySelector(".stay-in-touch-groups") !== before) changed.push(performance.now() - t0);
			};
			const file = app.vault.getMarkdownFiles().find((f) => f.path.startsWith("People/"))!;
			const text = await app.vault.read(file);
			const body = text.replace(/^last_contact:.*$/m, "");
			for (let i = 0; i < 21; i++) {
				const date = i % 2 === 0 ? "2020-01-01" : "2026-11-25";
				await app.vault.modify(file, body.replace(/^---\n/, `---\nlast_contact: ${date}\n`));
				await window.e2e.settle();
			}
			view.refresh = refresh;
			return {
				builtMedian: median(built),
				builtP95: p95(built),
				median: median(again),
				p95: p95(again),
				changedMedian: median(changed.slice(1)),
				changedP95: p95(changed.slice(1)),
				renders: changed.length,
				nodes: view.contentEl.querySelectorAll("*").length,
				people: app.vault.getMarkdownFiles().length,
			};
		}, VIEW_TYPE);
		const people10k = `${result.people.toLocaleString("en-US")} people`;
		rows.push({
			measurement: `sidebar render in Chromium, every row built, ${people10k}`,
			size: "–",
			median: result.builtMedian,
			p95: result.builtP95,
			budget: 16,
			unit: "ms",
			note: `${result.nodes} DOM nodes`,
		});
		rows.push({
			measurement: `sidebar render again, same people (rows reused), ${people10k}`,
			size: "–",
			median: result.median,
			p95: result.p95,
			budget: 16,
			unit: "ms",
		});
		rows.push({
			measurement: `sidebar render after one note changed, ${people10k}`,
			size: "–",
			median: result.changedMedian,
			p95: result.changedP95,
			budget: 16,
			unit: "ms",
			note: `${result.renders} renders`,
		});
		await session.close();
	} finally {
		await browser.close();
	}
});

/**
 * Runs `source` (TypeScript importing from the repository) bundled and minified by plain Node, as
 * users run the code, and returns the JSON it prints: vitest's module runner makes some code
 * several times slower than that.
 */
async function inPlainNode<T>(name: string, source: string): Promise<T> {
	const bundle = join(tmpdir(), name);
	await esbuild.build({
		stdin: { contents: source, resolveDir: process.cwd(), loader: "ts" },
		bundle: true,
		platform: "node",
		format: "cjs",
		target: "node20",
		minify: true,
		outfile: bundle,
		logLevel: "warning",
	});
	return JSON.parse(execFileSync(process.execPath, [bundle], { encoding: "utf8" })) as T;
}

it("log writer on a 1 MB note", async () => {
	// Timed in a bundle run by plain Node, as the plugin and the CLI run it (as the parsers below):
	// under vitest's module runner the same calls take ~5× longer (12.7 against 2.5 ms).
	const result = await inPlainNode<{ median: number; p95: number; bytes: number }>(
		"sit-bench-writer.cjs",
		`import { writerSample } from "./bench/writer-sample";\nwriterSample().then((r) => process.stdout.write(JSON.stringify(r)));`,
	);
	rows.push({
		measurement: "log writer (entry + favors)",
		size: `${(result.bytes / 1024 / 1024).toFixed(2)} MB note`,
		median: result.median,
		p95: result.p95,
		budget: 5,
		unit: "ms",
	});
});

it("parsers on 1 MB hostile input: worst per-input time", async () => {
	// Every parser fed by note text on every hostile input of the fuzz test, each pair timed alone,
	// in a bundle run by plain Node as users run the code (see `slowestInputs`). The row is the
	// slowest pair, named in the note; bench/output/parsers.md has each parser's slowest input.
	const slowest = await inPlainNode<SlowestInput[]>(
		"sit-bench-parsers.cjs",
		`import { slowestInputs } from "./tests/reliability/hostile-inputs";\nprocess.stdout.write(JSON.stringify(slowestInputs()));`,
	);
	// Note text is read on every change, so its parsers have a per-input bound: inside Obsidian,
	// 50 ms, where a task becomes a long task; the tag and YAML readers that only the CLI runs (in
	// Obsidian the metadata cache reads those), a quarter of the CLI's 400 ms for the whole vault.
	// A contacts file is read once, when the user imports it: a hostile megabyte is half a million
	// one-line rows, each a contact to build, so that reader has no such bound; the reliability
	// suite checks it is linear.
	const contactsFile = (s: SlowestInput) => s.parser.startsWith("contacts file") || s.parser === "CSV";
	const inObsidian = slowest.filter((s) => !contactsFile(s) && !s.cliOnly);
	const cliOnly = slowest.filter((s) => !contactsFile(s) && s.cliOnly);
	const contacts = slowest.filter(contactsFile);
	for (const [group, where, budget] of [
		[inObsidian, "run in Obsidian and the CLI", 50],
		[cliOnly, "run only by the CLI", 100],
	] as const) {
		rows.push({
			measurement: `note text parsers ${where}, on 1 MB hostile input: worst per-input time (${group.length} parsers × ${HOSTILE_INPUTS.length} inputs)`,
			size: "1 MB text",
			median: group[0].median,
			p95: group[0].p95,
			budget,
			unit: "ms",
			note: `${group[0].parser} on ${group[0].input}`,
		});
	}
	if (contacts.length > 0)
		rows.push({
			measurement: "contacts file readers (import) on 1 MB hostile input: worst per-input time",
			size: "1 MB file",
			median: contacts[0].median,
			p95: contacts[0].p95,
			budget: null,
			unit: "ms",
			note: `${contacts[0].parser} on ${contacts[0].input}`,
		});
	const lines = slowest.map(
		(s) => `| ${s.parser}${s.cliOnly ? " (CLI only)" : ""} | ${s.input} | ${s.median.toFixed(1)} ms | ${s.p95.toFixed(1)} ms |`,
	);
	mkdirSync("bench/output", { recursive: true });
	writeFileSync(
		"bench/output/parsers.md",
		["| parser | slowest input (1 MB) | median | p95 |", "| --- | --- | ---: | ---: |", ...lines, ""].join("\n"),
	);
});

it("CLI overdue, whole process, cold, beside a bare read of every file", async () => {
	execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
	const { files } = generateVault(10000, 42);
	const dir = writeVault(files);
	try {
		const bare = join(tmpdir(), "sit-bench-bare-read.cjs");
		writeFileSync(
			bare,
			`const fs=require("fs"),p=require("path");let n=0;(function w(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){if(e.name.startsWith("."))continue;const f=p.join(d,e.name);if(e.isDirectory())w(f);else if(e.name.endsWith(".md")){fs.readFileSync(f,"utf8");n++}}})(process.argv[2]);`,
		);
		const [baseline, cli] = processTimes(
			[
				[bare, dir],
				["bin/stay-in-touch.cjs", "overdue", "--vault", dir, "--today", "2026-11-26"],
			],
			11,
		);
		rows.push({
			measurement: "bare Node: read every file",
			size: label(10000),
			...baseline,
			budget: null,
			unit: "ms",
			note: "reference",
		});
		rows.push({ measurement: "CLI `stay-in-touch overdue`, whole process", size: label(10000), ...cli, budget: 400, unit: "ms" });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

/** LinkedIn's Connections.csv with `count` rows: a tenth are people the vault has (by name), the rest new. */
function connectionsCsv(count: number, existing: readonly string[]): Uint8Array {
	const r = rng(7);
	const lines = [
		"Notes:",
		'"When exporting your connection data, you may notice that some of the email addresses are missing."',
		"",
		"First Name,Last Name,URL,Email Address,Company,Position,Connected On",
	];
	for (let i = 0; i < count; i++) {
		const known = i % 10 === 0 && existing.length > 0 ? existing[Math.floor(r() * existing.length)] : null;
		const [first, ...rest] = (known ?? `Contact${i} Person${Math.floor(r() * 1e6)}`).split(" ");
		const day = 1 + Math.floor(r() * 28);
		lines.push(
			`${first},"${rest.join(" ")}",https://www.linkedin.com/in/c${i},${i % 3 === 0 ? `c${i}@mail.example` : ""},"Acme ${i % 97}, Inc.",Engineer,${day} Mar 2024`,
		);
	}
	return new TextEncoder().encode(`\ufeff${lines.join("\r\n")}\r\n`);
}

it("import 5,000 LinkedIn connections into a 10,000-note vault, through the plugin", async () => {
	const { files } = generateVault(10000, 42);
	const app = await createTestApp(files);
	await app.finishStartup();
	const plugin = await app.loadPlugin(PinnedPlugin, manifest);
	await app.settle();
	const importer = new ContactImport(plugin.ctx);
	const names = plugin.ctx.index.all().map((p) => p.name);
	const bytes = connectionsCsv(5000, names);
	const size = `5,000 connections, ${label(10000)}`;
	let plan = null as ReturnType<ContactImport["plan"]> | null;
	const planned = await sample(10, () => {
		const read = importer.read("Connections.csv", bytes);
		if (!read.ok) throw new Error(read.error);
		plan = importer.plan(read);
	});
	rows.push({
		measurement: "import: read the file and plan",
		size,
		...planned,
		budget: 300,
		unit: "ms",
	});
	if (!plan) throw new Error("no plan");
	const chosen = plan.rows;
	const writes: number[] = [];
	const indexed: number[] = [];
	for (let i = 0; i < 3; i++) {
		const t0 = performance.now();
		const outcome = await importer.apply(chosen, "");
		writes.push(performance.now() - t0);
		if (outcome.failed.length > 0) throw new Error(outcome.failed[0]);
		// Until the metadata cache has read every new note and the index holds the new people.
		await app.settle();
		indexed.push(performance.now() - t0);
		await importer.undo();
		await app.settle();
	}
	writes.sort((a, b) => a - b);
	indexed.sort((a, b) => a - b);
	rows.push({
		measurement: "import: written and indexed (the sidebar shows the new people)",
		size,
		median: indexed[1],
		p95: indexed[2],
		budget: null,
		unit: "ms",
	});
	rows.push({
		measurement: "import: write every note (plugin path, notice counting)",
		size,
		median: writes[1],
		p95: writes[2],
		budget: 5000,
		unit: "ms",
	});
});

it("CLI ics and digest, whole process, cold", async () => {
	execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
	const { files } = generateVault(10000, 42);
	const dir = writeVault(files);
	try {
		// `overdue` in the same rounds: on a busy machine every command slows alike, and the note says by how much.
		const [overdue, ics, digest] = processTimes(
			[
				["bin/stay-in-touch.cjs", "overdue", "--vault", dir, "--today", "2026-11-26"],
				["bin/stay-in-touch.cjs", "ics", "--vault", dir, "--today", "2026-11-26", "--out", join(dir, "people.ics")],
				["bin/stay-in-touch.cjs", "digest", "--vault", dir, "--today", "2026-11-26"],
			],
			11,
		);
		const note = `overdue in the same rounds: ${overdue.median.toFixed(0)} ms`;
		rows.push({
			measurement: "CLI `stay-in-touch ics --out`, whole process",
			size: label(10000),
			...ics,
			budget: 400,
			unit: "ms",
			note,
		});
		rows.push({
			measurement: "CLI `stay-in-touch digest`, whole process",
			size: label(10000),
			...digest,
			budget: 400,
			unit: "ms",
			note,
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

it("main.js size and load time", async () => {
	execFileSync(process.execPath, ["esbuild.config.mjs", "production"]);
	const source = readFileSync("main.js", "utf8");
	const kb = statSync("main.js").size / 1024;
	rows.push({ measurement: "main.js size", size: "–", median: kb, p95: kb, budget: 150, unit: "KB" });
	const loadTime = await sample(30, () => {
		const module = { exports: {} as Record<string, unknown> };
		// Obsidian evaluates main.js as a CommonJS module with `require("obsidian")` provided.
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		new Function("require", "module", "exports", source)((id: string) => (id === "obsidian" ? obsidian : {}), module, module.exports);
	});
	rows.push({ measurement: "main.js evaluate (module load)", size: "–", ...loadTime, budget: null, unit: "ms" });
});

afterAll(() => {
	const out = table(rows);
	const machine = `${process.version}, ${readdirSync("/sys/devices/system/cpu").filter((d) => /^cpu\d+$/.test(d)).length} cores`;
	mkdirSync("bench/output", { recursive: true });
	writeFileSync("bench/output/results.md", `${out}\n\nMachine: ${machine}; ${new Date().toISOString().slice(0, 10)}.\n`);
	process.stdout.write(`\n${out}\n\nMachine: ${machine}\n`);
});
