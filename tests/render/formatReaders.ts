import fs from 'node:fs';
import path from 'node:path';
import type { Plan } from '../../src/render/plan';
import { DELAYED_EXPANSION_GUARD } from '../../src/render/cmd';
import { runInShell, shellEnv, shellTempDir, type Shell, type ShellResult } from '../support/shellRun';

/**
 * What a consumer of a format's output ends up with: name → value, or null for a variable the output unsets.
 * Each reader takes the output the way its consumer does: the shells for real, the others through a model of the
 * consumer's parser written from its documentation, strict enough to reject anything it would misread.
 */
export type Effect = Record<string, string | null>;

export const STALE = 'stale value from before';

export interface Evaluation {
  readonly result: ShellResult;
  /** Files in the working directory afterwards: any file there was made by code hidden in a value. */
  readonly created: readonly string[];
}

/**
 * The two ways people evaluate the output: quoted, as the README writes it (`eval "$(awsenv …)"`, `awsenv … | source`),
 * and unquoted (`eval $(awsenv …)`, `eval (awsenv …)`), where the shell splits the output into words and eval joins
 * them with spaces.
 */
export const EVAL_FORMS = ['quoted', 'unquoted'] as const;
export type EvalForm = (typeof EVAL_FORMS)[number];

// Each form evaluates the file named by positional parameter n: $n in sh, $argv[n] in fish.
const EVAL: Record<Shell['dialect'], Record<EvalForm, (n: number) => string>> = {
  sh: { quoted: (n) => `eval "$(cat "\${${n}}")"`, unquoted: (n) => `eval $(cat "\${${n}}")` },
  fish: { quoted: (n) => `cat $argv[${n}] | source`, unquoted: (n) => `eval (cat $argv[${n}])` },
};

export interface EvaluateOptions {
  readonly locale?: string;
  /** Whether every name is set (to STALE) beforehand, so that unsetting it can be seen; it is unless said otherwise. */
  readonly preset?: boolean;
  readonly form?: EvalForm;
}

/** Evaluates output as its users do, in one shell session: several outputs one after another, as a user switches. */
export async function evaluateIn(shell: Shell, output: string | readonly string[], names: readonly string[], options: EvaluateOptions = {}): Promise<Evaluation> {
  const { locale = 'C.UTF-8', preset = true, form = 'quoted' } = options;
  const dir = shellTempDir('code');
  const codeFiles = (typeof output === 'string' ? [output] : output).map((text, i) => {
    const file = path.join(dir, `code${i}`);
    fs.writeFileSync(file, text);
    return file;
  });
  const cwd = shellTempDir('cwd');
  const before = preset ? Object.fromEntries(names.map((name) => [name, STALE])) : {};
  const result = await runInShell(shell, {
    body: codeFiles.map((_file, i) => EVAL[shell.dialect][form](i + 1)).join('\n'),
    names,
    args: codeFiles,
    env: shellEnv(shellTempDir('home'), { ...before, LC_ALL: locale }),
    cwd,
  });
  return { result, created: fs.readdirSync(cwd) };
}

/** The shell's view of each name; a value that is set but not exported, or split into a list, shows as a mismatch. */
export function effectIn(result: ShellResult, names: readonly string[]): Effect {
  return Object.fromEntries(
    names.map((name) => {
      const elements = result.vars.get(name);
      if (!elements) return [name, result.exported.has(name) ? `<unset in the shell but exported: ${result.exported.get(name)}>` : null];
      if (elements.length !== 1) return [name, `<a list of ${elements.length}: ${JSON.stringify(elements)}>`];
      if (result.exported.get(name) !== elements[0]) return [name, `<not exported as set: ${JSON.stringify(result.exported.get(name))}>`];
      return [name, elements[0]];
    }),
  );
}

