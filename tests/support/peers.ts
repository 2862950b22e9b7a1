import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** Whether a command is on PATH: the interop tests run only where their independent peer is installed. */
export function installed(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts moto_server on 127.0.0.1 and resolves once it answers HTTP. */
export async function startMoto(): Promise<{ url: string; stop: () => void; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', detached: true });
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
