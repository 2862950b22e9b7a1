import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, removeStaleTemps, writeFileAtomic } from '../core/atomicWrite';
import type { Credentials } from '../core/credentials';
import { homeDir, type Env } from '../core/env';
import { isRecord, isText } from '../core/jsonShape';
import type { Logger } from '../core/logger';
import { sleep } from '../core/sleep';
import { acquireLock, type Release } from './lock';
import { readRegularFile } from '../core/readRegularFile';
import { privateDirOnFirstUse } from './privateDirOnFirstUse';

interface Entry {
  readonly version: 1;
  readonly profile: string;
  readonly kind: string;
  /** The sign-in the chain started from ("sso:<token file>"), so signing out can take its credentials along. */
  readonly origin?: string;
  readonly credentials: Required<Credentials>;
}

/** A cache file's entry, or undefined for anything that is not a whole entry of this version. */
function entryOf(value: unknown): Entry | undefined {
  if (!isRecord(value) || value.version !== 1 || typeof value.profile !== 'string' || typeof value.kind !== 'string') return undefined;
  if (value.origin !== undefined && typeof value.origin !== 'string') return undefined;
  const c = value.credentials;
  // Only credentials from AWS are cached, and those always expire: an entry without an end is not ours.
  if (!isRecord(c) || !isText(c.accessKeyId) || !isText(c.secretAccessKey) || !isText(c.sessionToken) || typeof c.expiration !== 'string') return undefined;
  const expiration = new Date(c.expiration);
  if (Number.isNaN(expiration.getTime())) return undefined;
  return {
    version: 1,
    profile: value.profile,
    kind: value.kind,
    ...(value.origin !== undefined && { origin: value.origin }),
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration },
  };
}

const parseEntry = (text: string): Entry | undefined => {
  try {
    return entryOf(JSON.parse(text));
  } catch {
    return undefined;
  }
};

/** Where the credential cache lives: beside the AWS CLI's own caches, in a directory of awsenv's. */
export const credentialCacheDir = (env: Env) => path.join(homeDir(env), '.aws', 'awsenv');

export interface CredentialCache {
  read(key: string): Credentials | undefined;
  write(key: string, entry: { profile: string; kind: string; origin?: string; credentials: Credentials }): void;
  /** Deletes every entry whose origin matches, and the temporary files killed writes left; returns how many entries went. */
  removeWhere(matches: (origin: string | undefined) => boolean): number;
  /** Holds off every other awsenv doing the same work (`what`) for this key until released. */
  lock(key: string, what: string): Promise<Release>;
}

// A waiter may be waiting for a person to type an MFA code in another terminal.
const LOCK_WAIT_MS = 5 * 60 * 1000;

/** One JSON file per key in a private directory. A damaged file reads as a miss and is replaced on the next write. */
export function fileCache(dir: string, log: Logger): CredentialCache {
  const file = (key: string) => path.join(dir, `${key}.json`);
  const makePrivate = privateDirOnFirstUse(dir, log);
  return {
    read(key) {
      makePrivate();
      let text: string;
      try {
        text = readPrivateFile(file(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.debug(`not using cache file ${file(key)}: ${(error as Error).message}`);
        return undefined;
      }
      const entry = parseEntry(text);
      if (!entry) log.debug(`ignoring damaged cache file ${file(key)}`);
      return entry?.credentials;
    },
    write(key, entry) {
      try {
        ensurePrivateDir(dir);
        writeFileAtomic(file(key), `${JSON.stringify({ version: 1, ...entry })}\n`);
      } catch (error) {
        // Losing the cache costs a later prompt; losing the credentials now would cost the user's work.
        log.warn(`could not write the credential cache (${(error as Error).message}); carrying on without it`);
      }
    },
    async lock(key, what) {
      ensurePrivateDir(dir);
      return acquireLock(path.join(dir, `${key}.lock`), { what, waitMs: LOCK_WAIT_MS, log, sleep });
    },
    removeWhere(matches) {
      makePrivate();
      removeStaleTemps(dir);
      let names: string[];
      try {
        names = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
      } catch {
        return 0;
      }
      let removed = 0;
      for (const name of names) {
        const key = name.slice(0, -'.json'.length);
        let entry: Entry | undefined;
        try {
          entry = parseEntry(readRegularFile(file(key)));
        } catch {
          continue;
        }
        if (entry && matches(entry.origin)) {
          fs.rmSync(file(key), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

/**
 * Reads a cache file only if it is a regular file that is still the user's own and private: one that others could
 * have written or read is not trusted, and the next write replaces it with a private one.
 */
function readPrivateFile(path: string): string {
  return readRegularFile(path, (stat) => {
    if (stat.mode & 0o077) throw new Error(`its mode ${(stat.mode & 0o777).toString(8)} lets others in`);
    if (process.getuid && stat.uid !== process.getuid()) throw new Error(`it belongs to user ${stat.uid}`);
  });
}
