import fs from 'node:fs';
import path from 'node:path';
import { exitCodes } from '../../src/core/errors';
import { TITLE } from '../../src/interaction/pickerLines';
import { AWSENV_BIN, expectCleanFailure, makeHome, runCli } from '../support/cli';
import { playScreen } from '../support/screenModel';
import { INTEGRATION_SHELLS, loadIntegration, type IntegrationShell } from '../support/shellIntegration';
import { killTtySessions, startTtySession } from '../support/ttySession';
import * as stsWorld from '../support/stsWorld';

/**
 * A bare awsuse at a terminal: the integration loaded into a real bash, zsh and fish on a pseudo-terminal of its own
 * (util-linux `script`), static keys in a throwaway HOME, keys typed at the picker, and afterwards the variables the
 * shell exports, the terminal's settings (`stty -g`) and what the screen shows, played through a model of a terminal.
 */

const CREDENTIALS = ['admin', 'dev', 'dev-admin', 'prod', 'prod-admin', 'sandbox']
  // With a session token, so that no hint about long-term keys joins the summary line on the screen.
  .map((name) => `[${name}]\naws_access_key_id = ASIA-${name}\naws_secret_access_key = secret-${name}\naws_session_token = token-${name}\n`)
  .join('');
const CONFIG = '[profile dev-admin]\nregion = eu-west-1\n[profile prod-admin]\nregion = us-east-2\n';

const WIDTH = 60;
const HEIGHT = 12;
const SHOWN_TITLE = `${TITLE.slice(0, WIDTH - 2)}\u2026`;

const homes: string[] = [];
afterEach(killTtySessions);
afterAll(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

/**
 * What runs on the terminal: /bin/sh gives the terminal a size, keeps its settings, prints a line and runs the shell
 * under test, then keeps the shell's status and the settings again and prints a last line. The shell loads the
 * integration, runs a bare awsuse, and keeps its status and the environment. Paths come in as $HOME: nothing is quoted
 * by hand.
 */
function scriptsFor({ shell, init }: IntegrationShell, load: string) {
  const status = shell.dialect === 'fish' ? '$status' : '$?';
  const pid = shell.dialect === 'fish' ? '$fish_pid' : '$$';
  const inner = [load, `echo ${pid} > $HOME/shell.pid`, 'awsuse', `echo ${status} > $HOME/status`, 'env -0 > $HOME/env.after', ''].join('\n');
  const outer = [
    `stty cols ${WIDTH} rows ${HEIGHT}`,
    'stty -g > $HOME/stty.before',
    "printf 'before\\n'",
    `${shell.command.join(' ')} $HOME/inner.${init}`,
    'echo $? > $HOME/shell.status',
    'stty -g > $HOME/stty.after',
    "printf 'all done\\n'",
    '',
  ].join('\n');
  return { inner, outer };
}

function atTerminal(integration: IntegrationShell, extraEnv: NodeJS.ProcessEnv = {}, files = { config: CONFIG, credentials: CREDENTIALS }) {
  const { home, env } = makeHome(files);
  homes.push(home);
  const { inner, outer } = scriptsFor(integration, loadIntegration(integration, 'awsenv init'));
  fs.writeFileSync(path.join(home, `inner.${integration.init}`), inner);
  const script = path.join(home, 'outer.sh');
  fs.writeFileSync(script, outer);
  if (!/^[\w/.-]+$/.test(script)) throw new Error(`would need quoting: ${script}`);
  const session = startTtySession(`sh ${script}`, { ...env, LC_ALL: 'C.UTF-8', TERM: 'xterm', ...extraEnv });
  const read = (file: string) => fs.readFileSync(path.join(home, file), 'utf8');
  const readIfThere = (file: string) => (fs.existsSync(path.join(home, file)) ? read(file) : undefined);
  const environment = () =>
    Object.fromEntries(
      read('env.after')
        .split('\0')
        .filter(Boolean)
        .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
    );
  return { session, read, readIfThere, environment };
}

/** The awsenv a shell runs: the process below the shell (through the command substitution) running the bin. */
function awsenvUnder(shellPid: number): number {
  const parentOf = (pid: string) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
  const below = (pid: number): boolean => pid === shellPid || (pid > 1 && below(parentOf(String(pid))));
  const found = fs.readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      return fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(AWSENV_BIN) && below(parentOf(entry));
    } catch {
      return false;
    }
  });
  if (found.length !== 1) throw new Error(`expected one awsenv under ${shellPid}, found ${found.length}`);
  return Number(found[0]);
}

