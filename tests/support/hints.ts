import { shellSplit } from '../../src/core/shellSplit';
import { parseArgs } from '../../src/cli/parseArgs';
import type { Command } from '../../src/cli/command';
import type { FakeSso } from '../fakes/sso';
import type { CliResult } from './cli';
import { startCli, userCodeOf } from './ssoCli';

/** The command line a hint tells the person to run ('Run "awsenv …"'), as words; fails the test when there is none. */
export function hintedWords(text: string | undefined): string[] {
  const line = /Run "(awsenv [^"]+)"/.exec(text ?? '')?.[1];
  if (!line) throw new Error(`no "Run \\"awsenv …\\"" in ${JSON.stringify(text)}`);
  return shellSplit(line);
}

/** What awsenv's own parser makes of the hinted line: a hint it refuses fails the test. */
export async function hintedCommand(text: string | undefined): Promise<Command> {
  const words = hintedWords(text);
  const parsed = await parseArgs(words.slice(1));
  if (!parsed.command) throw new Error(`${words.join(' ')} parses to no command`);
  return parsed.command;
}

/** Runs the `awsenv login …` a hint names, word for word, and approves its sign-in as the person would. */
export async function runHintedLogin(text: string | undefined, env: NodeJS.ProcessEnv, sso: FakeSso): Promise<CliResult> {
  const words = hintedWords(text);
  expect(words.slice(0, 2)).toEqual(['awsenv', 'login']);
  const cli = startCli(words.slice(1), env);
  sso.approve(await userCodeOf(cli));
  return cli.result;
}
