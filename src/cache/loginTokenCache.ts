import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v3';
import { ensurePrivateDir, removeStaleTemps, writeFileAtomic } from '../core/atomicWrite';
import type { Logger } from '../core/logger';
import { readRegularFile } from '../core/readRegularFile';
import { sleep } from '../core/sleep';
import { acquireLock, type Release } from './lock';
import { loginFileName } from './loginCacheFiles';
import { privateDirOnFirstUse } from './privateDirOnFirstUse';
import { trustSsoFile } from './ssoTokenCache';

/**
 * The cache file of `aws login`, with the fields botocore and the JS SDK require (accessToken with its accountId,
 * clientId, refreshToken, dpopKey). Fields other tools add (tokenType, idToken, signInRegion) pass through, so a
 * refresh by awsenv leaves the file as those tools wrote it, apart from what the refresh changes.
 */
const loginTokenSchema = z
  .object({
    accessToken: z
      .object({
        accessKeyId: z.string().min(1),
        secretAccessKey: z.string().min(1),
        sessionToken: z.string().min(1),
        accountId: z.string().min(1),
        expiresAt: z.string().min(1),
      })
      .passthrough(),
    clientId: z.string().min(1),
    refreshToken: z.string().min(1),
    dpopKey: z.string().min(1),
    idToken: z.string().optional(),
    signInRegion: z.string().optional(),
  })
  .passthrough();

export type LoginToken = z.infer<typeof loginTokenSchema>;

export interface LoginCache {
  /** The sign-in's file: undefined when it is missing; `damaged` when it is there but no tool could use it. */
  read(loginSession: string): LoginToken | 'damaged' | undefined;
  write(loginSession: string, token: LoginToken): void;
  remove(loginSession: string): boolean;
  /** Holds off every other awsenv refreshing or signing in to this session until released. */
  lock(loginSession: string, what: string): Promise<Release>;
}

// A refresh is one bounded call; a sign-in waits at most its timeout (10 minutes) for the browser.
const LOCK_WAIT_MS = 11 * 60 * 1000;

/**
 * Written here rather than taken from @aws-sdk/credential-provider-login, whose file handling is not exported and
 * would not serve if it were: it writes the file in place (a reader may see half of it) with the umask's mode
 * (0644 usually, for a file holding a refresh token and a private key), and takes no lock, so two processes that
 * refresh at once spend the one-use refresh token twice.
 */
export function loginCache(dir: string, log: Logger): LoginCache {
  const makePrivate = privateDirOnFirstUse(dir, log);
  const file = (loginSession: string) => path.join(dir, loginFileName(loginSession));
  return {
    read(loginSession) {
      makePrivate();
      let text: string;
      try {
        text = readRegularFile(file(loginSession), (stat) => trustSsoFile(file(loginSession), stat, log));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        log.debug(`not using login cache file ${file(loginSession)}: ${(error as Error).message}`);
        return 'damaged';
      }
      try {
        return loginTokenSchema.parse(JSON.parse(text));
      } catch {
        log.debug(`unreadable login cache file ${file(loginSession)}`);
        return 'damaged';
      }
    },
    write(loginSession, token) {
      ensurePrivateDir(dir);
      removeStaleTemps(dir);
      writeFileAtomic(file(loginSession), JSON.stringify(token, null, 2));
    },
    remove(loginSession) {
      const existed = fs.existsSync(file(loginSession));
      fs.rmSync(file(loginSession), { force: true });
      return existed;
    },
    async lock(loginSession, what) {
      ensurePrivateDir(dir);
      // Beside the file, under a name no other tool reads.
      return acquireLock(`${file(loginSession)}.awsenv-lock`, { what, waitMs: LOCK_WAIT_MS, log, sleep });
    },
  };
}
