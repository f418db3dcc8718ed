/**
 * `Events` and `Component`, with Obsidian's semantics:
 * - `trigger` calls handlers in registration order on a snapshot of the list; a handler that
 *   throws is reported (console + `handlerErrors`) and the others still run.
 * - `Component.unload()` unloads children, then runs registered cleanups (events, DOM listeners,
 *   intervals, `register()` callbacks), then `onunload()`.
 */
import { counters, reportHandlerError } from "./scheduler";

export interface EventRef {
	/** The emitter (Obsidian's internal field name). */
	e: Events;
	name: string;
	fn: (...data: unknown[]) => unknown;
	ctx?: unknown;
}

export class Events {
	_events: Record<string, EventRef[]> = {};

	on(name: string, callback: (...data: any[]) => unknown, ctx?: any): EventRef {
		const ref: EventRef = { e: this, name, fn: callback, ctx };
		(this._events[name] ??= []).push(ref);
		return ref;
	}

	off(name: string, callback: (...data: any[]) => unknown): void {
		const list = this._events[name];
		if (!list) return;
		const kept = list.filter((ref) => ref.fn !== callback);
		if (kept.length) this._events[name] = kept;
		else delete this._events[name];
	}

	offref(ref: EventRef): void {
		const list = this._events[ref.name];
		if (!list) return;
		const i = list.indexOf(ref);
		if (i >= 0) list.splice(i, 1);
		if (!list.length) delete this._events[ref.name];
	}

	trigger(name: string, ...data: unknown[]): void {
		const list = this._events[name];
		if (!list) return;
		for (const ref of list.slice()) this.tryTrigger(ref, data);
	}

	tryTrigger(evt: EventRef, args: unknown[]): void {
		try {
			evt.fn.apply(evt.ctx, args);
		} catch (err) {
			reportHandlerError(err, `'${evt.name}' handler`);
		}
	}

	/** Test extension: number of live handlers, optionally for one event name. */
	listenerCount(name?: string): number {
		if (name !== undefined) return this._events[name]?.length ?? 0;
		let n = 0;
		for (const list of Object.values(this._events)) n += list.length;
		return n;
	}
}

type Cleanup = () => unknown;

/** What a child needs to be (so Components typed against the real obsidian.d.ts fit too). */
export interface ChildComponent {
	load(): void;
	unload(): void;
}

export class Component {
	_loaded = false;
	_children: ChildComponent[] = [];
	_events: Cleanup[] = [];

	load(): void {
		if (this._loaded) return;
		this._loaded = true;
		counters.components++;
		this.onload();
		for (const child of this._children.slice()) child.load();
	}

	onload(): void | Promise<void> {}

	unload(): void {
		if (!this._loaded) return;
		this._loaded = false;
		counters.components--;
		const children = this._children;
		this._children = [];
		for (let i = children.length - 1; i >= 0; i--) children[i].unload();
		const cleanups = this._events;
		this._events = [];
		for (const cleanup of cleanups) {
			try {
				cleanup();
			} catch (err) {
				reportHandlerError(err, "Component cleanup");
			}
		}
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends ChildComponent>(component: T): T {
		this._children.push(component);
		if (this._loaded) component.load();
		return component;
	}

	removeChild<T extends ChildComponent>(component: T): T {
		const i = this._children.indexOf(component);
		if (i >= 0) {
			this._children.splice(i, 1);
			component.unload();
		}
		return component;
	}

	register(cb: () => any): void {
		this._events.push(cb);
	}

	registerEvent(eventRef: EventRef): void {
		this.register(() => eventRef.e.offref(eventRef));
	}

	registerDomEvent(
		el: Window | Document | HTMLElement,
		type: string,
		callback: (this: HTMLElement, ev: any) => any,
		options?: boolean | AddEventListenerOptions,
	): void {
		el.addEventListener(type, callback as EventListener, options);
		counters.domListeners++;
		this.register(() => {
			el.removeEventListener(type, callback as EventListener, options);
			counters.domListeners--;
		});
	}

	registerInterval(id: number): number {
		counters.intervals++;
		this.register(() => {
			clearInterval(id);
			counters.intervals--;
		});
		return id;
	}
}
