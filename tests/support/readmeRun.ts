import fs from 'node:fs';
import path from 'node:path';
import { runProcess } from './cli';
import { startTtySession, withoutControls, type TtySession } from './ttySession';

/** What a README line did in the shell it was typed into. */
export interface LineRun {
  readonly code: number | null;
  /** What the line printed on stdout; on a terminal, everything the terminal showed. */
  readonly stdout: string;
  /** What it printed on stderr; on a terminal, the same screen as stdout. */
  readonly stderr: string;
  /** The environment the shell holds after the line: what the next command typed there gets. */
  readonly env: Readonly<Record<string, string>>;
}

export interface LineSession {
  readonly shell: 'bash' | 'fish';
  /** Lines typed first in the same shell, as setup; one that fails ends the run (exit 99). */
  readonly before: readonly string[];
  readonly line: string;
  /** The shell's whole environment; it starts in $HOME. */
  readonly env: NodeJS.ProcessEnv;
  /** Runs the shell on a terminal of its own, and plays the person at it (types a code, approves a page). */
  readonly person?: (tty: TtySession) => Promise<void>;
}

// Splits the setup's output from the line's: what the README shows is what the line alone printed.
const MARK = '=readme-line';
const ENV_FILE = '.readme-env-after';

function script({ shell, before, line }: LineSession): string {
  if (shell === 'fish') {
    const setup = before.map((b) => `${b}; or exit 99`);
    return ['cd $HOME', 'awsenv init fish | source', ...setup, `echo ${MARK}; echo ${MARK} >&2`, line, 'set -l line_status $status', `env -0 > $HOME/${ENV_FILE}`, 'exit $line_status', ''].join('\n');
  }
  const setup = before.map((b) => `${b} || exit 99`);
  return ['cd "$HOME"', 'eval "$(awsenv init bash)"', ...setup, `echo ${MARK}; echo ${MARK} >&2`, line, 'line_status=$?', `env -0 > "$HOME/${ENV_FILE}"`, 'exit "$line_status"', ''].join('\n');
}

const afterMark = (text: string) => (text.includes(`${MARK}\n`) ? text.slice(text.lastIndexOf(`${MARK}\n`) + MARK.length + 1) : text);

/** Types the README's line into a real bash (or fish) with awsenv's integration loaded, and reads what it left. */
export async function runReadmeLine(session: LineSession): Promise<LineRun> {
  const home = session.env.HOME!;
  const file = path.join(home, `readme-line.${session.shell}`);
  fs.writeFileSync(file, script(session));
  const argv = session.shell === 'fish' ? ['fish', '--no-config', file] : ['bash', '--norc', '--noprofile', file];
  let code: number | null;
  let stdout: string;
  let stderr: string;
  if (session.person) {
    const tty = startTtySession(argv.join(' '), session.env);
    await tty.waitFor(MARK, 2, 20000);
    await session.person(tty);
    const ended = await tty.exit(30000);
    code = ended.code;
    stdout = stderr = afterMark(withoutControls(ended.screen).replace(/\r\n/g, '\n'));
  } else {
    const result = await runProcess(argv[0], argv.slice(1), { env: session.env, timeoutMs: 40000 });
    ({ code } = result);
    stdout = afterMark(result.stdout);
    stderr = afterMark(result.stderr);
  }
  if (code === 99) throw new Error(`a line typed before "${session.line}" failed:\n${stderr}`);
  return { code, stdout, stderr, env: readEnvFile(path.join(home, ENV_FILE)) };
}

/** What `env -0 > FILE` wrote, or nothing when no such file was written. */
export function readEnvFile(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  const entries = fs.readFileSync(file, 'utf8').split('\0').filter(Boolean);
  return Object.fromEntries(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}
