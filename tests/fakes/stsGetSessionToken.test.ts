import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { INVALID_MFA_CODE, alice, bob, useFakeSts, userKeys } from './stsTestKit';

const kit = useFakeSts();

describe('fake STS GetSessionToken', () => {
  it.each([
    { problem: 'the rejected code 000000', serial: alice.mfaSerial, code: '000000', message: INVALID_MFA_CODE },
    { problem: 'a code of letters', serial: alice.mfaSerial, code: 'abcdef', message: INVALID_MFA_CODE },
    { problem: 'a code already accepted once', serial: alice.mfaSerial, code: '123456', message: INVALID_MFA_CODE },
    {
      problem: "a device that is not the user's",
      serial: 'arn:aws:iam::111111111111:mfa/bob',
      code: '654321',
      message: expect.stringMatching(/^MultiFactorAuthentication failed, unable to validate MFA code\./),
    },
  ])('refuses $problem', async ({ serial, code, message }) => {
    await kit.mfaSession('123456');

    await expect(kit.sts(userKeys(alice)).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message,
      $metadata: { httpStatusCode: 403 },
    });
    expect(kit.fake().issued).toHaveLength(1);
  });

  it.each([
    { durationSeconds: 899, limit: 'greater than or equal to 900' },
    { durationSeconds: 129601, limit: 'less than or equal to 129600' },
  ])('refuses DurationSeconds $durationSeconds', async ({ durationSeconds, limit }) => {
    await expect(kit.sts(userKeys(bob)).send(new GetSessionTokenCommand({ DurationSeconds: durationSeconds }))).rejects.toMatchObject({
      name: 'ValidationError',
      message:
        `1 validation error detected: Value '${durationSeconds}' at 'durationSeconds' failed to satisfy constraint: `
        + `Member must have value ${limit}`,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses callers signing with session credentials', async () => {
    await expect(kit.sts(await kit.mfaSession()).send(new GetSessionTokenCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
      $metadata: { httpStatusCode: 403 },
    });
  });
});
