import { COMMAND_WORDS } from '../../src/core/commandWords';
import { COMPLETION_SPEC, type CommandSpec } from '../../src/cli/completionSpec';
import { parseWithYargs } from '../../src/cli/parseWithYargs';

/**
 * The commands and flags the shells complete are written apart from yargs' definitions (completion must not load
 * yargs), so each command's entry is held to the help page yargs prints for it: the same flags in every spelling,
 * the same switches, the same word, the same subcommands.
 */

const help = async (path: readonly string[]) => (await parseWithYargs([...path, '--help'])).output!.text;

/** Every spelling on the page's Options, and whether yargs reads it as a switch. */
function optionsOf(page: string): Record<string, 'switch' | 'value'> {
  const section = page.split('\nOptions:\n')[1].split('\n\n')[0];
  const entries = section.split(/\n(?= {2}-\w, --| {6}--)/);
  const options: Record<string, 'switch' | 'value'> = {};
  for (const entry of entries) {
    const [, short, long] = /^ {2}(?:-(\w), )? *--([\w-]+)/.exec(entry)!;
    const kind = entry.includes('[boolean]') ? 'switch' : 'value';
    options[`--${long}`] = kind;
    if (short) options[`-${short}`] = kind;
  }
  return options;
}

/** The last word of each command line under Commands: `awsenv sso profiles [profile]` gives profiles. */
const commandsOf = (page: string) =>
  [...(/^Commands:\n([\s\S]*?)\n\n/m.exec(page)?.[1] ?? '').matchAll(/^ {2}awsenv ([\w ]+?)(?= {2}| \[| <|$)/gm)].map((m) => m[1].split(' ').at(-1)!);

const paths: [string, CommandSpec][] = Object.entries(COMPLETION_SPEC).flatMap(([name, spec]) => [
  [name, spec] as [string, CommandSpec],
  ...Object.entries(spec.subcommands ?? {}).map(([sub, subSpec]) => [`${name} ${sub}`, subSpec] as [string, CommandSpec]),
]);

describe('COMPLETION_SPEC', () => {
  test('has every command yargs runs, its aliases included, and no other', async () => {
    const page = await help([]);
    const aliases = [...page.matchAll(/\[aliases: ([^\]]+)\]/g)].flatMap((match) => match[1].split(/,\s*/));
    expect(Object.keys(COMPLETION_SPEC).sort()).toEqual([...commandsOf(page), ...aliases].sort());
  });

  test('offers first on the line exactly the words both parsers read as commands', () => {
    expect(Object.keys(COMPLETION_SPEC).sort()).toEqual([...COMMAND_WORDS].sort());
  });

  test.each(paths)('%s: the flags of its help page, switches as switches', async (name, spec) => {
    const kinds = Object.fromEntries(Object.entries(spec.flags).map(([flag, value]) => [flag, value === 'switch' ? 'switch' : 'value']));
    expect(kinds).toEqual(optionsOf(await help(name.split(' '))));
  });

  test.each(paths)('%s: the word and the subcommands of its help page', async (name, spec) => {
    const page = await help(name.split(' '));
    const usage = page.split('\n')[0];
    expect({ word: spec.word, subcommands: Object.keys(spec.subcommands ?? {}) }).toEqual({
      word: /\[profile\]/.test(usage) ? 'profile' : /<shell>/.test(usage) ? 'shell' : undefined,
      subcommands: spec.subcommands ? commandsOf(page) : [],
    });
  });
});
