/** How a command run by awsenv ended: its exit code (null when stopped at the time limit), and what it printed. */
interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the command could not be started at all. */
  readonly error?: NodeJS.ErrnoException;
}

/**
 * Runs argv without a shell, as the AWS CLI runs credential_process, and stops waiting after timeoutMs. stdin stays
 * the user's, so the command may ask on the terminal as it would under the AWS CLI; with passStderr its stderr is the
 * user's too, for a command that talks to the person as it works ("touch your security key").
 */
export async function runCommand(argv: readonly string[], timeoutMs: number, { passStderr = false } = {}): Promise<CommandResult> {
  // Loaded here: child_process costs start-up time, and only these paths spawn.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    // Not detached: a command may ask on the terminal, and a new session would have none.
    const child = spawn(argv[0], argv.slice(1), { stdio: ['inherit', 'pipe', passStderr ? 'inherit' : 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      // A grandchild may still hold the pipes open: stop waiting for them.
      child.stdout!.destroy();
      child.stderr?.destroy();
      resolve({ code: null, stdout, stderr });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr, error });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal === 'SIGKILL' ? null : code ?? -1, stdout, stderr });
    });
  });
}
