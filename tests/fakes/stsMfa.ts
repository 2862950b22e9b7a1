import { accessDenied } from './stsError';
import { StsState } from './stsTypes';

/**
 * Accepts a code once per device, like a TOTP device that has moved on: a client that replays a code it already
 * used (say, prompting once and calling twice) fails here as it would against AWS.
 */
export function acceptMfaCode(
  state: StsState,
  serialNumber: string | undefined,
  tokenCode: string | undefined,
  serialAllowed: (serial: string) => boolean,
): void {
  if (serialNumber === undefined || !serialAllowed(serialNumber)) {
    throw accessDenied(
      'MultiFactorAuthentication failed, unable to validate MFA code. '
        + 'Please verify your MFA serial number is valid and associated with this user.',
    );
  }
  const used = state.usedCodes.get(serialNumber) ?? new Set<string>();
  const wellFormed = tokenCode !== undefined && /^\d{6}$/.test(tokenCode);
  if (!wellFormed || state.rejectCodes.includes(tokenCode) || used.has(tokenCode)) {
    throw accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
  }
  used.add(tokenCode);
  state.usedCodes.set(serialNumber, used);
}
