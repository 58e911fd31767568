import { createServer } from 'node:net';

/**
 * Finds a free TCP port on 127.0.0.1 by binding port 0 and closing it again. An app started with
 * PORT=0 would not say which port it got, so tests pick the port first and pass it in.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not read the port of a probe socket'));
      });
    });
  });
}
