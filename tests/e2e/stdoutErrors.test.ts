import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { AWSENV_BIN, makeHome, runProcess } from '../support/cli';

/**
 * Regression (issue 13): a write to stdout that fails ended Node with "Unhandled 'error' event" and a stack trace.
 * Now a reader that went away (EPIPE) ends awsenv by SIGPIPE without a word, as `yes | head -1` ends, and any other
 * failure (ENOSPC on /dev/full) is one line on stderr and exit 7.
 */

const KEYS = '[plain]\naws_access_key_id = AKIAPLAINEXAMPLE0001\naws_secret_access_key = plain-secret\n';
// Thousands of profiles: `list --long` writes far more than a pipe holds (64 KiB), so the write meets the closed end.
const MANY = Array.from({ length: 5000 }, (_, i) => `[profile profile-number-${String(i).padStart(5, '0')}]\nregion = eu-west-1\n`).join('\n');

const homes: string[] = [];
afterAll(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

function home(config = '') {
  const made = makeHome({ config, credentials: KEYS });
  homes.push(made.home);
  return made.env;
}

/** A bash line with awsenv on PATH; pipefail, so that $? is awsenv's status in a pipeline too. */
const bash = (line: string, env: NodeJS.ProcessEnv) => runProcess('bash', ['--norc', '--noprofile', '-o', 'pipefail', '-c', line], { env });

const NO_TRACE = /Unhandled|node:events|\bat \w+ \(|Node\.js v/;

describe('a failed write to stdout', () => {
  test('awsenv list --long | head -1 on thousands of profiles: the first line, then a silent end by SIGPIPE (141)', async () => {
    const result = await bash('awsenv list --long 2>"$HOME/stderr" | head -1; echo "status $?"', home(MANY));
    expect(result.stdout).toMatch(/^plain +static +-\nstatus 141\n$/);
    expect(fs.readFileSync(`${homes[homes.length - 1]}/stderr`, 'utf8')).toBe('');
  });

  test('awsenv P | true, the reader gone before the export is written: silent, 141', async () => {
    // The sleep lets `true` exit first, so the write surely meets a closed pipe.
    const result = await bash('{ sleep 0.3; awsenv plain 2>"$HOME/stderr"; } | true; echo "status $?"', home());
    expect(result.stdout).toBe('status 141\n');
    expect(fs.readFileSync(`${homes[homes.length - 1]}/stderr`, 'utf8')).toBe('');
  });

  test('the process itself dies of SIGPIPE, as a Unix tool whose reader went away does', async () => {
    const env = home(MANY);
    const child = spawn(process.execPath, [AWSENV_BIN, 'list', '--long'], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    // The read end closes long before Node has started and written.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGPIPE', stderr: '' });
  });

  test.each([
    ['awsenv --help', 'awsenv --help'],
    ['an export', 'awsenv plain'],
    ['awsenv list --long', 'awsenv list --long'],
    // No summary line either: it would say the shell holds credentials it never got.
    ['awsuse\'s awsenv use', 'awsenv use plain'],
  ])('%s >/dev/full: one line on stderr naming the cause, exit 7, no stack trace', async (_name, command) => {
    const result = await bash(`${command} >/dev/full`, home(MANY));
    expect(result.code).toBe(7);
    expect(result.stderr).toBe('awsenv: cannot write to stdout (ENOSPC: no space left on device)\n');
    expect(result.stderr).not.toMatch(NO_TRACE);
  });

  test('a stderr nobody reads does not turn a failure into a crash: the failure\'s own exit code', async () => {
    const result = await bash('{ sleep 0.3; awsenv no-such-profile; } 2>&1 | true', home());
    // 3: an unknown profile is a configuration error; pipefail passes awsenv's status through.
    expect(result.code).toBe(3);
  });
});
