import fs from 'node:fs';
import { writeFileAtomic, writingFile } from '../../core/atomicWrite';
import { AwsenvError } from '../../core/errors';
import { rendererFor } from '../../render/formats';
import type { CommandOf } from '../command';
import { obtainPlan } from '../obtainPlan';
import type { Wiring } from '../wire';
import { writeStdout } from '../writeStdout';

// The formats a person's shell evaluates; the others feed a program (the AWS CLI, a CI runner, a JSON reader).
const SHELL_FORMATS = new Set(['sh', 'bash', 'zsh', 'fish', 'powershell', 'cmd']);

/**
 * `awsenv [PROFILE]`: the credentials rendered for stdout, or for --output FILE, or for a format that writes a side
 * file (GitHub's $GITHUB_ENV). Everything that can be refused is refused before any AWS call.
 */
export async function exportCommand(command: CommandOf<'export'>, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  const renderer = rendererFor(command.format);
  const appendFile = renderer.appendTo && env[renderer.appendTo.variable];
  if (renderer.appendTo && command.output) {
    throw new AwsenvError('usage', `--output does not go with --format ${command.format}: its masks belong on stdout, where the runner reads them`);
  }
  if (renderer.appendTo && !appendFile) {
    throw new AwsenvError('usage', `the ${command.format} format writes to the file $${renderer.appendTo.variable} names, and ${renderer.appendTo.variable} is not set`, {
      hint: 'It is set inside GitHub Actions jobs; elsewhere use --format dotenv or json with --output.',
    });
  }
  // A file is evaluated later, in some shell: what this one holds is not what that one will, so nothing of it goes in.
  const plan = await obtainPlan(command.flags, wiring, { forPerson: SHELL_FORMATS.has(command.format), shellEnv: command.output ? {} : undefined });
  const text = renderer.render(plan);
  if (renderer.appendTo && appendFile) {
    // The masks first, so no later line of the log can show a secret, whatever happens to the file.
    writeStdout(text);
    writingFile(appendFile, () => fs.appendFileSync(appendFile, renderer.appendTo!.render(plan)));
    return '';
  }
  if (!command.output) return text;
  writingFile(command.output, () => writeFileAtomic(command.output!, text));
  log.debug(`wrote ${command.output}`);
  return '';
}
