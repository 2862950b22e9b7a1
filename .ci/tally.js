// The tally .ci/run prints from jest's JSON results (`node .ci/tally.js RESULTS.json`): one "N passed, N failed,
// N skipped" line, then a line for each reason tests were skipped, so a skip is never silent. A test skipped for a
// missing peer carries the reason in its name, "… (skipped: moto_server is not installed)" (tests/support/peers.ts).
const fs = require('node:fs');
const path = require('node:path');

const results = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
if (results.numRuntimeErrorTestSuites) console.log(`${results.numRuntimeErrorTestSuites} test files failed to run`);

const reasons = new Map();
for (const file of results.testResults) {
  // Jest runs the compiled dist/tests/x.test.js; people read and edit tests/x.test.ts.
  const source = path.relative(process.cwd(), file.name).replace(/^dist\//, '').replace(/\.js$/, '.ts');
  for (const test of file.assertionResults) {
    if (!['pending', 'skipped', 'todo'].includes(test.status)) continue;
    const reason = test.status === 'todo' ? 'a todo' : (/ \(skipped: (.*)\)$/.exec(test.title)?.[1] ?? 'no reason in its name');
    const key = `${source}: ${reason}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
}
for (const [key, count] of reasons) console.log(`  skipped ${count} in ${key}`);
