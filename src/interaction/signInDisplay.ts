import { dieOf } from '../core/dieOf';
import type { Env } from '../core/env';
import { spokenSeconds } from '../core/time';
import type { SignInDisplay } from '../sso/signIn';
import type { SignInReason } from '../sso/ssoAccessToken';
import type { FlowChoice } from '../sso/signInFlow';

const WHY: Record<SignInReason, (startUrl: string) => string> = {
  none: (startUrl) => `not signed in to IAM Identity Center at ${startUrl}; signing in`,
  rejected: (startUrl) => `IAM Identity Center no longer accepts the sign-in to ${startUrl} (signed out elsewhere?); signing in again`,
  refreshRefused: (startUrl) => `IAM Identity Center did not renew the sign-in to ${startUrl}; signing in again`,
  expired: (startUrl) => `the IAM Identity Center sign-in to ${startUrl} has expired; signing in again`,
};

/**
 * The line before a sign-in that a command needs on its way, so the person knows why a browser opens, and to which
 * start URL they are about to sign in.
 */
export const announceSignIn = (out: NodeJS.WriteStream, profile: string, startUrl: string, reason: SignInReason) => out.write(`awsenv: profile "${profile}": ${WHY[reason](startUrl)}\n`);

const FLOW_NAMES = { authCode: 'through a browser on this machine (authorization code with PKCE)', deviceCode: 'with a device code' } as const;

/** The one line that says which sign-in flow runs and why; over SSH, how the browser flow could work after all. */
export const announceFlow = (out: NodeJS.WriteStream, choice: FlowChoice, sshAdvice?: string) =>
  out.write(`awsenv: signing in ${FLOW_NAMES[choice.flow]}: ${choice.reason}\n${sshAdvice ? `awsenv: ${sshAdvice}\n` : ''}`);

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * The sign-in prompt on stderr: the URL and code, then a spinner on a terminal, or one plain line where output is
 * logged (no terminal, or CI set), so logs hold no animation.
 */
export function signInDisplay(out: NodeJS.WriteStream, env: Env): SignInDisplay {
  const animated = Boolean(out.isTTY) && !env.CI;
  let timer: NodeJS.Timeout | undefined;
  let announced = false;
  let stopErasing: (() => void) | undefined;
  const erase = () => void out.write('\r\x1b[K');
  return {
    prompt({ url, userCode, expiresInSeconds }) {
      const span = spokenSeconds(expiresInSeconds);
      // The code is always printed: the page may be opened on another device, where nothing else ties it to this run.
      const check = userCode ? `  and check that it shows the code ${userCode} (valid for ${span})\n` : `  on this machine (awsenv waits ${span} for the browser to come back)\n`;
      out.write(`awsenv: sign in to IAM Identity Center in a browser:\n  open ${url}\n${check}`);
    },
    waiting() {
      if (announced) return;
      announced = true;
      if (!animated) {
        out.write('awsenv: waiting for the sign-in to be approved...\n');
        return;
      }
      let frame = 0;
      timer = setInterval(() => out.write(`\r${FRAMES[frame++ % FRAMES.length]} waiting for the sign-in to be approved`), 100);
      timer.unref();
      stopErasing = eraseOnEnd(erase);
    },
    done() {
      if (!timer) return;
      clearInterval(timer);
      stopErasing?.();
      erase();
    },
  };
}

// SIGHUP is left alone: the terminal the line is on has gone.
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * While the spinner turns, a Ctrl-C, a kill or an exit from anywhere would leave its line on the terminal, under the
 * shell's next prompt: the line is erased first, and a signal then ends awsenv as it would have (so the shell stops
 * the rest of its command line). Gives the function that stops watching.
 */
function eraseOnEnd(erase: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    erase();
    process.exit(dieOf(signal));
  };
  for (const signal of ENDING_SIGNALS) process.on(signal, onSignal);
  process.on('exit', erase);
  return () => {
    for (const signal of ENDING_SIGNALS) process.off(signal, onSignal);
    process.off('exit', erase);
  };
}
