import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { setFrontmatterText } from "../../src/core/log-writer";

const parse = (source: string) => load(source);

describe("setting a text property surgically (triage's cadence)", () => {
	it.each([
		["---\nbirthday: 1951-12-04\n---\nBody\n", "---\nbirthday: 1951-12-04\ncadence: close\n---\nBody\n"],
		["---\ncadence:   # to decide\nx: 1\n---\n", "---\ncadence: close   # to decide\nx: 1\n---\n"],
		["---\ncadence: 'weekly'  # old\n---\n", "---\ncadence: 'close'  # old\n---\n"],
		['---\r\ncadence: "weekly"\r\n---\r\n', '---\r\ncadence: "close"\r\n---\r\n'],
		["---\nCadence: weekly\n---\n", "---\nCadence: close\n---\n"],
		["No frontmatter\n", "---\ncadence: close\n---\nNo frontmatter\n"],
	])("%j", (before, after) => {
		expect(setFrontmatterText(before, "cadence", "close", parse)).toEqual({ ok: true, text: after });
	});

	it("writes nothing to a note whose frontmatter cannot be read", () => {
		const result = setFrontmatterText("---\ncadence: [oops\n---\n", "cadence", "close", parse);
		expect(result.ok).toBe(false);
	});

	it("quotes a value YAML would read as something else", () => {
		expect(setFrontmatterText("---\n---\n", "cadence", "no", parse)).toEqual({ ok: true, text: '---\ncadence: "no"\n---\n' });
	});
});
