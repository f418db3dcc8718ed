// Bundles the CLI (src/cli) into one CommonJS file so `stay-in-touch` starts fast and needs no
// TypeScript at run time. Run by `npm ci` through the "prepare" script.
import esbuild from "esbuild";

/**
 * gray-matter's default engines are never used: note-reader.ts passes its own YAML engine (CORE
 * schema, see ENGINEERING.md) and refuses JavaScript. Left out of the bundle, they take with them
 * a second js-yaml (~15 ms of every command's start-up) and the `eval` behind `---js`
 * frontmatter; anything that still reached for them would fail with "engine … is not registered".
 */
const withoutDefaultEngines = {
	name: "gray-matter-without-default-engines",
	setup(build) {
		build.onLoad({ filter: /[\\/]gray-matter[\\/]lib[\\/]engines\.js$/ }, () => ({ loader: "js", contents: "module.exports = {};" }));
	},
};

await esbuild.build({
	entryPoints: ["src/cli/index.ts"],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	outfile: "dist/cli.cjs",
	logLevel: "warning",
	legalComments: "none",
	// Smaller source parses faster: start-up is part of every command's time.
	minify: true,
	plugins: [withoutDefaultEngines],
});
