import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runProcess } from '../support/cli';

const root = path.resolve(__dirname, '..', '..', '..');

const result = (title: string, status: string) => ({ title, status });
const results = {
  numPassedTests: 3,
  numFailedTests: 1,
  numPendingTests: 3,
  numTodoTests: 1,
  numRuntimeErrorTestSuites: 0,
  testResults: [
    {
      name: path.join(root, 'dist/tests/e2e/awsCliInterop.test.js'),
      assertionResults: [
        result('exported by eval (skipped: moto_server is not installed)', 'pending'),
        result('as credential_process (skipped: moto_server is not installed)', 'pending'),
        result('both patterns', 'passed'),
      ],
    },
    {
      name: path.join(root, 'dist/tests/render/sh.test.js'),
      assertionResults: [result('quotes', 'passed'), result('unquotes', 'failed'), result('forgotten', 'pending'), result('later', 'todo'), result('more', 'passed')],
    },
  ],
};

// .ci/run's last word: a test that did not run is counted and its reason shown, never only a smaller "passed".
test('.ci/tally.js counts passed, failed and skipped tests and names each reason for a skip, with its file', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-tally-')), 'results.json');
  fs.writeFileSync(file, JSON.stringify(results));
  const tally = await runProcess(process.execPath, [path.join(root, '.ci', 'tally.js'), file], { cwd: root });
  fs.rmSync(path.dirname(file), { recursive: true });
  expect(tally.stderr).toBe('');
  expect(tally.stdout.split('\n')).toEqual([
    '3 passed, 1 failed, 4 skipped',
    '  skipped 2 in tests/e2e/awsCliInterop.test.ts: moto_server is not installed',
    '  skipped 1 in tests/render/sh.test.ts: no reason in its name',
    '  skipped 1 in tests/render/sh.test.ts: a todo',
    '',
  ]);
});
