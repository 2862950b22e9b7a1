import { randomBytes } from 'node:crypto';
import { listenOnLoopback } from './loopbackServer';
import type { FakeSts, IssuedCredentials } from './sts';
import { noteSecret } from '../support/secrets';

/** One request to the fake federation endpoint, without its secrets. */
export interface FederationCall {
  readonly action: string;
  readonly status: number;
  /** getSigninToken: whose session signed in, and the SessionDuration asked for. */
  readonly principalArn?: string;
  readonly sessionDuration?: string;
  /** login: the Destination and Issuer it carried. */
  readonly destination?: string;
  readonly issuer?: string;
}

export interface FakeFederation {
  /** The federation endpoint, for AWSENV_FEDERATION_ENDPOINT: "http://127.0.0.1:PORT/federation". */
  readonly url: string;
  readonly calls: FederationCall[];
  /** The page login redirects to, standing in for the console: it names the destination and who signed in. */
  readonly landing: string;
  close(): Promise<void>;
}

/**
 * The console's federation endpoint (AWS Sign-In) on 127.0.0.1: getSigninToken takes the Session JSON of credentials
 * the fake STS issued (a role's or a federated user's session, never an MFA session's), login takes a token it gave
 * and redirects to its own landing page, which says where the console would have opened.
 */
export async function startFakeFederation(sts: FakeSts): Promise<FakeFederation> {
  const calls: FederationCall[] = [];
  const tokens = new Map<string, IssuedCredentials>();
  let base = '';
  const server = await listenOnLoopback((request) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const query = url.searchParams;
    const reply = (status: number, body: string, call: Omit<FederationCall, 'status'>, headers: Record<string, string> = {}) => {
      calls.push({ ...call, status });
      return { status, headers: { 'content-type': 'text/plain', ...headers }, body };
    };
    if (url.pathname === '/console') {
      return reply(200, `console for ${query.get('who')} at ${query.get('destination')}`, { action: 'landing', destination: query.get('destination') ?? undefined });
    }
    if (url.pathname !== '/federation') return reply(404, 'not found', { action: url.pathname });
    const action = query.get('Action') ?? '';
    if (action === 'getSigninToken') {
      const sessionDuration = query.get('SessionDuration') ?? undefined;
      const session = sessionOf(query.get('Session'));
      const issued = session && sts.issued.find((c) => c.accessKeyId === session.sessionId && c.secretAccessKey === session.sessionKey && c.sessionToken === session.sessionToken);
      const arn = issued?.identity.arn;
      const role = Boolean(arn?.includes(':assumed-role/'));
      const usable = issued && issued.expiration.getTime() > Date.now() && !sts.isExpired(issued.accessKeyId) && (role || arn?.includes(':federated-user/'));
      // AWS allows SessionDuration for role sessions only, from 15 minutes to 12 hours.
      const durationOk = sessionDuration === undefined || (role && /^\d+$/.test(sessionDuration) && Number(sessionDuration) >= 900 && Number(sessionDuration) <= 43200);
      if (!usable || !durationOk) return reply(400, 'Bad Request', { action, principalArn: arn, sessionDuration });
      const token = randomBytes(48).toString('base64url');
      noteSecret(token);
      tokens.set(token, issued);
      return reply(200, JSON.stringify({ SigninToken: token }), { action, principalArn: arn, sessionDuration }, { 'content-type': 'application/json' });
    }
    if (action === 'login') {
      const issued = tokens.get(query.get('SigninToken') ?? '');
      const destination = query.get('Destination') ?? undefined;
      const call = { action, destination, issuer: query.get('Issuer') ?? undefined, principalArn: issued?.identity.arn };
      if (!issued || !destination) return reply(400, 'Bad Request', call);
      const landing = `${base}/console?${new URLSearchParams({ destination, who: issued.identity.arn })}`;
      return reply(302, '', call, { location: landing });
    }
    return reply(400, 'Bad Request', { action });
  });
  base = server.url;
  return { url: `${server.url}/federation`, calls, landing: `${server.url}/console`, close: server.close };
}

function sessionOf(text: string | null): { sessionId?: string; sessionKey?: string; sessionToken?: string } | undefined {
  try {
    return JSON.parse(text ?? '') as { sessionId?: string; sessionKey?: string; sessionToken?: string };
  } catch {
    return undefined;
  }
}
