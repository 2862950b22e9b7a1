import fs from 'node:fs';
import path from 'node:path';
import { startFakeFederation, type FakeFederation } from '../fakes/federation';
import { startFakeIam, type FakeIam } from '../fakes/iam';
import { CONSOLE_SESSION, startFakeSignin, type FakeSignin } from '../fakes/signin';
import { startFakeSso, ssoRoleArn, ssoSessionArn, type FakeSso } from '../fakes/sso';
import { startFakeSts, type FakeSts } from '../fakes/sts';
import { makeHome } from '../support/cli';
import { commandsOf, firstHeader, readmeBlocks, shownPattern, type ReadmeBlock, type ShownCommand } from '../support/readmeBlocks';
import { CONFIGS_BY_HEADER, readmeFiles } from '../support/readmeConfigs';
import { readEnvFile, runReadmeLine, type LineRun } from '../support/readmeRun';
import { answerInBrowser, browserCommand } from '../support/ssoBrowser';
import { SSO_USER, tokenFile } from '../support/ssoWorld';
import { ADMIN_ROLE, ALICE, READONLY_ROLE } from '../support/stsWorld';
import { killTtySessions, withoutControls, type TtySession } from '../support/ttySession';

/**
 * Every command line the README shows is typed, as written, into a real bash (fish for the fish line) with the
 * integration loaded and the built CLI on PATH, against the fakes, and its effect checked: the credentials exported
 * are those the fakes issued, and what a transcript shows it printing is what it prints. A line without a scenario
 * here or a reason below, or a block that is neither commands, a config (readmeConfigs.test.ts) nor explained, fails.
 */

const BLOCKS_NOT_COMMANDS: Record<string, string> = {
  '# bash (~/.bashrc): [admin (42m)] before the prompt while credentials are exported': 'covered by tests/shell/prompt.test.ts',
  '# zsh (~/.zshrc): through psvar, so a % in a profile name stays a %, not a prompt escape': 'covered by tests/shell/prompt.test.ts',
  '# fish (~/.config/fish/config.fish): on the right': 'covered by tests/shell/prompt.test.ts',
  '# starship (~/.config/starship.toml): a custom module, run only while credentials are exported': 'covered by tests/shell/prompt.test.ts',
  'awsenv: the credentials of profile "admin" expire in 9m: awsuse admin': "the prompt hook's warning: covered by tests/shell/expiryHook.test.ts",
  'awsenv: profile "alice" (on the way to "admin"): AWS rejected the MFA code for arn:aws:iam::111111111111:mfa/alice': 'an example of an error message, not a command',
  'awsenv [PROFILE] [flags]          the same as awsenv export PROFILE': 'the command reference, not commands',
};

const LINES_NOT_RUN: Record<string, string> = {
  'npm ci && npm run demo': 'the demo: covered by tests/scripts/demo.test.ts',
  'npm ci && npm test': 'what CI runs: this test is part of it',
  'export AWS_REGION=us-east-1 AWS_PROFILE=mine': 'sets the scene: the scenarios of the lines after it type it first',
};

const blocks = readmeBlocks();
const isConfig = (block: ReadmeBlock) => block.language === 'ini';
const isCommands = (block: ReadmeBlock) => ['sh', 'bash'].includes(block.language) || /^\$ /m.test(block.text);
const firstLine = (block: ReadmeBlock) => block.text.split('\n')[0];

/** Each command line of the README, keyed as written; a line shown again is keyed `LINE (2)`, `LINE (3)`. */
function documentedLines() {
  const seen = new Map<string, number>();
  return blocks
    .filter((block) => !(firstLine(block) in BLOCKS_NOT_COMMANDS) && isCommands(block))
    .flatMap(commandsOf)
    .map((command) => {
      const n = (seen.get(command.line) ?? 0) + 1;
      seen.set(command.line, n);
      return { ...command, key: n === 1 ? command.line : `${command.line} (${n})` };
    });
}

