import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isPortFree } from './port-check.ts';

describe('isPortFree', () => {
  it('is false while a server listens on the port and true once it is closed', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(await isPortFree('127.0.0.1', port)).toBe(false);
    await new Promise((resolve) => server.close(resolve));
    expect(await isPortFree('127.0.0.1', port)).toBe(true);
  });
});
