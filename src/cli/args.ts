/** Command-line arguments: a command, positional words and `--flag value` options. */

export class UsageError extends Error {}

export interface ParsedArgs {
	command: string | null;
	positional: string[];
	options: Map<string, string | true>;
}

/** Options that take no value. */
const FLAGS = new Set(["json", "help", "no-color", "color", "force", "version", "dry-run"]);

export function parseArgs(argv: readonly string[], known: ReadonlySet<string>): ParsedArgs {
	const positional: string[] = [];
	const options = new Map<string, string | true>();
	let optionsEnded = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (optionsEnded) {
			positional.push(arg);
			continue;
		}
		if (arg === "--") {
			// Everything after `--` is a word, even a name that starts with a dash.
			optionsEnded = true;
			continue;
		}
		if (arg === "-h") {
			options.set("help", true);
			continue;
		}
		if (/^-[^-]/.test(arg)) throw new UsageError(`unknown option ${arg}`);
		if (arg.startsWith("--")) {
			const eq = arg.indexOf("=");
			const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
			if (!known.has(name) && !FLAGS.has(name)) throw new UsageError(`unknown option --${name}`);
			if (FLAGS.has(name)) {
				if (eq >= 0) throw new UsageError(`--${name} takes no value`);
				options.set(name, true);
				continue;
			}
			const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
			if (value === undefined) throw new UsageError(`--${name} needs a value`);
			if (options.has(name) && !REPEATABLE.has(name)) throw new UsageError(`--${name} is given twice`);
			const previous = options.get(name);
			options.set(name, typeof previous === "string" ? `${previous}\n${value}` : value);
			continue;
		}
		positional.push(arg);
	}
	return { command: positional.shift() ?? null, positional, options };
}

/** Options that may be given several times; their values are joined with newlines. */
const REPEATABLE = new Set(["owe", "owed", "resolve", "resolve-owed"]);

export function option(args: ParsedArgs, name: string): string | undefined {
	const value = args.options.get(name);
	return typeof value === "string" ? value : undefined;
}

export function list(value: string | undefined): string[] {
	return value === undefined
		? []
		: value
				.split("\n")
				.map((s) => s.trim())
				.filter(Boolean);
}
