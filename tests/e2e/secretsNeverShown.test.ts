import { runProcess } from '../support/cli';
import { expectNoSecret, noteSecret } from '../support/secrets';
import { ALICE } from '../support/world';

// Every process the suite runs has its stderr checked against every secret the world holds and the fakes hand out
// (tests/support/secrets.ts); this file shows that the check bites.

test('a long-term secret of the world on stderr fails the run that printed it', async () => {
  await expect(runProcess('sh', ['-c', `printf '%s\\n' "$1" >&2`, 'sh', `key: ${ALICE.secretAccessKey}`])).rejects.toThrow('shows a secret (alice/…)');
});

test('a secret is told by its first characters only, and replaced in the text shown', () => {
  const secret = 'fake-session-token-0123456789';
  noteSecret(secret);
  let message = '';
  try {
    expectNoSecret('here', `before ${secret} after`);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toBe('here shows a secret (fake-s…):\nbefore <the secret> after');
});

test('stderr without secrets passes', async () => {
  await expect(runProcess('sh', ['-c', 'echo fine >&2'])).resolves.toMatchObject({ code: 0, stderr: 'fine\n' });
});
