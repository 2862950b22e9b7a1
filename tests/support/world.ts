import { noteSecret } from './secrets';

/**
 * The people every test shares, so that "alice" means one key set and one MFA device in every suite: the resolve
 * tables, the fake STS's own tests and the end-to-end runs alike. Roles stay with the suites that define them.
 */
export const ALICE = {
  accessKeyId: 'AKIAALICE00000000001',
  secretAccessKey: 'alice/secret+key000000000000000000000000',
  arn: 'arn:aws:iam::111111111111:user/alice',
  mfaSerial: 'arn:aws:iam::111111111111:mfa/alice',
};

export const BOB = {
  accessKeyId: 'AKIABOB0000000000001',
  secretAccessKey: 'bob/secret+key00000000000000000000000000',
  arn: 'arn:aws:iam::111111111111:user/bob',
  mfaSerial: 'arn:aws:iam::111111111111:mfa/bob',
};

noteSecret(ALICE.secretAccessKey, BOB.secretAccessKey);

/** carol signs in through IAM Identity Center: the one start URL of every SSO test. */
export const START_URL = 'https://d-1234567890.awsapps.com/start';
export const SSO_USER = 'carol@example.com';
