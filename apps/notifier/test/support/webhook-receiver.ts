import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../src/delivery/webhook-signature.ts';

/** One request the receiver got, and whether its signature checked out. */
export interface ReceivedWebhook {
  body: string;
  notificationId: string | undefined;
  signatureValid: boolean;
  answeredStatus: number;
}

/**
 * A webhook receiver on 127.0.0.1 (ephemeral port) that verifies every signature with the
 * documented function and answers 503 to the first `failFirst` requests for each notification.
 */
export async function startWebhookReceiver(options: { secret: string; failFirst?: number }) {
  const requests: ReceivedWebhook[] = [];
  const attemptsById = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = request.headers['x-signature'];
      const check = verifyWebhookSignature({
        header: typeof header === 'string' ? header : undefined,
        body,
        secret: options.secret,
      });
      const idHeader = request.headers['x-notification-id'];
      const notificationId = typeof idHeader === 'string' ? idHeader : undefined;
      const attempt = (attemptsById.get(notificationId ?? '') ?? 0) + 1;
      attemptsById.set(notificationId ?? '', attempt);
      const status = !check.ok ? 401 : attempt <= (options.failFirst ?? 0) ? 503 : 200;
      requests.push({ body, notificationId, signatureValid: check.ok, answeredStatus: status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notifications`,
    requests,
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
