import fs from 'node:fs';
import path from 'node:path';
import type { FakeSts } from '../fakes/sts';
import { evalInBash, makeHome, runCli } from '../support/cli';
import { ALICE, ADMIN_ROLE, CONFIG, CREDENTIALS, READONLY_ROLE, startWorld } from '../support/stsWorld';
import { killTtySessions, occurrences, startTtySession, withoutControls } from '../support/ttySession';

/**
 * The MFA prompt as a user meets it: awsenv inside `$( … )` in a bash on a real pseudo-terminal. The prompt must go
 * to the terminal (not stdout, which the substitution captures, nor stderr, which may be redirected), and the code
 * typed there must reach STS once.
 */

const PROMPT = `Enter MFA code for ${ALICE.mfaSerial}:`;
const WRONG_SHAPE = 'An MFA code is 6 digits.';

let sts: FakeSts;
const homes: string[] = [];
beforeEach(async () => {
  sts = await startWorld();
});
afterEach(async () => {
  killTtySessions();
  await sts.close();
});
afterAll(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

// Each profile's stdout (what `$( … )` captured), stderr and status go to files, away from the terminal's echo and
// line endings. Profile names come in as arguments, so nothing is quoted by hand.
const CAPTURE = `for profile in "$@"; do
  out=$(awsenv "$profile" 2>"$HOME/$profile.stderr")
  printf '%s' "$?" >"$HOME/$profile.status"
  printf '%s' "$out" >"$HOME/$profile.stdout"
done
printf 'all done\\n'
`;

/** Runs awsenv for each profile, in turn, in one bash on a new terminal. */
function atTerminal(...profiles: string[]) {
  const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  homes.push(home);
  const script = path.join(home, 'capture.sh');
  fs.writeFileSync(script, CAPTURE);
  if (!/^[\w/.-]+$/.test(script) || profiles.some((p) => !/^\w+$/.test(p))) throw new Error('would need quoting');
  const session = startTtySession(`bash --norc --noprofile ${script} ${profiles.join(' ')}`, { ...env, AWS_ENDPOINT_URL_STS: sts.url });
  const read = (profile: string, what: 'stdout' | 'stderr' | 'status') => fs.readFileSync(path.join(home, `${profile}.${what}`), 'utf8');
  return { session, read };
}

const issuedTo = (accessKeyId: string | undefined) => sts.issued.find((issued) => issued.accessKeyId === accessKeyId);

async function expectExports(stdout: string, issuedAccessKeyId: string | undefined, profile: string) {
  const issued = issuedTo(issuedAccessKeyId);
  expect(issued).toBeDefined();
  const vars = await evalInBash(stdout);
  expect(vars.AWS_ACCESS_KEY_ID).toBe(issued!.accessKeyId);
  expect(vars.AWS_SECRET_ACCESS_KEY).toBe(issued!.secretAccessKey);
  expect(vars.AWS_SESSION_TOKEN).toBe(issued!.sessionToken);
  expect(vars.AWSENV_PROFILE).toBe(profile);
}

describe('the MFA prompt', () => {
  test('is shown on the terminal inside $( … ); the substitution captures only shell code, and the code reaches STS once', async () => {
    const { session, read } = atTerminal('alice');
    await session.waitFor(PROMPT);
    session.type('123456\n');
    const { code, screen } = await session.exit();
    expect(screen).toContain('all done');
    expect(code).toBe(0);

    expect(occurrences(screen, PROMPT)).toBe(1);
    expect(read('alice', 'status')).toBe('0');
    // Not on stderr either: a user who sends stderr elsewhere must still see the prompt.
    expect(read('alice', 'stderr')).toBe('');
    const stdout = read('alice', 'stdout');
    expect(stdout).not.toMatch(/MFA|Enter|123456/);
    expect(stdout.split('\n').filter((line) => line.includes('AWS_ACCESS_KEY_ID'))).toHaveLength(1);
    for (const line of stdout.split('\n')) expect(line).toMatch(/^(export [A-Z_]+='[^']*';|unset [A-Z_]+;)$/);

    expect(sts.calls.map((c) => [c.action, c.params.TokenCode, c.accessKeyId])).toEqual([['GetSessionToken', '123456', ALICE.accessKeyId]]);
    await expectExports(stdout, sts.calls[0].issuedAccessKeyId, 'alice');
  });

  test('a code of the wrong shape is asked again, never sent; then a valid one, typed as an authenticator app shows it, works', async () => {
    const { session, read } = atTerminal('alice');
    await session.waitFor(PROMPT);
    session.type('12a45\n');
    await session.waitFor(WRONG_SHAPE);
    await session.waitFor(PROMPT, 2);
    session.type('1234567\n');
    await session.waitFor(WRONG_SHAPE, 2);
    await session.waitFor(PROMPT, 3);
    session.type('654 321\n');
    const { code, screen } = await session.exit();
    expect(code).toBe(0);
    expect(occurrences(screen, PROMPT)).toBe(3);
    expect(occurrences(screen, WRONG_SHAPE)).toBe(2);
    expect(read('alice', 'status')).toBe('0');
    expect(read('alice', 'stdout')).not.toContain(WRONG_SHAPE);
    expect(sts.calls.map((c) => [c.action, c.params.TokenCode])).toEqual([['GetSessionToken', '654321']]);
    await expectExports(read('alice', 'stdout'), sts.calls[0].issuedAccessKeyId, 'alice');
  });

  test('three codes of the wrong shape: a failure, no STS call, nothing on stdout', async () => {
    const { session, read } = atTerminal('alice');
    for (const [i, typed] of ['abcdef', '', '12 345'].entries()) {
      await session.waitFor(PROMPT, i + 1);
      session.type(`${typed}\n`);
    }
    const { code, screen } = await session.exit();
    expect(code).toBe(0);
    expect(occurrences(screen, PROMPT)).toBe(3);
    // The person at the terminal gave no code: the same kind as Ctrl-D (4), not a usage error.
    expect(read('alice', 'status')).toBe('4');
    expect(read('alice', 'stdout')).toBe('');
    expect(read('alice', 'stderr')).toContain('profile "alice": no valid MFA code was entered');
    expect(sts.calls).toEqual([]);
  });

  // A bash without job control (this script) carries on after a child's SIGINT when it got none itself, and raw mode
  // kept the terminal from sending it one: the script goes on, and $? says 130, death by SIGINT.
  test.each([
    ['Ctrl-D', '4', '\x04', 'closed'],
    ['Ctrl-C', '130', '\x03', 'interrupted'],
  ])('%s at the prompt: status %s, the message after a line end, empty stdout, no STS call', async (_name, status, key, word) => {
    const { session, read } = atTerminal('alice');
    await session.waitFor(PROMPT);
    session.type(key);
    const { code, screen } = await session.exit();
    expect(screen).toContain('all done');
    expect(code).toBe(0);
    expect(withoutControls(screen)).toContain(`${PROMPT} \r\n`);
    expect(read('alice', 'status')).toBe(status);
    expect(read('alice', 'stdout')).toBe('');
    expect(read('alice', 'stderr')).toBe(`awsenv: profile "alice": MFA prompt ${word}\n`);
    expect(sts.calls).toEqual([]);
  });

  // Regression (issue 13): Ctrl-C exited 4, so `awsenv P; next` went on to run next.
  test('Ctrl-C at the prompt in an interactive bash: the rest of the command line does not run; the message is on a new line', async () => {
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    homes.push(home);
    const session = startTtySession('bash --norc --noprofile -i', { ...env, AWS_ENDPOINT_URL_STS: sts.url, PS1: '$ ', HISTFILE: '/dev/null' });
    await session.waitFor('$ ');
    // Typed as a person types it; the output differs from the echo of the typed line by the digits of $?.
    session.type(`awsenv alice; printf '%s\\n' "after-$?"\n`);
    await session.waitFor(PROMPT);
    session.type('\x03');
    await session.waitFor('MFA prompt interrupted');
    session.type(`printf '%s\\n' "status-$?"\n`);
    await session.waitFor('status-130');
    session.type('exit\n');
    const { screen } = await session.exit();
    expect(withoutControls(screen)).toContain(`${PROMPT} \r\nawsenv: profile "alice": MFA prompt interrupted\r\n`);
    expect(screen).not.toMatch(/after-\d/);
    expect(sts.calls).toEqual([]);
  });

  test('admin asks once; readonly right after asks nothing and reuses the MFA session', async () => {
    const { session, read } = atTerminal('admin', 'readonly');
    await session.waitFor(PROMPT);
    session.type('123456\n');
    const { code, screen } = await session.exit();
    expect(screen).toContain('all done');
    expect(code).toBe(0);
    expect(occurrences(screen, PROMPT)).toBe(1);
    expect([read('admin', 'status'), read('readonly', 'status')]).toEqual(['0', '0']);
    expect([read('admin', 'stderr'), read('readonly', 'stderr')]).toEqual(['', '']);

    expect(sts.calls.map((c) => [c.action, c.params.RoleArn, c.params.TokenCode])).toEqual([
      ['GetSessionToken', undefined, '123456'],
      ['AssumeRole', ADMIN_ROLE, undefined],
      ['AssumeRole', READONLY_ROLE, undefined],
    ]);
    const [session0, admin, readonly] = sts.calls;
    expect(admin.accessKeyId).toBe(session0.issuedAccessKeyId);
    expect(readonly.accessKeyId).toBe(session0.issuedAccessKeyId);
    await expectExports(read('admin', 'stdout'), admin.issuedAccessKeyId, 'admin');
    await expectExports(read('readonly', 'stdout'), readonly.issuedAccessKeyId, 'readonly');
  });
});

describe('--non-interactive', () => {
  // What --auto-refresh renews without a person: a role whose MFA session is still cached.
  test('a role from a cached MFA session is exported with one AssumeRole, and no code asked for', async () => {
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    homes.push(home);
    const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
    expect((await runCli(['alice'], { env: { ...world, AWSENV_MFA_CODE: '123456' } })).code).toBe(0);
    const result = await runCli(['use', 'admin', '--non-interactive', '--quiet'], { env: world });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(sts.calls.map((c) => c.action)).toEqual(['GetSessionToken', 'AssumeRole']);
    await expectExports(result.stdout, sts.calls[1].issuedAccessKeyId, 'admin');
  });

  // What the prompt hooks' --auto-refresh runs: on a terminal, but with nobody looking at it.
  test.each([['alice'], ['admin']])('on a terminal, %s fails at once with exit 4 instead of asking, before any AWS call', async (profile) => {
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    homes.push(home);
    const session = startTtySession(`awsenv ${profile} --non-interactive >${home}/out 2>${home}/err; echo "status=$?"`, { ...env, AWS_ENDPOINT_URL_STS: sts.url });
    const { screen } = await session.exit();
    expect(withoutControls(screen)).toContain('status=4');
    expect(screen).not.toContain(PROMPT);
    expect(fs.readFileSync(path.join(home, 'out'), 'utf8')).toBe('');
    expect(fs.readFileSync(path.join(home, 'err'), 'utf8')).toMatch(new RegExp(`^awsenv: profile "alice"(?: \\(on the way to "${profile}"\\))?: needs an MFA code for ${ALICE.mfaSerial.replace(/[/]/g, '\\/')}, and --non-interactive forbids asking\\n`));
    expect(sts.calls).toEqual([]);
  });
});
