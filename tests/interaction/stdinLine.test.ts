import { spawn } from 'node:child_process';
import { processStdin } from '../../src/interaction/stdinLine';

/** Runs processStdin.readLine() in a child whose stdin is `input`; gives the line and what the child read after it. */
function readLineOf(input: string | null): Promise<{ line: string | null; rest: string; terminal: boolean }> {
  const program = `
    const fs = require('node:fs');
    const { processStdin } = require(${JSON.stringify(require.resolve('../../src/interaction/stdinLine'))});
    const line = processStdin.readLine();
    const terminal = processStdin.isTerminal();
    let rest = '';
    try { rest = fs.readFileSync(0, 'utf8'); } catch {}
    process.stdout.write(JSON.stringify({ line: line ?? null, rest, terminal }));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', program], { stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(stdout)));
    if (input !== null) child.stdin!.end(input);
  });
}

describe(`processStdin.${processStdin.readLine.name}`, () => {
  test.each<[string, string | null, string | null, string]>([
    ['one line, and the rest is left for the next reader', '123456\nfor the command\n', '123456', 'for the command\n'],
    ['a CRLF line end', '123456\r\nnext', '123456', 'next'],
    ['a last line without a line end', '123456', '123456', ''],
    ['an empty first line', '\n123456\n', '', '123456\n'],
    ['nothing at all', '', null, ''],
    ['stdin from /dev/null', null, null, ''],
  ])('%s', async (_name, input, line, rest) => {
    expect(await readLineOf(input)).toEqual({ line, rest, terminal: false });
  });

  test('stops at 1 KiB: a stream without line ends is not read to its end', async () => {
    const result = await readLineOf('9'.repeat(5000));
    expect(result.line).toHaveLength(1024);
    expect(result.rest).toHaveLength(5000 - 1024);
  });
});
