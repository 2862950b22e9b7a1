import { hintAtTerminal } from './hintAtTerminal';

/** Tells a person at a terminal that the profile gave long-term keys and how to get an MFA session instead. */
export const hintLongTermKeys = (profile: string): Promise<void> =>
  hintAtTerminal(() => `awsenv: hint: profile "${profile}" gave long-term keys; for an MFA session instead, add mfa_serial = ARN to it, or run: awsenv mfa setup ${profile}`);
