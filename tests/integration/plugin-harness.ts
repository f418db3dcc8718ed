import { join, resolve } from "node:path";
import manifest from "../../manifest.json";
import StayInTouchPlugin from "../../src/main";
import { SidebarView, VIEW_TYPE } from "../../src/ui/sidebar-view";
import { createTestApp, type TestApp } from "../runtime/harness";
import { loadFixtureDir } from "../runtime/node-vault";

export { manifest, StayInTouchPlugin };

/** vitest runs from the repository root (happy-dom gives import.meta.url an http scheme). */
export const EXAMPLE_VAULT = resolve(process.cwd(), "example-vault");

/** The example vault is written as of this day; tests pin "today" to it. */
export const TODAY = new Date(2026, 10, 26, 12, 0, 0);

/** The real plugin with its clock pinned, as a user would have it after enabling it. */
export class PinnedPlugin extends StayInTouchPlugin {
	now = () => new Date(TODAY.getTime());
}

export interface Started {
	app: TestApp;
	plugin: PinnedPlugin;
}

export function exampleFiles(extra: Record<string, string> = {}): Record<string, string> {
	return { ...loadFixtureDir(EXAMPLE_VAULT), ...extra };
}

/** Creates a vault, enables the plugin and lets start-up indexing finish. */
export async function start(files: Record<string, string>): Promise<Started> {
	const app = await createTestApp(files);
	const plugin = await app.loadPlugin(PinnedPlugin, manifest);
	await app.settle();
	return { app, plugin };
}

/** Opens the sidebar the way a user does (the command) and returns its view. */
export async function openSidebar({ app }: Started): Promise<SidebarView> {
	app.runCommand("open-sidebar");
	await app.settle();
	const view = app.workspace.getLeavesOfType(VIEW_TYPE)[0]?.view;
	if (!(view instanceof SidebarView)) throw new Error("the sidebar did not open");
	return view;
}

export function groupTitles(view: SidebarView): string[] {
	return [...view.contentEl.querySelectorAll(".stay-in-touch-group-header")].map(
		(h) => `${h.querySelector(".stay-in-touch-group-title")?.textContent} ${h.querySelector(".stay-in-touch-count")?.textContent}`,
	);
}

export function rowNames(view: SidebarView, group: string): string[] {
	const section = view.contentEl.querySelector(`.stay-in-touch-group-${group}`);
	return section ? [...section.querySelectorAll(".stay-in-touch-row .stay-in-touch-name")].map((a) => a.textContent ?? "") : [];
}

export function row(view: SidebarView, group: string, name: string): HTMLElement {
	const section = view.contentEl.querySelector(`.stay-in-touch-group-${group}`);
	const found =
		section &&
		[...section.querySelectorAll<HTMLElement>(".stay-in-touch-row")].find(
			(r) => r.querySelector(".stay-in-touch-name")?.textContent === name,
		);
	if (!found) throw new Error(`no row ${name} in ${group}`);
	return found;
}

export const fixturePath = (...parts: string[]) => join(EXAMPLE_VAULT, ...parts);
