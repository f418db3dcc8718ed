import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
	resolve: {
		alias: {
			// The obsidian package ships types only; tests run against our stand-in runtime.
			obsidian: fileURLToPath(new URL("./tests/runtime/obsidian.ts", import.meta.url)),
		},
	},
	test: {
		include: ["tests/**/*.test.ts"],
		exclude: ["tests/e2e/**", "node_modules/**"],
		environment: "node",
		setupFiles: ["tests/fast-check-setup.ts"],
		testTimeout: 30000,
	},
});
