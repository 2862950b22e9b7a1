import { filesOf, firstHeader, readmeBlocks, type ReadmeBlock } from './readmeBlocks';
import { ALICE } from './world';

/**
 * The README's config blocks, by their first header, and the blocks each one builds on: the README shows a role's
 * profile without the keys of its source ("the keys of profile1 as above"), and those keys as placeholders.
 */
export const CONFIGS_BY_HEADER: Record<string, { readonly buildsOn: readonly string[]; readonly keysOf?: string }> = {
  '[profile1]': { buildsOn: [] },
  // The mfa_process example: profile1's section written anew, on the keys of the first block.
  '[profile profile1]': { buildsOn: [], keysOf: '[profile1]' },
  '[profile admin]': { buildsOn: ['[profile1]'] },
  '[sso-session corp]': { buildsOn: [] },
  // What `awsenv sso profiles ... --write` writes.
  '[sso-session acme]': { buildsOn: [] },
  '[profile prod-admin]': { buildsOn: ['[sso-session corp]'] },
  '[profile console]': { buildsOn: [] },
};

export const configBlocks = (): ReadmeBlock[] => readmeBlocks().filter((block) => block.language === 'ini');

/** alice's keys where the README writes `AKIA...` and `...`: the fakes know her. */
const withAlicesKeys = (text: string) =>
  text.replace(/^aws_access_key_id = AKIA\.\.\.$/gm, `aws_access_key_id = ${ALICE.accessKeyId}`).replace(/^aws_secret_access_key = \.\.\.$/gm, `aws_secret_access_key = ${ALICE.secretAccessKey}`);

function filesOfBlock(header: string): { config: string; credentials: string } {
  const block = configBlocks().find((b) => firstHeader(b) === header);
  if (!block) throw new Error(`the README has no config block starting with ${header}`);
  return filesOf(block);
}

/** The files the README's block makes, after the blocks it builds on (a later section adds to and wins over an earlier). */
export function readmeFiles(header: string): { config: string; credentials: string } {
  const parts = new Map<string, { config: string; credentials: string }>();
  const add = (name: string) => {
    const { buildsOn, keysOf } = CONFIGS_BY_HEADER[name] ?? { buildsOn: [] };
    buildsOn.forEach(add);
    if (keysOf && !parts.has(keysOf)) parts.set(`keys of ${keysOf}`, { config: '', credentials: filesOfBlock(keysOf).credentials });
    parts.set(name, filesOfBlock(name));
  };
  add(header);
  const files = [...parts.values()];
  return {
    config: withAlicesKeys(files.map((f) => f.config).join('\n')),
    credentials: withAlicesKeys(files.map((f) => f.credentials).join('\n')),
  };
}
