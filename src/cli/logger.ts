import type { Logger } from '../providers/deps';

/** Everything but the shell code goes to stderr; debug lines only with --debug. */
export function stderrLogger(debug: boolean): Logger {
  return {
    debug: (message) => {
      if (debug) process.stderr.write(`awsenv: ${message}\n`);
    },
    warn: (message) => process.stderr.write(`awsenv: warning: ${message}\n`),
  };
}
