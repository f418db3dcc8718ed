// @vitest-environment happy-dom
/**
 * The harness's guarantees: settle() flushes indexing and debounced plugin handlers, tick()
 * advances virtual time, handler errors surface, the network is off, protocol handlers, platform.
 */
import { describe, expect, it } from "vitest";
import { createTestApp } from "./harness";
import { debounce, Platform, Plugin, requestLog, requestUrl, type TFile } from "./obsidian";

class IndexPlugin extends Plugin {
	refreshes: string[][] = [];
	private pending = new Set<string>();
	private refresh = debounce(
		() => {
			this.refreshes.push([...this.pending].sort());
			this.pending.clear();
		},
		700,
		true,
	);
	onload() {
		this.app.workspace.onLayoutReady(() => {
			this.registerEvent(
				this.app.metadataCache.on("changed", (file: TFile) => {
					this.pending.add(file.path);
					this.refresh();
				}),
			);
		});
		this.register(() => this.refresh.cancel());
	}
}

describe("settle and tick", () => {
	it("after a modify, settle() guarantees `changed` fired and debounced handlers ran", async () => {
		const app = await createTestApp({ "a.md": "1", "b.md": "1" });
		const plugin = await app.loadPlugin(IndexPlugin, { id: "idx" });
		await app.writeFile("a.md", "2");
		await app.writeFile("b.md", "2");
		await app.settle();
		expect(plugin.refreshes).toEqual([["a.md", "b.md"]]);
	});

	it("tick() lets tests observe the debounce window on the virtual clock", async () => {
		const app = await createTestApp({ "a.md": "1" });
		const plugin = await app.loadPlugin(IndexPlugin, { id: "idx" });
		await app.writeFile("a.md", "2");
		await app.tick(500);
		await app.writeFile("a.md", "3"); // resetTimer: the wait starts again
		await app.tick(500);
		expect(plugin.refreshes).toEqual([]);
		await app.tick(250);
		expect(plugin.refreshes).toEqual([["a.md"]]);
	});

	it("unloading cancels the pending debounce (no timers left behind)", async () => {
		const app = await createTestApp({ "a.md": "1" });
		const before = app.debugCounts().pendingTimers;
		const plugin = await app.loadPlugin(IndexPlugin, { id: "idx" });
		await app.settle();
		await app.writeFile("a.md", "2");
		await app.tick(10); // indexed, refresh pending
		await app.unloadPlugin("idx");
		await app.settle();
		expect(plugin.refreshes).toEqual([]);
		expect(app.debugCounts().pendingTimers).toBe(before);
	});

	it("debounce: run() fires now, cancel() drops; without resetTimer the first call's timer stands", async () => {
		const app = await createTestApp({});
		const calls: number[] = [];
		const d = debounce((n: number) => calls.push(n), 100);
		d(1);
		await app.tick(60);
		d(2);
		await app.tick(50);
		expect(calls).toEqual([2]);
		d(3);
		expect(d.run()).toBe(2);
		d(4).cancel();
		await app.settle();
		expect(calls).toEqual([2, 3]);
	});
});

describe("errors and environment", () => {
	it("settle() throws when an event handler threw (Obsidian would only log it)", async () => {
		const app = await createTestApp({ "a.md": "1" });
		app.metadataCache.on("changed", () => {
			throw new Error("boom in handler");
		});
		await app.writeFile("a.md", "2");
		await expect(app.settle()).rejects.toThrow(/boom in handler/);
		await app.writeFile("a.md", "3");
		await app.settle({ allowErrors: true });
		expect(app.takeErrors()).toHaveLength(1);
	});

	it("the network is disabled: requestUrl rejects and is recorded", async () => {
		await createTestApp({});
		const before = requestLog.length;
		await expect(requestUrl({ url: "https://example.com/api", method: "POST" })).rejects.toThrow("network disabled in tests");
		expect(requestLog.slice(before)).toEqual([{ url: "https://example.com/api", method: "POST" }]);
	});

	it("platform flags can be set per app, with the body classes Obsidian sets for them", async () => {
		const mobileClasses = () => [...document.body.classList].filter((c) => /^is-(mobile|phone|tablet|ios|android)$/.test(c)).sort();
		await createTestApp({}, { platform: { isMobile: true, isDesktop: false, isPhone: true, isIosApp: true } });
		expect([Platform.isMobile, Platform.isDesktop]).toEqual([true, false]);
		expect(mobileClasses()).toEqual(["is-ios", "is-mobile", "is-phone"]);
		await createTestApp({}, { platform: { isMobile: true, isDesktop: false, isTablet: true, isAndroidApp: true } });
		expect(mobileClasses()).toEqual(["is-android", "is-mobile", "is-tablet"]);
		await createTestApp({});
		expect([Platform.isMobile, Platform.isDesktop]).toEqual([false, true]);
		expect(mobileClasses()).toEqual([]);
	});

	it("routes obsidian:// URLs to registered protocol handlers", async () => {
		const app = await createTestApp({});
		const seen: unknown[] = [];
		class P extends Plugin {
			onload() {
				this.registerObsidianProtocolHandler("stay-in-touch", (params) => seen.push(params));
			}
		}
		await app.loadPlugin(P, { id: "p" });
		expect(app.openObsidianUrl("obsidian://stay-in-touch?person=Ada%20Lovelace")).toBe(true);
		expect(seen).toEqual([{ action: "stay-in-touch", person: "Ada Lovelace" }]);
	});

	it("vault `create` events are not replayed for existing files at start-up", async () => {
		const created: string[] = [];
		class P extends Plugin {
			onload() {
				this.registerEvent(this.app.vault.on("create", (f) => created.push(f.path)));
			}
		}
		const app = await createTestApp({ "a.md": "" });
		await app.loadPlugin(P, { id: "p" });
		await app.writeFile("b.md", "");
		expect(created).toEqual(["b.md"]);
	});

	it("creating an app destroys the previous one (DOM and keymap do not pile up)", async () => {
		const first = await createTestApp({});
		const second = await createTestApp({});
		expect(first.isDestroyed).toBe(true);
		expect(first.dom.rootEl.isConnected).toBe(false);
		expect(second.dom.rootEl.isConnected).toBe(true);
		expect(document.querySelectorAll(".app-container")).toHaveLength(1);
	});
});
