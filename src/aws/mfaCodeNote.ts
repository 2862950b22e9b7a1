import type { SdkCallAbout } from './sdkCallAbout';

/**
 * What a failed call that carried an MFA code did to the code, for the hint: a code works once, so the person must
 * know whether to type the same one again. `unused` only when the request cannot have reached the service (no
 * connection, turned away before it was read); an answer lost on the way back may follow a spent code.
 */
export function mfaCodeNote(call: SdkCallAbout, unused: boolean): string | undefined {
  if (!call.mfaCode) return undefined;
  return unused
    ? `${call.service} did not use the MFA code: run again with the same code while your device still shows it.`
    : `${call.service} may have used the MFA code before the call failed: wait for the next code, then run again.`;
}
