import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now, for an app process of a test. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address !== null) resolve(address.port);
        else reject(new Error('the operating system gave no port for 127.0.0.1:0'));
      });
    });
  });
}
