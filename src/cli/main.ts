import { AwsenvError } from '../errors';
import type { Env } from '../config/loadConfig';
import { loadConfig } from '../config/loadConfig';
import { rendererFor } from '../render/formats';
import { unsetPlan } from '../render/plan';
import { parseArgs, type Command } from './parseArgs';
import { stderrLogger } from './logger';
import { reportError } from './report';
import { obtainPlan } from './obtainCredentials';
import { exportCredentials } from './exportCommand';
import { listProfiles } from './listCommand';
import { shellIntegration } from './initCommand';

/**
 * Runs one command line. stdout is written once, at the very end, and only on success: a shell evaluates it, so
 * half an export must never reach it.
 */
export async function main(args: readonly string[], env: Env): Promise<number> {
  // Before parsing, so that parse errors get their stack too; not past `--`, where the words are exec's command's.
  const debug = args.slice(0, args.includes('--') ? args.indexOf('--') : undefined).includes('--debug');
  routeWarnings(debug);
  try {
    const parsed = await parseArgs(args);
    if (parsed.output) {
      // `awsuse --help` evaluates awsenv's stdout: text for a person goes to stderr there.
      (parsed.output.forShell ? process.stderr : process.stdout).write(`${parsed.output.text}\n`);
    }
    if (!parsed.command) return 0;
    const output = await run(parsed.command, env, parsed.debug);
    if (typeof output === 'number') return output;
    process.stdout.write(output);
    return 0;
  } catch (error) {
    return reportError(error, debug);
  }
}

async function run(command: Command, env: Env, debug: boolean): Promise<string | number> {
  const log = stderrLogger(debug);
  switch (command.name) {
    case 'export':
      return exportCredentials(command, env, log);
    case 'use': {
      const renderer = rendererFor(command.format);
      if (renderer.appendTo) throw new AwsenvError('usage', `awsuse evaluates shell code; --format ${command.format} is for awsenv itself`);
      // The one place that decides what a bare `awsuse` means: today it clears; a profile picker would go here.
      if (command.unset || !command.flags.profile) return renderer.render(unsetPlan());
      return renderer.render(await obtainPlan(command.flags, env, log));
    }
    case 'exec':
      if (!command.command.length) throw new AwsenvError('usage', 'exec needs a command to run', { hint: 'awsenv exec PROFILE -- COMMAND [ARGS...]' });
      // Imported on this path only: child_process is heavy to load and the other commands never spawn.
      return (await import('./execCommand')).execWithPlan(command.command, await obtainPlan(command.flags, env, log), env, log);
    case 'unset':
      return rendererFor(command.format).render(unsetPlan());
    case 'list':
      return listProfiles(await loadConfig(env), command.long);
    case 'init':
      return shellIntegration(command.shell);
    case 'login':
      return (await import('./loginCommand')).login(command.profile, { browser: command.browser }, env, log);
    case 'ssoProfiles':
      return (await import('./ssoProfilesCommand')).ssoProfiles(command.options, env, log);
    case 'logout':
      return (await import('./logoutCommand')).logout(command.profile, command.all, env, log);
  }
}

// The SDK warns through process.emitWarning (on Node < 22, a multi-line notice on every run); a warning is not
// what the user asked for, so it shows only with --debug.
function routeWarnings(debug: boolean) {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (debug) process.stderr.write(`awsenv: node warning: ${warning.name}: ${warning.message}\n`);
  });
}

