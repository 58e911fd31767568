import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * A preHandler for write routes: when `apiKey` is set, the request must carry it in `x-api-key`
 * (or `Authorization: Bearer <key>`); compared in constant time. Without a key it lets all through.
 */
export function apiKeyGuard(
  apiKey?: string,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const expected = apiKey === undefined ? undefined : digest(apiKey);
  return async (request) => {
    if (expected === undefined) return;
    const header = request.headers['x-api-key'];
    const authorization = request.headers.authorization;
    const presented =
      typeof header === 'string'
        ? header
        : typeof authorization === 'string' && authorization.startsWith('Bearer ')
          ? authorization.slice('Bearer '.length)
          : undefined;
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
      throw new HttpError(
        401,
        'RUNTIME_UNAUTHORIZED',
        'Missing or wrong API key: send it in the x-api-key header.',
      );
    }
  };
}
