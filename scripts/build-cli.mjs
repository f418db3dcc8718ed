// Bundles the CLI (src/cli) into one CommonJS file so `stay-in-touch` starts fast and needs no
// TypeScript at run time. Run by `npm ci` through the "prepare" script.
import esbuild from "esbuild";

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
});
