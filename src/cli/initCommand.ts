import fs from 'node:fs';
import path from 'node:path';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type ShellName = (typeof SHELLS)[number];

/** The integration script, read from shell/ so `awsenv init` and sourcing the file give the very same code. */
export function shellIntegration(shell: ShellName): string {
  // Compiled to dist/src/cli/; shell/ sits at the package root.
  return fs.readFileSync(path.join(__dirname, '..', '..', '..', 'shell', `awsenv.${shell}`), 'utf8');
}
