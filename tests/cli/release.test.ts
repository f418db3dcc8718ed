/** What a release needs to agree on: Obsidian reads the manifest and versions.json, npm the package. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli-helpers";

const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), "utf8")) as Record<string, unknown>;

describe("release files", () => {
	it("the manifest, the package and versions.json name the same version", () => {
		const manifest = read("manifest.json");
		const versions = read("versions.json");
		expect(read("package.json").version).toBe(manifest.version);
		expect(versions[manifest.version as string]).toBe(manifest.minAppVersion);
	});

	it("the release workflow tests before it publishes, and attaches what Obsidian loads", () => {
		const workflow = readFileSync(join(ROOT, ".github/workflows/release.yml"), "utf8");
		expect(workflow.indexOf(".ci/run")).toBeGreaterThan(0);
		expect(workflow.indexOf(".ci/run")).toBeLessThan(workflow.indexOf("gh release create"));
		expect(workflow).toMatch(/gh release create .*main\.js manifest\.json styles\.css/);
	});

	it("the package has no run-time dependencies: the CLI and the plugin are bundled", () => {
		expect(read("package.json").dependencies).toBeUndefined();
		expect(read("package.json").private).toBeUndefined();
	});
});
