import type { Step } from './types';

/**
 * Whether a step gives long-term keys, from which an MFA session can start and a role may last over an hour: keys
 * written without a session token, and what a credential_process prints, which resolve() cannot see and takes to be
 * long-term, as keys in the credentials file are (the MFA session's provider refuses it when it is not).
 */
export const givesLongTermKeys = (step: Step): boolean => (step.kind === 'static' && !step.sessionToken) || step.kind === 'process';
