import path from 'node:path';
import { homeDir, type Env } from '../core/env';

/** Where the two shared files are, by the AWS CLI's rules. Pure: resolve() names them in its hints. */
export function sharedFilePaths(env: Env): { configFile: string; credentialsFile: string } {
  const home = homeDir(env);
  // Expanded here, against this env's HOME, rather than by the loader against the process's.
  const expand = (file: string) => (file.startsWith('~/') ? path.join(home, file.slice(2)) : file);
  return {
    configFile: expand(env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config')),
    credentialsFile: expand(env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials')),
  };
}
