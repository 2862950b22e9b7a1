import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Env } from '../../src/core/env';
import type { Logger } from '../../src/core/logger';
import { loadConfig } from '../../src/config/loadConfig';
import type { AwsConfig } from '../../src/config/mergeSharedFiles';
import { recordingLogger } from './recordingLogger';

export interface IniTexts {
  readonly config?: string;
  readonly credentials?: string;
}

const dirs: string[] = [];

/**
 * Writes the shared files that are given to a fresh temp dir. The Env points AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE there, and HOME too, so nothing of the real ~/.aws can leak in.
 */
export function iniFiles(texts: IniTexts): Env {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-ini-'));
  dirs.push(dir);
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  if (texts.config !== undefined) fs.writeFileSync(configFile, texts.config);
  if (texts.credentials !== undefined) fs.writeFileSync(credentialsFile, texts.credentials);
  return { HOME: dir, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile };
}

/** INI text → AwsConfig through the real loader, as the CLI reads it; its warnings go to log. */
export const loadIni = (texts: IniTexts, log: Logger = recordingLogger()): AwsConfig => loadConfig(iniFiles(texts), log);

/** For afterAll: removes every dir iniFiles() made. */
export function removeIniFiles(): void {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
