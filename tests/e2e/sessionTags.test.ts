import fs from 'node:fs';
import type { FakeSts } from '../fakes/sts';
import { expectCleanFailure, makeHome, runCli } from '../support/cli';
import { CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

let sts: FakeSts;
beforeEach(async () => {
  sts = await startWorld();
});
afterEach(() => sts.close());

/** The world's partner role (no MFA) with these lines added to it. */
function partnerWith(lines: string) {
  const { home, env } = makeHome({ config: CONFIG.replace('[profile partner]\n', `[profile partner]\n${lines}`), credentials: CREDENTIALS });
  return { home, env: { ...env, AWS_ENDPOINT_URL_STS: sts.url } };
}

describe('session_tags and transitive_session_tags', () => {
  test('reach AssumeRole and the role session; they are part of the cache key', async () => {
    const { home, env } = partnerWith('session_tags = team=web, env=prod\ntransitive_session_tags = team\n');
    const first = await runCli(['partner'], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(sts.calls.map((c) => c.action)).toEqual(['AssumeRole']);
    expect(sts.issued[0].identity).toMatchObject({ sessionTags: { team: 'web', env: 'prod' }, transitiveTagKeys: ['team'] });

    expect((await runCli(['partner'], { env })).stdout).toBe(first.stdout);
    expect(sts.calls).toHaveLength(1);

    fs.writeFileSync(`${home}/.aws/config`, fs.readFileSync(`${home}/.aws/config`, 'utf8').replace('env=prod', 'env=dev'));
    const retagged = await runCli(['partner'], { env });
    expect(retagged.code).toBe(0);
    expect(sts.calls).toHaveLength(2);
    expect(sts.issued[1].identity.sessionTags).toEqual({ team: 'web', env: 'dev' });
  });

  test('a transitive key that is not a tag is a configuration error before any call', async () => {
    const { env } = partnerWith('session_tags = team=web\ntransitive_session_tags = env\n');
    expectCleanFailure(await runCli(['partner'], { env }), 3, 'awsenv: profile "partner": has "env" in transitive_session_tags, which session_tags does not set');
    expect(sts.calls).toEqual([]);
  });
});
