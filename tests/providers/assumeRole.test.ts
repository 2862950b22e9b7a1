import type { AssumeRoleStep } from '../../src/chain/types';
import { assumeRole } from '../../src/providers/assumeRole';
import type { Source } from '../../src/providers/providerDeps';
import { MFA_CODE, fakeProviderDeps, issued, type Call } from '../support/fakeProviderDeps';

const MFA = 'arn:aws:iam::111111111111:mfa/alice';
const ROLE = 'arn:aws:iam::222222222222:role/admin';
const STS = { region: 'eu-central-1', endpoint: 'http://127.0.0.1:4566' };
const role: AssumeRoleStep = { kind: 'assumeRole', profile: 'admin', roleArn: ROLE, sts: STS };
const source: Source = { credentials: issued('GetSessionToken', 'alice'), profile: 'alice', kind: 'sessionToken' };
const client: Call = { to: 'sts', target: STS, profile: 'admin', signedBy: 'alice', signerKind: 'session', signedWith: 'GetSessionToken:alice' };
// NOW is 2030-06-01T12:00:00.750Z: the name carries whole seconds, as the AWS CLI's does.
const DEFAULT_NAME = 'awsenv-1906545600';

interface Case {
  why: string;
  step: AssumeRoleStep;
  calls: Call[];
}

describe(assumeRole.name, () => {
  it.each<Case>([
    { why: 'no mfa_serial: no code asked, a session name made from the clock', step: role, calls: [client, { to: 'AssumeRole', profile: 'admin', input: { RoleArn: ROLE, RoleSessionName: DEFAULT_NAME } }] },
    {
      why: 'an mfa_serial: the code is asked first and sent with its serial',
      step: { ...role, mfaSerial: MFA },
      calls: [{ to: 'mfaCode', serial: MFA, profile: 'admin' }, client, { to: 'AssumeRole', profile: 'admin', input: { RoleArn: ROLE, RoleSessionName: DEFAULT_NAME, SerialNumber: MFA, TokenCode: MFA_CODE } }],
    },
    {
      why: 'the settings of the profile are passed as they are',
      step: { ...role, roleSessionName: 'alice@admin', externalId: 'ext-42', sourceIdentity: 'alice', durationSeconds: 1800 },
      calls: [client, { to: 'AssumeRole', profile: 'admin', input: { RoleArn: ROLE, RoleSessionName: 'alice@admin', ExternalId: 'ext-42', SourceIdentity: 'alice', DurationSeconds: 1800 } }],
    },
    {
      why: 'session tags and the transitive keys, in the SDK\'s shape',
      step: { ...role, tags: [{ key: 'team', value: 'web' }, { key: 'cost-centre', value: '' }], transitiveTagKeys: ['team'] },
      calls: [client, { to: 'AssumeRole', profile: 'admin', input: { RoleArn: ROLE, RoleSessionName: DEFAULT_NAME, Tags: [{ Key: 'team', Value: 'web' }, { Key: 'cost-centre', Value: '' }], TransitiveTagKeys: ['team'] } }],
    },
  ])('$why', async ({ step, calls }) => {
    const deps = fakeProviderDeps();

    const credentials = await assumeRole(step, source, deps);

    expect(credentials).toEqual(issued('AssumeRole', 'admin'));
    expect(deps.calls).toEqual(calls);
  });
});
