/**
 * A failed property names its cause in the error's own message, not only in `cause`: vitest's
 * JSON report (what CI sums up) keeps the message and drops the cause. `FC_SEED=<seed>` replays
 * the seed a failure printed (`FC_SEED=1008011406 npx vitest run tests/reliability/...`).
 */
import fc from "fast-check";

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
fc.configureGlobal({ ...fc.readConfigureGlobal(), includeErrorInReport: true, ...(seed === undefined ? {} : { seed }) });
