import type { Step } from '../../src/chain/types';
import { AwsenvError } from '../../src/core/errors';
import { checkIssued } from '../../src/providers/checkIssued';
import { recordingLogger } from '../support/recordingLogger';

const NOW = new Date('2030-06-01T12:00:00Z');
const at = (secondsFromNow: number) => new Date(NOW.getTime() + secondsFromNow * 1000);
const STS = { region: 'eu-west-1' };
const role: Step = { kind: 'assumeRole', profile: 'admin', roleArn: 'arn:aws:iam::222222222222:role/admin', durationSeconds: 3600, sts: STS };
const session: Step = { kind: 'sessionToken', profile: 'alice', mfaSerial: 'arn:aws:iam::111111111111:mfa/alice', durationSeconds: 43200, sts: STS };
const processStep: Step = { kind: 'process', profile: 'vault', command: 'vault-creds' };
const keys = (expiration?: Date) => ({ accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't', expiration });

describe(checkIssued.name, () => {
  it.each<{ why: string; step: Step; left?: number; margin?: number; throws?: string[]; warns?: string[] }>([
    { why: 'a role issued for its full hour is fine', step: role, left: 3600 },
    { why: 'credentials without an end are fine', step: processStep },
    { why: 'a role whose hour ended 10 minutes ago: the clock is 70 minutes fast', step: role, left: -600, throws: ['expired at 2030-06-01T11:50:00Z', "this machine's clock looks about 1h10m fast"] },
    { why: 'an MFA session already over', step: session, left: -1, throws: ['expired at 2030-06-01T11:59:59Z', 'about 12h00m fast'] },
    { why: 'a process whose lifetime nobody asked for: no guess at the clock', step: processStep, left: -5, throws: ['expired at 2030-06-01T11:59:55Z, before this machine\'s time (2030-06-01T12:00:00Z)'] },
    { why: 'a role arriving with 8 minutes left: used, with a warning that names the clock', step: role, left: 480, warns: ['the credentials of profile "admin" expire in 8m00s', 'about 52m00s fast'] },
    { why: 'a process arriving with 8 minutes left: a warning, no clock', step: processStep, left: 480, warns: ['the credentials of profile "vault" expire in 8m00s, at 2030-06-01T12:08:00Z'] },
    { why: 'a source with more than the source margin left is fine', step: session, left: 120, margin: 60 },
  ])('$why', ({ step, left, margin = 600, throws = [], warns = [] }) => {
    const log = recordingLogger();
    const run = () => checkIssued(step, keys(left === undefined ? undefined : at(left)), NOW, margin, log);
    if (throws.length) {
      expect(run).toThrow(AwsenvError);
      const error = (() => {
        try {
          run();
        } catch (e) {
          return e as AwsenvError;
        }
      })()!;
      expect([error.kind, error.profile]).toEqual(['aws', step.profile]);
      for (const fragment of throws) expect(error.message).toContain(fragment);
    } else {
      run();
    }
    expect(log.warnings).toHaveLength(warns.length ? 1 : 0);
    for (const fragment of warns) expect(log.warnings[0]).toContain(fragment);
  });
});
