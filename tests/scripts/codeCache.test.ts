import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
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

// A build that wrote no cache, or one V8 refuses (made by another Node, or for other code), leaves every start to
// compile its bundle: no error anywhere, only slower.
test.each(['awsenv-main.js', 'awsenv-cold.js'])('%s ships with a code cache this Node accepts', (bundle) => {
  const file = path.join(dist, bundle);
  const source = `(function (exports, require, module, __filename, __dirname) { ${fs.readFileSync(file, 'utf8')}\n});`;
  const script = new vm.Script(source, { filename: bundle, cachedData: fs.readFileSync(`${file}.v8cache`) });
  expect(script.cachedDataRejected).toBe(false);
});
