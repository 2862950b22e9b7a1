import { announceSignIn, signInDisplay } from '../../src/interaction/signInDisplay';
import type { SignInReason } from '../../src/sso/ssoAccessToken';

const START_URL = 'https://d-1234567890.awsapps.com/start';

/** A stream that keeps what it is given, a terminal or not. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, out: { isTTY, write: (text: string) => (written.push(text), true) } as unknown as NodeJS.WriteStream };
}

describe(announceSignIn.name, () => {
  it.each<[SignInReason, string]>([
    ['none', `awsenv: profile "dev": not signed in to IAM Identity Center at ${START_URL}; signing in\n`],
    ['expired', `awsenv: profile "dev": the IAM Identity Center sign-in to ${START_URL} has expired; signing in again\n`],
    ['refreshRefused', `awsenv: profile "dev": IAM Identity Center did not renew the sign-in to ${START_URL}; signing in again\n`],
    ['rejected', `awsenv: profile "dev": IAM Identity Center no longer accepts the sign-in to ${START_URL} (signed out elsewhere?); signing in again\n`],
  ])('%s', (reason, line) => {
    const { written, out } = stream(false);
    announceSignIn(out, 'dev', START_URL, reason);
    expect(written).toEqual([line]);
  });
});

describe(signInDisplay.name, () => {
  const watchers = () => ({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM'), exit: process.listenerCount('exit') });

  test('on a terminal, the spinner watches for Ctrl-C, a kill and an exit while it turns, and erases its line when done', () => {
    const before = watchers();
    const { written, out } = stream(true);
    const display = signInDisplay(out, {});
    display.waiting();
    expect(watchers()).toEqual({ SIGINT: before.SIGINT + 1, SIGTERM: before.SIGTERM + 1, exit: before.exit + 1 });
    display.done();
    expect(watchers()).toEqual(before);
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  test.each<[string, boolean, Record<string, string>]>([
    ['no terminal', false, {}],
    ['CI', true, { CI: 'true' }],
  ])('with %s, one plain line and nothing to erase or watch', (_why, isTTY, env) => {
    const before = watchers();
    const { written, out } = stream(isTTY);
    const display = signInDisplay(out, env);
    display.waiting();
    expect(watchers()).toEqual(before);
    display.done();
    expect(written).toEqual(['awsenv: waiting for the sign-in to be approved...\n']);
  });
});