const exportedOf = (env: Record<string, string>) => ({ key: env.AWS_ACCESS_KEY_ID, secret: env.AWS_SECRET_ACCESS_KEY, profile: env.AWSENV_PROFILE, region: env.AWS_REGION });

const DOWN = '\x1b[B';

describe.each(INTEGRATION_SHELLS.map((integration) => [integration.shell.name, integration] as const))('a bare awsuse at a terminal, in %s', (_name, integration) => {
  test('shows the picker; a filter, an arrow and Enter export the profile as awsuse PROFILE would; the screen and the terminal are as before', async () => {
    const { session, read, environment } = atTerminal(integration);
    await session.waitFor(SHOWN_TITLE);
    await session.waitFor('1/6');
    session.type('adm');
    await session.waitFor('1/3');
    session.type(DOWN);
    await session.waitFor('2/3');
    session.type('\r');
    const { code, screen } = await session.exit();

    expect({ code, status: read('status').trim() }).toEqual({ code: 0, status: '0' });
    expect(exportedOf(environment())).toEqual({ key: 'ASIA-dev-admin', secret: 'secret-dev-admin', profile: 'dev-admin', region: 'eu-west-1' });
    expect(read('stty.after')).toBe(read('stty.before'));
    // The picker was there, with the filter's matches, best first, and the selection on the second.
    expect(screen).toContain('> adm');
    // Nothing of it is left: the line before, the summary line awsuse prints, the line after.
    expect(playScreen(screen, WIDTH, HEIGHT)).toEqual({ lines: ['before', 'awsenv: using profile "dev-admin": expiry unknown', 'all done'], autowrap: true, inverse: false });
  });

  test('starts at the profile exported now: Enter alone exports it again', async () => {
    const { session, read, environment } = atTerminal(integration, { AWSENV_PROFILE: 'prod-admin', AWS_PROFILE: 'dev' });
    await session.waitFor('5/6');
    session.type('\r');
    await session.exit();
    expect(read('status').trim()).toBe('0');
    expect(exportedOf(environment())).toEqual({ key: 'ASIA-prod-admin', secret: 'secret-prod-admin', profile: 'prod-admin', region: 'us-east-2' });
  });

  test.each<[string, string]>([
    ['Esc', '\x1b'],
    ['Ctrl-D', '\x04'],
  ])('%s leaves the environment untouched and the terminal sane', async (_key, keys) => {
    const { session, read, environment } = atTerminal(integration, { AWS_ACCESS_KEY_ID: 'SENTINEL', AWS_PROFILE: 'dev' });
    await session.waitFor('2/6');
    session.type(`pro${DOWN}`);
    await session.waitFor('2/2');
    session.type(keys);
    const { screen } = await session.exit();

    expect({ status: read('status').trim(), shell: read('shell.status').trim() }).toEqual({ status: String(exitCodes.interaction), shell: '0' });
    expect({ ...exportedOf(environment()), AWS_PROFILE: environment().AWS_PROFILE }).toEqual({ key: 'SENTINEL', secret: undefined, profile: undefined, region: undefined, AWS_PROFILE: 'dev' });
    expect(read('stty.after')).toBe(read('stty.before'));
    expect(playScreen(screen, WIDTH, HEIGHT)).toEqual({ lines: ['before', 'awsenv: no profile picked; nothing changed', 'all done'], autowrap: true, inverse: false });
  });

  // Another process may end awsenv while the picker is up: the terminal is put back before awsenv ends by the signal.
  test('SIGTERM puts the terminal back, erases the picker and ends awsenv by the signal', async () => {
    const { session, read, environment } = atTerminal(integration, { AWS_ACCESS_KEY_ID: 'SENTINEL' });
    await session.waitFor('1/6');
    process.kill(awsenvUnder(Number(read('shell.pid'))), 'SIGTERM');
    const { screen } = await session.exit();

    expect({ status: read('status').trim(), shell: read('shell.status').trim() }).toEqual({ status: '143', shell: '0' });
    expect(environment().AWS_ACCESS_KEY_ID).toBe('SENTINEL');
    expect(read('stty.after')).toBe(read('stty.before'));
    expect(playScreen(screen, WIDTH, HEIGHT)).toEqual({ lines: ['before', 'all done'], autowrap: true, inverse: false });
  });

  // Ctrl-C ends awsenv by SIGINT, as at the MFA prompt, so that the shell stops what its command line was doing: bash
  // and fish end the script there (by SIGINT too, 130 to /bin/sh); zsh reports 130 and goes on, unchanged.
  test('Ctrl-C stops awsuse by SIGINT, with the environment untouched and the terminal sane', async () => {
    const { session, read, readIfThere, environment } = atTerminal(integration, { AWS_ACCESS_KEY_ID: 'SENTINEL' });
    await session.waitFor('1/6');
    session.type(`pro${DOWN}`);
    await session.waitFor('2/2');
    session.type('\x03');
    const { screen } = await session.exit();

    const goesOn = integration.init === 'zsh';
    expect({ status: readIfThere('status')?.trim(), shell: read('shell.status').trim() }).toEqual(goesOn ? { status: '130', shell: '0' } : { status: undefined, shell: '130' });
    if (goesOn) expect(exportedOf(environment())).toEqual({ key: 'SENTINEL', secret: undefined, profile: undefined, region: undefined });
    expect(read('stty.after')).toBe(read('stty.before'));
    expect(playScreen(screen, WIDTH, HEIGHT)).toEqual({ lines: ['before', 'awsenv: the profile picker was interrupted; nothing changed', 'all done'], autowrap: true, inverse: false });
  });
});

