import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { registrationFileName, tokenFileName } from '../../src/cache/ssoCacheFiles';
import type { SsoSession } from '../../src/chain/types';
import { legacySession, namedSession } from '../support/fakeSso';
import { START_URL } from '../support/world';

const sha1 = (text: string) => crypto.createHash('sha1').update(text, 'utf8').digest('hex');

describe(tokenFileName.name, () => {
  test.each<[string, SsoSession, string]>([
    ['an sso-session is filed by its name', namedSession, 'corp'],
    ['a legacy profile is filed by its start URL', legacySession, START_URL],
  ])('%s', (_name, session, hashed) => {
    expect(tokenFileName(session)).toBe(`${sha1(hashed)}.json`);
  });
});

const sessions: Array<[string, SsoSession]> = [
  ['an sso-session without scopes', namedSession],
  ['an sso-session with scopes', { ...namedSession, scopes: ['sso:account:access', 'codewhisperer:completions'] }],
  ['an sso-session with an empty scope list', { ...namedSession, scopes: [] }],
  ['a legacy profile', legacySession],
  ['a start URL with a path, a query and quotes', { ...namedSession, name: 'dev "team"', startUrl: 'https://d-1234.awsapps.com/start/#/?a=1&b=\\x', region: 'us-gov-west-1' }],
];

/**
 * The AWS CLI v2's key, computed by Python: its botocore's SSOTokenFetcher._registration_cache_key where that is
 * installed, else the same two lines from it (hashlib.sha1(json.dumps(args, sort_keys=True).encode())), since the
 * botocore on PyPI (1.x) has no device sign-in. undefined where there is no python3.
 */
function botocoreKeys(): { keys: string[]; by: string } | undefined {
  const script = `
import hashlib, json, sys
try:
    from botocore.utils import SSOTokenFetcher
    key = lambda c: SSOTokenFetcher(c['region'], None)._registration_cache_key(c['startUrl'], c.get('name'), c.get('scopes'))
    by = "botocore's own _registration_cache_key"
except ImportError:
    def key(c):
        args = {'tool': 'botocore', 'startUrl': c['startUrl'], 'region': c['region'], 'scopes': c.get('scopes'), 'session_name': c.get('name')}
        return hashlib.sha1(json.dumps(args, sort_keys=True).encode('utf-8')).hexdigest()
    by = "botocore's formula in Python's json.dumps"
print(json.dumps({'keys': [key(c) for c in json.load(sys.stdin)], 'by': by}))
`;
  try {
    return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sessions.map(([, s]) => s)), encoding: 'utf8' }));
  } catch {
    return undefined;
  }
}

describe(registrationFileName.name, () => {
  const expected = botocoreKeys();
  if (!expected) {
    test.skip('matches the AWS CLI v2 (skipped: python3 is not available to compute its key)', () => {});
    return;
  }
  test.each(sessions.map(([name, session], i) => [name, session, expected.keys[i]] as const))(
    `%s: the file name the AWS CLI v2 gives its registration (${expected.by})`,
    (_name, session, key) => {
      expect(registrationFileName(session)).toBe(`${key}.json`);
    },
  );
});
