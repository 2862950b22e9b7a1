import path from 'node:path';
import { runProcess } from '../support/cli';

// The demo is a newcomer's first run: it must keep working as the code changes.
test('npm run demo walks through both patterns with the expected AWS calls', async () => {
  const demo = path.resolve(__dirname, '..', '..', 'scripts', 'demo.js');
  const result = await runProcess(process.execPath, [demo], { timeoutMs: 60000 });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const tallies = result.stdout.split('\n').filter((line) => line.includes('AWS calls:')).map((line) => line.trim());
  expect(tallies).toEqual([
    'exit 0; AWS calls: GetSessionToken',
    'exit 0; AWS calls: none',
    'exit 0; AWS calls: AssumeRole',
    'exit 0; AWS calls: AssumeRole',
    'exit 0; AWS calls: AssumeRole',
    'exit 0; AWS calls: none',
    'exit 5; AWS calls: GetSessionToken → AccessDenied',
  ]);
  expect(result.stdout).toMatch(/the command sees ASIA\w+ as readonly/);
}, 60000);
