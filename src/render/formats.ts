import { AwsenvError } from '../core/errors';
import type { Renderer } from './renderer';
import { sh } from './sh';
import { fish } from './fish';
import { powershell } from './powershell';
import { cmd } from './cmd';
import { dotenv } from './dotenv';
import { json } from './json';
import { credentialProcess } from './process';
import { github } from './github';

/** Every output format. A Record, so adding a name without a renderer does not compile. */
export const renderers = { sh, fish, powershell, cmd, dotenv, json, process: credentialProcess, github } satisfies Record<string, Renderer>;

export type FormatName = keyof typeof renderers;

const aliases: Readonly<Record<string, FormatName>> = { bash: 'sh', zsh: 'sh' };

export const formatChoices = [...Object.keys(renderers), ...Object.keys(aliases)];

export function rendererFor(name: string): Renderer {
  const format = aliases[name] ?? name;
  if (format in renderers) return renderers[format as FormatName];
  throw new AwsenvError('usage', `unknown format "${name}"`, { hint: `Choose one of: ${formatChoices.join(', ')}.` });
}
