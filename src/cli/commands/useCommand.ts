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
 * `awsenv use`, what the shells' awsuse evaluates: an export, or with no profile (or --unset) the code that clears it.
 * An export ends with one line on stderr saying what the shell now holds (and a hint when no tool run from it will
 * find a region), unless --quiet.
 */
export async function useCommand(command: CommandOf<'use'>, wiring: Wiring): Promise<string> {
  const renderer = rendererFor(command.format);
  if (renderer.appendTo) throw new AwsenvError('usage', `awsuse evaluates shell code; --format ${command.format} is for awsenv itself`);
  // The one place that decides what a bare `awsuse` means: today it clears; a profile picker would go here.
  if (command.unset || !command.flags.profile) return renderer.render(shellClearPlan(wiring.env));
  // The prompt hook renews by the profile's name, which a role named on the command line does not have.
  if (command.autoRefresh && command.flags.adHoc) throw new AwsenvError('usage', '--auto-refresh renews a profile, and --role-arn names none', { hint: 'Put the role in a profile (role_arn, source_profile) and awsuse that.' });
  const obtained = await obtainExport(command.flags, wiring, { autoRefresh: command.autoRefresh });
  const { plan, chain, credentials } = obtained;
  const code = renderer.render(plan);
  if (command.quiet) return code;
  // The summary after the code: it says the shell has the credentials, which is not so when stdout cannot be written.
  writeStdout(code);
  writeStderr(`${useSummary(chain, credentials, wiring.now())}\n`);
  const regionHint = regionHintOf(obtained, wiring.env, wiring.log);
  if (regionHint) writeStderr(`${regionHint}\n`);
  return '';
}
