import { AwsenvError } from '../../src/core/errors';
import { credentialProcess } from '../../src/render/process';
import { exportPlan, unsetPlan } from '../../src/render/plan';

describe('process renderer (credential_process output)', () => {
  const expiration = new Date('2030-01-02T03:04:05.678Z');
  const parse = (output: string) => JSON.parse(output) as Record<string, unknown>;

  test.each([
    [
      'session credentials',
      exportPlan({ accessKeyId: 'ASIA1', secretAccessKey: 's/+', sessionToken: 't', expiration }, 'dev', 'eu-west-1'),
      { Version: 1, AccessKeyId: 'ASIA1', SecretAccessKey: 's/+', SessionToken: 't', Expiration: '2030-01-02T03:04:05Z' },
    ],
    // Without an Expiration the SDKs take the keys as long-term: never refreshed.
    ['long-term keys', exportPlan({ accessKeyId: 'AKIA1', secretAccessKey: "it's \"x\"" }, 'dev', undefined), { Version: 1, AccessKeyId: 'AKIA1', SecretAccessKey: "it's \"x\"" }],
  ])('%s: Version 1 and exactly the credential fields', (_label, plan, expected) => {
    expect(parse(credentialProcess.render(plan))).toEqual(expected);
  });

  test('refuses the unset plan: it has no credentials to carry', () => {
    expect(() => credentialProcess.render(unsetPlan())).toThrow(
      expect.objectContaining({ kind: 'usage', message: expect.stringContaining('process format cannot carry AWS_ACCESS_KEY_ID') }) as AwsenvError,
    );
  });
});
