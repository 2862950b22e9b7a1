import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { awsCliV2 } from '../../tests/support/peers';

/** What the numbers were measured on: they compare only with numbers from the same kind of machine. */
export function machineLine(): string {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ?? os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${model}, ${os.cpus().length} cores, Node ${process.version}, ${os.type()} ${os.release()}`;
}

/** The AWS CLI v2 to compare with, found where tests/support/peers.ts looks, and what `aws --version` calls it. */
export function awsCli(): { path: string; version: string } | { missing: string } {
  const peer = awsCliV2();
  if (peer.missing !== undefined) return { missing: peer.missing };
  const said = spawnSync(peer.path, ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { path: peer.path, version: `${said.stdout}${said.stderr}`.trim() };
}

/** GNU time, which reports a child's max RSS; Node's spawnSync does not give rusage. */
export const timeBin = (): string | undefined => (fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined);
