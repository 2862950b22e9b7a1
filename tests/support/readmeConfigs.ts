import { filesOf, firstHeader, readmeBlocks, type ReadmeBlock } from './readmeBlocks';
import { ALICE } from './world';

/**
 * The README's config blocks, by their first header, and the blocks each one builds on: the README shows a role's
 * profile without the keys of its source ("the keys of profile1 as above"), and those keys as placeholders.
 */
export const CONFIGS_BY_HEADER: Record<string, { readonly buildsOn: readonly string[] }> = {
  '[profile1]': { buildsOn: [] },
  // The mfa_process example: the same profile1, with the keys of its first block.
  '[profile profile1]': { buildsOn: ['[profile1]'] },
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

/** The files the README's blocks make, taken in order (a later one's sections add to and win over an earlier's). */
export function readmeFiles(...headers: readonly string[]): { config: string; credentials: string } {
  const blocks = configBlocks();
  const files = headers.map((header) => {
    const block = blocks.find((b) => firstHeader(b) === header);
    if (!block) throw new Error(`the README has no config block starting with ${header}`);
    return filesOf(block);
  });
  return {
    config: withAlicesKeys(files.map((f) => f.config).join('\n')),
    credentials: withAlicesKeys(files.map((f) => f.credentials).join('\n')),
  };
}

/** The block with the blocks it builds on before it. */
export const readmeFilesOf = (header: string) => readmeFiles(...(CONFIGS_BY_HEADER[header]?.buildsOn ?? []), header);
