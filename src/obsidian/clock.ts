import type { Component } from "obsidian";
import { localDay, type Day } from "../core/dates";

/**
 * "Today" for everything the plugin shows and writes: the user's local calendar day. `now` is
 * where the time comes from; tests and benchmarks pin it.
 */
export class Clock {
	constructor(readonly now: () => Date) {}

	today(): Day {
		return localDay(this.now());
	}

	/**
	 * Statuses move at midnight though no note changed: calls `onNewDay` within a minute of it, for
	 * as long as `owner` is loaded (one clock for the sidebar, the status bar and query blocks).
	 */
	watchMidnight(owner: Component, onNewDay: () => void): void {
		let day = this.today();
		owner.registerInterval(
			window.setInterval(() => {
				if (this.today() === day) return;
				day = this.today();
				onNewDay();
			}, 60 * 1000),
		);
	}
}
