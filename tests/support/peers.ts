import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * An independent peer of the interop tests (the AWS CLI, moto_server): the file to run, or why it cannot be run.
 * A missing peer skips the tests that need it, and the reason goes into their names (see testWith).
 */
export type Peer = { readonly path: string; readonly missing?: undefined } | { readonly path?: undefined; readonly missing: string };

/** A command on PATH. */
export function commandPeer(command: string): Peer {
  const path = commandPath(command);
  return path ? { path } : { missing: `${command} is not installed` };
}

function commandPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

type Version = readonly [major: number, minor: number];

// Where the AWS CLI v2 installer and Debian's awscli package put the CLI, which a v1 earlier on PATH (pip's, pyenv's)
// hides from `aws`: the tests ask each for its version and take the one they need.
const AWS_CLI_PLACES = ['/usr/local/bin/aws', '/usr/bin/aws'];

/** The first installed AWS CLI whose version `fits`; `wanted` says what that is when none does. */
export function awsCliPeer(wanted: string, fits: (version: Version) => boolean): Peer {
  const clis = installedAwsClis();
  const cli = clis.find((c) => fits(c.version));
  if (cli) return { path: cli.path };
  const found = clis.map((c) => `${c.says} at ${c.path}`).join(', ');
  return { missing: `${wanted} is not installed${found ? ` (found ${found})` : ''}` };
}

function installedAwsClis(): Array<{ path: string; version: Version; says: string }> {
  const places = [commandPath('aws'), ...AWS_CLI_PLACES].filter((place): place is string => !!place && fs.existsSync(place));
  const unique = [...new Map(places.map((place) => [fs.realpathSync(place), place])).values()];
  return unique.flatMap((path) => {
    // Old versions of the v1 print their version on stderr.
    const run = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30000 });
    const match = /aws-cli\/(\d+)\.(\d+)\S*/.exec(`${run.stdout}${run.stderr}`);
    return match ? [{ path, version: [Number(match[1]), Number(match[2])] as const, says: match[0] }] : [];
  });
}

/** The AWS CLI the botocore interop tests need: it reads AWS_ENDPOINT_URL_<SERVICE>, which points it at the fakes. */
export const awsCliWithEndpointVariables = () =>
  awsCliPeer('an AWS CLI that reads AWS_ENDPOINT_URL_STS (v1 1.29+ or v2 2.13+)', ([major, minor]) => (major === 1 ? minor >= 29 : major === 2 ? minor >= 13 : major > 2));

/** The AWS CLI v2, with `aws configure export-credentials`, which the v1 does not have. */
export const awsCliV2 = () => awsCliPeer('the AWS CLI v2', ([major]) => major >= 2);

type TestFn = (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

/**
 * jest's `test` when every peer is there; otherwise tests skipped with the reason in their names, "… (skipped:
 * moto_server is not installed)", so that jest's results, and the tally .ci/run prints from them, say why.
 */
export function testWith(...peers: Peer[]): TestFn {
  const missing = peers.flatMap((peer) => (peer.missing ? [peer.missing] : []));
  if (!missing.length) return test;
  console.warn(`SKIPPED: ${missing.join('; ')}`);
  return (name, fn, timeout) => test.skip(`${name} (skipped: ${missing.join('; ')})`, fn, timeout);
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts moto_server on 127.0.0.1 and resolves once it answers HTTP. */
export async function startMoto(motoServer: string): Promise<{ url: string; stop: () => void; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(motoServer, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      await fetch(`${url}/moto-api/data.json`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('moto_server did not start within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url, process: child, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}
