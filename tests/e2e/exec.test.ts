import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { AWSENV_BIN, makeHome, runCli, runProcess } from '../support/cli';
import { killTtySessions, startTtySession, withoutControls } from '../support/ttySession';

// Static keys need no AWS: exec's own behaviour is what is under test here.
const CREDENTIALS = "[static]\naws_access_key_id = AKIASTATIC\naws_secret_access_key = s3cr'et$\n";
const CONFIG = '[profile static]\nregion = ap-south-1\n';

describe('awsenv exec', () => {
  afterEach(() => killTtySessions());

  test('the command sees the credentials and not the stale profile variables', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runCli(['exec', 'static', '--', 'sh', '-c', 'printf "%s|" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_REGION" "$AWSENV_PROFILE" "${AWS_PROFILE-unset}" "${AWS_SESSION_TOKEN-unset}"'], {
      env: { ...env, AWS_PROFILE: 'static', AWS_SESSION_TOKEN: 'stale' },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe("AKIASTATIC|s3cr'et$|ap-south-1|static|unset|unset|");
    expect(result.code).toBe(0);
  });

  test.each([0, 3, 42])('exits with the command\'s code %i', async (code) => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runCli(['exec', 'static', '--', 'sh', '-c', `exit ${code}`], { env });
    expect(result.code).toBe(code);
  });

  test('arguments reach the command untouched, flags after -- included', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const args = ['--region', 'x', '$(echo no)', 'a b', "'", ''];
    const result = await runCli(['exec', 'static', '--', 'sh', '-c', 'printf "%s\\0" "$@"', 'sh', ...args], { env });
    expect(result.stdout.split('\0').slice(0, -1)).toEqual(args);
  });

  test('a command that does not exist: exit 127, a clear message', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runCli(['exec', 'static', '--', 'no-such-command-xyz'], { env });
    expect(result.code).toBe(127);
    expect(result.stderr).toContain('cannot run "no-such-command-xyz": command not found');
  });

  test('a file that is not executable: exit 126, as in the shells', async () => {
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    fs.writeFileSync(path.join(home, 'not-executable'), 'echo hi\n', { mode: 0o644 });
    const result = await runCli(['exec', 'static', '--', path.join(home, 'not-executable')], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(126);
    expect(result.stderr).toContain('cannot run');
  });

  test.each([
    [['exec', 'static', 'sh', '-c', 'printf "%s|" "$AWS_ACCESS_KEY_ID" "$0"', 'zero']],
    [['exec', '--no-cache', 'static', 'sh', '-c', 'printf "%s|" "$AWS_ACCESS_KEY_ID" "$0"', 'zero']],
    [['exec', 'static', '--timeout', '5s', 'sh', '-c', 'printf "%s|" "$AWS_ACCESS_KEY_ID" "$0"', 'zero']],
  ])('without --, the word after the profile starts the command: %j', async (args) => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runCli(args, { env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('AKIASTATIC|zero|');
    expect(result.code).toBe(0);
  });

  test.each([
    [['exec', 'static', 'grep', '-r', 'x', '.'], '"-r"'],
    [['exec', 'static', 'aws', 's3', 'ls', '--region=eu-west-1'], '"--region"'],
    [['exec', 'static', 'ls', '--help'], '"--help"'],
  ])('without --, a word exec could take for its own flag is refused with the fix: %j', async (args, flag) => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runCli(args, { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`is ${flag} awsenv's flag or ${args[2]}'s? Put -- before the command`);
    expect(result.stderr).toContain(`awsenv exec static [FLAGS] -- ${args[2]} ARGS...`);
  });

  test('no command: $SHELL runs with the credentials, marked as exec\'s', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const script = 'printf "%s|" "$AWS_ACCESS_KEY_ID" "$AWSENV_EXEC_PROFILE"; exit 7';
    const result = await runProcess('sh', ['-c', `echo '${script}' | awsenv exec static`], { env: { ...env, SHELL: '/bin/sh' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('AKIASTATIC|static|');
    expect(result.code).toBe(7);
  });

  test('no command and no $SHELL: /bin/sh', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runProcess('sh', ['-c', 'echo \'echo "$AWS_ACCESS_KEY_ID"\' | env -u SHELL awsenv exec static'], { env });
    expect(result.stdout).toBe('AKIASTATIC\n');
    expect(result.code).toBe(0);
  });

  test('inside a shell exec started, exec without a command says so (exit 2); with a command it runs', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const session = startTtySession('awsenv exec static', { ...env, SHELL: '/bin/sh', PS1: '$ ' });
    session.type('echo "in:$AWSENV_EXEC_PROFILE"\n');
    await session.waitFor('in:static');
    session.type('awsenv exec static; echo "rc=$?"\n');
    await session.waitFor('rc=');
    session.type('awsenv exec static -- sh -c \'echo "inner:$AWS_ACCESS_KEY_ID"\'\n');
    await session.waitFor('inner:AKIASTATIC');
    session.type('exit 5\n');
    const { code, screen } = await session.exit();
    expect(withoutControls(screen)).toContain('awsenv: already in a shell that awsenv exec started for profile "static"');
    expect(screen).toContain('rc=2');
    expect(code).toBe(5);
  });

  test.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('forwards %s to the command and dies of it when the command does', async (signal) => {
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const marker = path.join(home, 'got-signal');
    // The command records the signal, then dies of it as a well-behaved program does.
    const program = `process.on(${JSON.stringify(signal)}, (s) => { require('fs').writeFileSync(${JSON.stringify(marker)}, s); process.removeAllListeners(s); process.kill(process.pid, s); }); console.log('ready'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, [AWSENV_BIN, 'exec', 'static', '--', process.execPath, '-e', program], {
      env: { PATH: process.env.PATH, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill(signal);
    const [code, got] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect(fs.readFileSync(marker, 'utf8')).toBe(signal);
    expect(got).toBe(signal);
    expect(code).toBeNull();
  });

  // Regression: reading process.stdin.isTTY set the pipe non-blocking, and `cat` failed with EAGAIN before the data came.
  test('a piped stdin reaches the command as the pipe it is: data that comes late is still read', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runProcess('bash', ['--norc', '--noprofile', '-c', '{ sleep 0.5; echo late; } | awsenv exec static -- cat'], { env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('late\n');
    expect(result.code).toBe(0);
  });

  // Node ignores SIGPIPE for itself: awsenv must put the default back to die of it as the command did.
  test('a command killed by SIGPIPE: awsenv dies of SIGPIPE too, not exit 141', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runCli(['exec', 'static', '--', 'sh', '-c', 'kill -PIPE $$'], { env });
    expect({ code: result.code, signal: result.signal, stderr: result.stderr }).toEqual({ code: null, signal: 'SIGPIPE', stderr: '' });
  });
});