export const planNames = (plan: Plan) => plan.map(([name]) => name);

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PS_QUOTE = /['\u2018-\u201b]/;

/**
 * PowerShell's tokenizer: a single-quoted string starts and ends at any of ' ‘ ’ ‚ ‛, and two of them in a row are
 * one literal (the second). Everything else, $ and the backtick included, is verbatim. In a double-quoted string `r
 * is a carriage return and `n a line feed (awsenv writes no other). A value is such strings joined by ` + `. A
 * statement ends in `;` and a line break, or a space where `"$(…)"` joined the lines.
 */
export function readPowerShell(output: string): Effect {
  const effect: Effect = {};
  const END = /^;(\n| |$)/;
  const ESCAPES: Record<string, string> = { '"`r"': '\r', '"`n"': '\n' };
  let i = 0;
  while (i < output.length) {
    const rest = output.slice(i);
    const remove = new RegExp(`^Remove-Item -Path Env:(${NAME}) -ErrorAction SilentlyContinue;(\\n| |$)`).exec(rest);
    if (remove) {
      effect[remove[1]] = null;
      i += remove[0].length;
      continue;
    }
    const assign = new RegExp(`^\\$Env:(${NAME}) = `).exec(rest);
    if (!assign) throw new Error(`not a PowerShell statement awsenv writes: ${JSON.stringify(rest.slice(0, 60))}`);
    i += assign[0].length;
    let value = '';
    for (;;) {
      const escape = output.slice(i, i + 4);
      if (escape in ESCAPES) {
        value += ESCAPES[escape];
        i += 4;
      } else {
        if (!PS_QUOTE.test(output[i] ?? '')) throw new Error(`not a string for ${assign[1]}: ${JSON.stringify(output.slice(i, i + 20))}`);
        i += 1;
        for (;;) {
          if (i >= output.length) throw new Error(`unterminated string for ${assign[1]}`);
          if (PS_QUOTE.test(output[i])) {
            if (i + 1 < output.length && PS_QUOTE.test(output[i + 1])) {
              value += output[i + 1];
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          value += output[i];
          i += 1;
        }
      }
      if (!output.startsWith(' + ', i)) break;
      i += 3;
    }
    const end = END.exec(output.slice(i));
    if (!end) throw new Error(`text after the string for ${assign[1]}: ${JSON.stringify(output.slice(i, i + 20))}`);
    i += end[0].length;
    effect[assign[1]] = value;
  }
  return effect;
}

/**
 * A batch file run by cmd.exe: CRLF lines of `set "NAME=value"`, where % must come doubled (a single one starts a
 * variable expansion), a " would end the quoting early, and an empty value unsets the variable. With delayed
 * expansion on, cmd also expands !NAME! and removes ^ and lone ! in every line that holds a !, so such a line is
 * misread, unless the file first stops at awsenv's check for it ('stopped': nothing is set).
 */
export function readCmd(output: string): Effect;
export function readCmd(output: string, options: { delayedExpansion: boolean }): Effect | 'stopped';
export function readCmd(output: string, { delayedExpansion = false } = {}): Effect | 'stopped' {
  if (!output.endsWith('\r\n')) throw new Error('a batch file line must end in CRLF');
  const lines = output.slice(0, -2).split('\r\n');
  if (lines[0] === DELAYED_EXPANSION_GUARD) {
    if (delayedExpansion) return 'stopped';
    lines.shift();
  }
  const effect: Effect = {};
  for (const line of lines) {
    const set = new RegExp(`^set "(${NAME})=((?:[^"%\\r\\n]|%%)*)"$`).exec(line);
    if (!set) throw new Error(`not a line cmd reads as intended: ${JSON.stringify(line.slice(0, 60))}`);
    if (delayedExpansion && line.includes('!')) throw new Error(`a line delayed expansion changes: ${JSON.stringify(line.slice(0, 60))}`);
    const value = set[2].replace(/%%/g, '%');
    effect[set[1]] = value === '' ? null : value;
  }
  return effect;
}

/** docker --env-file: NAME=value, everything after the first = kept verbatim; one variable a line. */
export function readDotenv(output: string): Effect {
  if (!output.endsWith('\n')) throw new Error('a .env file must end in a newline');
  const lines = output.slice(0, -1).split('\n').filter((line) => line !== '');
  return Object.fromEntries(
    lines.map((line) => {
      const entry = new RegExp(`^(${NAME})=([^\\r\\0]*)$`).exec(line);
      if (!entry) throw new Error(`not a NAME=value line: ${JSON.stringify(line.slice(0, 60))}`);
      return [entry[1], entry[2]];
    }),
  );
}

export const readJson = (output: string): Effect => JSON.parse(output) as Effect;

/** The AWS SDKs' reading of credential_process output, version 1, mapped back to the variables it came from. */
export function readCredentialProcess(output: string): Effect {
  const parsed = JSON.parse(output) as Record<string, unknown>;
  const { Version, ...fields } = parsed;
  if (Version !== 1) throw new Error(`Version must be 1, got ${JSON.stringify(Version)}`);
  const names: Record<string, string> = {
    AccessKeyId: 'AWS_ACCESS_KEY_ID',
    SecretAccessKey: 'AWS_SECRET_ACCESS_KEY',
    SessionToken: 'AWS_SESSION_TOKEN',
    Expiration: 'AWS_CREDENTIAL_EXPIRATION',
  };
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => {
      if (!(key in names) || typeof value !== 'string') throw new Error(`unexpected field ${key}: ${JSON.stringify(value)}`);
      return [names[key], value];
    }),
  );
}
