// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { VIEW_TYPE } from "../../src/ui/sidebar-view";
import { createTestApp } from "../runtime/harness";
import { exampleFiles, manifest, PinnedPlugin } from "./plugin-harness";

describe("plugin lifecycle", () => {
	it("loads, becomes ready and unloads 50 times without leaking handlers, intervals, DOM or views", async () => {
		const app = await createTestApp(exampleFiles());
		await app.settle();
		const baseline = app.debugCounts();
		const bodyNodes = document.body.querySelectorAll("*").length;
		for (let i = 0; i < 50; i++) {
			const plugin = await app.loadPlugin(PinnedPlugin, manifest);
			await app.settle();
			expect(plugin.index.size).toBe(15);
			if (i % 10 === 0) {
				app.runCommand("open-sidebar");
				await app.settle();
				expect(app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1);
				app.workspace.detachLeavesOfType(VIEW_TYPE);
			}
			await app.unloadPlugin(manifest.id);
			await app.settle();
		}
		expect(app.debugCounts()).toEqual(baseline);
		expect(document.body.querySelectorAll("*").length).toBe(bodyNodes);
	});

	it("does no vault scan in onload: the index is built once the layout is ready", async () => {
		const app = await createTestApp(exampleFiles());
		const plugin = await app.loadPlugin(PinnedPlugin, manifest, { finishStartup: false });
		expect(plugin.index.ready).toBe(false);
		expect(plugin.index.size).toBe(0);
		await app.finishStartup();
		await app.settle();
		expect(plugin.index.ready).toBe(true);
		expect(plugin.index.size).toBe(15);
	});
});
