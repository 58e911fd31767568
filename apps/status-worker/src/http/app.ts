import {
  apiKeyGuard,
  type BaseServer,
  type BaseServerOptions,
  buildBaseServer,
  type HttpAccess,
  type Store,
} from '@order-service/runtime';
import type { StatusWorkerMetrics } from '../status-worker-metrics.ts';
import { registerOrderRoute } from './order-route.ts';
import { registerStatusChangeRoute } from './status-change-route.ts';
import { setStatusWorkerErrorHandler } from './status-worker-error-handler.ts';

/** What the HTTP app needs; everything is passed in so tests build it around their own store. */
export interface AppDeps extends BaseServerOptions {
  statusWorkerMetrics: StatusWorkerMetrics;
  store: Store;
  statusTopic: string;
  /** Who may call: POST needs the key whenever one is set, `GET /orders/:id` in production. */
  access: HttpAccess;
  now?: () => Date;
}

/** Builds the status-worker's HTTP API on the runtime's base server; never listens. */
export function buildApp(deps: AppDeps): BaseServer {
  const app = buildBaseServer(deps);
  const now = deps.now ?? (() => new Date());
  // An encapsulated scope: its error handler answers the app's own errors and hands the rest
  // (validation, API key, unexpected) to the runtime's handler.
  app.register(async (scope) => {
    setStatusWorkerErrorHandler(scope);
    registerStatusChangeRoute(scope, {
      store: deps.store,
      statusTopic: deps.statusTopic,
      now,
      guard: apiKeyGuard(deps.access, { kind: 'write' }),
      onChanged: (status) => deps.statusWorkerMetrics.statusChanged(status, 'http'),
    });
    registerOrderRoute(scope, deps.store, apiKeyGuard(deps.access, { kind: 'read' }));
  });
  return app;
}
