import {
  apiKeyGuard,
  type BaseServer,
  type HttpAccess,
  keyMatches,
  READ_TOKEN_COOKIE,
  readToken,
} from '@order-service/runtime';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadLiveClientScript } from '../live/live-client-script.ts';
import { LIVE_CLIENT_PATH, renderLivePage } from '../live/live-page.ts';
import type { SseHub } from '../live/sse-hub.ts';

/** Options of `registerLiveRoutes`. */
export interface LiveRoutesOptions {
  hub: SseHub;
  /** The page and its stream show customer data: behind the key in production. */
  access: HttpAccess;
  onClientsChanged?: () => void;
  /** Seconds a client turned away for `SSE_MAX_CLIENTS` is told to wait (`retry-after`). */
  retryAfterSeconds?: number;
}

const LOGIN_HINT =
  'Missing or wrong API key: open the live page as /?key=<API_KEY> (it sets a read-only cookie), ' +
  'or send the key in the x-api-key header.';

/** True when an `if-none-match` header names `etag` (or is `*`), weak or strong. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * Adds the live page (`GET /`), its script (`GET /live/live-client.js`) and its event stream
 * (`GET /events`). In production the page and the stream need the key (the script holds no data,
 * so it does not): `GET /?key=<API_KEY>` sets an HttpOnly, SameSite=Strict cookie holding a
 * read-only token derived from the key (never the key itself) and redirects to the page without
 * the key in its URL; the page's EventSource sends the cookie along (same origin). The stream is written to the
 * raw response (Fastify hands it over with `reply.hijack()`), detached when the browser goes away,
 * and every open stream is ended before the server closes, so shutdown never waits on a browser.
 */
export function registerLiveRoutes(app: BaseServer, options: LiveRoutesOptions) {
  const { hub, access } = options;
  const page = renderLivePage();
  const client = loadLiveClientScript();
  const guard = apiKeyGuard(access, { kind: 'read', acceptReadCookie: true, message: LOGIN_HINT });

  // The key in the query is traded for the cookie at once, so it stays out of the page's URL.
  const pageGuard = async (request: FastifyRequest, reply: FastifyReply) => {
    const { key } = request.query as { key?: unknown };
    if (typeof key === 'string' && access.apiKey !== undefined && keyMatches(access.apiKey, key)) {
      const secure = request.protocol === 'https' ? '; Secure' : '';
      return reply
        .header(
          'set-cookie',
          `${READ_TOKEN_COOKIE}=${readToken(access.apiKey)}; HttpOnly; SameSite=Strict; Path=/${secure}`,
        )
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .redirect('./', 303);
    }
    await guard(request, reply);
  };

  app.get('/', { onRequest: pageGuard }, async (_request, reply) => {
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', page.contentSecurityPolicy)
      .header('cache-control', 'no-cache')
      .header('referrer-policy', 'no-referrer')
      .send(page.html);
  });

  // Static code with no data in it, so it is not behind the key. Cached by the browser and
  // revalidated on every page load (no-cache + ETag): a new build is picked up at once.
  app.get(LIVE_CLIENT_PATH, async (request, reply) => {
    void reply
      .header('etag', client.etag)
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff');
    if (matchesEtag(request.headers['if-none-match'], client.etag)) return reply.status(304).send();
    return reply.header('content-type', 'text/javascript; charset=utf-8').send(client.source);
  });

  app.get('/events', { onRequest: guard }, (request, reply) => {
    if (hub.isFull()) {
      // Answered before the stream starts: the browser's EventSource retries after its delay.
      return reply
        .status(503)
        .header('retry-after', String(options.retryAfterSeconds ?? 5))
        .send({
          code: 'RUNTIME_UNAVAILABLE',
          message: 'Too many live page clients (SSE_MAX_CLIENTS); retry shortly.',
        });
    }
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Tells nginx-style proxies not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    const detach = hub.attach(response);
    options.onClientsChanged?.();
    request.raw.on('close', () => {
      detach();
      options.onClientsChanged?.();
    });
  });

  app.addHook('preClose', async () => {
    hub.close();
  });
}
