// Sums vitest JSON reports into the one closing line CI is judged by: "N passed, N failed".
import { readFileSync } from "fs";

let passed = 0;
let failed = 0;
let skipped = 0;
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
}
if (files.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
