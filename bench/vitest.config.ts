import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// `npm run bench`: measurements, not assertions. Same `obsidian` alias as the test suite.
export default defineConfig({
	resolve: {
		alias: { obsidian: fileURLToPath(new URL("../tests/runtime/obsidian.ts", import.meta.url)) },
	},
	test: {
		include: ["bench/suite.ts"],
		environment: "happy-dom",
		testTimeout: 30 * 60 * 1000,
		hookTimeout: 30 * 60 * 1000,
		fileParallelism: false,
	},
});