let sts: FakeSts;
let sso: FakeSso;
let iam: FakeIam;
let signin: FakeSignin;
let federation: FakeFederation;
// The README's people and roles: alice's keys and MFA device, her roles, a Developer in IAM Identity Center who may
// switch to prod's admin role, and a console sign-in with a deploy role on it.
const PROD_ADMIN_ROLE = 'arn:aws:iam::444444444444:role/admin';
const DEPLOY_ROLE = 'arn:aws:iam::222222222222:role/deploy';
beforeAll(async () => {
  sts = await startFakeSts({
    users: [ALICE],
    roles: [
      { arn: ADMIN_ROLE, requireMfa: true, maxSessionDuration: 43200 },
      { arn: READONLY_ROLE, requireMfa: true },
      { arn: PROD_ADMIN_ROLE, trustedPrincipals: [ssoRoleArn('111111111111', 'Developer')] },
      { arn: DEPLOY_ROLE, trustedPrincipals: [CONSOLE_SESSION] },
    ],
  });
  sso = await startFakeSso({
    accounts: [
      { accountId: '111111111111', accountName: 'dev', emailAddress: 'dev@example.com', roles: ['AdministratorAccess', 'Developer'] },
      { accountId: '333333333333', accountName: 'prod', emailAddress: 'prod@example.com', roles: ['ReadOnly'] },
    ],
    userName: SSO_USER,
    sts,
    autoApprove: true,
  });
  iam = await startFakeIam({ users: [{ ...ALICE, mfaSerials: [ALICE.mfaSerial] }] });
  signin = await startFakeSignin('eu-west-1', { sts });
  federation = await startFakeFederation(sts);
}, 20000);
afterAll(async () => {
  await Promise.all([sts.close(), sso.close(), iam.close(), signin.close(), federation.close()]);
});
afterEach(killTtySessions);

// A code is good once per device: every use gets its own.
let codes = 100000;
const nextCode = () => String(++codes);
const withCode = (line: string) => `AWSENV_MFA_CODE=${nextCode()} ${line}`;

interface Context {
  readonly home: string;
  readonly run: LineRun;
}

interface Scenario {
  /** The README's config blocks (by their first header) the line runs against, in order. */
  readonly configs: readonly string[];
  /** Only the credentials file of those blocks: the keys of a profile that names no MFA device. */
  readonly credentialsOnly?: true;
  /** Config the README describes in words only ("prod has region = eu-west-1"), instead of its blocks. */
  readonly config?: string;
  readonly before?: readonly string[];
  readonly env?: (home: string) => NodeJS.ProcessEnv;
  /** Files a person's earlier work left, such as a sign-in's cache file. */
  readonly setup?: (home: string) => void;
  readonly shell?: 'fish';
  /** On a terminal: what the person does there. */
  readonly person?: (tty: TtySession) => Promise<void>;
  /** Where the README's shown lines appear (stderr unless said), and the parts of them that vary from run to run. */
  readonly shownOn?: 'stdout';
  readonly holes?: (home: string) => ReadonlyArray<readonly [string, string]>;
  /** Why this machine cannot run it, or undefined: said in the test's name. */
  readonly cannotRun?: () => string | undefined;
  check(context: Context): void | Promise<void>;
}

const typesMfaCode = async (tty: TtySession) => {
  await tty.waitFor(`Enter MFA code for ${ALICE.mfaSerial}:`);
  tty.type(`${nextCode()}\r`);
};

/** The identity STS gave the exported credentials, after checking the three values are one set it issued. */
function exportedIdentity(env: Readonly<Record<string, string>>): string | undefined {
  const issued = sts.issued.find((credentials) => credentials.accessKeyId === env.AWS_ACCESS_KEY_ID);
  expect(issued && [issued.secretAccessKey, issued.sessionToken]).toEqual([env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN]);
  return issued?.identity.arn;
}

