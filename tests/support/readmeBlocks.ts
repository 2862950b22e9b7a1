import fs from 'node:fs';
import path from 'node:path';

/** README.md at the package root; tests are compiled to dist/tests/support/. */
export const README = path.resolve(__dirname, '..', '..', '..', 'README.md');

/** One fenced block of the README: its language ('' for none), its text without the list item's indent, its line. */
export interface ReadmeBlock {
  readonly language: string;
  readonly text: string;
  readonly line: number;
}

export function readmeBlocks(markdown = fs.readFileSync(README, 'utf8')): ReadmeBlock[] {
  return [...markdown.matchAll(/^( *)```(\w*)\n([\s\S]*?)^\1```$/gm)].map((m) => ({
    language: m[2],
    text: m[3].replace(new RegExp(`^${m[1]}`, 'gm'), ''),
    line: markdown.slice(0, m.index).split('\n').length,
  }));
}

/** A command line the README shows, as written (without its trailing comment), and the lines it shows it printing. */
export interface ShownCommand {
  readonly line: string;
  readonly shown: readonly string[];
}

const withoutComment = (line: string) => line.replace(/\s+#\s.*$/, '').trim();

/**
 * The command lines of a shell block or a transcript: in a transcript (`$ ` lines) the lines up to the next `$ ` are
 * what the command printed, blank ones included; in a shell block, the comment lines right under a command are
 * (`# awsenv: …`).
 */
export function commandsOf(block: ReadmeBlock): ShownCommand[] {
  const transcript = /^\$ /m.test(block.text);
  const commands: Array<{ line: string; shown: string[] }> = [];
  for (const raw of block.text.split('\n')) {
    if (transcript ? raw.startsWith('$ ') : raw.trim() !== '' && !raw.startsWith('#')) {
      commands.push({ line: withoutComment(transcript ? raw.slice(2) : raw), shown: [] });
    } else if ((transcript || raw.trim() !== '') && commands.length > 0) {
      commands[commands.length - 1].shown.push(transcript ? raw : raw.replace(/^# ?/, ''));
    }
  }
  // A blank line inside a transcript's output is output; the ones after it are not.
  for (const command of commands) while (command.shown.at(-1) === '') command.shown.pop();
  return commands;
}

/** The files an `ini` block shows, split at its `# ~/.aws/credentials` and `# ~/.aws/config` headers (config unless said). */
export function filesOf(block: ReadmeBlock): { config: string; credentials: string } {
  const files = { config: '', credentials: '' };
  let file: keyof typeof files = 'config';
  for (const line of block.text.split('\n')) {
    const header = /^# ~\/\.aws\/(config|credentials)\b/.exec(line);
    if (header) file = header[1] as keyof typeof files;
    else files[file] += `${line}\n`;
  }
  return files;
}

/** The block's first section header, which names it in the tests: `[profile admin]`, `[sso-session corp]`. */
export const firstHeader = (block: ReadmeBlock) => /^\[[^\]]+\]/m.exec(block.text)?.[0] ?? block.text.split('\n')[0];

/** text as a pattern that matches only itself. */
export const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A shown line as a pattern: `...` stands for anything, and each hole (a time, a random value) for its pattern. */
export function shownPattern(shown: string, holes: ReadonlyArray<readonly [string, string]> = []): RegExp {
  let pattern = literally(shown);
  for (const [text, hole] of [['...', '.*'] as const, ...holes]) pattern = pattern.split(literally(text)).join(hole);
  return new RegExp(`^${pattern}$`);
}

/** A command line with the key it has in a scenario table: as written, or `LINE (2)` where the README shows it again. */
export interface KeyedCommand extends ShownCommand {
  readonly key: string;
}

export function keyedCommands(blocks: readonly ReadmeBlock[]): KeyedCommand[] {
  const seen = new Map<string, number>();
  return blocks.flatMap(commandsOf).map((command) => {
    const n = (seen.get(command.line) ?? 0) + 1;
    seen.set(command.line, n);
    return { ...command, key: n === 1 ? command.line : `${command.line} (${n})` };
  });
}

/** The output is the lines the README shows (or begins with them), each read as a pattern with its holes. */
export function expectShown(output: string, shown: readonly string[], holes: ReadonlyArray<readonly [string, string]>, onlyTheStart = false): void {
  const all = output.replace(/\n$/, '').split('\n');
  const lines = onlyTheStart ? all.slice(0, shown.length) : all;
  expect(lines.map((line, i) => (i < shown.length && shownPattern(shown[i], holes).test(line) ? shown[i] : line))).toEqual(shown);
}
