import type { Chain, Step } from '../../src/chain/types';
import type { Credentials } from '../../src/core/credentials';
import { useSummary } from '../../src/cli/useSummary';

const STS = { region: 'us-east-1' };
const NOW = new Date(2026, 10, 25, 14, 43, 0);
const KEYS: Step = { kind: 'static', profile: 'alice', accessKeyId: 'AKIAALICE00000000001', secretAccessKey: 's' };
const SESSION: Step = { kind: 'sessionToken', profile: 'alice', mfaSerial: 'arn:aws:iam::111111111111:mfa/alice', durationSeconds: 43200, sts: STS };
const ADMIN: Step = { kind: 'assumeRole', profile: 'admin', roleArn: 'arn:aws:iam::222222222222:role/admin', sts: STS };
const chainOf = (...steps: Step[]): Chain => ({ profile: steps[steps.length - 1].profile, steps });
const temporary = (expiration?: Date): Credentials => ({ accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't', expiration });

describe(useSummary.name, () => {
  it.each<[string, Chain, Credentials, string]>([
    ['a role', chainOf(KEYS, SESSION, ADMIN), temporary(new Date(2026, 10, 25, 15, 42, 30)), 'awsenv: using profile "admin": role admin in account 222222222222, until 15:42 (59m left)'],
    ['an MFA session until tomorrow', chainOf(KEYS, SESSION), temporary(new Date(2026, 10, 26, 2, 43, 0)), 'awsenv: using profile "alice": MFA session in account 111111111111, until 02:43 (12h00m left)'],
    ['an MFA session of a hardware device', chainOf(KEYS, { ...SESSION, mfaSerial: 'GAHT12345678' } as Step), temporary(new Date(2026, 10, 25, 14, 53, 0)), 'awsenv: using profile "alice": MFA session, until 14:53 (10m left)'],
    [
      'an IAM Identity Center role',
      chainOf({ kind: 'sso', profile: 'dev', accountId: '111111111111', roleName: 'Developer', session: { startUrl: 'https://x.awsapps.com/start', region: 'eu-west-1', oidc: STS, portal: STS } }),
      temporary(new Date(2026, 10, 25, 22, 43, 0)),
      'awsenv: using profile "dev": role Developer in account 111111111111, until 22:43 (8h00m left)',
    ],
    ['long-term keys', chainOf(KEYS), { accessKeyId: 'AKIA', secretAccessKey: 's' }, 'awsenv: using profile "alice": long-term keys'],
    ['keys with a session token from the file', chainOf(KEYS), temporary(), 'awsenv: using profile "alice": expiry unknown'],
    ['credential_process', chainOf({ kind: 'process', profile: 'p', command: '/bin/creds' }), temporary(new Date(2026, 10, 25, 15, 13, 0)), 'awsenv: using profile "p": until 15:13 (30m left)'],
    ['a profile name with an escape sequence', chainOf({ ...KEYS, profile: 'evil\u001b]0;pwned\u0007' } as Step), { accessKeyId: 'AKIA', secretAccessKey: 's' }, 'awsenv: using profile "evil?]0;pwned?": long-term keys'],
  ])('%s', (_why, chain, credentials, line) => {
    expect(useSummary(chain, credentials, NOW)).toBe(line);
  });
});
