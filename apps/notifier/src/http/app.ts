import {
  type BaseServer,
  type BaseServerOptions,
  buildBaseServer,
  type HttpAccess,
} from '@order-service/runtime';
import type { SseHub } from '../live/sse-hub.ts';
import { registerLiveRoutes } from './live-routes.ts';

/** What the HTTP side of the notifier needs. */
export interface NotifierAppDependencies extends BaseServerOptions {
  hub: SseHub;
  /** The live page and its stream show customer data: behind the key in production. */
  access: HttpAccess;
  /** Told when a page connects or goes away (the live-clients gauge). */
  onClientsChanged?: () => void;
}

/**
 * Builds the notifier's HTTP app: /health, /ready and /metrics from the runtime, plus the live
 * page (GET /), its script (GET /live/live-client.js) and its event stream (GET /events), the page
 * and the stream behind the key in production. It never listens; main.ts does.
 */
export function buildApp(dependencies: NotifierAppDependencies): BaseServer {
  const app = buildBaseServer(dependencies);
  registerLiveRoutes(app, {
    hub: dependencies.hub,
    access: dependencies.access,
    ...(dependencies.onClientsChanged === undefined
      ? {}
      : { onClientsChanged: dependencies.onClientsChanged }),
  });
  return app;
}
