import path from 'node:path';
import { AWSENV_BIN, makeHome, runCli } from '../support/cli';

// The V8 code cache is made at build time and shipped, and the name it was made under is the one stack traces show:
// neither the build machine's directories nor the user's may show in a trace pasted into a bug report.
const dist = path.dirname(AWSENV_BIN);
const checkout = path.dirname(dist);

test('a stack trace under --debug names the bundle by its file name only', async () => {
  const { env } = makeHome({ config: '' });
  const result = await runCli(['nosuch', '--debug'], { env });
  expect(result.code).toBe(3);
  expect(result.stderr).toMatch(/^\s+at .*\(awsenv-main\.js:\d+:\d+\)$/m);
  expect(result.stderr.includes(checkout)).toBe(false);
});
