import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v3';
import { credentialsSchema, type Credentials } from '../providers/credentials';
import type { Logger } from '../providers/deps';
import { ensurePrivateDir, writeFileAtomic } from './atomicWrite';

const entrySchema = z.object({
  version: z.literal(1),
  profile: z.string(),
  kind: z.string(),
  credentials: credentialsSchema,
});

export interface CredentialCache {
  read(key: string): Credentials | undefined;
  write(key: string, entry: { profile: string; kind: string; credentials: Credentials }): void;
}

/** One JSON file per key in a private directory. A damaged file reads as a miss and is replaced on the next write. */
export function fileCache(dir: string, log: Logger): CredentialCache {
  const file = (key: string) => path.join(dir, `${key}.json`);
  return {
    read(key) {
      let text: string;
      try {
        text = fs.readFileSync(file(key), 'utf8');
      } catch {
        return undefined;
      }
      try {
        return entrySchema.parse(JSON.parse(text)).credentials;
      } catch {
        log.debug(`ignoring damaged cache file ${file(key)}`);
        return undefined;
      }
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
  };
}
