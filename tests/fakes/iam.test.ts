import { Sha256 } from '@aws-crypto/sha256-js';
import { IAMClient, ListMFADevicesCommand } from '@aws-sdk/client-iam';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { startFakeIam, type FakeIam } from './iam';
import { ALICE, BOB } from '../support/world';

const SPARE = 'arn:aws:iam::111111111111:mfa/alice-spare';

let iam: FakeIam;
beforeEach(async () => {
  iam = await startFakeIam({ users: [{ ...ALICE, mfaSerials: [ALICE.mfaSerial, SPARE] }, { ...BOB, mfaSerials: [], mayListMfaDevices: false }], pageSize: 1 });
});
afterEach(() => iam.close());

const client = (keys: { accessKeyId: string; secretAccessKey: string }) =>
  new IAMClient({ endpoint: iam.url, region: 'us-east-1', credentials: keys, maxAttempts: 1 });

/** What the SDK threw, by name. */
const refusal = (promise: Promise<unknown>) => promise.then(() => 'answered', (error: Error) => error.name);

describe('the fake IAM, through the SDK\'s own client', () => {
  test('lists the signer\'s devices a page at a time, with the marker IAM gives', async () => {
    const first = await client(ALICE).send(new ListMFADevicesCommand({}));
    expect(first.MFADevices?.map((d) => d.SerialNumber)).toEqual([ALICE.mfaSerial]);
    expect(first.MFADevices?.[0].EnableDate).toBeInstanceOf(Date);
    expect(first.IsTruncated).toBe(true);
    const second = await client(ALICE).send(new ListMFADevicesCommand({ Marker: first.Marker }));
    expect(second.MFADevices?.map((d) => d.SerialNumber)).toEqual([SPARE]);
    expect(second.IsTruncated).toBe(false);
  });

  test.each([
    ['an unknown key', { accessKeyId: 'AKIANOBODY0000000001', secretAccessKey: ALICE.secretAccessKey }, 'InvalidClientTokenId'],
    ['a wrong secret', { accessKeyId: ALICE.accessKeyId, secretAccessKey: BOB.secretAccessKey }, 'SignatureDoesNotMatch'],
    ['a user not allowed iam:ListMFADevices', BOB, 'AccessDenied'],
  ])('refuses %s', async (_name, keys, name) => {
    expect(await refusal(client(keys).send(new ListMFADevicesCommand({})))).toBe(name);
  });

  test('answers for no other user than the signer', async () => {
    expect(await refusal(client(ALICE).send(new ListMFADevicesCommand({ UserName: 'bob' })))).toBe('NoSuchEntityException');
  });

  test('refuses a request signed for another service', async () => {
    const url = new URL(iam.url);
    const body = 'Action=ListMFADevices&Version=2010-05-08';
    const signer = new SignatureV4({ credentials: ALICE, region: 'us-east-1', service: 'sts', sha256: Sha256 });
    const signed = await signer.sign(new HttpRequest({ method: 'POST', hostname: url.hostname, port: Number(url.port), path: '/', headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' }, body }));
    const answer = await fetch(iam.url, { method: 'POST', headers: signed.headers, body });
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});
