import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registrationFileName, tokenFileName } from '../../src/cache/ssoCacheFiles';
import { ssoCache, type SsoToken } from '../../src/cache/ssoTokenCache';
import { legacySession, namedSession } from '../support/fakeSso';
import { recordingLogger } from '../support/recordingLogger';

describe(ssoCache.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-sso-cache-')), 'sso', 'cache');
  });
  afterEach(() => fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true }));

  const token: SsoToken = { startUrl: namedSession.startUrl, region: 'eu-west-1', accessToken: 'at', expiresAt: '2030-01-01T00:00:00Z' };

  test('a token reads back with the fields other tools added, from the AWS CLI\'s file name', () => {
    const log = recordingLogger();
    const cache = ssoCache(dir, log);
    const written = { ...token, refreshToken: 'rt', someToolsField: { nested: [1, 2] } };
    cache.writeToken(namedSession, written);
    expect(cache.readToken(namedSession)).toEqual(written);
    expect(JSON.parse(fs.readFileSync(path.join(dir, tokenFileName(namedSession)), 'utf8'))).toEqual(written);
    expect(cache.readToken(legacySession)).toBeUndefined();
    expect(log.debugs).toEqual([]);
  });

  test.each<[string, string]>([
    ['text that is not JSON', '{"startUrl": '],
    ['a token without an access token', JSON.stringify({ ...token, accessToken: '' })],
  ])('a file with %s is a miss, logged at debug', (_name, text) => {
    const log = recordingLogger();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dir, tokenFileName(namedSession)), text, { mode: 0o600 });
    expect(ssoCache(dir, log).readToken(namedSession)).toBeUndefined();
    expect(log.debugs).toEqual([`ignoring unreadable SSO cache file ${path.join(dir, tokenFileName(namedSession))}`]);
  });

  test('a token file others may read, as older AWS CLIs wrote them, is made private and used', () => {
    const log = recordingLogger();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, tokenFileName(namedSession));
    fs.writeFileSync(file, JSON.stringify(token));
    fs.chmodSync(file, 0o644);
    expect(ssoCache(dir, log).readToken(namedSession)).toEqual(token);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(log.debugs).toEqual([`made SSO cache file ${file} private (it was 644)`]);
  });

  test.each([0o664, 0o646, 0o666])('a token file others may write (%o) is not trusted', (mode) => {
    const log = recordingLogger();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, tokenFileName(namedSession));
    fs.writeFileSync(file, JSON.stringify(token));
    fs.chmodSync(file, mode);
    expect(ssoCache(dir, log).readToken(namedSession)).toBeUndefined();
    expect(log.debugs).toEqual([`not using SSO cache file ${file}: its mode ${mode.toString(8)} lets others write it`]);
  });

  (process.getuid?.() === 0 ? test : test.skip)(`a token file of another user is not trusted${process.getuid?.() === 0 ? '' : ' (skipped: needs root to give a file away)'}`, () => {
    const log = recordingLogger();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, tokenFileName(namedSession));
    fs.writeFileSync(file, JSON.stringify(token), { mode: 0o600 });
    fs.chownSync(file, 12345, 12345);
    expect(ssoCache(dir, log).readToken(namedSession)).toBeUndefined();
    expect(log.debugs).toEqual([`not using SSO cache file ${file}: it belongs to user 12345`]);
  });

  // Regression (issue 13): a FIFO where the token file belongs made every SSO run hang.
  test('a FIFO where the token file belongs is a miss at once, logged at debug', () => {
    const log = recordingLogger();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, tokenFileName(namedSession));
    execFileSync('mkfifo', [file]);
    const cache = ssoCache(dir, log);
    expect(cache.readToken(namedSession)).toBeUndefined();
    expect(cache.listTokens()).toEqual([]);
    expect(log.debugs).toEqual([`not using SSO cache file ${file}: it is a FIFO, not a regular file`, `not using SSO cache file ${file}: it is a FIFO, not a regular file`]);
  });

  test('a FIFO where the registration belongs is a miss at once', () => {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    execFileSync('mkfifo', [path.join(dir, registrationFileName(namedSession))]);
    expect(ssoCache(dir, recordingLogger()).readRegistration(namedSession)).toBeUndefined();
  });

  test('a directory others may enter is narrowed to 0700 by a read alone; a missing one is not created', () => {
    const log = recordingLogger();
    expect(ssoCache(dir, log).readToken(namedSession)).toBeUndefined();
    expect(fs.existsSync(dir)).toBe(false);
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o777);
    expect(ssoCache(dir, log).readToken(namedSession)).toBeUndefined();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(log.debugs).toEqual([`made ${dir} private (0700): its mode was 777`]);
  });

  test('listTokens lists the token files only', () => {
    const cache = ssoCache(dir, recordingLogger());
    cache.writeToken(namedSession, token);
    cache.writeToken(legacySession, { ...token, accessToken: 'legacy' });
    cache.writeRegistration(namedSession, { clientId: 'c', clientSecret: 's', expiresAt: '2030-01-01T00:00:00Z' });
    fs.writeFileSync(path.join(dir, 'damaged.json'), '{');
    fs.writeFileSync(path.join(dir, 'notes.txt'), JSON.stringify(token));
    expect(cache.listTokens().sort((a, b) => a.file.localeCompare(b.file))).toEqual(
      [
        { file: tokenFileName(namedSession), token },
        { file: tokenFileName(legacySession), token: { ...token, accessToken: 'legacy' } },
      ].sort((a, b) => a.file.localeCompare(b.file)),
    );
  });

  test('listTokens of a cache that was never written is empty', () => {
    expect(ssoCache(dir, recordingLogger()).listTokens()).toEqual([]);
  });

  test('removeStaleTemps removes the temporary files killed writes left, and nothing else', () => {
    const cache = ssoCache(dir, recordingLogger());
    cache.writeToken(namedSession, token);
    fs.writeFileSync(path.join(dir, `.${tokenFileName(namedSession)}.${2 ** 30}.0123abcd.tmp`), JSON.stringify(token));
    cache.removeStaleTemps();
    expect(fs.readdirSync(dir)).toEqual([tokenFileName(namedSession)]);
  });

  test('removeToken says whether there was a token to remove', () => {
    const cache = ssoCache(dir, recordingLogger());
    cache.writeToken(namedSession, token);
    expect(cache.removeToken(namedSession)).toBe(true);
    expect(cache.readToken(namedSession)).toBeUndefined();
    expect(cache.removeToken(namedSession)).toBe(false);
  });

  test('a registration reads back under its own file name', () => {
    const cache = ssoCache(dir, recordingLogger());
    const registration = { clientId: 'c', clientSecret: 's', expiresAt: '2030-01-01T00:00:00Z', scopes: ['sso:account:access'] };
    cache.writeRegistration(namedSession, registration);
    expect(cache.readRegistration(namedSession)).toEqual(registration);
    expect(fs.existsSync(path.join(dir, registrationFileName(namedSession)))).toBe(true);
    expect(cache.readToken(namedSession)).toBeUndefined();
  });
});
