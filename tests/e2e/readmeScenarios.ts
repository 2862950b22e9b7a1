import fs from 'node:fs';
import path from 'node:path';
import { ssoSessionArn } from '../fakes/sso';
import { literally } from '../support/readmeBlocks';
import { readmeFiles } from '../support/readmeConfigs';
import { readEnvFile, runReadmeLine, type LineRun } from '../support/readmeRun';
import { ADMIN_ROLE, ALICE, CONSOLE_SESSION, DEPLOY_ROLE, PROD_ADMIN_ROLE, READONLY_ROLE, SSO_USER, identityOf, loginCacheFile, seedConsoleSignIn, useReadmeWorld } from '../support/readmeWorld';
import { answerInBrowser, browserCommand } from '../support/ssoBrowser';
import { tokenFile } from '../support/ssoWorld';
import { occurrences, withoutControls, type TtySession } from '../support/ttySession';

/**
 * What readmeSnippets.test.ts runs for each command line of the README, and what it does not run and why. A new
 * README line needs an entry here: a scenario (the README's config block it runs against, what was typed before it,
 * the person at the terminal if one is needed, and a check of its effect), or a reason.
 */

/** Blocks of the README that are not commands to run, by their first line, and why. */
export const BLOCKS_NOT_COMMANDS: Record<string, string> = {
  '# bash (~/.bashrc): [admin (42m)] before the prompt while credentials are exported': 'covered by tests/shell/prompt.test.ts',
  '# zsh (~/.zshrc): through psvar, so a % in a profile name stays a %, not a prompt escape': 'covered by tests/shell/prompt.test.ts',
  '# fish (~/.config/fish/config.fish): on the right': 'covered by tests/shell/prompt.test.ts',
  '# starship (~/.config/starship.toml): a custom module, run only while credentials are exported': 'covered by tests/shell/prompt.test.ts',
  'awsenv: the credentials of profile "admin" expire in 9m: awsuse admin': "the prompt hook's warning: covered by tests/shell/expiryHook.test.ts",
  'awsenv: profile "alice" (on the way to "admin"): AWS rejected the MFA code for arn:aws:iam::111111111111:mfa/alice': 'an example of an error message, not a command',
  'awsenv [PROFILE] [flags]          the same as awsenv export PROFILE': 'the command reference, not commands',
  'awsenv: profile "dev": not signed in to IAM Identity Center at https://corp.awsapps.com/start; signing in': 'what awsuse dev says on a terminal before it signs in: covered by tests/e2e/ssoTerminal.test.ts',
};

/** Command lines of the README that are not run here, and why. */
export const LINES_NOT_RUN: Record<string, string> = {
  'npm ci && npm run demo': 'the demo: covered by tests/scripts/demo.test.ts',
  'npm ci && npm test': 'what CI runs: this test is part of it',
  'export AWS_REGION=us-east-1 AWS_PROFILE=mine': 'sets the scene: the scenarios of the lines after it type it first',
  'awsenv exp<TAB>              →  awsenv export': 'a completion, pressed at a terminal: covered by tests/shell/completionTty.test.ts',
  'awsuse two<TAB>              →  awsuse two\\ words': 'a completion, pressed at a terminal: covered by tests/shell/completionTty.test.ts',
  'awsenv prod --format=j<TAB>  →  awsenv prod --format=json': 'a completion, pressed at a terminal: covered by tests/shell/completionTty.test.ts',
};

/** The fakes every scenario runs against, started before the tests of the file that imports this one. */
export const world = useReadmeWorld();
const exportedIdentity = (env: Readonly<Record<string, string>>) => identityOf(world.sts(), env);
const consoleSignedIn = (home: string) => seedConsoleSignIn(world.signin(), home);

// A code is good once per device: every use gets its own.
let codes = 100000;
const nextCode = () => String(++codes);
const withCode = (line: string) => `AWSENV_MFA_CODE=${nextCode()} ${line}`;

export interface Context {
  readonly home: string;
  readonly run: LineRun;
}

export interface Scenario {
  /** The README's config block (by its first header) the line runs against, with the blocks it builds on. */
  readonly readme?: string;
  /** Only the credentials file of that block: the keys of a profile that names no MFA device. */
  readonly credentialsOnly?: true;
  /** Files the README describes in words only ("prod has region = eu-west-1"), instead of a block. */
  readonly files?: { readonly config: string; readonly credentials: string };
  /** Lines typed before it in the same shell: what the README says came first. */
  readonly before?: readonly string[];
  /** Variables of the shell beyond the fakes' endpoints (an MFA code for the run, an SSH session's). */
  readonly env?: (home: string) => NodeJS.ProcessEnv;
  /** Files a person's earlier work left, such as a sign-in's cache file. */
  readonly setup?: (home: string) => void;
  readonly shell?: 'fish';
  /** On a terminal: what the person does there. */
  readonly person?: (tty: TtySession) => Promise<void>;
  /** Where the README's shown lines appear: stderr unless said. */
  readonly shownIn?: (run: LineRun) => string;
  /** The README shows how the output begins, not all of it. */
  readonly shownIsTheStart?: true;
  /** The parts of the shown lines that vary from run to run (a time, a random value), each with its pattern. */
  readonly holes?: (home: string) => ReadonlyArray<readonly [string, string]>;
  /** Why this machine cannot run it, or undefined: said in the test's name. */
  readonly cannotRun?: () => string | undefined;
  check(context: Context): void | Promise<void>;
}

