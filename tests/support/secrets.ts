/**
 * Every secret the tests' world holds: the long-term keys of its people, and every secret the fake endpoints hand
 * out (secret keys, session tokens, SSO access and refresh tokens, client secrets, ID tokens), noted as they are
 * made. Each awsenv run's stderr, and each terminal's screen, is checked against them: stdout carries credentials
 * by design, nothing else ever may.
 */
const secrets = new Set<string>();

/** Shorter strings would match by chance. */
const MIN_LENGTH = 12;

export function noteSecret(...values: ReadonlyArray<string | undefined>): void {
  for (const value of values) if (value && value.length >= MIN_LENGTH) secrets.add(value);
}

/** Throws, naming where and the secret's first characters only, if `text` holds any known secret. */
export function expectNoSecret(where: string, text: string): void {
  for (const secret of secrets) {
    if (text.includes(secret)) throw new Error(`${where} shows a secret (${secret.slice(0, 6)}…):\n${text.replaceAll(secret, '<the secret>')}`);
  }
}
