// `npm run screenshots`: runs the browser tests (which save screenshots under tests/e2e/output,
// git-ignored) and copies the ones the README shows into docs/images.
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync } from "fs";

const run = spawnSync("npx", ["vitest", "run", "--config", "tests/e2e/vitest.config.ts"], { stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);
mkdirSync("docs/images", { recursive: true });
for (const name of ["sidebar-light", "sidebar-dark", "log-modal-light", "query-block-light", "sidebar-phone", "reach-out-light"]) {
	copyFileSync(`tests/e2e/output/${name}.png`, `docs/images/${name}.png`);
	console.log(`docs/images/${name}.png`);
}
