// `npm test`: the normal jest run, then — only if it passed — the disruptive suites
// (*.disruptive.spec.ts, which restart the Kafka broker) alone and in band with TL_DISRUPTIVE=1.
// Arguments go to the first run (`npm test -- path/to/file.spec.ts`); with arguments the
// disruptive run is left out, since the caller chose what to run. Both runs share TL_TEST_RUN so
// the summary reporter's last line counts them together.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const args = process.argv.slice(2);
const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--expose-gc'].filter(Boolean).join(' ') };
if (args.length === 0) env.TL_TEST_RUN = String(process.pid);

const run = (extraEnv, jestArgs) => spawnSync(process.execPath, [jest, ...jestArgs], { stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;

const first = run({}, args);
if (first !== 0 || args.length > 0) process.exit(first);
process.exit(run({ TL_DISRUPTIVE: '1' }, ['--runInBand', '--testPathPatterns', 'disruptive']));
