import { AwsenvError } from '../../core/errors';
import { rendererFor } from '../../render/formats';
import { unsetPlan } from '../../render/plan';
import type { CommandOf } from '../command';
import { obtainPlan } from '../obtainPlan';
import type { Wiring } from '../wire';

/** `awsenv use`, what the shells' awsuse evaluates: an export, or with no profile (or --unset) the code that clears it. */
export async function useCommand(command: CommandOf<'use'>, wiring: Wiring): Promise<string> {
  const renderer = rendererFor(command.format);
  if (renderer.appendTo) throw new AwsenvError('usage', `awsuse evaluates shell code; --format ${command.format} is for awsenv itself`);
  // The one place that decides what a bare `awsuse` means: today it clears; a profile picker would go here.
  if (command.unset || !command.flags.profile) return renderer.render(unsetPlan());
  return renderer.render(await obtainPlan(command.flags, wiring));
}
