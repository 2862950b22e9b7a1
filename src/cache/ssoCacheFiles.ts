import path from 'node:path';
import type { SsoSession } from '../chain/types';

// The AWS CLI's names for the files of its SSO cache, apart from the reading and writing of them (ssoTokenCache),
// which checks those files with zod: a cached export only names a sign-in, it never reads one.

// Required here, not at the top: node:crypto costs start-up time, and a cached export never names a token file.
const sha1 = (text: string) => (require('node:crypto') as typeof import('node:crypto')).createHash('sha1').update(text, 'utf8').digest('hex');

/** The AWS CLI's name for a token file: the SHA-1 of the sso-session name, or of the start URL for legacy profiles. */
export const tokenFileName = (session: SsoSession) => `${sha1(session.name ?? session.startUrl)}.json`;

/** botocore's registration key: SHA-1 of Python's json.dumps(..., sort_keys=True) of these fields. */
export function registrationFileName(session: SsoSession): string {
  const fields: Array<[string, string | readonly string[] | null]> = [
    ['region', session.region],
    ['scopes', session.scopes ?? null],
    ['session_name', session.name ?? null],
    ['startUrl', session.startUrl],
    ['tool', 'botocore'],
  ];
  // Python's separators are ", " and ": "; JSON.stringify of a string matches Python's for ASCII text.
  const py = (value: string | readonly string[] | null): string =>
    value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  return `${sha1(`{${fields.map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(', ')}}`)}.json`;
}

export const ssoCacheDir = (home: string) => path.join(home, '.aws', 'sso', 'cache');

/** How credential cache entries name the sign-in they came from. */
export const ssoOrigin = (session: SsoSession) => `sso:${tokenFileName(session)}`;

