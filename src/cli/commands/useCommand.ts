import { AwsenvError } from '../../core/errors';
import { writeStderr } from '../../core/writeAllSync';
import { rendererFor } from '../../render/formats';
import { shellClearPlan } from '../../render/shellPlans';
import type { CommandOf } from '../command';
import { obtainExport } from '../obtainPlan';
import { regionHintOf } from '../regionHint';
import { useSummary } from '../useSummary';
import type { Wiring } from '../wire';
import { writeStdout } from '../writeStdout';

/**
 * `awsenv use`, what the shells' awsuse evaluates: an export of the profile named, or with none of the profile picked
 * at the terminal; with --unset the code that clears it. An export ends with one line on stderr saying what the shell
 * now holds (and a hint when no tool run from it will find a region), unless --quiet.
 */
export async function useCommand(command: CommandOf<'use'>, wiring: Wiring): Promise<string> {
  const renderer = rendererFor(command.format);
  if (renderer.appendTo) throw new AwsenvError('usage', `awsuse evaluates shell code; --format ${command.format} is for awsenv itself`);
  if (command.unset) {
    for (const given of ignoredByUnset(command)) wiring.log.warn(`--unset clears the credentials: ${given} is ignored`);
    return renderer.render(shellClearPlan(wiring.env));
  }
  // The prompt hook renews by the profile's name, which a role named on the command line does not have.
  if (command.autoRefresh && command.flags.adHoc) throw new AwsenvError('usage', '--auto-refresh renews a profile, and --role-arn names none', { hint: 'Put the role in a profile (role_arn, source_profile) and awsuse that.' });
  // The one place that decides what a bare `awsuse` means: a picker (cold: only a person at a terminal meets it).
  // A --role-arn names what to export without a profile. The export after a pick is that of `awsuse PICKED`, and
  // reads the files anew: the person may have taken a while, and what is exported must be what the files say now.
  const flags =
    command.flags.profile || command.flags.adHoc ? command.flags : { ...command.flags, profile: await (await import('../pickForAwsuse')).pickForAwsuse(wiring, command.flags.interactive) };
  const obtained = await obtainExport(flags, wiring, { autoRefresh: command.autoRefresh });
  const { plan, chain, credentials } = obtained;
  if (command.autoRefresh && !credentials.expiration) wiring.log.warn(`--auto-refresh has nothing to renew: the credentials of profile "${chain.profile}" do not expire`);
  const code = renderer.render(plan);
  if (command.quiet) return code;
  // The summary after the code: it says the shell has the credentials, which is not so when stdout cannot be written.
  writeStdout(code);
  writeStderr(`${useSummary(chain, credentials, wiring.now())}\n`);
  const regionHint = regionHintOf(obtained, wiring.env, wiring.log);
  if (regionHint) writeStderr(`${regionHint}\n`);
  return '';
}

/** What a command line gave that a clear cannot use, as the person typed it; said, not dropped in silence. */
function ignoredByUnset({ flags, autoRefresh }: CommandOf<'use'>): string[] {
  const given: [boolean, string][] = [
    [flags.profile !== undefined, `the profile "${flags.profile}"`],
    [flags.adHoc !== undefined, '--role-arn'],
    [flags.region !== undefined, '--region'],
    [flags.mfaCode !== undefined, '--mfa-code'],
    [flags.mfaSerial !== undefined, '--mfa-serial'],
    [flags.durationSeconds !== undefined, '--duration'],
    [flags.refresh, '--refresh'],
    [!flags.cache, '--no-cache'],
    [autoRefresh, '--auto-refresh'],
  ];
  return given.filter(([isGiven]) => isGiven).map(([, text]) => text);
}
