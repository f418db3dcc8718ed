/** The log writer on a 1 MB note, timed (run in a plain Node bundle by `suite.ts`). */
import { load } from "js-yaml";
import { dayFromYmd } from "../src/core/dates";
import { applyLog } from "../src/core/log-writer";
import { defaultSettings } from "../src/core/settings";
import { bigNote, rng } from "./generate";
import { sample } from "./measure";

const TODAY = dayFromYmd(2026, 11, 26);

export async function writerSample(): Promise<{ median: number; p95: number; bytes: number }> {
	const settings = defaultSettings();
	const r = rng(3);
	const log = Array.from({ length: 3000 }, (_, i) => `- 2020-01-${String(1 + (i % 28)).padStart(2, "0")} — call: ${"x".repeat(40)}`).join(
		"\n",
	);
	const text = `${bigNote(r, 1024 * 1024 - log.length, "---\ncadence: monthly\nlast_contact: 2026-01-01\nowed_favors:\n  - a book\n---\n# Notes\n\n")}\n## Interactions\n\n${log}\n`;
	const entry = { day: TODAY, type: "call", note: "Talked about Acme", addOwed: ["an intro"], resolveOwed: ["a book"] };
	const result = await sample(30, () => applyLog(text, entry, settings, TODAY, (s) => load(s)));
	return { ...result, bytes: text.length };
}
