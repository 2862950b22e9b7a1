import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, writingFile } from '../core/atomicWrite';

/**
 * Rewrites the config file with `edit` applied to its text, keeping the previous file beside it as
 * `FILE.awsenv-backup` (private, written atomically like the file itself). A config file that is a link (a dotfiles
 * checkout) stays one: the file it points to is replaced. A missing file, and its directory, are created as the AWS
 * CLI would. Gives the backup's path, or undefined when there was no file before; `changed` is false, and nothing is
 * written, when the edit changed nothing.
 */
export function rewriteConfigFile(file: string, edit: (text: string) => string): { changed: boolean; backup?: string } {
  const target = linkTarget(file);
  const before = fs.existsSync(target) ? writingFile(file, () => fs.readFileSync(target, 'utf8')) : undefined;
  const after = edit(before ?? '');
  if (after === before) return { changed: false };
  const backup = `${file}.awsenv-backup`;
  if (before !== undefined) writingFile(backup, () => writeFileAtomic(backup, before));
  writingFile(file, () => {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    writeFileAtomic(target, after);
  });
  return before === undefined ? { changed: true } : { changed: true, backup };
}

function linkTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
