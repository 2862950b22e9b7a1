/**
 * The 6 digits of an MFA code written the way authenticator apps show it ("135 790", "135-790"), or undefined when
 * the text is no code. Every way a code comes in (the prompt, --mfa-code, AWSENV_MFA_CODE, stdin, mfa_process) reads
 * it through here, so a code copied from one is accepted by all.
 */
export function mfaCodeIn(text: string): string | undefined {
  // One line: a command that prints "123\n456" has printed no code.
  const line = text.trim();
  if (/[\r\n]/.test(line)) return undefined;
  const digits = line.replace(/[^\S\r\n]|-/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}
