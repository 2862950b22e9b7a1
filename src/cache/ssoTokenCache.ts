import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v3';
import type { SsoSession } from '../chain/types';
import { ensurePrivateDir, removeStaleTemps, writeFileAtomic } from '../core/atomicWrite';
import type { Logger } from '../core/logger';
import { sleep } from '../core/sleep';
import { acquireLock, type Release } from './lock';
import { readRegularFile } from '../core/readRegularFile';
import { privateDirOnFirstUse } from './privateDirOnFirstUse';
import { registrationFileName, tokenFileName } from './ssoCacheFiles';

/**
 * The AWS CLI's SSO token file, field for field, so that a sign-in by either tool serves both. Fields other tools
 * add are kept as they are.
 */
const ssoTokenSchema = z
  .object({
    startUrl: z.string(),
    region: z.string(),
    accessToken: z.string().min(1),
    expiresAt: z.string(),
    receivedAt: z.string().optional(),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    registrationExpiresAt: z.string().optional(),
    refreshToken: z.string().optional(),
  })
  .passthrough();

export type SsoToken = z.infer<typeof ssoTokenSchema>;

/**
 * A client registration with SSO-OIDC, filed under the AWS CLI's key so that both tools reuse it. Both sign-in flows
 * file theirs under the same key; botocore tells them apart by grantTypes, which only its authorization code
 * registrations carry.
 */
const registrationSchema = z
  .object({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    expiresAt: z.string(),
    scopes: z.array(z.string()).optional(),
    grantTypes: z.array(z.string()).optional(),
  })
  .passthrough();

export type Registration = z.infer<typeof registrationSchema>;

export interface SsoCache {
  readToken(session: SsoSession): SsoToken | undefined;
  writeToken(session: SsoSession, token: SsoToken): void;
  removeToken(session: SsoSession): boolean;
  /** Every token file, whatever wrote it: for signing out of everything. */
  listTokens(): Array<{ file: string; token: SsoToken }>;
  removeTokenFile(file: string): void;
  /** Removes the temporary files that killed writes left, which may hold a token. */
  removeStaleTemps(): void;
  readRegistration(session: SsoSession): Registration | undefined;
  writeRegistration(session: SsoSession, registration: Registration): void;
  /** Holds off every other awsenv refreshing or signing in to this session until released. */
  lock(session: SsoSession, what: string): Promise<Release>;
}

// A device sign-in may take as long as its code lives: ten minutes.
const LOCK_WAIT_MS = 11 * 60 * 1000;

export function ssoCache(dir: string, log: Logger): SsoCache {
  const makePrivate = privateDirOnFirstUse(dir, log);
  const read = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    makePrivate();
    let text: string;
    try {
      text = readRegularFile(path.join(dir, file), (stat) => trustSsoFile(path.join(dir, file), stat, log));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.debug(`not using SSO cache file ${path.join(dir, file)}: ${(error as Error).message}`);
      return undefined;
    }
    try {
      return schema.parse(JSON.parse(text));
    } catch {
      log.debug(`ignoring unreadable SSO cache file ${path.join(dir, file)}`);
      return undefined;
    }
  };
  const write = (file: string, value: unknown) => {
    ensurePrivateDir(dir);
    writeFileAtomic(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  };
  return {
    readToken: (session) => read(tokenFileName(session), ssoTokenSchema),
    writeToken: (session, token) => write(tokenFileName(session), token),
    removeToken(session) {
      const file = path.join(dir, tokenFileName(session));
      const existed = fs.existsSync(file);
      fs.rmSync(file, { force: true });
      return existed;
    },
    listTokens() {
      let names: string[];
      try {
        names = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
      } catch {
        return [];
      }
      return names.flatMap((file) => {
        const token = read(file, ssoTokenSchema);
        return token ? [{ file, token }] : [];
      });
    },
    removeTokenFile: (file) => fs.rmSync(path.join(dir, path.basename(file)), { force: true }),
    removeStaleTemps: () => void removeStaleTemps(dir),
    readRegistration: (session) => read(registrationFileName(session), registrationSchema),
    writeRegistration: (session, registration) => write(registrationFileName(session), registration),
    async lock(session, what) {
      ensurePrivateDir(dir);
      // Beside the token file, under a name the AWS CLI does not read.
      return acquireLock(path.join(dir, `${tokenFileName(session)}.awsenv-lock`), { what, waitMs: LOCK_WAIT_MS, log, sleep });
    },
  };
}

/**
 * Whether an SSO cache file can be trusted: the user's own, and writable by nobody else. Older AWS CLIs wrote
 * tokens readable by others (0644): those are narrowed to 0600 and used, since refusing them would break sign-ins
 * shared with the AWS CLI.
 */
export function trustSsoFile(file: string, stat: fs.Stats, log: Logger): void {
  if (process.getuid && stat.uid !== process.getuid()) throw new Error(`it belongs to user ${stat.uid}`);
  if (stat.mode & 0o022) throw new Error(`its mode ${(stat.mode & 0o777).toString(8)} lets others write it`);
  if (stat.mode & 0o044) {
    fs.chmodSync(file, 0o600);
    log.debug(`made SSO cache file ${file} private (it was ${(stat.mode & 0o777).toString(8)})`);
  }
}
