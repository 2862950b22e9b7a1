import { dieOf } from '../core/dieOf';
import type { Env } from '../core/env';
import { AwsenvError } from '../core/errors';
import { stderrLogger } from '../core/logger';
import { writeStderr } from '../core/writeAllSync';
import type { Command } from './command';
import { parseArgs } from './parseArgs';
import { reportError } from './reportError';
import { wire, type Wiring } from './wire';
import { writeStdout } from './writeStdout';
import { exportCommand } from './commands/exportCommand';
import { useCommand } from './commands/useCommand';
import { unsetCommand } from './commands/unsetCommand';
import { listCommand } from './commands/listCommand';
import { initCommand } from './commands/initCommand';
import { promptCommand } from './commands/promptCommand';
import { completeCommand } from './commands/completeCommand';

type Handler<C extends Command> = (command: C, wiring: Wiring) => Promise<string | number>;

/**
 * One handler per command; a record, so a command without one does not compile. The commands that talk to IAM
 * Identity Center or spawn are imported when they run: child_process and the sign-in code cost start-up time.
 */
const handlers: { [N in Command['name']]: Handler<Extract<Command, { name: N }>> } = {
  export: exportCommand,
  use: useCommand,
  unset: unsetCommand,
  list: listCommand,
  init: initCommand,
  prompt: promptCommand,
  complete: completeCommand,
  exec: async (command, wiring) => (await import('./commands/execCommand')).execCommand(command, wiring),
  login: async (command, wiring) => (await import('./commands/loginCommand')).loginCommand(command, wiring),
  logout: async (command, wiring) => (await import('./commands/logoutCommand')).logoutCommand(command, wiring),
  ssoProfiles: async (command, wiring) => (await import('./commands/ssoProfilesCommand')).ssoProfilesCommand(command, wiring),
  mfaSetup: async (command, wiring) => (await import('./commands/mfaSetupCommand')).mfaSetupCommand(command, wiring),
  console: async (command, wiring) => (await import('./commands/consoleCommand')).consoleCommand(command, wiring),
  status: async (command, wiring) => (await import('./commands/statusCommand')).statusCommand(command, wiring),
};

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
      const text = `${parsed.output.text}\n`;
      if (parsed.output.forShell) writeStderr(text);
      else writeStdout(text);
    }
    if (!parsed.command) return 0;
    const command = parsed.command;
    const flags = 'flags' in command ? command.flags : undefined;
    const output = await (handlers[command.name] as Handler<Command>)(command, wire(env, stderrLogger(parsed.debug), flags?.timeoutMs, flags?.interactive));
    if (typeof output === 'number') return output;
    writeStdout(output);
    return 0;
  } catch (error) {
    return fail(error, debug);
  }
}

/** Reports the failure and gives the exit code, or ends the process by the signal the failure stands for. */
function fail(error: unknown, debug: boolean): number {
  const kind = error instanceof AwsenvError ? error.kind : undefined;
  // The reader of stdout went away, as `head -1` does: nothing to tell anyone, and an end like `yes | head -1`'s.
  if (kind === 'brokenPipe') return dieOf('SIGPIPE');
  const code = reportError(error, debug);
  // Ctrl-C at a prompt: the message first, then SIGINT, so the calling shell stops the rest of its command line.
  return kind === 'interrupted' ? dieOf('SIGINT') : code;
}

// The SDK warns through process.emitWarning (on Node < 22, a multi-line notice on every run); a warning is not
// what the user asked for, so it shows only with --debug. Replacing the function costs nothing at start, where taking
// Node's own 'warning' listener off cost a warm export a tenth of a millisecond.
function routeWarnings(debug: boolean) {
  process.emitWarning = ((warning: string | Error, type?: string | { type?: string }) => {
    if (!debug) return;
    const name = warning instanceof Error ? warning.name : typeof type === 'string' ? type : (type?.type ?? 'Warning');
    writeStderr(`awsenv: node warning: ${name}: ${warning instanceof Error ? warning.message : warning}\n`);
  }) as typeof process.emitWarning;
}
