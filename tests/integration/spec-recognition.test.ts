// @vitest-environment happy-dom
/**
 * SPEC "Person notes": a note is a person when it has the person tag, "frontmatter tags and
 * inline tags both count" — where Obsidian sees a tag. The CLI must decide the same notes
 * (tests/cli/spec-cli.test.ts runs the same vault through the binary).
 */
import { describe, expect, it } from "vitest";
import { start } from "./plugin-harness";

describe("SPEC: person tag in the plugin", () => {
	it("takes #person in the text, not inside a %% comment or a $$ math block", async () => {
		const { plugin } = await start({
			"Notes/Inline comment.md": "Met Sam %% #person %% at the fair.\n",
			"Notes/Block comment.md": "Meeting notes\n%%\nmaybe tag this #person later\n%%\n",
			"Notes/Math.md": "Formula\n$$\n#person\n$$\n",
			"Notes/Real tag.md": "Met at the fair. #person/work\n",
			"Notes/After a comment.md": "%% hidden %% and then #person\n",
		});
		expect(
			plugin.api
				.people()
				.map((p) => p.path)
				.sort(),
		).toEqual(["Notes/After a comment.md", "Notes/Real tag.md"]);
	});
});
