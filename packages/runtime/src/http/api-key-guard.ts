import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConfigError } from '../config/config-error.ts';
import { HttpError } from './http-error.ts';

/**
 * Who may call an app's guarded routes. In production a key is always configured; development
 * mode (`ORDER_SERVICE_MODE=development`) may run without one and opens customer-data reads.
 */
export type HttpAccess =
  | { readonly mode: 'production'; readonly apiKey: string }
  | { readonly mode: 'development'; readonly apiKey: string | undefined };

/** The settings `resolveHttpAccess` reads (every app config has them, from `httpConfigSchema`). */
export interface HttpAccessSettings {
  readonly API_KEY?: string | undefined;
  readonly ORDER_SERVICE_MODE: 'production' | 'development';
}

/** Name of the cookie the live page sets; its value is `readToken(apiKey)`, never the key. */
export const READ_TOKEN_COOKIE = 'order_service_read';

/**
 * The access of an app from its config. Throws `ConfigError` in production without `API_KEY`,
 * so an app never starts with open write routes by accident.
 */
export function resolveHttpAccess(settings: HttpAccessSettings): HttpAccess {
  if (settings.ORDER_SERVICE_MODE === 'development') {
    return { mode: 'development', apiKey: settings.API_KEY };
  }
  if (settings.API_KEY === undefined) {
    throw new ConfigError([
      {
        variable: 'API_KEY',
        problem: 'is required in production (ORDER_SERVICE_MODE=production, the default) but not set',
        hint:
          'Set API_KEY=<a secret of 16 or more characters> (clients send it in the x-api-key header), ' +
          'or ORDER_SERVICE_MODE=development to run without a key on a developer machine.',
      },
    ]);
  }
  return { mode: 'production', apiKey: settings.API_KEY };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** True when `presented` is `apiKey`; constant time whatever the lengths (both sides hashed). */
export function keyMatches(apiKey: string, presented: string): boolean {
  return timingSafeEqual(digest(presented), digest(apiKey));
}

/**
 * A read-only credential derived from the key (HMAC), for the live page's cookie: whoever reads
 * the cookie can watch the live page but cannot write.
 */
export function readToken(apiKey: string): string {
  return createHmac('sha256', apiKey).update('order-service read token v1').digest('base64url');
}

/** Options of `apiKeyGuard`. */
export interface ApiKeyGuardOptions {
  /**
   * `write` (default): needs the key whenever one is configured, in every mode. `read` (routes
   * showing customer data): needs it in production, open in development mode.
   */
  kind?: 'write' | 'read';
  /** Also accept the `READ_TOKEN_COOKIE` cookie (read routes of a browser page). */
  acceptReadCookie?: boolean;
  /** The message of the 401 answer (a page can say how to open it). */
  message?: string;
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header;
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
    return authorization.slice('Bearer '.length);
  }
  return undefined;
}

/** The value of one cookie in the `cookie` header, if present. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * An `onRequest` hook (it runs before the body is read, so a request without the key is 401 even
 * when its body is bad): the request must carry the key in `x-api-key` (or
 * `Authorization: Bearer <key>`); compared in constant time (both sides hashed to equal length).
 */
export function apiKeyGuard(
  access: HttpAccess,
  options: ApiKeyGuardOptions = {},
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const open = access.apiKey === undefined || (options.kind === 'read' && access.mode === 'development');
  const expectedKey = access.apiKey === undefined ? undefined : digest(access.apiKey);
  const expectedToken =
    access.apiKey === undefined || options.acceptReadCookie !== true
      ? undefined
      : digest(readToken(access.apiKey));
  return async (request) => {
    if (open || expectedKey === undefined) return;
    const key = presentedKey(request);
    if (key !== undefined && timingSafeEqual(digest(key), expectedKey)) return;
    if (expectedToken !== undefined) {
      const token = readCookie(request, READ_TOKEN_COOKIE);
      if (token !== undefined && timingSafeEqual(digest(token), expectedToken)) return;
    }
    throw new HttpError(
      401,
      'RUNTIME_UNAUTHORIZED',
      options.message ?? 'Missing or wrong API key: send it in the x-api-key header.',
    );
  };
}
