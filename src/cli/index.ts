/** Entry point of the `stay-in-touch` binary. */
import { run } from "./main";

const code = run(process.argv.slice(2), {
	stdout: (text) => process.stdout.write(`${text}\n`),
	stderr: (text) => process.stderr.write(`${text}\n`),
	isTTY: Boolean(process.stdout.isTTY),
	cwd: process.cwd(),
	now: () => new Date(),
});
process.exitCode = code;
