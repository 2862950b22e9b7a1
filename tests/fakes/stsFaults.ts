import type { Reply } from './loopbackServer';
import { renderError } from './stsXml';

/**
 * What can come back in STS's place, one request at a time: a proxy's pages, a network sign-in's redirect, an
 * overloaded service; and STS's own answer damaged on its way back (cut short, without its credentials, with a date
 * that does not parse). A damaged answer is STS's real one, so the call did happen: an MFA code in it is spent.
 */
export type StsFault = keyof typeof INSTEAD | keyof typeof DAMAGE;

/** Where loginRedirect sends the client, as a captive portal or a proxy's sign-in would. */
export const LOGIN_PAGE = 'https://login.proxy.example/sign-in?return=sts';

const html = (status: number, heading: string): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!DOCTYPE html>\n<html><head><title>${heading}</title></head><body><h1>${heading}</h1></body></html>\n`,
});
const xml = (status: number, body: string): Reply => ({ status, headers: { 'content-type': 'text/xml' }, body });

/** Answers in STS's place: the request goes no further, and nothing happens at STS. */
const INSTEAD = {
  htmlPage: () => html(200, 'Welcome to the corporate network'),
  badGateway: () => html(502, '502 Bad Gateway'),
  proxyDenied: () => html(403, 'Access to this site is blocked'),
  loginRedirect: (): Reply => ({ status: 302, headers: { location: LOGIN_PAGE, 'content-type': 'text/html' }, body: '' }),
  emptyBody: () => xml(200, ''),
  internalError: (requestId: string) => xml(500, renderError(500, 'InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', requestId)),
  serviceUnavailable: (requestId: string) => xml(503, renderError(503, 'ServiceUnavailable', 'Service is unable to handle request.', requestId)),
  throttling: (requestId: string) => xml(400, renderError(400, 'Throttling', 'Rate exceeded', requestId)),
} satisfies Record<string, (requestId: string) => Reply>;

/** Changes STS's real answer on its way back. */
const DAMAGE = {
  truncated: (body: string) => body.slice(0, Math.floor(body.length / 2)),
  noCredentials: (body: string) => body.replace(/<Credentials>.*<\/Credentials>/s, ''),
  badExpiration: (body: string) => body.replace(/<Expiration>[^<]*<\/Expiration>/, '<Expiration>tomorrow at noon</Expiration>'),
} satisfies Record<string, (body: string) => string>;

/** The answer a fault gives instead of STS's, or undefined when it only damages STS's own. */
export function faultAnswer(fault: StsFault, requestId: string): Reply | undefined {
  return Object.hasOwn(INSTEAD, fault) ? INSTEAD[fault as keyof typeof INSTEAD](requestId) : undefined;
}

export function damageAnswer(fault: StsFault, body: string): string {
  return Object.hasOwn(DAMAGE, fault) ? DAMAGE[fault as keyof typeof DAMAGE](body) : body;
}
