import { announceSignIn } from '../../src/interaction/signInDisplay';
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
