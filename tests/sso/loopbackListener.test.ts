import http from 'node:http';
import net from 'node:net';
import { AwsenvError } from '../../src/core/errors';
import { listenOnLoopback } from '../../src/sso/loopbackListener';

const get = (url: string) => fetch(url, { redirect: 'manual' }).then(async (r) => ({ status: r.status, body: await r.text(), type: r.headers.get('content-type') }));
const refused = (port: number) => new Promise<boolean>((resolve) => net.connect(port, '127.0.0.1').on('connect', function (this: net.Socket) { this.destroy(); resolve(false); }).on('error', () => resolve(true)));

describe(listenOnLoopback.name, () => {
  test('serves the callback once, with the outcome and a page; 404 for anything else; closed afterwards', async () => {
    const listener = await listenOnLoopback(0, 'state-1', 'dev');
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${listener.port}/oauth/callback`);
    const outcome = listener.outcome(5000);
    expect((await get(`http://127.0.0.1:${listener.port}/favicon.ico`)).status).toBe(404);
    expect((await get(`http://127.0.0.1:${listener.port}/oauth/callback/../other`)).status).toBe(404);
    const page = await get(`${listener.redirectUri}?code=abc&state=state-1`);
    expect(page).toEqual({ status: 200, body: expect.stringContaining('You can close this tab'), type: 'text/html; charset=utf-8' });
    expect(await outcome).toEqual({ kind: 'code', code: 'abc' });
    expect(await refused(listener.port)).toBe(true);
  });

  test('a POST to the callback is refused and the sign-in goes on waiting', async () => {
    const listener = await listenOnLoopback(0, 's', 'dev');
    const outcome = listener.outcome(5000);
    expect((await fetch(listener.redirectUri, { method: 'POST', body: 'code=x&state=s' })).status).toBe(405);
    await get(`${listener.redirectUri}?error=access_denied&state=s`);
    expect(await outcome).toEqual({ kind: 'denied' });
  });

  test('a callback sent to another host name (DNS rebinding) is a 404 and the sign-in goes on waiting', async () => {
    const listener = await listenOnLoopback(0, 's', 'dev');
    const outcome = listener.outcome(5000);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port: listener.port, path: '/oauth/callback?code=x&state=s', headers: { host: `evil.example:${listener.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    expect(status).toBe(404);
    await get(`${listener.redirectUri}?code=abc&state=s`);
    expect(await outcome).toEqual({ kind: 'code', code: 'abc' });
  });

  test('nothing comes back within the wait: undefined, and the port is closed', async () => {
    const listener = await listenOnLoopback(0, 's', 'dev');
    const started = Date.now();
    expect(await listener.outcome(200)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await refused(listener.port)).toBe(true);
  });

  test('only 127.0.0.1: the port is not bound on another address', async () => {
    const listener = await listenOnLoopback(0, 's', 'dev');
    try {
      // 127.0.0.2 is loopback too, but not the address bound; every interface would answer there.
      expect(await new Promise((resolve) => net.connect(listener.port, '127.0.0.2').on('connect', function (this: net.Socket) { this.destroy(); resolve('connected'); }).on('error', () => resolve('refused')))).toBe('refused');
    } finally {
      listener.close();
    }
  });

  test('a --redirect-port in use is a usage error naming the port', async () => {
    const first = await listenOnLoopback(0, 's', 'dev');
    try {
      const error = await listenOnLoopback(first.port, 's', 'dev').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AwsenvError);
      expect(error).toMatchObject({ kind: 'usage', profile: 'dev', message: expect.stringContaining(`port ${first.port}`) });
    } finally {
      first.close();
    }
  });
});
