import crypto from 'node:crypto';
import { cacheKey } from '../../src/cache/cacheKey';
import type { AssumeRoleStep, SessionTokenStep, StaticStep, Step } from '../../src/chain/types';

const keys: StaticStep = { kind: 'static', profile: 'alice', accessKeyId: 'AKIA1', secretAccessKey: 's1' };
const session: SessionTokenStep = { kind: 'sessionToken', profile: 'alice', mfaSerial: 'arn:aws:iam::1:mfa/a', durationSeconds: 43200, sts: { region: 'eu-west-1' } };
const role: AssumeRoleStep = { kind: 'assumeRole', profile: 'admin', roleArn: 'arn:aws:iam::2:role/admin', sts: { region: 'eu-west-1' } };
const chain: Step[] = [keys, session, role];
const roleKey = cacheKey(chain, 2);

describe(cacheKey.name, () => {
  test.each<[string, Step[]]>([
    ['another access key', [{ ...keys, accessKeyId: 'AKIA2' }, session, role]],
    ['another secret key', [{ ...keys, secretAccessKey: 's2' }, session, role]],
    ['another MFA serial', [keys, { ...session, mfaSerial: 'arn:aws:iam::1:mfa/b' }, role]],
    ['another session duration', [keys, { ...session, durationSeconds: 3600 }, role]],
    ['another endpoint', [keys, session, { ...role, sts: { region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' } }]],
    ['another role', [keys, session, { ...role, roleArn: 'arn:aws:iam::2:role/other' }]],
    ['an external id', [keys, session, { ...role, externalId: 'x' }]],
    ['a role duration', [keys, session, { ...role, durationSeconds: 900 }]],
    ['a session name', [keys, session, { ...role, roleSessionName: 'me' }]],
    ['an MFA code on the role call', [keys, session, { ...role, mfaSerial: 'arn:aws:iam::1:mfa/a' }]],
    ['session tags', [keys, session, { ...role, tags: [{ key: 'team', value: 'web' }] }]],
    ['transitive session tags', [keys, session, { ...role, tags: [{ key: 'team', value: 'web' }], transitiveTagKeys: ['team'] }]],
  ])('%s gives another key', (_name, changed) => {
    expect(cacheKey(changed, 2)).not.toBe(roleKey);
  });

  test.each<[string, Step[]]>([
    // Regression: after `awsuse admin` exported AWS_REGION, the next run keyed its MFA session by that region and
    // asked for a new code.
    ['another call region', [keys, { ...session, sts: { region: 'eu-central-1' } }, { ...role, sts: { region: 'us-east-1' } }]],
    ['an mfa_process, which only says how the code is got', [keys, { ...session, mfaProcess: 'ykman oath accounts code --single AWS:alice' }, role]],
    ['another profile order of keys', [keys, session, Object.fromEntries(Object.entries(role).reverse()) as unknown as AssumeRoleStep]],
  ])('%s keeps the key', (_name, same) => {
    expect(cacheKey(same, 2)).toBe(roleKey);
  });

  test('an MFA session on a credential_process is keyed by its command and serial, not by what it printed', () => {
    const proc: Step = { kind: 'process', profile: 'vault', command: 'vault-creds alice' };
    const base = cacheKey([proc, session], 1);
    expect(cacheKey([{ ...proc, command: 'vault-creds bob' }, session], 1)).not.toBe(base);
    expect(cacheKey([proc, { ...session, mfaSerial: 'arn:aws:iam::1:mfa/b' }], 1)).not.toBe(base);
    expect(cacheKey([proc, session], 1)).toBe(base);
  });

  test('roles sharing a source share the MFA session\'s key', () => {
    const other: AssumeRoleStep = { ...role, profile: 'readonly', roleArn: 'arn:aws:iam::3:role/readonly' };
    expect(cacheKey([keys, session, other], 1)).toBe(cacheKey(chain, 1));
    expect(cacheKey([keys, session, other], 2)).not.toBe(roleKey);
  });
});

// The keys of entries already on people's disks, made by the first version (localeCompare, node:crypto's SHA-256):
// every step kind, with every field it can have, must keep its key.
describe(`${cacheKey.name} keeps the keys it always gave`, () => {
  const firstVersion = (steps: readonly Step[], index: number) =>
    crypto.createHash('sha256').update(JSON.stringify(steps.slice(0, index + 1).map((step) => Object.entries('sts' in step ? { ...step, sts: { endpoint: step.sts.endpoint } } : step).sort(([a], [b]) => a.localeCompare(b))))).digest('hex');
  const sts = { region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' };
  const everyKind: Step[] = [
    { kind: 'static', profile: 'alice', accessKeyId: 'AKIA1', secretAccessKey: 's1', sessionToken: 'tok' },
    { kind: 'sessionToken', profile: 'alice', mfaSerial: 'arn:aws:iam::1:mfa/a', durationSeconds: 43200, sts },
    { kind: 'assumeRole', profile: 'admin', roleArn: 'arn:aws:iam::2:role/admin', roleSessionName: 'me', externalId: 'x', sourceIdentity: 'alice', mfaSerial: 'arn:aws:iam::1:mfa/a', durationSeconds: 900, sts },
    { kind: 'sso', profile: 'dev', accountId: '111111111111', roleName: 'Dev', session: { name: 'corp', startUrl: 'https://d-1.awsapps.com/start', region: 'eu-west-1', scopes: ['sso:account:access'], oidc: sts, portal: sts } },
    { kind: 'webIdentity', profile: 'ci', roleArn: 'arn:aws:iam::3:role/ci', roleSessionName: 'gha', durationSeconds: 900, token: { source: 'github', audience: 'sts.amazonaws.com' }, sts },
    { kind: 'process', profile: 'vault', command: 'vault-creds --profile x' },
    { kind: 'instanceMetadata', profile: 'ec2' },
    { kind: 'container', profile: 'ecs' },
  ];
  test.each(everyKind.map((step, i) => [step.kind, i] as const))('%s', (_kind, i) => {
    expect(cacheKey(everyKind, i)).toBe(firstVersion(everyKind, i));
  });
});