const ALICE_SESSION = ALICE.arn;
const assumed = (role: string) => new RegExp(`^${role.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/')}/`);
/** Exit 0, and otherwise what it said. */
const succeeded = (run: LineRun) => expect([run.code, run.code === 0 ? '' : run.stderr]).toEqual([0, '']);
const exportedAs = (who: string | RegExp, region?: string) => ({ run }: Context) => {
  succeeded(run);
  expect(exportedIdentity(run.env)).toMatch(who);
  if (region) expect(run.env.AWS_REGION).toBe(region);
};
const ranAs = (who: string | RegExp) => ({ home, run }: Context) => {
  succeeded(run);
  expect(exportedIdentity(readEnvFile(path.join(home, 'tool-saw')))).toMatch(who);
  expect(run.env.AWS_ACCESS_KEY_ID).toBeUndefined();
};
const signedIn = ({ home, run }: Context) => {
  succeeded(run);
  expect(fs.existsSync(tokenFile(home, 'corp'))).toBe(true);
};
const loginCacheFile = (home: string) => path.join(home, '.aws', 'login', 'cache', `${require('node:crypto').createHash('sha256').update(CONSOLE_SESSION).digest('hex')}.json`);
const seedConsoleSignIn = (home: string) => {
  fs.mkdirSync(path.dirname(loginCacheFile(home)), { recursive: true });
  fs.writeFileSync(loginCacheFile(home), JSON.stringify(signin.seedSignIn(CONSOLE_SESSION, { region: 'eu-west-1' })), { mode: 0o600 });
};
/** What the fake console says it opened for a sign-in URL: "console for WHO at DESTINATION". */
const consoleOpened = async (url: string) => (await (await fetch(url.trim(), { redirect: 'follow' })).text());
const opened = (home: string) => fs.readFileSync(path.join(home, 'browser-opened'), 'utf8');
const TIME = '\\d\\d:\\d\\d';
const ISO_TIME = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ';
const inContainer = () => (fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv') ? 'this machine is a container, where awsenv chooses the device code' : undefined);
const SERIAL_FLAG = `--mfa-serial ${ALICE.mfaSerial}`;

// The switching example's profiles, as its comments describe them.
const SWITCHING = `[profile prod]\nregion = eu-west-1\n\n[profile sandbox]\n`;
const SWITCHING_KEYS = `[prod]\naws_access_key_id = ${ALICE.accessKeyId}\naws_secret_access_key = ${ALICE.secretAccessKey}\n\n[sandbox]\naws_access_key_id = ${ALICE.accessKeyId}\naws_secret_access_key = ${ALICE.secretAccessKey}\n`;

const SCENARIOS: Record<string, Scenario> = {
  // The opening lines.
  'awsuse profile1': { configs: ['[profile1]'], person: typesMfaCode, check: exportedAs(ALICE_SESSION, 'eu-west-1') },
  'awsenv exec profile1 -- terraform plan': { configs: ['[profile1]'], env: () => ({ AWSENV_MFA_CODE: nextCode() }), check: ranAs(ALICE_SESSION) },
  'creds=$(awsenv profile1) && eval "$creds"': { configs: ['[profile1]'], env: () => ({ AWSENV_MFA_CODE: nextCode() }), check: exportedAs(ALICE_SESSION, 'eu-west-1') },
  'awsenv profile1 -f fish | source': { configs: ['[profile1]'], shell: 'fish', env: () => ({ AWSENV_MFA_CODE: nextCode() }), check: exportedAs(ALICE_SESSION, 'eu-west-1') },
  // 1. IAM user with MFA.
  'awsuse profile1 (2)': {
    configs: ['[profile1]'],
    person: typesMfaCode,
    check: async (context) => {
      exportedAs(ALICE_SESSION)(context);
      // "Until they are about to expire, awsuse profile1 again asks for nothing": no terminal, no code, and it works.
      const again = await runReadmeLine({ shell: 'bash', before: [], line: 'awsuse profile1', env: { ...envOf(context.home), ...context.run.env } });
      expect([again.code, exportedIdentity(again.env)]).toEqual([0, ALICE_SESSION]);
    },
  },
  [`awsuse profile1 ${SERIAL_FLAG}`]: { configs: ['[profile1]'], credentialsOnly: true, person: typesMfaCode, check: exportedAs(ALICE_SESSION) },
  [`awsenv exec profile1 ${SERIAL_FLAG} -- terraform plan`]: { configs: ['[profile1]'], credentialsOnly: true, env: () => ({ AWSENV_MFA_CODE: nextCode() }), check: ranAs(ALICE_SESSION) },
  'awsenv mfa setup profile1': {
    configs: ['[profile1]'],
    credentialsOnly: true,
    holes: (home) => [['~', home]],
    check: ({ home, run }) => {
      succeeded(run);
      expect(fs.readFileSync(path.join(home, '.aws', 'config'), 'utf8')).toContain(`[profile profile1]\nmfa_serial = ${ALICE.mfaSerial}\n`);
    },
  },
  // 2. Switching role.
  'awsuse admin': { configs: ['[profile1]', '[profile admin]'], person: typesMfaCode, check: exportedAs(assumed(ADMIN_ROLE), 'eu-central-1') },
  'awsuse readonly': { configs: ['[profile1]', '[profile admin]'], before: [withCode('awsuse admin')], check: exportedAs(assumed(READONLY_ROLE)) },
  // 3. IAM Identity Center.
  'awsenv login dev': { configs: ['[sso-session corp]'], check: signedIn },
  'awsuse dev': { configs: ['[sso-session corp]'], before: ['awsenv login dev 2>/dev/null'], check: exportedAs(ssoSessionArn('111111111111', 'Developer', SSO_USER), 'eu-west-1') },
  'awsenv login dev (2)': {
    configs: ['[sso-session corp]'],
    env: (home) => ({ DISPLAY: ':0', BROWSER: browserCommand('approve', path.join(home, 'visits')) }),
    cannotRun: inContainer,
    holes: () => [['https://oidc.eu-west-1.amazonaws.com', sso.url.replace(/[.]/g, '\\.')], ['2026-12-01T19:02:11Z', ISO_TIME]],
    check: signedIn,
  },
  'awsenv login dev (3)': {
    configs: ['[sso-session corp]'],
    env: () => ({ SSH_CONNECTION: '10.0.0.9 50022 10.0.0.5 22', USER: 'carol' }),
    holes: () => [['https://device.sso.eu-west-1.amazonaws.com/', '\\S+'], ['BCDF-GHJK', '[B-Z]{4}-[B-Z]{4}']],
    check: signedIn,
  },
  'awsenv sso profiles --start-url https://acme.awsapps.com/start --sso-region eu-west-1 --write': {
    configs: [],
    // It signs in on a terminal; the fake approves the sign-in at once.
    person: async () => undefined,
    check: ({ home, run }) => {
      succeeded(run);
      const written = fs.readFileSync(path.join(home, '.aws', 'config'), 'utf8');
      for (const section of readmeFiles('[sso-session acme]').config.trim().split('\n\n')) expect(written).toContain(section);
    },
  },
  // 4. IAM Identity Center, switching role.
  'awsenv login prod-admin': { configs: ['[sso-session corp]', '[profile prod-admin]'], check: signedIn },
  'awsuse prod-admin': { configs: ['[sso-session corp]', '[profile prod-admin]'], before: ['awsenv login prod-admin 2>/dev/null'], check: exportedAs(assumed(PROD_ADMIN_ROLE)) },
  // 5. Console sign-in: from nothing, on a terminal, the code the page shows pasted at it.
  'awsenv login console --region eu-west-1': {
    configs: [],
    person: async (tty) => {
      await tty.waitFor('Enter the authorization code');
      const url = /open (\S+)/.exec(withoutControls(tty.screen()))![1];
      await answerInBrowser(url, 'approve');
      const shown = signin.pending[signin.pending.length - 1];
      tty.type(`${Buffer.from(`state=${shown.state}&code=${shown.code}`).toString('base64')}\r`);
    },
    check: ({ home, run }) => {
      succeeded(run);
      expect(fs.readFileSync(path.join(home, '.aws', 'config'), 'utf8')).toContain(`[profile console]\nlogin_session = ${CONSOLE_SESSION}\nregion = eu-west-1\n`);
      expect(fs.existsSync(loginCacheFile(home))).toBe(true);
    },
  },
  'awsuse console': { configs: ['[profile console]'], setup: seedConsoleSignIn, check: exportedAs(CONSOLE_SESSION, 'eu-west-1') },
  'awsuse deploy': { configs: ['[profile console]'], setup: seedConsoleSignIn, check: exportedAs(assumed(DEPLOY_ROLE)) },
  'awsenv logout console': {
    configs: ['[profile console]'],
    setup: seedConsoleSignIn,
    check: ({ home, run }) => expect([run.code, fs.existsSync(loginCacheFile(home))]).toEqual([0, false]),
  },
  // Opening the AWS console.
  'awsenv console prod-admin': {
    configs: ['[sso-session corp]', '[profile prod-admin]'],
    before: ['awsenv login prod-admin 2>/dev/null'],
    check: async ({ home, run }) => {
      succeeded(run);
      expect(await consoleOpened(opened(home))).toMatch(/^console for arn:aws:sts::444444444444:assumed-role\/admin\/\S+ at https:\/\/console\.aws\.amazon\.com\/$/);
    },
  },
  'awsenv console prod-admin --service s3 -r eu-west-1': {
    configs: ['[sso-session corp]', '[profile prod-admin]'],
    before: ['awsenv login prod-admin 2>/dev/null'],
    check: async ({ home, run }) => {
      succeeded(run);
      expect(await consoleOpened(opened(home))).toMatch(/ at https:\/\/eu-west-1\.console\.aws\.amazon\.com\/s3\/home\?region=eu-west-1$/);
    },
  },
  'awsenv console dev --print | xclip': {
    configs: ['[sso-session corp]'],
    before: ['awsenv login dev 2>/dev/null'],
    check: async ({ home, run }) => {
      succeeded(run);
      expect(run.stdout).toBe('');
      // The sign-in before it may have opened a browser; the console was not.
      expect(fs.existsSync(path.join(home, 'browser-opened')) && opened(home)).not.toContain(federation.url);
      expect(await consoleOpened(fs.readFileSync(path.join(home, 'clipboard'), 'utf8'))).toMatch(/^console for arn:aws:sts::111111111111:assumed-role\/AWSReservedSSO_Developer_/);
    },
  },
  // Shell integration: the summary line.
  'awsuse admin (2)': {
    configs: ['[profile1]', '[profile admin]'],
    env: () => ({ AWSENV_MFA_CODE: nextCode() }),
    holes: () => [['15:42', TIME], ['59m', '\\d+m']],
    check: exportedAs(assumed(ADMIN_ROLE)),
  },
  // Where you are.
  'awsenv status': {
    configs: ['[profile1]', '[profile admin]'],
    before: [withCode('awsuse admin -q')],
    shownOn: 'stdout',
    holes: () => [['awsenv-1764101805', 'awsenv-\\d+'], ['15:42', TIME], ['2026-11-25T14:42:45Z', ISO_TIME], ['59m', '\\d+m']],
    check: ({ run }) => expect(run.code).toBe(0),
  },
  // What an export sets: switching keeps the user's region and profile.
  'awsuse prod': {
    configs: [],
    config: SWITCHING,
    before: ['export AWS_REGION=us-east-1 AWS_PROFILE=mine'],
    check: ({ run }) => expect([run.code, run.env.AWS_REGION, run.env.AWS_PROFILE]).toEqual([0, 'eu-west-1', undefined]),
  },
  'awsuse sandbox': {
    configs: [],
    config: SWITCHING,
    before: ['export AWS_REGION=us-east-1 AWS_PROFILE=mine', 'awsuse prod'],
    check: ({ run }) => expect([run.code, run.env.AWS_REGION, run.env.AWSENV_PROFILE]).toEqual([0, 'us-east-1', 'sandbox']),
  },
  'awsuse -u': {
    configs: [],
    config: SWITCHING,
    before: ['export AWS_REGION=us-east-1 AWS_PROFILE=mine', 'awsuse prod', 'awsuse sandbox'],
    check: ({ run }) => expect([run.code, run.env.AWS_REGION, run.env.AWS_PROFILE, run.env.AWS_ACCESS_KEY_ID]).toEqual([0, 'us-east-1', 'mine', undefined]),
  },
};

/** The environment every line runs in: the fakes, and a $BROWSER that only records what it was asked to open. */
const envOf = (home: string): NodeJS.ProcessEnv => ({
  HOME: home,
  PATH: `${path.join(home, 'bin')}:${process.env.PATH}`,
  LC_ALL: 'C.UTF-8',
  AWS_ENDPOINT_URL_STS: sts.url,
  AWS_ENDPOINT_URL_SSO: sso.url,
  AWS_ENDPOINT_URL_SSO_OIDC: sso.url,
  AWS_ENDPOINT_URL_IAM: iam.url,
  AWS_ENDPOINT_URL_SIGNIN: signin.url,
  AWSENV_FEDERATION_ENDPOINT: federation.url,
  BROWSER: path.join(home, 'bin', 'browser'),
});

// Stand-ins for the tools the README's lines run: each records what it was given.
const STAND_INS: Record<string, string> = {
  terraform: 'env -0 > "$HOME/tool-saw"',
  xclip: 'cat > "$HOME/clipboard"',
  browser: 'printf %s "$1" > "$HOME/browser-opened"',
};

function homeFor(scenario: Scenario): string {
  const files = readmeFiles(...scenario.configs);
  const { home, binDir } = makeHome(scenario.config !== undefined ? { config: scenario.config, credentials: SWITCHING_KEYS } : { config: scenario.credentialsOnly ? '' : files.config, credentials: files.credentials });
  for (const [name, body] of Object.entries(STAND_INS)) fs.writeFileSync(path.join(binDir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  scenario.setup?.(home);
  return home;
}

/** The output begins with the lines the README shows, each read as a pattern with its holes. */
function expectShown(output: string, shown: readonly string[], holes: ReadonlyArray<readonly [string, string]>) {
  const lines = output.split('\n').slice(0, shown.length);
  expect(lines.map((line, i) => (shownPattern(shown[i], holes).test(line) ? shown[i] : line))).toEqual(shown);
}

test('every block of the README is commands, a config, or says why it is neither', () => {
  const unexplained = blocks.filter((block) => (isConfig(block) ? !(firstHeader(block) in CONFIGS_BY_HEADER) : !(firstLine(block) in BLOCKS_NOT_COMMANDS) && !isCommands(block)));
  expect(unexplained.map((block) => `line ${block.line}: ${firstLine(block)}`)).toEqual([]);
  // And nothing listed here is gone from the README.
  expect(Object.keys(BLOCKS_NOT_COMMANDS).filter((first) => !blocks.some((block) => firstLine(block) === first))).toEqual([]);
});

test('the tests named as covering a block or a line exist', () => {
  const named = [...new Set(Object.values({ ...BLOCKS_NOT_COMMANDS, ...LINES_NOT_RUN }).flatMap((reason) => /tests\/\S+\.test\.ts/.exec(reason) ?? []))];
  expect(named.length).toBeGreaterThan(0);
  expect(named.filter((file) => !fs.existsSync(path.resolve(__dirname, '..', '..', '..', file)))).toEqual([]);
});

test('every command line of the README has a scenario here or a reason it is not run', () => {
  const keys = documentedLines().map((command) => command.key);
  expect(keys.filter((key) => !(key in SCENARIOS) && !(key in LINES_NOT_RUN))).toEqual([]);
  expect([...Object.keys(SCENARIOS), ...Object.keys(LINES_NOT_RUN)].filter((key) => !keys.includes(key))).toEqual([]);
});

const runnable = documentedLines().filter((command) => command.key in SCENARIOS);
describe.each(runnable.map((command) => [command.key, command] as const))('%s', (key, command: ShownCommand) => {
  const scenario = SCENARIOS[key];
  const why = scenario.cannotRun?.();
  (why ? test.skip : test)(why ? `not run here: ${why}` : 'does what the README says', async () => {
    const home = homeFor(scenario);
    try {
      const run = await runReadmeLine({ shell: scenario.shell ?? 'bash', before: scenario.before ?? [], line: command.line, env: { ...envOf(home), ...scenario.env?.(home) }, person: scenario.person });
      if (command.shown.length > 0) expectShown(scenario.shownOn === 'stdout' ? run.stdout : run.stderr, command.shown, scenario.holes?.(home) ?? []);
      await scenario.check({ home, run });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 60000);
});
