// Property tests explore new random cases on every developer run; in CI (CI=true) they replay a
// fixed seed so a landing never depends on luck. FC_SEED=<n> replays any reported failure.
const fc = require('fast-check');
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261122' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
