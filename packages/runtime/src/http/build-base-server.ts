import type { IncomingMessage, ServerResponse } from 'node:http';
import { type TypeBoxTypeProvider, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/create-metrics.ts';
import { describeError } from './describe-error.ts';
import type { ErrorBody } from './http-error.ts';
import { monitorDependency, type ReadinessCheck, runReadinessChecks } from './readiness.ts';

/** The Fastify instance apps build on: TypeBox type provider, pino logger. */
export type BaseServer = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Options of `buildBaseServer`. */
export interface BaseServerOptions {
  logger: Logger;
  metrics: Metrics;
  /** Dependencies `/ready` checks (see `storeReadiness`, `kafkaReadiness`). */
  readiness?: readonly ReadinessCheck[];
  /** Largest accepted body in bytes (413 above). Default 1 MiB. */
  bodyLimit?: number;
  /** Code of 400 answers for schema violations. Default `RUNTIME_REQUEST_INVALID`. */
  validationErrorCode?: string;
  readinessTimeoutMs?: number;
  /**
   * Dependencies an app works without for a while (order-producer's Kafka: the outbox holds the
   * orders): watched in the background, shown in `/health` (`{ status: 'ok', kafka: 'ok' |
   * 'unreachable: ...' }`) and as a `<name>_reachable` gauge, never part of `/ready`.
   */
  healthDetails?: readonly ReadinessCheck[];
  /** How often `healthDetails` are checked. Default 5 s. */
  healthIntervalMs?: number;
}

/**
 * Builds the Fastify server every app starts from: `/health`, `/ready`, `/metrics`, request metrics,
 * and one error handler so that every 4xx/5xx body is `{ code, message, violations? }`.
 * It never listens; `main.ts` does.
 */
export function buildBaseServer(options: BaseServerOptions): BaseServer {
  const { metrics } = options;
  const readiness = options.readiness ?? [];
  const validationErrorCode = options.validationErrorCode ?? 'RUNTIME_REQUEST_INVALID';
  const app = Fastify({
    loggerInstance: options.logger.child({ component: 'http' }) as FastifyBaseLogger,
    // One line per request at info would flood the hot path; onResponse logs at debug instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
  })
    .setValidatorCompiler(TypeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_code: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpRequestDuration.observe(labels, reply.elapsedTime / 1_000);
    request.log.debug({ ...labels, durationMs: reply.elapsedTime }, 'request completed');
  });

  app.setNotFoundHandler(async (request, reply) => {
    const body: ErrorBody = {
      code: 'RUNTIME_NOT_FOUND',
      message: `No route ${request.method} ${request.url}.`,
    };
    return reply.status(404).send(body);
  });

  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, log } = describeError(error, request, validationErrorCode);
    if (log === 'debug') request.log.debug({ code: body.code }, 'request rejected');
    else request.log[log]({ err: error, code: body.code }, 'request failed');
    if (status === 503) void reply.header('retry-after', '1');
    return reply.status(status).send(body);
  });

  const monitors = (options.healthDetails ?? []).map((check) =>
    monitorDependency(check, {
      registry: metrics.registry,
      intervalMs: options.healthIntervalMs ?? 5_000,
      timeoutMs: options.readinessTimeoutMs ?? 3_000,
    }),
  );
  app.addHook('onReady', async () => {
    for (const monitor of monitors) monitor.start();
  });

  // Liveness: answers at once from cached states, so a slow dependency never fails the probe.
  app.get('/health', async () => {
    const details: Record<string, string> = {};
    for (const monitor of monitors) details[monitor.name] = monitor.state();
    return { status: 'ok', ...details };
  });

  app.get('/ready', async (_request, reply) => {
    const result = await runReadinessChecks(readiness, options.readinessTimeoutMs ?? 3_000);
    return reply
      .status(result.ready ? 200 : 503)
      .send({ status: result.ready ? 'ready' : 'not_ready', checks: result.checks });
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).send(text);
  });

  app.addHook('onClose', async () => {
    for (const entry of readiness) await entry.close?.();
    for (const monitor of monitors) await monitor.stop();
  });

  return app;
}
