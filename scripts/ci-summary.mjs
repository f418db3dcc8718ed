// Sums vitest JSON reports into the one closing line CI is judged by: "N passed, N failed".
// Each failed test is named just above it, with its report and the head of its message: a CI log
// is often read from its end, and the failure itself may be far above, among thousands of passes.
import { basename } from "path";
import { readFileSync } from "fs";

/** A message's first line, and for a failed property its seed and cause (its counterexample can run to pages). */
function head(message) {
	const lines = String(message ?? "").split("\n");
	const seed = lines.find((line) => line.startsWith("{ seed:"));
	const cause = lines.find((line) => /^(Got |Caused by)/.test(line));
	return [lines[0], seed, cause]
		.filter(Boolean)
		.map((line) => line.slice(0, 400))
		.join("\n    ");
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const files = process.argv.slice(2);
for (const file of files) {
	let report;
	try {
		report = JSON.parse(readFileSync(file, "utf8"));
	} catch (error) {
		console.error(`ci-summary: cannot read ${file}: ${error.message}`);
		failed += 1;
		continue;
	}
	passed += report.numPassedTests ?? 0;
	failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTests ?? 0);
	skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
	if (report.success === false && (report.numFailedTests ?? 0) === 0) failed += 1;
	for (const suite of report.testResults ?? []) {
		const tests = suite.assertionResults ?? [];
		for (const test of tests) {
			if (test.status !== "failed") continue;
			failures.push(`FAILED (${basename(file)}) ${suite.name}\n  ${test.fullName}\n    ${head(test.failureMessages?.[0])}`);
		}
		// A file that failed outside any test (an import error): its message is the suite's.
		if (suite.status === "failed" && !tests.some((t) => t.status === "failed"))
			failures.push(`FAILED (${basename(file)}) ${suite.name}\n    ${head(suite.message)}`);
	}
}
for (const failure of failures) console.log(failure);

if (files.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
