import fs from 'node:fs';
import { AwsenvError } from '../errors';
import type { Env } from '../config/loadConfig';
import { writeFileAtomic } from '../cache/atomicWrite';
import type { Logger } from '../providers/deps';
import { rendererFor } from '../render/formats';
import { obtainPlan } from './obtainCredentials';
import type { Command } from './parseArgs';

/**
 * `awsenv [PROFILE]`: the credentials rendered for stdout, or for --output FILE, or for a format that writes a side
 * file (GitHub's $GITHUB_ENV). Everything that can be refused is refused before any AWS call.
 */
export async function exportCredentials(command: Extract<Command, { name: 'export' }>, env: Env, log: Logger): Promise<string> {
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
  const plan = await obtainPlan(command.flags, env, log);
  const text = renderer.render(plan);
  if (renderer.appendTo && appendFile) {
    // The masks first, so no later line of the log can show a secret, whatever happens to the file.
    process.stdout.write(text);
    writeOrFail(() => fs.appendFileSync(appendFile, renderer.appendTo!.render(plan)), appendFile);
    return '';
  }
  if (!command.output) return text;
  writeOrFail(() => writeFileAtomic(command.output!, text), command.output);
  log.debug(`wrote ${command.output}`);
  return '';
}

function writeOrFail(write: () => void, file: string): void {
  try {
    write();
  } catch (error) {
    throw new AwsenvError('config', `cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
}
