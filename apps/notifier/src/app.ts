import {
  type BaseServer,
  buildBaseServer,
  type HttpAccess,
  type Logger,
  type Metrics,
  type ReadinessCheck,
} from '@order-service/runtime';
import { registerLiveRoutes } from './live-routes.ts';
import type { SseHub } from './sse-hub.ts';

/** What the HTTP side of the notifier needs. */
export interface NotifierAppDependencies {
  logger: Logger;
  metrics: Metrics;
  readiness: readonly ReadinessCheck[];
  hub: SseHub;
  /** The live page and its stream show customer data: behind the key in production. */
  access: HttpAccess;
  /** Told when a page connects or goes away (the live-clients gauge). */
  onClientsChanged?: () => void;
}

/**
 * Builds the notifier's HTTP app: /health, /ready and /metrics from the runtime, plus the live
 * page (GET /) and its event stream (GET /events), both behind the key in production. It never
 * listens; main.ts does.
 */
export function buildApp(dependencies: NotifierAppDependencies): BaseServer {
  const app = buildBaseServer({
    logger: dependencies.logger,
    metrics: dependencies.metrics,
    readiness: dependencies.readiness,
  });
  registerLiveRoutes(app, {
    hub: dependencies.hub,
    access: dependencies.access,
    ...(dependencies.onClientsChanged === undefined
      ? {}
      : { onClientsChanged: dependencies.onClientsChanged }),
  });
  return app;
}
