import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsenvError } from '../core/errors';
import { CALLBACK_PATH, redirectOutcome, redirectPage, type RedirectListener, type RedirectOutcome } from './redirectOutcome';

/**
 * The browser flow's redirect receiver (RFC 8252 §7.3), part of the sign-in service rather than interaction/: what it
 * answers is the protocol's (the state, the code, the error), and it is the sign-in's to bind before the browser
 * opens. Only 127.0.0.1, never every interface as botocore's does, so nobody else on the network can post a code.
 * Only the callback path is served; anything else (a favicon) is a 404 and leaves the sign-in waiting.
 */
export async function listenOnLoopback(port: number, state: string, profile: string): Promise<RedirectListener> {
  let settle: (outcome: RedirectOutcome) => void = () => undefined;
  const arrived = new Promise<RedirectOutcome>((resolve) => (settle = resolve));
  let done = false;
  let host = '';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // A page elsewhere that reaches this port by another name (DNS rebinding) sends another Host: not the redirect.
    if (url.pathname !== CALLBACK_PATH || done || request.headers.host !== host) return reply(response, 404, 'Not found\n', 'text/plain');
    if (request.method !== 'GET') return reply(response, 405, 'Method not allowed\n', 'text/plain');
    done = true;
    const outcome = redirectOutcome(url.searchParams, state);
    const page = redirectPage(outcome);
    reply(response, page.status, page.html, 'text/html; charset=utf-8');
    settle(outcome);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(bindError(error, port, profile)));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // Every answer says `connection: close`, so once idle ones are dropped nothing keeps the process alive; a socket a
  // browser opened ahead and never used is cut a moment later, once the last page is surely written.
  const close = () => {
    server.close();
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1000).unref();
  };
  const bound = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${bound}`;
  return {
    port: bound,
    redirectUri: `http://127.0.0.1:${bound}${CALLBACK_PATH}`,
    async outcome(waitMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
      try {
        return await Promise.race([arrived, timedOut]);
      } finally {
        clearTimeout(timer);
        close();
      }
    },
    close,
  };
}

function reply(response: ServerResponse, status: number, body: string, type: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', connection: 'close' });
  response.end(body);
}

function bindError(error: NodeJS.ErrnoException, port: number, profile: string): AwsenvError {
  if (error.code === 'EADDRINUSE') {
    return new AwsenvError('usage', `port ${port} on 127.0.0.1 is in use, so the sign-in cannot get the browser back there`, { profile, hint: 'Choose another --redirect-port, or leave it out for any free port.' });
  }
  return new AwsenvError('interaction', `cannot listen on 127.0.0.1:${port} for the browser sign-in: ${error.message}`, {
    profile,
    hint: `Run "awsenv login ${profile} --use-device-code" to sign in with a code instead.`,
    cause: error,
  });
}
