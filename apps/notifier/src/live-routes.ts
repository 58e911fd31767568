import type { BaseServer } from '@order-service/runtime';
import { renderLivePage } from './live-page.ts';
import type { SseHub } from './sse-hub.ts';

/**
 * Adds the live page (`GET /`) and its event stream (`GET /events`). The stream is written to the
 * raw response (Fastify hands it over with `reply.hijack()`), detached when the browser goes away,
 * and every open stream is ended before the server closes, so shutdown never waits on a browser.
 */
export function registerLiveRoutes(app: BaseServer, options: { hub: SseHub; onClientsChanged?: () => void }) {
  const { hub } = options;
  const page = renderLivePage();

  app.get('/', async (_request, reply) => {
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', page.contentSecurityPolicy)
      .header('cache-control', 'no-cache')
      .send(page.html);
  });

  app.get('/events', (request, reply) => {
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
