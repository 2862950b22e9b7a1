import { usageError } from './usageError';

/** exec's own flags (credentialOptions', and the global ones), by the names yargs reads; those that take a value. */
const VALUED = ['region', 'r', 'mfa-code', 'mfa-serial', 'duration', 'timeout', 'role-arn', 'source-profile', 'web-identity', 'audience', 'role-session-name'];
const SWITCHES = ['refresh', 'no-cache', 'debug', 'help', 'h', 'version'];
const OWN = new Set([...VALUED, ...SWITCHES]);

/** A flag's name as yargs reads it: without its dashes and value, camelCase as kebab-case; undefined for a word. */
function flagName(arg: string): string | undefined {
  if (!arg.startsWith('-') || arg === '-') return undefined;
  const name = arg.replace(/^--?/, '').split('=')[0];
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * `awsenv exec P CMD ARGS` as `awsenv exec P -- CMD ARGS`: the second word after exec starts the command. A word of
 * the command that exec would read as one of its own flags (`grep -r`, `aws --region`) is refused rather than
 * guessed, since either guess runs something the person did not mean. Lines with `--`, and other commands, are
 * left as they are.
 */
export function withExecSeparator(args: readonly string[]): readonly string[] {
  const at = args.findIndex((arg) => !arg.startsWith('-'));
  if (at < 0 || args[at] !== 'exec' || args.includes('--')) return args;
  let profile: string | undefined;
  for (let i = at + 1; i < args.length; i++) {
    const name = flagName(args[i]);
    if (name !== undefined) {
      const takesValue = VALUED.includes(name) && !args[i].includes('=');
      const switchValue = SWITCHES.includes(name) && (args[i + 1] === 'true' || args[i + 1] === 'false');
      if (takesValue || switchValue) i++;
      continue;
    }
    if (profile === undefined) {
      profile = args[i];
      continue;
    }
    const command = args.slice(i);
    const own = command.find((arg) => OWN.has(flagName(arg) ?? ''));
    if (own !== undefined) {
      throw usageError(
        `exec: is "${own.split('=')[0]}" awsenv's flag or ${command[0]}'s? Put -- before the command`,
        `awsenv exec ${profile} [FLAGS] -- ${command[0]} ARGS... (what follows -- is the command's)`,
      );
    }
    return [...args.slice(0, i), '--', ...command];
  }
  return args;
}
