import { AwsenvError } from '../../core/errors';
import { writeStderr } from '../../core/writeAllSync';
import { rendererFor } from '../../render/formats';
import { unsetPlan } from '../../render/plan';
import type { CommandOf } from '../command';
import { obtainExport } from '../obtainPlan';
import { useSummary } from '../useSummary';
import type { Wiring } from '../wire';
import { writeStdout } from '../writeStdout';

/**
 * `awsenv use`, what the shells' awsuse evaluates: an export of the profile named, or with none of the profile picked
 * at the terminal; with --unset the code that clears it. An export ends with one line on stderr saying what the shell
 * now holds, unless --quiet.
 */
export async function useCommand(command: CommandOf<'use'>, wiring: Wiring): Promise<string> {
  const renderer = rendererFor(command.format);
  if (renderer.appendTo) throw new AwsenvError('usage', `awsuse evaluates shell code; --format ${command.format} is for awsenv itself`);
  if (command.unset) return renderer.render(unsetPlan());
  // The one place that decides what a bare `awsuse` means: a picker (cold: only a person at a terminal meets it).
  // A --role-arn names what to export without a profile. The export after a pick is that of `awsuse PICKED`, and
  // reads the files anew: the person may have taken a while, and what is exported must be what the files say now.
  const flags = command.flags.profile || command.flags.adHoc ? command.flags : { ...command.flags, profile: await (await import('../pickForAwsuse')).pickForAwsuse(wiring) };
  const { plan, chain, credentials } = await obtainExport(flags, wiring);
  const code = renderer.render(plan);
  if (command.quiet) return code;
  // The summary after the code: it says the shell has the credentials, which is not so when stdout cannot be written.
  writeStdout(code);
  writeStderr(`${useSummary(chain, credentials, wiring.now())}\n`);
  return '';
}
