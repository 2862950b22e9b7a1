import { describeChain } from '../../src/chain/describe';
import type { Chain, Step } from '../../src/chain/types';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN';
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const MFA = 'arn:aws:iam::111111111111:mfa/alice';
const ADMIN = 'arn:aws:iam::222222222222:role/admin';
const DEEP = 'arn:aws:iam::444444444444:role/deep';

const keys: Step = { kind: 'static', profile: 'alice', accessKeyId: ACCESS_KEY, secretAccessKey: SECRET };
const temporaryKeys: Step = { ...keys, accessKeyId: 'ASIATEMPORARYEXAMPLE', sessionToken: SESSION_TOKEN };
const session: Step = { kind: 'sessionToken', profile: 'alice', mfaSerial: MFA, durationSeconds: 43200, sts: { region: 'eu-west-1' } };
const role: Step = { kind: 'assumeRole', profile: 'admin', roleArn: ADMIN, sts: { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' } };
const fullRole: Step = {
  kind: 'assumeRole',
  profile: 'deep',
  roleArn: DEEP,
  mfaSerial: MFA,
  externalId: 'partner-ext-42',
  roleSessionName: 'deep-dive',
  sourceIdentity: 'alice',
  durationSeconds: 900,
  tags: [{ key: 'team', value: 'web' }, { key: 'env', value: 'prod' }],
  transitiveTagKeys: ['team'],
  sts: { region: 'us-east-1' },
};

const CHAINS: { name: string; chain: Chain }[] = [
  { name: 'keys', chain: { profile: 'alice', steps: [keys] } },
  { name: 'temporary keys', chain: { profile: 'alice', steps: [temporaryKeys] } },
  { name: 'MFA session', chain: { profile: 'alice', steps: [keys, session], region: 'eu-west-1' } },
  { name: 'role chain', chain: { profile: 'deep', steps: [keys, session, role, fullRole] } },
];

describe(describeChain.name, () => {
  it.each(CHAINS)('never shows a secret access key or session token ($name)', ({ chain }) => {
    const text = describeChain(chain);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.slice(0, 8));
    expect(text).not.toContain(SESSION_TOKEN);
    expect(text).not.toContain(ACCESS_KEY);
  });

  it.each(CHAINS)('gives one line a step, in order, after a heading ($name)', ({ chain }) => {
    const lines = describeChain(chain).split('\n');
    expect(lines[0]).toContain(`chain for profile "${chain.profile}"`);
    expect(lines.slice(1)).toHaveLength(chain.steps.length);
    chain.steps.forEach((step, i) => {
      expect(lines[i + 1]).toMatch(new RegExp(`^  ${i + 1}\\. `));
      expect(lines[i + 1]).toContain(`"${step.profile}"`);
    });
  });

  it('shows every setting that decides a step', () => {
    const [, keysLine, tempLine, sessionLine, roleLine, fullRoleLine] = describeChain({
      profile: 'deep',
      steps: [keys, temporaryKeys, session, role, fullRole],
      region: 'eu-west-1',
    }).split('\n');
    expect(keysLine).toContain('AKIA…MPLE');
    expect(keysLine).not.toContain('session token');
    expect(tempLine).toContain('with session token');
    expect(sessionLine).toEqual(expect.stringContaining(MFA));
    expect(sessionLine).toContain('43200s');
    expect(sessionLine).toContain('STS in eu-west-1');
    expect(roleLine).toContain(ADMIN);
    expect(roleLine).toContain('STS in us-east-1 at http://127.0.0.1:4566');
    expect(roleLine).not.toContain('MFA');
    for (const detail of [DEEP, `MFA ${MFA}`, 'external id', 'session name deep-dive', 'source identity alice', '900s', 'session tags team, env', 'transitive team']) {
      expect(fullRoleLine).toContain(detail);
    }
  });

  it('does not show the external id itself, which works like a shared secret', () => {
    expect(describeChain({ profile: 'deep', steps: [keys, fullRole] })).not.toContain('partner-ext-42');
  });

  it.each([
    { region: 'eu-west-1', heading: 'chain for profile "alice", exporting region eu-west-1:' },
    { region: undefined, heading: 'chain for profile "alice":' },
  ])('names the region it exports: $heading', ({ region, heading }) => {
    expect(describeChain({ profile: 'alice', steps: [keys], region }).split('\n')[0]).toBe(heading);
  });
});
