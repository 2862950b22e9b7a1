import { configError, type AwsenvError } from '../core/errors';
import type { Env } from '../core/env';
import type { AwsConfig } from '../config/mergeSharedFiles';
import { sharedFilePaths } from '../config/sharedFilePaths';
import { closestName } from './suggest';
import { COMMAND_WORDS } from '../core/commandWords';
import type { ProfileOrigin } from './types';

/**
 * The error for a profile name the config does not have: the closest known name, the known names, or the files
 * searched. `namedBy` is the profile whose source_profile named it, when it is not the profile asked for.
 */
export function unknownProfile(name: string, config: AwsConfig, env: Env, origin: ProfileOrigin | undefined, namedBy?: string): AwsenvError {
  const known = Object.keys(config.profiles).sort();
  // A word on the command line may be a mistyped command as well as a mistyped profile: the closer one is named,
  // the profile when both are as close.
  const guess = closestName(name, origin === 'argument' && !namedBy ? [...known, ...COMMAND_WORDS] : known);
  const guessed = guess && (known.includes(guess) ? `Did you mean "${guess}"?` : `Did you mean the command "awsenv ${guess}"?`);
  const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, … (${known.length} in all)` : known.join(', ');
  const files = sharedFilePaths(env);
  const none = `No profiles are configured in ${files.configFile} or ${files.credentialsFile}.`;
  const hint = [guessed, known.length ? `Known profiles: ${shown}.` : none].filter(Boolean).join(' ');
  if (namedBy) return configError(`has source_profile "${name}", which does not exist`, namedBy, hint);
  const why = origin === 'AWS_PROFILE' ? ' (AWS_PROFILE names it)' : origin === 'default' ? ' (no profile was given, so awsenv looked for "default")' : '';
  return configError(`not found${why}`, name, hint);
}
