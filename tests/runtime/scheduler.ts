/**
 * Time in the test runtime.
 *
 * Every delayed job the runtime itself starts (metadata indexing, `debounce`, the editor's
 * autosave, `requestSaveLayout`, layout-change) goes through this scheduler. The jobs are real
 * timers — they fire on their own when their delay passes, exactly as in Obsidian — but
 * `settle()` can also run them early, in due order, on a virtual clock. So a test never waits
 * 2 s for an autosave, and `await app.settle()` returns only once nothing is pending.
 *
 * Timers a plugin starts with `window.setTimeout` are not tracked (they still run for real);
 * Obsidian plugins debounce with `debounce()` from 'obsidian', which is tracked.
 *
 * No Node APIs here: this file is part of the browser bundle.
 */

// Captured at load time so that a test calling `vi.useFakeTimers()` does not freeze the runtime.
const realSetTimeout: (fn: () => void, ms: number) => unknown = globalThis.setTimeout.bind(globalThis) as never;
const realClearTimeout: (handle: unknown) => void = globalThis.clearTimeout.bind(globalThis) as never;
const realDateNow: () => number = Date.now.bind(Date);
/**
 * The soonest macrotask the host has: Node's `setImmediate` (its `setTimeout(0)` waits at least
 * 1 ms), else a timer 0. Captured at load time like the timers above.
 */
const realImmediate: (fn: () => void) => unknown =
	typeof globalThis.setImmediate === "function" ? (globalThis.setImmediate.bind(globalThis) as never) : (fn) => realSetTimeout(fn, 0);

interface Task {
	id: number;
	due: number;
	seq: number;
	label: string;
	fn: () => void;
	handle: unknown;
}

/** Live-resource counters used by `app.debugCounts()` (leak accounting). */
export const counters = {
	/** Intervals registered through `Component.registerInterval` and not yet cleared. */
	intervals: 0,
	/** DOM listeners registered through `Component.registerDomEvent` and not yet removed. */
	domListeners: 0,
	/** Components currently loaded (load() called, unload() not yet). */
	components: 0,
};

/** Uncaught errors thrown by event handlers (Obsidian logs them and carries on; so do we). */
export const handlerErrors: unknown[] = [];

export function reportHandlerError(err: unknown, where: string): void {
	handlerErrors.push(err);
	console.error(`[obsidian test runtime] error in ${where}:`, err);
}

export function macrotask(): Promise<void> {
	return new Promise((resolve) => realSetTimeout(resolve, 0));
}

export class Scheduler {
	private tasks = new Map<number, Task>();
	private nextId = 1;
	private seq = 0;
	/** How far the virtual clock runs ahead of the wall clock (settle/tick fast-forward it). */
	private skew = 0;
	private inflight = new Set<Promise<unknown>>();

	/** Virtual "now" in ms since the epoch. */
	now(): number {
		return realDateNow() + this.skew;
	}

	setTimeout(fn: () => void, ms = 0, label = "timer"): number {
		const id = this.nextId++;
		const delay = Math.max(0, ms || 0);
		const task: Task = { id, due: this.now() + delay, seq: this.seq++, label, fn, handle: null };
		task.handle = realSetTimeout(() => this.run(id), delay);
		this.tasks.set(id, task);
		return id;
	}

	/**
	 * A task that runs as soon as the host lets other work in, with no timer clamp: Chromium's
	 * `scheduler.yield()` continuation. Tracked like a timer 0, so `settle()` waits for it.
	 */
	setImmediate(fn: () => void, label = "immediate"): number {
		const id = this.nextId++;
		const task: Task = { id, due: this.now(), seq: this.seq++, label, fn, handle: null };
		this.tasks.set(id, task);
		realImmediate(() => this.run(id));
		return id;
	}

	clearTimeout(id: number | null | undefined): void {
		if (id == null) return;
		const task = this.tasks.get(id);
		if (!task) return;
		realClearTimeout(task.handle);
		this.tasks.delete(id);
	}

	isPending(id: number | null | undefined): boolean {
		return id != null && this.tasks.has(id);
	}

