import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { credentialCacheDir, fileCache } from '../../src/cache/credentialCache';
import { recordingLogger } from '../support/recordingLogger';

const credentials = { accessKeyId: 'ASIA1', secretAccessKey: 'secret', sessionToken: 'token', expiration: new Date('2030-01-01T00:00:00Z') };
const entry = { profile: 'dev', kind: 'assumeRole', credentials };
const stored = { version: 1, ...entry, credentials: { ...credentials, expiration: credentials.expiration.toISOString() } };

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-credential-cache-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A cache in a fresh directory, and what it logged. */
function setUp(dir = path.join(tmp, 'cache')) {
  const log = recordingLogger();
  return { dir, log, cache: fileCache(dir, log), file: (key: string) => path.join(dir, `${key}.json`) };
}

function plant(file: string, content: unknown, mode = 0o600) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  fs.chmodSync(file, mode);
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe(fileCache.name, () => {
  test('what is written reads back, expiration as a Date', () => {
    const { cache } = setUp();
    cache.write('k', entry);
    expect(cache.read('k')).toEqual(credentials);
    expect(cache.read('k')?.expiration).toBeInstanceOf(Date);
  });

  test('a missing file is a miss and logs nothing', () => {
    const { cache, log } = setUp();
    expect(cache.read('absent')).toBeUndefined();
    expect([...log.debugs, ...log.warnings]).toEqual([]);
  });

  test.each<[string, unknown]>([
    ['text that is not JSON', '{"version": 1, "profile": '],
    ['another version', { ...stored, version: 2 }],
    ['credentials without an expiration', { ...stored, credentials: { ...stored.credentials, expiration: undefined } }],
    ['credentials without a session token', { ...stored, credentials: { ...stored.credentials, sessionToken: undefined } }],
    ['an empty access key id', { ...stored, credentials: { ...stored.credentials, accessKeyId: '' } }],
    ['a secret that is not text', { ...stored, credentials: { ...stored.credentials, secretAccessKey: 42 } }],
    ['an expiration that is no date', { ...stored, credentials: { ...stored.credentials, expiration: 'soon' } }],
    ['an expiration as a number', { ...stored, credentials: { ...stored.credentials, expiration: 1893456000000 } }],
    ['no profile', { ...stored, profile: undefined }],
    ['a kind that is not text', { ...stored, kind: ['role'] }],
    ['an origin that is not text', { ...stored, origin: 7 }],
    ['credentials that are a list', { ...stored, credentials: [credentials] }],
    ['JSON that is not an object', [stored]],
    ['JSON null', null],
  ])('a file with %s is a miss, logged at debug, and the next write replaces it', (_name, content) => {
    const { cache, log, file } = setUp();
    plant(file('k'), content);
    expect(cache.read('k')).toBeUndefined();
    expect(log.debugs).toEqual([`ignoring damaged cache file ${file('k')}`]);
    cache.write('k', entry);
    expect(cache.read('k')).toEqual(credentials);
  });

  test.each([0o640, 0o604, 0o666].map((mode) => [mode.toString(8), mode]))('a file of mode %s is not trusted, and the next write makes it private', (_name, mode) => {
    const { cache, log, file } = setUp();
    plant(file('k'), stored, mode);
    expect(cache.read('k')).toBeUndefined();
    expect(log.debugs).toEqual([`not using cache file ${file('k')}: its mode ${mode.toString(8)} lets others in`]);
    cache.write('k', entry);
    expect(modeOf(file('k'))).toBe(0o600);
    expect(cache.read('k')).toEqual(credentials);
  });

  const isRoot = process.getuid?.() === 0;
  (isRoot ? test : test.skip)(
    isRoot ? 'a file another user owns is not trusted' : 'a file another user owns is not trusted (skipped: only root can chown a file to another user)',
    () => {
      const { cache, log, file } = setUp();
      plant(file('k'), stored);
      fs.chownSync(file('k'), 12345, 12345);
      expect(cache.read('k')).toBeUndefined();
      expect(log.debugs).toEqual([`not using cache file ${file('k')}: it belongs to user 12345`]);
    },
  );

  test('the directory is created private, and so are the files', () => {
    const { cache, dir, file } = setUp(path.join(tmp, 'a', 'b'));
    cache.write('k', entry);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(file('k'))).toBe(0o600);
  });

  test('a wider directory that already exists is narrowed to 0700', () => {
    const { cache, dir } = setUp();
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o755);
    cache.write('k', entry);
    expect(modeOf(dir)).toBe(0o700);
  });

  test('a write that fails warns and does not throw', () => {
    const { dir, log, cache } = setUp();
    fs.writeFileSync(dir, 'a regular file where the directory should be');
    expect(() => cache.write('k', entry)).not.toThrow();
    expect(log.warnings).toEqual([expect.stringMatching(/^could not write the credential cache \(.*\); carrying on without it$/)]);
  });

  test('a write leaves no temporary file behind, whether it succeeds or fails', () => {
    const { cache, dir, log } = setUp();
    cache.write('a', entry);
    cache.write('a', entry);
    // A directory in the file's place makes the final rename fail after the temporary file was written.
    fs.mkdirSync(path.join(dir, 'b.json'));
    cache.write('b', entry);
    expect(log.warnings).toHaveLength(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });

  // Regression (issue 13): a FIFO where a cache entry belongs made every run hang on the open.
  test.each<[string, (file: string) => void, string]>([
    ['a FIFO', (file) => execFileSync('mkfifo', ['-m', '600', file]), 'a FIFO'],
    ['a directory', (file) => fs.mkdirSync(file, { mode: 0o700 }), 'a directory'],
  ])('%s where an entry belongs is a miss at once, logged at debug, and the next write puts a file there', (_name, make, kind) => {
    const { cache, log, dir, file } = setUp();
    fs.mkdirSync(dir, { mode: 0o700 });
    make(file('k'));
    expect(cache.read('k')).toBeUndefined();
    expect(log.debugs).toEqual([`not using cache file ${file('k')}: it is ${kind}, not a regular file`]);
    if (kind === 'a FIFO') {
      cache.write('k', entry);
      expect(fs.statSync(file('k')).isFile()).toBe(true);
      expect(cache.read('k')).toEqual(credentials);
    }
  });

  describe('a directory others may enter', () => {
    test.each([0o777, 0o755, 0o750].map((mode) => [mode.toString(8), mode]))('of mode %s is narrowed to 0700 by a read alone, logged at debug', (_name, mode) => {
      const { cache, log, dir } = setUp();
      fs.mkdirSync(dir);
      fs.chmodSync(dir, mode);
      expect(cache.read('absent')).toBeUndefined();
      expect(modeOf(dir)).toBe(0o700);
      expect(log.debugs).toEqual([`made ${dir} private (0700): its mode was ${mode.toString(8)}`]);
    });

    test('is narrowed by removeWhere too', () => {
      const { cache, dir } = setUp();
      fs.mkdirSync(dir);
      fs.chmodSync(dir, 0o777);
      expect(cache.removeWhere(() => true)).toBe(0);
      expect(modeOf(dir)).toBe(0o700);
    });

    test('a read does not create a missing directory, and checks the mode once per cache', () => {
      const { cache, log, dir } = setUp();
      expect(cache.read('absent')).toBeUndefined();
      expect(fs.existsSync(dir)).toBe(false);
      fs.mkdirSync(dir, { mode: 0o777 });
      fs.chmodSync(dir, 0o777);
      expect(cache.read('absent')).toBeUndefined();
      expect(modeOf(dir)).toBe(0o777);
      expect(log.debugs).toEqual([]);
    });
  });

  describe('removeWhere', () => {
    test('deletes only the entries whose origin matches, counts them, and leaves damaged files alone', () => {
      const { cache, dir, file } = setUp();
      cache.write('a1', { ...entry, origin: 'sso:a.json' });
      cache.write('a2', { ...entry, origin: 'sso:a.json' });
      cache.write('b', { ...entry, origin: 'sso:b.json' });
      cache.write('none', entry);
      plant(file('damaged'), '{ not json');
      expect(cache.removeWhere((origin) => origin === 'sso:a.json')).toBe(2);
      expect(fs.readdirSync(dir).sort()).toEqual(['b.json', 'damaged.json', 'none.json']);
    });

    test('a damaged file stays, even when every origin matches', () => {
      const { cache, dir, file } = setUp();
      cache.write('a', { ...entry, origin: 'sso:a.json' });
      plant(file('damaged'), { ...stored, version: 2 });
      expect(cache.removeWhere(() => true)).toBe(1);
      expect(fs.readdirSync(dir)).toEqual(['damaged.json']);
    });

    test('passes undefined for entries without an origin', () => {
      const { cache, dir } = setUp();
      cache.write('none', entry);
      cache.write('b', { ...entry, origin: 'sso:b.json' });
      expect(cache.removeWhere((origin) => origin === undefined)).toBe(1);
      expect(fs.readdirSync(dir)).toEqual(['b.json']);
    });

    test('also removes the temporary files killed writes left', () => {
      const { cache, dir } = setUp();
      cache.write('a', entry);
      const leftover = path.join(dir, `.b.json.${2 ** 30}.0123abcd.tmp`);
      fs.writeFileSync(leftover, JSON.stringify(stored), { mode: 0o600 });
      expect(cache.removeWhere(() => false)).toBe(0);
      expect(fs.readdirSync(dir)).toEqual(['a.json']);
    });

    test('a FIFO among the entries is passed over at once, not waited on', () => {
      const { cache, dir, file } = setUp();
      cache.write('a', { ...entry, origin: 'sso:a.json' });
      execFileSync('mkfifo', ['-m', '600', file('fifo')]);
      expect(cache.removeWhere(() => true)).toBe(1);
      expect(fs.readdirSync(dir)).toEqual(['fifo.json']);
    });

    test('a cache that was never written removes nothing', () => {
      expect(setUp().cache.removeWhere(() => true)).toBe(0);
    });
  });
});

describe(credentialCacheDir.name, () => {
  test.each<[string, Record<string, string>, string]>([
    ['HOME', { HOME: '/home/ann' }, '/home/ann/.aws/awsenv'],
    ['HOME before USERPROFILE', { HOME: '/home/ann', USERPROFILE: '/users/bob' }, '/home/ann/.aws/awsenv'],
  ])('uses %s', (_name, env, expected) => {
    expect(credentialCacheDir(env)).toBe(expected);
  });
});
