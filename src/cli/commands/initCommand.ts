import fs from 'node:fs';
import path from 'node:path';
import type { CommandOf, ShellName } from '../command';

/** `awsenv init SHELL`: the shell integration. */
export const initCommand = async (command: CommandOf<'init'>): Promise<string> => shellIntegration(command.shell);

/** The file of each shell's integration in shell/: PowerShell's needs the extension PowerShell runs. */
export const INTEGRATION_FILES: Readonly<Record<ShellName, string>> = { bash: 'awsenv.bash', zsh: 'awsenv.zsh', fish: 'awsenv.fish', powershell: 'awsenv.ps1' };

/** The integration script, read from shell/ so `awsenv init` and sourcing the file give the very same code. */
export function shellIntegration(shell: ShellName): string {
  return fs.readFileSync(path.join(shellDir(), INTEGRATION_FILES[shell]), 'utf8');
}

// shell/ sits at the package root, above the bundled bin (dist/) and the compiled sources (dist/src/cli/) alike.
function shellDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shell');
    if (fs.existsSync(path.join(candidate, 'awsenv.bash'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`the shell/ directory of awsenv is missing above ${__dirname}`);
  }
}
