import { Agent, request } from 'node:http';

/** Posts JSON bodies to one order API over kept-alive connections. */
export type OrderPoster = {
  /** Resolves with the HTTP status, or 0 when the request failed without an answer. */
  post(body: string): Promise<number>;
  close(): void;
};

/** Creates a poster for `<baseUrl>/orders` with at most `maxSockets` connections. */
export function createOrderPoster(baseUrl: string, maxSockets: number): OrderPoster {
  const url = new URL('/orders', baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    post(body) {
      return new Promise((resolve) => {
        const outgoing = request(
          url,
          {
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            timeout: 60_000,
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
            response.on('error', () => resolve(0));
          },
        );
        outgoing.on('timeout', () => outgoing.destroy(new Error('request timed out')));
        outgoing.on('error', () => resolve(0));
        outgoing.end(body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
