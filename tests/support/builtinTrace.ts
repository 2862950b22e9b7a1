/**
 * Preloaded with `node --require` into the CLI under test: at exit, writes the Node built-ins the process loaded
 * (process.moduleLoadList, which lists them whether required by awsenv's bundle or by Node itself) to the file
 * AWSENV_TEST_BUILTIN_LOG names.
 */
import fs from 'node:fs';

const logFile = process.env.AWSENV_TEST_BUILTIN_LOG;
if (logFile) {
  process.on('exit', () => {
    const loaded = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
    fs.writeFileSync(logFile, loaded.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length)).join('\n'));
  });
}
