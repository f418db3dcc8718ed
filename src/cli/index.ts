/** Entry point of the `stay-in-touch` binary. */
import { run } from "./main";

// `stay-in-touch people | head` (or `2>&1 | head`) closes the pipe early: the reader has what it
// wanted, so stop quietly.
for (const stream of [process.stdout, process.stderr]) {
	stream.on("error", (error: Error & { code?: string }) => {
		if (error.code !== "EPIPE") throw error;
		process.exit(process.exitCode ?? 0);
	});
}

const code = run(process.argv.slice(2), {
	stdout: (text) => process.stdout.write(`${text}\n`),
	write: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(`${text}\n`),
	isTTY: Boolean(process.stdout.isTTY),
	cwd: process.cwd(),
	now: () => new Date(),
});
process.exitCode = code;
