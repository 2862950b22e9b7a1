/**
 * Preloaded with `node --require` into the CLI under test: when the process exits, it writes the paths of every
 * module it loaded to the file named by AWSENV_TEST_MODULE_LOG, so a test can see what a command pulled in.
 */
import fs from 'node:fs';

const logFile = process.env.AWSENV_TEST_MODULE_LOG;
if (logFile) {
  process.on('exit', () => fs.writeFileSync(logFile, Object.keys(require.cache).join('\n')));
}
