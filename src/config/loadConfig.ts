import fs from 'node:fs';
import { configError } from '../core/errors';
import type { Env } from '../core/env';
import type { Logger } from '../core/logger';
import type { Bucket } from './groupSections';
import type { FileKind } from './identifySection';
import { indexSharedFile } from './indexSharedFile';
import { mergeSharedFiles, type AwsConfig } from './mergeSharedFiles';
import type { SectionSource } from './sectionRecord';
import { sharedFilePaths } from './sharedFilePaths';

/**
 * Reads ~/.aws/config and ~/.aws/credentials (or the files the environment names) once each, into one AwsConfig
 * whose sections are parsed when first asked for (see indexSharedFile). Each line the AWS CLI and the AWS SDKs
 * would read differently is a warning naming the file and the line, given when the line is read.
 */
export function loadConfig(env: Env, log: Logger): AwsConfig {
  const { configFile, credentialsFile } = sharedFilePaths(env);
  return mergeSharedFiles(readSharedFile(configFile, 'config', log), readSharedFile(credentialsFile, 'credentials', log));
}

const NO_SECTIONS: Record<Bucket, SectionSource> = { profiles: new Map(), ssoSessions: new Map(), services: new Map() };

function readSharedFile(file: string, kind: FileKind, log: Logger): Record<Bucket, SectionSource> {
  const bytes = readBytes(file);
  if (!bytes) return NO_SECTIONS;
  return indexSharedFile(bytes, kind, file, (notes) => {
    for (const { line, message } of notes) log.warn(`${file} line ${line}: ${message}`);
  });
}

/** The file's bytes, or undefined when there is no file: a missing file is fine, an unreadable one is not. */
function readBytes(file: string): Buffer | undefined {
  let fd: number;
  try {
    // Non-blocking, so that a FIFO in its place is refused below rather than waited on.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code) throw configError(`cannot read ${file} (${code})`, undefined, 'Check its permissions.');
    throw error;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw configError(`${file} is not a file`, undefined, 'It should be an INI file of AWS profiles.');
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
