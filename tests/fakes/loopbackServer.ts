import { once } from 'node:events';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedRequest } from './sigv4';

export interface Reply {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 at a free port that hands each whole request to `answer`: what every fake stands on. */
export async function listenOnLoopback(answer: (request: ReceivedRequest) => Promise<Reply> | Reply): Promise<LoopbackServer> {
  const server = createServer(async (req, res) => {
    const reply = await answer(await receive(req));
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      // SDK clients keep connections alive; without this, close() would wait for them to time out.
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function receive(req: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
}
