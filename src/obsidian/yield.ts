/**
 * Lets Obsidian draw a frame and handle input before long work goes on: `scheduler.yield()` where
 * the app's Chromium has it (it resumes first, without the 4 ms floor nested timers get), else
 * Obsidian's `sleep(0)`.
 */
export function yieldToApp(): Promise<void> {
	const scheduler = (activeWindow as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	return typeof scheduler?.yield === "function" ? scheduler.yield() : sleep(0);
}
