import { writeStderr } from './writeAllSync';

export interface Logger {
  /** Shown only with --debug. */
  debug(message: string): void;
  /** Always shown on stderr: something went wrong but awsenv carries on. */
  warn(message: string): void;
  /** Always shown on stderr: what awsenv is doing while the person waits ("waiting for another awsenv ..."). */
  notice(message: string): void;
}

/** Everything but the shell code goes to stderr; debug lines only with --debug. */
export function stderrLogger(debug: boolean): Logger {
  return {
    debug: (message) => {
      if (debug) writeStderr(`awsenv: ${message}\n`);
    },
    warn: (message) => writeStderr(`awsenv: warning: ${message}\n`),
    notice: (message) => writeStderr(`awsenv: ${message}\n`),
  };
}
