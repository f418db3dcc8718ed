import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

// The plugin guidelines apply to what ships in main.js (src/, minus the Node-only CLI).
// src/core must stay pure: no Obsidian, no DOM, no Node, so the CLI, the plugin and mobile
// can all run it.
const nodeBuiltins = [
	"fs",
	"path",
	"os",
	"child_process",
	"crypto",
	"util",
	"url",
	"stream",
	"buffer",
	"process",
	"events",
	"worker_threads",
];
const nodeImportPatterns = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

export default defineConfig([
	globalIgnores([
		"node_modules/**",
		"main.js",
		"dist/**",
		"coverage/**",
		"tests/**",
		"bench/**",
		"example-vault/**",
		"esbuild.config.mjs",
		"version-bump.mjs",
		"eslint.config.mjs",
		"vitest.config.ts",
		"scripts/**",
		"bin/**",
	]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ["eslint.config.*"] },
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		files: ["src/core/**/*.ts"],
		languageOptions: { globals: { ...globals.es2021 } },
		rules: {
			"@typescript-eslint/no-restricted-imports": [
				"error",
				{
					paths: [{ name: "obsidian", message: "src/core is pure: pass what it needs in from an adapter." }],
					patterns: [
						{ group: nodeImportPatterns, message: "src/core is pure: no Node modules (the plugin runs on mobile)." },
						{
							group: ["**/obsidian/**", "**/ui/**", "**/cli/**", "**/main", "**/api", "gray-matter"],
							message: "src/core must not depend on adapters.",
						},
					],
				},
			],
			"no-restricted-globals": [
				"error",
				...[
					"window",
					"document",
					"activeDocument",
					"activeWindow",
					"navigator",
					"localStorage",
					"HTMLElement",
					"Buffer",
					"process",
					"require",
				].map((name) => ({
					name,
					message: "src/core is pure: no DOM or Node globals.",
				})),
			],
		},
	},
	{
		// The adapters know Obsidian and core, never the views or the plugin class.
		files: ["src/obsidian/**/*.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": [
				"error",
				{
					patterns: [
						{
							group: ["**/ui/**", "**/cli/**", "**/main", "**/api"],
							message: "src/obsidian is adapters: no views, no CLI, never the plugin class.",
						},
					],
				},
			],
		},
	},
	{
		// Views and the public API depend on the narrow context (src/obsidian/context.ts), never on main.ts.
		files: ["src/ui/**/*.ts", "src/api.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": [
				"error",
				{
					patterns: [
						{
							group: ["**/main", "**/cli/**"],
							message: "Views depend on the PluginContext, never on the plugin class or the CLI.",
						},
					],
				},
			],
		},
	},
	{
		// js-yaml is what Obsidian's own parseYaml is built on; the CLI and the test runtime use it
		// so that they accept exactly the YAML the app accepts.
		files: ["package.json"],
		rules: { "depend/ban-dependencies": ["error", { allowed: ["js-yaml"] }] },
	},
	{
		// The CLI runs under Node on a folder: no Vault#configDir there, `.obsidian` is the default.
		files: ["src/cli/**/*.ts"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			// The CLI is built from core alone: it never loads Obsidian, the adapters or the views.
			"@typescript-eslint/no-restricted-imports": [
				"error",
				{
					paths: [{ name: "obsidian", message: "The CLI runs without Obsidian: use src/core." }],
					patterns: [{ group: ["../obsidian/**", "../ui/**", "../main", "../api"], message: "The CLI imports only src/core." }],
				},
			],
			"no-restricted-globals": "off",
			"import/no-nodejs-modules": "off",
			"obsidianmd/rule-custom-message": "off",
			"obsidianmd/hardcoded-config-path": "off",
		},
	},
	{
		// The formats contacts come in are named as their makers write them.
		files: ["src/ui/import-*.ts"],
		rules: {
			"obsidianmd/ui/sentence-case": [
				"warn",
				{ enforceCamelCaseLower: true, ignoreWords: ["vCard", "Google", "Contacts", "LinkedIn", "LinkedIn's", "Connections.csv"] },
			],
		},
	},
]);
