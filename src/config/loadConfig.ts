import fs from 'node:fs';
import { configError } from '../core/errors';
import type { Env } from '../core/env';
import type { Logger } from '../core/logger';
import type { FileKind } from './identifySection';
import { mergeSharedFiles, type AwsConfig } from './mergeSharedFiles';
import { parseSharedFile, type SharedFile } from './parseSharedFile';
import { sharedFilePaths } from './sharedFilePaths';

/**
 * Reads ~/.aws/config and ~/.aws/credentials (or the files the environment names) once each, into one AwsConfig.
 * Each line the AWS CLI and the AWS SDKs would read differently is a warning naming the file and the line.
 */
export function loadConfig(env: Env, log: Logger): AwsConfig {
  const { configFile, credentialsFile } = sharedFilePaths(env);
  return mergeSharedFiles(readSharedFile(configFile, 'config', log), readSharedFile(credentialsFile, 'credentials', log));
}

const NO_SECTIONS: SharedFile = { profiles: new Map(), ssoSessions: new Map(), services: new Map() };

function readSharedFile(file: string, kind: FileKind, log: Logger): SharedFile {
  const bytes = readBytes(file);
  if (!bytes) return NO_SECTIONS;
  const { sections, notes } = parseSharedFile(bytes, kind, file);
  for (const { line, message } of notes) log.warn(`${file} line ${line}: ${message}`);
  return sections;
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
