import { identityOfArn, knownIdentity, type KnownIdentity } from '../../src/chain/knownIdentity';
import type { Chain, Step } from '../../src/chain/types';

const STS = { region: 'us-east-1' };
const KEYS: Step = { kind: 'static', profile: 'alice', accessKeyId: 'AKIAALICE00000000001', secretAccessKey: 's' };
const MFA = 'arn:aws:iam::111111111111:mfa/alice';
const SESSION: Step = { kind: 'sessionToken', profile: 'alice', mfaSerial: MFA, durationSeconds: 43200, sts: STS };
const chainOf = (...steps: Step[]): Chain => ({ profile: steps[steps.length - 1].profile, steps });

describe(identityOfArn.name, () => {
  it.each<[string, KnownIdentity]>([
    ['arn:aws:iam::222222222222:role/admin', { account: '222222222222', role: 'admin' }],
    ['arn:aws:iam::222222222222:role/teams/web/deployer', { account: '222222222222', role: 'deployer' }],
    ['arn:aws-cn:iam::222222222222:role/admin', { account: '222222222222', role: 'admin' }],
    ['arn:aws-us-gov:iam::222222222222:role/admin', { account: '222222222222', role: 'admin' }],
    ['arn:aws:sts::333333333333:assumed-role/Admin/alice@example.com', { account: '333333333333', role: 'Admin' }],
    ['arn:aws:iam::111111111111:user/alice', { account: '111111111111' }],
    [MFA, { account: '111111111111' }],
    ['arn:aws:iam::111111111111:root', { account: '111111111111' }],
    // Not an IAM or STS ARN, or not one at all: nothing known.
    ['arn:aws:s3:::bucket', {}],
    ['arn:aws:iam::1111:role/short-account', {}],
    ['GAHT12345678', {}],
    ['', {}],
  ])('%s', (arn, identity) => {
    expect(identityOfArn(arn)).toEqual(identity);
  });
});

describe(knownIdentity.name, () => {
  const role = (roleArn: string, profile = 'admin'): Step => ({ kind: 'assumeRole', profile, roleArn, sts: STS });
  it.each<[string, Chain, KnownIdentity]>([
    ['a role: its ARN', chainOf(KEYS, SESSION, role('arn:aws:iam::222222222222:role/admin')), { account: '222222222222', role: 'admin' }],
    ['a chain of roles: the last one', chainOf(KEYS, role('arn:aws:iam::222222222222:role/admin'), role('arn:aws:iam::444444444444:role/deep', 'deep')), { account: '444444444444', role: 'deep' }],
    ['an MFA session: the virtual device\'s account', chainOf(KEYS, SESSION), { account: '111111111111', mfaSession: true }],
    ['an MFA session of a hardware device: no account', chainOf(KEYS, { ...SESSION, mfaSerial: 'GAHT12345678' } as Step), { mfaSession: true }],
    [
      'an IAM Identity Center role: the profile\'s account and role',
      chainOf({ kind: 'sso', profile: 'dev', accountId: '111111111111', roleName: 'Developer', session: { startUrl: 'https://x.awsapps.com/start', region: 'eu-west-1', oidc: STS, portal: STS } }),
      { account: '111111111111', role: 'Developer' },
    ],
    ['web identity: the role\'s ARN', chainOf({ kind: 'webIdentity', profile: 'ci', roleArn: 'arn:aws:iam::555555555555:role/deploy', token: { source: 'file', path: '/t' }, sts: STS }), { account: '555555555555', role: 'deploy' }],
    ['a console sign-in of a user: the account', chainOf({ kind: 'login', profile: 'console', loginSession: 'arn:aws:iam::111111111111:user/alice', signin: STS }), { account: '111111111111' }],
    ['a console sign-in of a role', chainOf({ kind: 'login', profile: 'console', loginSession: 'arn:aws:sts::111111111111:assumed-role/Admin/alice', signin: STS }), { account: '111111111111', role: 'Admin' }],
    ['keys: nothing', chainOf(KEYS), {}],
    ['credential_process: nothing', chainOf({ kind: 'process', profile: 'p', command: '/bin/creds' }), {}],
    ['the instance\'s role: nothing', chainOf({ kind: 'instanceMetadata', profile: 'ec2' }), {}],
  ])('%s', (_why, chain, identity) => {
    expect(knownIdentity(chain)).toEqual(identity);
  });
});
