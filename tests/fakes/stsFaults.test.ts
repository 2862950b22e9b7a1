import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { LOGIN_PAGE } from './sts';
import { alice, useFakeSts, userKeys } from './stsTestKit';

const kit = useFakeSts();

/** An unsigned Query request, as raw as a proxy sees it. */
const post = (body = 'Action=GetCallerIdentity&Version=2011-06-15') =>
  fetch(kit.fake().url, { method: 'POST', body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('FakeSts.injectFaults', () => {
  it('answers the next requests with the faults, one each and in order, then as STS again', async () => {
    kit.fake().injectFaults('loginRedirect', 'badGateway', 'throttling');
    const redirect = await post();
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, LOGIN_PAGE]);
    const gateway = await post();
    expect([gateway.status, gateway.headers.get('content-type'), await gateway.text()]).toEqual([502, expect.stringContaining('text/html'), expect.stringContaining('<html>')]);
    const throttled = await post();
    expect([throttled.status, await throttled.text()]).toEqual([400, expect.stringContaining('<Code>Throttling</Code>')]);
    // Unsigned, STS itself refuses GetCallerIdentity: the fakes are spent.
    expect((await post()).status).toBe(403);
    expect(kit.fake().calls.map((call) => [call.action, call.fault, call.status])).toEqual([
      ['GetCallerIdentity', 'loginRedirect', 302],
      ['GetCallerIdentity', 'badGateway', 502],
      ['GetCallerIdentity', 'throttling', 400],
      ['GetCallerIdentity', undefined, 403],
    ]);
  });

  it('a new call replaces the faults still pending; none clears them', async () => {
    kit.fake().injectFaults('internalError', 'internalError');
    kit.fake().injectFaults('serviceUnavailable');
    expect((await post()).status).toBe(503);
    kit.fake().injectFaults('emptyBody');
    kit.fake().injectFaults();
    expect((await post()).status).toBe(403);
  });

  it("damages STS's own answer: the call happened at STS, credentials issued", async () => {
    kit.fake().injectFaults('badExpiration');
    await expect(kit.sts(userKeys(alice)).send(new GetSessionTokenCommand({}))).rejects.toThrow(/tomorrow at noon/);
    expect(kit.fake().calls).toEqual([expect.objectContaining({ action: 'GetSessionToken', status: 200, fault: 'badExpiration', issuedAccessKeyId: expect.stringMatching(/^ASIA/) })]);
    expect(kit.fake().issued).toHaveLength(1);
  });
});
