import { spawn } from 'node:child_process';
import tty from 'node:tty';
import { dieOf } from '../../core/dieOf';
import { AwsenvError } from '../../core/errors';
import type { Env } from '../../core/env';
import type { Logger } from '../../core/logger';
import type { Plan } from '../../render/plan';
import type { CommandOf } from '../command';
import { obtainPlan } from '../obtainPlan';
import type { Wiring } from '../wire';

// Signals a terminal sends to its whole foreground process group: the command got its own copy already, and a
// second SIGINT means "abort now" to tools such as terraform. Forwarded only when no terminal is involved.
const TERMINAL_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGQUIT'];
const FORWARDED: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH', ...TERMINAL_SIGNALS];

/** Set in every command exec runs, to the profile: how a shell that exec started is known from inside. */
export const EXEC_PROFILE_VARIABLE = 'AWSENV_EXEC_PROFILE';

/**
 * `awsenv exec PROFILE -- CMD [ARGS]`: runs CMD with the credentials in its environment; resolves with its exit code.
 * Without CMD, the user's shell, as aws-vault does; not inside another one, where the second shell's credentials
 * would outlive it unseen and the prompt would not tell the two apart.
 */
export async function execCommand(command: CommandOf<'exec'>, wiring: Wiring): Promise<number> {
  const outer = wiring.env[EXEC_PROFILE_VARIABLE];
  if (!command.command.length && outer) {
    throw new AwsenvError('usage', `already in a shell that awsenv exec started for profile "${outer}"`, {
      hint: `Leave it first (exit), or run one command: awsenv exec PROFILE -- COMMAND [ARGS...]`,
    });
  }
  const line = command.command.length ? command.command : [wiring.env.SHELL || '/bin/sh'];
  return execWithPlan(line, await obtainPlan(command.flags, wiring), wiring.env, wiring.log);
}

/** The environment the command gets: awsenv's own with the plan applied (null unsets), and the profile marked. */
function applyPlan(env: Env, plan: Plan): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env };
  for (const [name, value] of plan) {
    if (value === null) delete result[name];
    else result[name] = value;
  }
  const profile = plan.find(([name]) => name === 'AWSENV_PROFILE')?.[1];
  if (profile) result[EXEC_PROFILE_VARIABLE] = profile;
  return result;
}

/** Runs the command with the plan applied to its environment; resolves with the exit code to pass on. */
function execWithPlan(command: readonly string[], plan: Plan, env: Env, log: Logger): Promise<number> {
  const [file, ...args] = command;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: 'inherit', env: applyPlan(env, plan) });
    // Not process.stdin.isTTY: building that stream makes a piped stdin non-blocking, for the command too.
    const onTerminal = tty.isatty(0);
    const forward = (signal: NodeJS.Signals) => () => {
      const fromTerminal = onTerminal && TERMINAL_SIGNALS.includes(signal);
      log.debug(fromTerminal ? `${signal}: the terminal delivered it to ${file} too` : `forwarding ${signal} to ${file}`);
      if (!fromTerminal) child.kill(signal);
    };
    const handlers = FORWARDED.map((signal) => [signal, forward(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const detach = () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
    child.on('error', (error: NodeJS.ErrnoException) => {
      detach();
      const notFound = error.code === 'ENOENT';
      const kind = notFound ? 'exec' : 'execDenied';
      reject(new AwsenvError(kind, `cannot run "${file}": ${notFound ? 'command not found' : error.message}`, { cause: error }));
    });
    child.on('exit', (code, signal) => {
      detach();
      if (signal) {
        // Die of the same signal, so the calling shell sees what happened to the command.
        resolve(dieOf(signal));
      } else {
        resolve(code ?? 1);
      }
    });
  });
}