const typesMfaCode = async (tty: TtySession) => {
  await tty.waitFor(`Enter MFA code for ${ALICE.mfaSerial}:`);
  tty.type(`${nextCode()}\r`);
};

// An MFA session's identity is the IAM user's own.
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
  expect(run.stdout).toBe('');
  expect(fs.existsSync(tokenFile(home, 'corp'))).toBe(true);
};
/** What the fake console says it opened for a sign-in URL: "console for WHO at DESTINATION". */
const consoleOpened = async (url: string) => (await (await fetch(url.trim(), { redirect: 'follow' })).text());
const opened = (home: string) => fs.readFileSync(path.join(home, 'browser-opened'), 'utf8');
const TIME = '\\d\\d:\\d\\d';
const ISO_TIME = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ';
const inContainer = () => (fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv') ? 'this machine is a container, where awsenv chooses the device code' : undefined);
const SERIAL_FLAG = `--mfa-serial ${ALICE.mfaSerial}`;

// The switching example's profiles, as its comments describe them.
const ALICES_KEYS = `aws_access_key_id = ${ALICE.accessKeyId}\naws_secret_access_key = ${ALICE.secretAccessKey}\n`;
const SWITCHING = { config: '[profile prod]\nregion = eu-west-1\n', credentials: `[prod]\n${ALICES_KEYS}\n[sandbox]\n${ALICES_KEYS}` };

// The picker example's profiles, as its rows describe them; profile1, which the filter hides, is the widest kind.
const PICKER = {
  config: `[profile profile1]
mfa_serial = ${ALICE.mfaSerial}

[profile admin]
role_arn = ${ADMIN_ROLE}
source_profile = profile1
mfa_serial = ${ALICE.mfaSerial}
region = eu-central-1

[profile dev-admin]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 555555555555
sso_role_name = Admin
region = eu-west-1

[profile prod-admin]
role_arn = ${PROD_ADMIN_ROLE}
source_profile = dev-admin
region = us-east-2
`,
  credentials: `[profile1]\n${ALICES_KEYS}`,
};
/** The picker as last drawn on the screen: from its title to its counter, without the blanks redrawing left. */
function lastPickerFrame(screen: string): string {
  const frame = screen.slice(screen.lastIndexOf('awsuse: pick a profile')).split('\n');
  const counter = frame.findIndex((line) => /^\s*\d+\/\d+/.test(line));
  return [...frame.slice(0, counter), /^\s*\d+\/\d+/.exec(frame[counter])![0]].map((line) => line.trimEnd()).join('\n');
}

/** The scenario of each README line, keyed as written (a line the README shows again: `LINE (2)`). */
export const SCENARIOS: Record<string, Scenario> = {
  // The opening lines.
  'awsuse profile1': { readme: '[profile1]', person: typesMfaCode, check: exportedAs(ALICE_SESSION, 'eu-west-1') },
  'awsenv exec profile1 -- terraform plan': { readme: '[profile1]', env: () => ({ AWSENV_MFA_CODE: nextCode() }), check: ranAs(ALICE_SESSION) },
  'creds=$(awsenv profile1) && eval "$creds"': { readme: '[profile1]', env: () => ({ AWSENV_MFA_CODE: nextCode() }), check: exportedAs(ALICE_SESSION, 'eu-west-1') },
  'awsenv profile1 -f fish | source': { readme: '[profile1]', shell: 'fish', env: () => ({ AWSENV_MFA_CODE: nextCode() }), check: exportedAs(ALICE_SESSION, 'eu-west-1') },
  // 1. IAM user with MFA.
  'awsuse profile1 (2)': {
    readme: '[profile1]',
    person: typesMfaCode,
    check: async (context) => {
      exportedAs(ALICE_SESSION)(context);
      // "Until they are about to expire, awsuse profile1 again asks for nothing": no terminal, no code, and it works.
      const again = await runReadmeLine({ shell: 'bash', before: [], line: 'awsuse profile1', env: { ...world.envOf(context.home), ...context.run.env } });
      expect([again.code, exportedIdentity(again.env)]).toEqual([0, ALICE_SESSION]);
    },
  },
  [`awsuse profile1 ${SERIAL_FLAG}`]: { readme: '[profile1]', credentialsOnly: true, person: typesMfaCode, check: exportedAs(ALICE_SESSION) },
  [`awsenv exec profile1 ${SERIAL_FLAG} -- terraform plan`]: { readme: '[profile1]', credentialsOnly: true, env: () => ({ AWSENV_MFA_CODE: nextCode() }), check: ranAs(ALICE_SESSION) },
  'awsenv mfa setup profile1': {
    readme: '[profile1]',
    credentialsOnly: true,
    holes: (home) => [['~', literally(home)]],
    check: ({ home, run }) => {
      succeeded(run);
      expect(fs.readFileSync(path.join(home, '.aws', 'config'), 'utf8')).toContain(`[profile profile1]\nmfa_serial = ${ALICE.mfaSerial}\n`);
      expect(fs.readFileSync(path.join(home, '.aws', 'config.awsenv-backup'), 'utf8')).toBe('');
    },
  },
  // 2. Switching role.
  'awsuse admin': {
    readme: '[profile admin]',
    person: typesMfaCode,
    check: (context) => {
      exportedAs(assumed(ADMIN_ROLE), 'eu-central-1')(context);
      expect(occurrences(context.run.stderr, 'Enter MFA code')).toBe(1);
    },
  },
  'awsuse readonly': { readme: '[profile admin]', before: [withCode('awsuse admin')], check: exportedAs(assumed(READONLY_ROLE)) },
  // 3. IAM Identity Center.
  'awsenv login dev': { readme: '[sso-session corp]', check: signedIn },
  'awsuse dev': { readme: '[sso-session corp]', before: ['awsenv login dev 2>/dev/null'], check: exportedAs(ssoSessionArn('111111111111', 'Developer', SSO_USER), 'eu-west-1') },
  'awsenv login dev (2)': {
    readme: '[sso-session corp]',
    env: (home) => ({ DISPLAY: ':0', BROWSER: browserCommand('approve', path.join(home, 'visits')) }),
    cannotRun: inContainer,
    shownIsTheStart: true,
    holes: () => [['https://oidc.eu-west-1.amazonaws.com', literally(world.sso().url)], ['2026-12-01T19:02:11Z', ISO_TIME]],
    check: signedIn,
  },
  'awsenv login dev (3)': {
    readme: '[sso-session corp]',
    env: () => ({ SSH_CONNECTION: '10.0.0.9 50022 10.0.0.5 22', USER: 'carol' }),
    // The transcript stops where the person goes to the browser.
    shownIsTheStart: true,
    holes: () => [['https://device.sso.eu-west-1.amazonaws.com/', '\\S+'], ['BCDF-GHJK', '[B-Z]{4}-[B-Z]{4}']],
    check: signedIn,
  },
  'awsenv sso profiles --start-url https://acme.awsapps.com/start --sso-region eu-west-1 --write': {
    // It signs in on a terminal; the fake approves the sign-in at once.
    person: async () => undefined,
    check: ({ home, run }) => {
      succeeded(run);
      const written = fs.readFileSync(path.join(home, '.aws', 'config'), 'utf8');
      for (const section of readmeFiles('[sso-session acme]').config.trim().split('\n\n')) expect(written).toContain(section);
    },
  },
  // 4. IAM Identity Center, switching role.
  'awsenv login prod-admin': { readme: '[profile prod-admin]', check: signedIn },
  'awsuse prod-admin': { readme: '[profile prod-admin]', before: ['awsenv login prod-admin 2>/dev/null'], check: exportedAs(assumed(PROD_ADMIN_ROLE)) },
  // 5. Console sign-in: from nothing, on a terminal, the code the page shows pasted at it.
  'awsenv login console --region eu-west-1': {
    person: async (tty) => {
      await tty.waitFor('Enter the authorization code');
      const url = /open (\S+)/.exec(withoutControls(tty.screen()))![1];
      await answerInBrowser(url, 'approve');
      const shown = world.signin().pending.at(-1)!;
      tty.type(`${Buffer.from(`state=${shown.state}&code=${shown.code}`).toString('base64')}\r`);
    },
    check: ({ home, run }) => {
      succeeded(run);
      // The section the README shows "as aws login (or awsenv login) writes it".
      const [section] = readmeFiles('[profile console]').config.trim().split('\n\n');
      expect(fs.readFileSync(path.join(home, '.aws', 'config'), 'utf8')).toContain(`${section}\n`);
      expect(fs.existsSync(loginCacheFile(home))).toBe(true);
    },
  },
  'awsuse console': { readme: '[profile console]', setup: consoleSignedIn, check: exportedAs(CONSOLE_SESSION, 'eu-west-1') },
  'awsuse deploy': { readme: '[profile console]', setup: consoleSignedIn, check: exportedAs(assumed(DEPLOY_ROLE)) },
  'awsenv logout console': {
    readme: '[profile console]',
    setup: consoleSignedIn,
    check: ({ home, run }) => expect([run.code, fs.existsSync(loginCacheFile(home))]).toEqual([0, false]),
  },
  // Opening the AWS console.
  'awsenv console prod-admin': {
    readme: '[profile prod-admin]',
    before: ['awsenv login prod-admin 2>/dev/null'],
    check: async ({ home, run }) => {
      succeeded(run);
      expect(await consoleOpened(opened(home))).toMatch(/^console for arn:aws:sts::444444444444:assumed-role\/admin\/\S+ at https:\/\/console\.aws\.amazon\.com\/$/);
    },
  },
  'awsenv console prod-admin --service s3 -r eu-west-1': {
    readme: '[profile prod-admin]',
    before: ['awsenv login prod-admin 2>/dev/null'],
    check: async ({ home, run }) => {
      succeeded(run);
      expect(await consoleOpened(opened(home))).toMatch(/ at https:\/\/eu-west-1\.console\.aws\.amazon\.com\/s3\/home\?region=eu-west-1$/);
    },
  },
  'awsenv console dev --print | xclip': {
    readme: '[sso-session corp]',
    before: ['awsenv login dev 2>/dev/null'],
    check: async ({ home, run }) => {
      succeeded(run);
      expect(run.stdout).toBe('');
      // The sign-in before it may have opened a browser; the console was not.
      expect(fs.existsSync(path.join(home, 'browser-opened')) && opened(home)).not.toContain(world.federation().url);
      expect(await consoleOpened(fs.readFileSync(path.join(home, 'clipboard'), 'utf8'))).toMatch(/^console for arn:aws:sts::111111111111:assumed-role\/AWSReservedSSO_Developer_/);
    },
  },
  // Shell integration: the summary line.
  'awsuse admin (2)': {
    readme: '[profile admin]',
    env: () => ({ AWSENV_MFA_CODE: nextCode() }),
    holes: () => [['15:42', TIME], ['59m', '\\d+m']],
    check: exportedAs(assumed(ADMIN_ROLE)),
  },
  // The picker: "adm" typed, Enter on the row selected, then the MFA code admin needs.
  awsuse: {
    files: PICKER,
    // A terminal wide enough for the picker's title, as the README draws it.
    before: ['stty cols 120'],
    shownIn: (run) => lastPickerFrame(run.stdout),
    person: async (tty) => {
      await tty.waitFor('awsuse: pick a profile');
      tty.type('adm');
      await tty.waitFor('1/3');
      tty.type('\r');
      await typesMfaCode(tty);
    },
    check: exportedAs(assumed(ADMIN_ROLE), 'eu-central-1'),
  },
  // When no tool will find a region.
  'awsuse prod-admin (2)': {
    readme: '[profile prod-admin]',
    before: ['awsenv login prod-admin 2>/dev/null'],
    holes: () => [['15:42', TIME], ['59m', '\\d+m']],
    check: exportedAs(assumed(PROD_ADMIN_ROLE)),
  },
  // Where you are.
  'awsenv status': {
    readme: '[profile admin]',
    before: [withCode('awsuse admin -q')],
    shownIn: (run) => run.stdout,
    holes: () => [['awsenv-1764101805', 'awsenv-\\d+'], ['15:42', TIME], ['2026-11-25T14:42:45Z', ISO_TIME], ['59m', '\\d+m']],
    check: ({ run }) => expect(run.code).toBe(0),
  },
  // What an export sets: switching keeps the user's region and profile.
  'awsuse prod': {
    files: SWITCHING,
    before: ['export AWS_REGION=us-east-1 AWS_PROFILE=mine'],
    check: ({ run }) => expect([run.code, run.env.AWS_REGION, run.env.AWS_PROFILE]).toEqual([0, 'eu-west-1', undefined]),
  },
  'awsuse sandbox': {
    files: SWITCHING,
    before: ['export AWS_REGION=us-east-1 AWS_PROFILE=mine', 'awsuse prod'],
    check: ({ run }) => expect([run.code, run.env.AWS_REGION, run.env.AWSENV_PROFILE]).toEqual([0, 'us-east-1', 'sandbox']),
  },
  'awsuse -u': {
    files: SWITCHING,
    before: ['export AWS_REGION=us-east-1 AWS_PROFILE=mine', 'awsuse prod', 'awsuse sandbox'],
    check: ({ run }) => expect([run.code, run.env.AWS_REGION, run.env.AWS_PROFILE, run.env.AWS_ACCESS_KEY_ID]).toEqual([0, 'us-east-1', 'mine', undefined]),
  },
};