test('after the pick the export goes on as awsuse PROFILE: the MFA prompt on the same terminal, then the summary', async () => {
  const sts = await stsWorld.startWorld();
  try {
    const bash = INTEGRATION_SHELLS.find((integration) => integration.init === 'bash')!;
    const { session, read, environment } = atTerminal(bash, { AWS_ENDPOINT_URL_STS: sts.url }, { config: stsWorld.CONFIG, credentials: stsWorld.CREDENTIALS });
    await session.waitFor(SHOWN_TITLE);
    session.type('adm\r');
    await session.waitFor(`Enter MFA code for ${stsWorld.ALICE.mfaSerial}:`);
    session.type('123456\r');
    const { screen } = await session.exit();

    expect(read('status').trim()).toBe('0');
    const issued = sts.issued.find((credentials) => credentials.accessKeyId === environment().AWS_ACCESS_KEY_ID);
    expect({ profile: environment().AWSENV_PROFILE, issued: issued !== undefined }).toEqual({ profile: 'admin', issued: true });
    expect(sts.calls.map((call) => [call.action, call.params.RoleArn])).toEqual([
      ['GetSessionToken', undefined],
      ['AssumeRole', stsWorld.ADMIN_ROLE],
    ]);
    const lines = playScreen(screen, WIDTH, HEIGHT).lines;
    expect([lines[0], lines.some((line) => line.includes('pick a profile')), lines[lines.length - 1]]).toEqual(['before', false, 'all done']);
    // Wrapped at the terminal's width, as a terminal shows a long line.
    expect(lines.slice(1, -1).join('')).toMatch(/awsenv: using profile "admin": role admin in account 222222222222, until \d\d:\d\d \(\d+m left\)$/);
  } finally {
    await sts.close();
  }
});

test('without a controlling terminal, a bare awsenv use lists the profiles on stderr and fails, printing nothing on stdout', async () => {
  const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  homes.push(home);
  const result = await runCli(['use', '--format', 'sh'], { env });
  expectCleanFailure(result, exitCodes.usage);
  expect(result.stderr).toBe(
    'admin\ndev\ndev-admin\nprod\nprod-admin\nsandbox\nawsenv: awsuse needs a profile, and there is no terminal to pick one on\n' +
      "  Run awsuse PROFILE with one of the profiles above, or awsuse -u to clear the shell's credentials.\n",
  );
});

test('with no profile at all, a bare awsenv use says so, with or without a terminal', async () => {
  const { home, env } = makeHome({});
  homes.push(home);
  const result = await runCli(['use'], { env });
  expectCleanFailure(result, exitCodes.config, /awsuse has no profile to pick from: .*config and .*credentials hold none/, /awsuse -u/);
});
