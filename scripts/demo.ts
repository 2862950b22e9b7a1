/**
 * `npm run demo`: the two IAM-user patterns against a fake STS on 127.0.0.1, with a throwaway config, so a newcomer
 * sees awsenv work without an AWS account. Nothing outside a temporary directory is read or written.
 */
import fs from 'node:fs';
import { makeHome, runCli } from '../tests/support/cli';
import { CONFIG, CREDENTIALS, startWorld } from '../tests/support/stsWorld';
import type { FakeSts } from '../tests/fakes/sts';

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);

async function main() {
  const sts = await startWorld();
  const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  try {
    say(`A fake STS is listening on ${sts.url}; HOME is ${home}. The config:`);
    console.log(dim(indent(CONFIG.trim())));

    await step(sts, world, 'Pattern 1, IAM user + MFA: one GetSessionToken, 12 hours by default.', ['alice', '--mfa-code', '123456']);
    await step(sts, world, 'Again: the cached MFA session is reused, no code, no AWS call.', ['alice']);
    await step(sts, world, 'Pattern 2, switch role: the same MFA session signs AssumeRole, so no new code.', ['admin']);
    await step(sts, world, 'A second role sharing the MFA source: one AssumeRole, still no code.', ['readonly', '-f', 'fish']);
    await step(sts, world, 'Role → role: admin is cached, so only the last AssumeRole is made.', ['deep', '-f', 'json']);
    await step(sts, world, 'Run one command with the credentials instead of exporting them:', ['exec', 'readonly', '--', 'sh', '-c', 'echo "the command sees $AWS_ACCESS_KEY_ID as $AWSENV_PROFILE"']);
    await step(sts, world, 'A wrong code fails with one clear message and nothing on stdout:', ['alice', '--refresh', '--mfa-code', '000000']);
    say(`The cache (~/.aws/awsenv) now holds ${fs.readdirSync(`${home}/.aws/awsenv`).length} private files. Done.`);
  } finally {
    await sts.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function step(sts: FakeSts, env: NodeJS.ProcessEnv, title: string, args: string[]) {
  say(title);
  console.log(`$ awsenv ${args.map((arg) => (/^[\w.\/=-]+$/.test(arg) ? arg : `'${arg}'`)).join(' ')}`);
  const before = sts.calls.length;
  const result = await runCli(args, { env });
  if (result.stdout) console.log(indent(shorten(result.stdout.trimEnd())));
  if (result.stderr) console.log(indent(result.stderr.trimEnd().split('\n').map((line) => `stderr: ${line}`).join('\n')));
  const calls = sts.calls.slice(before).map((call) => `${call.action}${call.errorCode ? ` → ${call.errorCode}` : ''}`);
  console.log(dim(`  exit ${result.code}; AWS calls: ${calls.length ? calls.join(', ') : 'none'}`));
}

const say = (text: string) => console.log(`\n${bold(`▸ ${text}`)}`);
const indent = (text: string) => text.replace(/^/gm, '  ');
// Session tokens run to hundreds of characters; the start is enough to follow along.
const shorten = (text: string) => text.replace(/^(.{100}).+$/gm, '$1…');

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
