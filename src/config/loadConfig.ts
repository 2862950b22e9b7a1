import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fs from 'node:fs';
import { configError } from '../core/errors';
import type { Env } from '../core/env';
import { mergeSharedFiles, type AwsConfig } from './mergeSharedFiles';
import { sharedFilePaths } from './sharedFilePaths';

/** Reads ~/.aws/config and ~/.aws/credentials (or the files the environment names) once, into one AwsConfig. */
export async function loadConfig(env: Env): Promise<AwsConfig> {
  const { configFile, credentialsFile } = sharedFilePaths(env);
  // The SDK's loader reads a file it cannot open as an empty one; a missing file is fine, an unreadable one is not.
  [configFile, credentialsFile].forEach(checkReadable);
  const files = await loadSharedConfigFiles({ configFilepath: configFile, filepath: credentialsFile, ignoreCache: true });
  return mergeSharedFiles(files.configFile, files.credentialsFile);
}

function checkReadable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    if (!fs.statSync(file).isFile()) throw configError(`${file} is not a file`, undefined, 'It should be an INI file of AWS profiles.');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code) throw configError(`cannot read ${file} (${code})`, undefined, 'Check its permissions.');
    throw error;
  }
}
