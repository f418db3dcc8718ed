import { defineConfig } from "vitest/config";

// Browser tests: the built main.js in headless Chromium. Not part of `npm test`.
export default defineConfig({
	test: {
		include: ["tests/e2e/**/*.e2e.ts"],
		environment: "node",
		globalSetup: ["tests/e2e/global-setup.ts"],
		testTimeout: 60000,
		hookTimeout: 120000,
		fileParallelism: false,
	},
});
