import { configError } from '../core/errors';
import { ASSUME_ROLE_SECONDS, ROLE_CHAINING_MAX_SECONDS, SESSION_TOKEN_SECONDS } from './limits';
import { givesLongTermKeys } from './longTermKeys';
import type { Step } from './types';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** AWS's rules on each step's values, so that a value AWS would refuse fails before any prompt or call. */
export function checkChain(steps: readonly Step[]): void {
  steps.forEach((step, index) => {
    const fail = (message: string, hint?: string) => {
      throw configError(message, step.profile, hint);
    };
    if (step.kind === 'sessionToken') {
      checkRange(step.durationSeconds, SESSION_TOKEN_SECONDS, fail, 'an MFA session');
    }
    if (step.kind === 'webIdentity' && !ROLE_ARN.test(step.roleArn)) fail(`role ARN "${step.roleArn}" is not an IAM role ARN`, 'It looks like arn:aws:iam::123456789012:role/name.');
    if (step.kind === 'assumeRole') {
      if (!ROLE_ARN.test(step.roleArn)) fail(`role_arn "${step.roleArn}" is not an IAM role ARN`, 'It looks like arn:aws:iam::123456789012:role/name.');
      if (step.roleSessionName !== undefined && !SESSION_NAME.test(step.roleSessionName)) {
        fail(`role_session_name "${step.roleSessionName}" must be 2 to 64 letters, digits or +=,.@_-`);
      }
      if (step.durationSeconds !== undefined) {
        checkRange(step.durationSeconds, ASSUME_ROLE_SECONDS, fail, 'a role session');
        // AWS counts any temporary source as role chaining, an MFA session included.
        const source = steps[index - 1];
        const chained = !givesLongTermKeys(source);
        if (chained && step.durationSeconds > ROLE_CHAINING_MAX_SECONDS) {
          fail(`a role assumed with temporary credentials (here from ${source.kind === 'static' ? 'a session token' : source.kind === 'sessionToken' ? 'an MFA session' : source.kind === 'login' ? 'a console sign-in' : 'another role'}) lasts at most 1 hour, not ${step.durationSeconds} seconds`, 'AWS limits role chaining to 3600 seconds: lower duration_seconds or --duration.');
        }
      }
    }
  });
}

function checkRange(seconds: number, range: { min: number; max: number }, fail: (m: string) => never, what: string) {
  if (seconds < range.min || seconds > range.max) {
    fail(`${what} lasts ${range.min} to ${range.max} seconds (15m to ${range.max / 3600}h), not ${seconds}`);
  }
}
