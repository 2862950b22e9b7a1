import fs from 'node:fs';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { FakeSts } from '../fakes/sts';
import { EXPORTED_NAMES } from '../../src/render/plan';
import { makeHome } from '../support/cli';
import { runInShell, shellEnv, type Shell } from '../support/shellRun';
import { INTEGRATION_SHELLS, STATUS_VAR, awsuseCalls, loadIntegration, statusesOf, type IntegrationShell } from '../support/shellIntegration';
import { ALICE, ADMIN_ROLE, CONFIG, CREDENTIALS, READONLY_ROLE, startWorld } from '../support/stsWorld';

/**
 * The core issue's "done when": in a real bash, zsh and fish with the integration loaded, `awsuse admin` with an MFA
 * code and then `awsuse readonly` with none (and no terminal) leave the readonly role's credentials in the shell,
 * from one MFA session; `awsuse -u` clears them and an unknown profile leaves them alone.
 */

let sts: FakeSts;
const homes: string[] = [];
beforeEach(async () => {
  sts = await startWorld();
});
afterEach(() => sts.close());
afterAll(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWSENV_PROFILE'] as const;
const NAMES = [...new Set([...KEYS, ...EXPORTED_NAMES])];
// Never a value awsenv exports, and never a variable name either.
const UNSET = '=unset';
const SNAPSHOT = '=snapshot';

// setsid: the shell has no controlling terminal, even when the tests run from one, so no prompt can rescue a miss.
const detached = (shell: Shell): Shell => ({ ...shell, command: ['setsid', '-w', ...shell.command] });

/** Prints the KEYS, in order, NUL-separated, UNSET for one that is not set. */
function snapshot(shell: Shell): string {
  const each = KEYS.map((name) =>
    shell.dialect === 'fish'
      ? `if set -q ${name}; printf '%s\\0' "$${name}"; else; printf '%s\\0' '${UNSET}'; end`
      : `printf '%s\\0' "\${${name}-${UNSET}}"`,
  );
  return [`printf '%s\\0' '${SNAPSHOT}'`, ...each].join('\n');
}

const snapshotsOf = (output: string): Record<string, string>[] =>
  output
    .split(`${SNAPSHOT}\0`)
    .slice(1)
    .map((part) => Object.fromEntries(KEYS.map((name, i) => [name, part.split('\0')[i]])));

async function callerArn(vars: Record<string, string>): Promise<string | undefined> {
  const client = new STSClient({
    region: 'us-east-1',
    endpoint: sts.url,
    credentials: { accessKeyId: vars.AWS_ACCESS_KEY_ID, secretAccessKey: vars.AWS_SECRET_ACCESS_KEY, sessionToken: vars.AWS_SESSION_TOKEN },
  });
  try {
    return (await client.send(new GetCallerIdentityCommand({}))).Arn;
  } finally {
    client.destroy();
  }
}

// readonly has no region, and the switch from admin clears the one awsenv exported for admin: the hint follows.
const READONLY_REGION_HINT = 'awsenv: hint: profile "readonly" has no region, and neither AWS_REGION nor [default] gives one: add region = REGION to it, or pass --region REGION\n';
const asPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(INTEGRATION_SHELLS.map((integration) => [integration.shell.name, integration] as const))(
  'awsuse admin, then readonly, in %s',
  (_name, integration: IntegrationShell) => {
    test('one MFA session for both roles; readonly\'s credentials in the shell; awsuse -u clears; nosuch keeps', async () => {
      const { home, binDir } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
      homes.push(home);
      const shell = detached(integration.shell);
      const { body, args } = awsuseCalls(shell, [['admin', '--mfa-code', '123456'], ['readonly'], ['nosuch'], ['-u']]);
      const [admin, readonly, nosuch, bare] = body.split('\n');
      const result = await runInShell(shell, {
        setup: loadIntegration(integration, 'awsenv init'),
        body: [admin, readonly, snapshot(shell), nosuch, snapshot(shell), bare].join('\n'),
        args,
        names: [...NAMES, STATUS_VAR],
        env: shellEnv(home, { AWS_ENDPOINT_URL_STS: sts.url }, [binDir]),
        cwd: home,
      });

      expect(result.setupOutput).toBe('');
      // stderr beside the statuses, so that a failing awsuse says why. Only nosuch may complain; each export says
      // what it left in the shell, the account and role from the role's ARN alone.
      const [admin0, readonly0, nosuch0, bare0, ...extra] = statusesOf(result);
      expect({ statuses: [admin0, readonly0, nosuch0 > 0, bare0, ...extra], stderr: result.stderr }).toEqual({
        statuses: [0, 0, true, 0],
        stderr: expect.stringMatching(
          new RegExp(String.raw`^awsenv: using profile "admin": role admin in account 222222222222, until \d\d:\d\d \((59m|1h00m) left\)\nawsenv: using profile "readonly": role readonly in account 333333333333, until \d\d:\d\d \((59m|1h00m) left\)\n` + asPattern(READONLY_REGION_HINT) + 'awsenv: profile "nosuch": not found[^]*$'),
        ),
      });
      expect(result.stderr).not.toMatch(/MFA|terminal/);

      // Exactly one MFA session, both roles assumed with it, nothing more (nosuch and awsuse -u call nothing).
      expect(sts.calls.map((c) => [c.action, c.params.RoleArn, c.params.TokenCode, c.status])).toEqual([
        ['GetSessionToken', undefined, '123456', 200],
        ['AssumeRole', ADMIN_ROLE, undefined, 200],
        ['AssumeRole', READONLY_ROLE, undefined, 200],
      ]);
      const [session, , assumeReadonly] = sts.calls;
      expect(session.accessKeyId).toBe(ALICE.accessKeyId);
      expect(session.params.SerialNumber).toBe(ALICE.mfaSerial);
      expect(sts.calls[1].accessKeyId).toBe(session.issuedAccessKeyId);
      expect(assumeReadonly.accessKeyId).toBe(session.issuedAccessKeyId);

      const issued = sts.issued.find((credentials) => credentials.accessKeyId === assumeReadonly.issuedAccessKeyId);
      expect(issued).toBeDefined();
      const expected = {
        AWS_ACCESS_KEY_ID: issued!.accessKeyId,
        AWS_SECRET_ACCESS_KEY: issued!.secretAccessKey,
        AWS_SESSION_TOKEN: issued!.sessionToken,
        AWSENV_PROFILE: 'readonly',
      };
      const [afterReadonly, afterNosuch, ...more] = snapshotsOf(result.bodyOutput);
      expect(more).toEqual([]);
      expect(afterReadonly).toEqual(expected);
      expect(afterNosuch).toEqual(expected);

      // awsuse -u: gone from the shell and from what its children inherit.
      expect(NAMES.filter((name) => result.vars.has(name))).toEqual([]);
      expect(NAMES.filter((name) => result.exported.has(name))).toEqual([]);

      // The credentials work, as the readonly role.
      expect(await callerArn(afterReadonly)).toMatch(/^arn:aws:sts::333333333333:assumed-role\/readonly\/awsenv-\d+$/);
    });

    // Regression: `awsuse admin` exports admin's region (eu-central-1); the next awsuse took that AWS_REGION as the
    // region of alice's MFA-session step, whose cache key holds its region, so the cached session was missed and a
    // second MFA code was needed (no terminal here: exit 4).
    test('the region an earlier awsuse exported does not make the next one miss the cached MFA session', async () => {
      const { home, binDir } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
      homes.push(home);
      const shell = detached(integration.shell);
      const { body, args } = awsuseCalls(shell, [['admin', '--mfa-code', '123456'], ['admin'], ['readonly']]);
      const result = await runInShell(shell, {
        setup: loadIntegration(integration, 'awsenv init'),
        body,
        args,
        names: ['AWS_REGION', 'AWSENV_PROFILE', STATUS_VAR],
        env: shellEnv(home, { AWS_ENDPOINT_URL_STS: sts.url }, [binDir]),
        cwd: home,
      });
      expect({ statuses: statusesOf(result), stderr: result.stderr.replace(/until \d\d:\d\d \((59m|1h00m) left\)/g, 'until HH:MM') }).toEqual({
        statuses: [0, 0, 0],
        stderr: [
          'awsenv: using profile "admin": role admin in account 222222222222, until HH:MM\n',
          'awsenv: using profile "admin": role admin in account 222222222222, until HH:MM\n',
          'awsenv: using profile "readonly": role readonly in account 333333333333, until HH:MM\n',
          READONLY_REGION_HINT,
        ].join(''),
      });
      expect(sts.calls.map((c) => [c.action, c.params.RoleArn])).toEqual([
        ['GetSessionToken', undefined],
        ['AssumeRole', ADMIN_ROLE],
        ['AssumeRole', READONLY_ROLE],
      ]);
      expect(result.vars.get('AWSENV_PROFILE')).toEqual(['readonly']);
    });
  },
);
