// Prints one plain closing line ("N passed, N failed, N skipped") that CI logs can be read by,
// and lists every skipped suite's reason so a skip is never mistaken for a pass.
//
// `npm test` is two jest runs (the normal one, then the disruptive suites alone with
// TL_DISRUPTIVE=1) sharing TL_TEST_RUN: the first leaves its counts in a file, the second prints
// its own line and then the closing line for both runs together, so the last line still covers
// every test of `npm test`.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const summaryFile = () => (process.env.TL_TEST_RUN ? path.join(os.tmpdir(), `tl-test-summary-${process.env.TL_TEST_RUN}.json`) : null);
const line = (label, c) => `${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    const file = summaryFile();
    if (process.env.TL_DISRUPTIVE !== '1' || !file) {
      if (file) fs.writeFileSync(file, JSON.stringify(counts));
      process.stdout.write(`\n${line('tests', counts)}\n`);
      return;
    }
    let first = { passed: 0, failed: 0, skipped: 0 };
    try {
      first = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.rmSync(file, { force: true });
    } catch {
      // the disruptive suites ran on their own: the closing line covers them only
    }
    const total = { passed: first.passed + counts.passed, failed: first.failed + counts.failed, skipped: first.skipped + counts.skipped };
    process.stdout.write(`\n${line('tests (disruptive run)', counts)}\n${line('tests', total)}\n`);
  }
}
module.exports = SummaryReporter;