	/** Register async work (a re-render, a plugin load) that `settle()` must wait for. */
	track<T>(promise: Promise<T>): Promise<T> {
		this.inflight.add(promise);
		const done = () => this.inflight.delete(promise);
		promise.then(done, done);
		return promise;
	}

	get pendingCount(): number {
		return this.tasks.size;
	}

	pendingLabels(): string[] {
		return [...this.tasks.values()].map((t) => t.label);
	}

	private run(id: number): void {
		const task = this.tasks.get(id);
		if (!task) return;
		this.tasks.delete(id);
		realClearTimeout(task.handle);
		task.fn();
	}

	private earliest(limit = Infinity): Task | null {
		let best: Task | null = null;
		for (const t of this.tasks.values()) {
			if (t.due > limit) continue;
			if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t;
		}
		return best;
	}

	private fastForwardTo(due: number): void {
		const behind = due - this.now();
		if (behind > 0) this.skew += behind;
	}

	/**
	 * Run everything that is pending — tracked timers in due order (fast-forwarding the virtual
	 * clock), tracked promises, and the microtasks/macrotasks they queue — until the runtime is
	 * idle. Throws if it is still busy after `maxSteps` (e.g. a debounce that re-arms itself).
	 */
	async settle(maxSteps = 10000): Promise<void> {
		for (let step = 0; step < maxSteps; step++) {
			await macrotask();
			if (this.inflight.size > 0) {
				await Promise.allSettled([...this.inflight]);
				continue;
			}
			const next = this.earliest();
			if (!next) {
				// One more turn: a finished job may have queued follow-up work on a real timer 0.
				await macrotask();
				if (this.inflight.size === 0 && this.tasks.size === 0) return;
				continue;
			}
			this.fastForwardTo(next.due);
			this.run(next.id);
		}
		throw new Error(
			`settle(): runtime still busy after ${maxSteps} steps; pending: ${this.pendingLabels().join(", ") || "(promises)"}`,
		);
	}

	/** Wait for tracked promises and queued (micro)tasks, without running any pending timer. */
	async drain(maxSteps = 1000): Promise<void> {
		for (let step = 0; step < maxSteps; step++) {
			await macrotask();
			if (this.inflight.size === 0) return;
			await Promise.allSettled([...this.inflight]);
		}
	}

	/** Advance the virtual clock by `ms`, running the tracked timers that fall due, in order. */
	async tick(ms: number): Promise<void> {
		const target = this.now() + ms;
		for (;;) {
			await macrotask();
			if (this.inflight.size > 0) {
				await Promise.allSettled([...this.inflight]);
				continue;
			}
			const next = this.earliest(target);
			if (!next) break;
			this.fastForwardTo(next.due);
			this.run(next.id);
		}
		this.fastForwardTo(target);
		await macrotask();
	}
}

/** One scheduler for the whole module instance: `debounce()` is a free function in Obsidian. */
export const scheduler = new Scheduler();

export interface Debouncer<T extends unknown[], V> {
	(...args: [...T]): Debouncer<T, V>;
	cancel(): Debouncer<T, V>;
	run(): V | void;
}

/**
 * Obsidian's `debounce`: calls `cb` `timeout` ms after the first call with the latest arguments;
 * with `resetTimer` every call restarts the wait. `cancel()` drops the pending call, `run()` runs
 * it now.
 */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: number | null = null;
	let lastArgs: T | null = null;
	let lastThis: unknown = undefined;
	const fire = (): V => {
		timer = null;
		const args = lastArgs as T;
		lastArgs = null;
		return cb.apply(lastThis, args);
	};
	const debounced = function (this: unknown, ...args: [...T]) {
		lastArgs = args as T;
		lastThis = this;
		if (timer !== null) {
			if (!resetTimer) return debounced;
			scheduler.clearTimeout(timer);
		}
		timer = scheduler.setTimeout(fire, timeout, `debounce(${cb.name || "anonymous"}, ${timeout}ms)`);
		return debounced;
	} as Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) {
			scheduler.clearTimeout(timer);
			timer = null;
			lastArgs = null;
		}
		return debounced;
	};
	debounced.run = () => {
		if (timer === null) return;
		scheduler.clearTimeout(timer);
		return fire();
	};
	return debounced;
}
