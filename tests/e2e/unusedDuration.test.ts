import { makeHome, runCli } from '../support/cli';
import { CONFIG, CREDENTIALS } from '../support/stsWorld';

// A setting awsenv cannot honour is said once on stderr, never dropped in silence; the export itself goes on.
test('--duration on long-term keys: one warning on stderr, and the keys exported', async () => {
  const { env } = makeHome({ config: CONFIG, credentials: `${CREDENTIALS}[static]\naws_access_key_id = AKIASTATIC0000000001\naws_secret_access_key = s\n` });
  const result = await runCli(['static', '--duration', '1h'], { env });
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("export AWS_ACCESS_KEY_ID='AKIASTATIC0000000001';");
  expect(result.stderr).toBe('awsenv: warning: --duration does not apply to profile "static" and is ignored: long-term keys do not expire\n');
});
