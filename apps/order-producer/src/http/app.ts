import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Order } from '@order-service/contracts';
import {
  apiKeyGuard,
  type BaseServer,
  type BaseServerOptions,
  buildBaseServer,
  childTraceparent,
  ErrorBody,
  type HttpAccess,
  type Store,
} from '@order-service/runtime';
import { Type } from 'typebox';
import { orderProducerError } from '../errors.ts';
import { acceptOrder } from '../orders/accept-order.ts';
import type { OrderFactory } from '../orders/build-order.ts';
import { findOrder } from '../store/order-repository.ts';
import { createOrderMetrics } from './order-metrics.ts';
import { CreateOrderRequest, StoredOrderResponse } from './order-request.ts';

/** Everything the HTTP app needs: the runtime's server options (logger, metrics, readiness, body limit) and the app's own. */
export interface AppDeps extends OrderFactory, BaseServerOptions {
  store: Store;
  /** The topic of orders/created. */
  topic: string;
  /** Who may call: `POST /orders` needs the key whenever one is set, `GET /orders/:id` in production. */
  access: HttpAccess;
  /** KAFKA_MAX_MESSAGE_BYTES: an order whose record would be larger is refused with 413. */
  maxRecordBytes?: number;
}

const OrderIdParams = Type.Object({ order_id: Type.String({ minLength: 1, maxLength: 200 }) });

/** Builds the order-producer HTTP app (routes, OpenAPI at /docs); it never listens. */
export async function buildApp(deps: AppDeps): Promise<BaseServer> {
  const app = buildBaseServer({ ...deps, validationErrorCode: 'ORDER_PRODUCER_INVALID_ORDER' });
  const orderMetrics = createOrderMetrics(deps.metrics.registry);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'order-producer',
        description:
          'Accepts orders and publishes each exactly once to orders/created (Kafka topic orders.created).',
        version: '1.0.0',
      },
      components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.post(
    '/orders',
    {
      // onRequest, not preHandler: the key is checked before the body is read (no key: 401, not 400).
      onRequest: apiKeyGuard(deps.access, { kind: 'write' }),
      schema: {
        summary: 'Accept an order',
        description:
          'Stores the order and publishes it once to orders/created. The same order_id with the same content answers 200 with the stored order; with different content 409.',
        security: deps.access.apiKey === undefined ? [] : [{ apiKey: [] }],
        body: CreateOrderRequest,
        response: {
          200: { ...Order, description: 'The same order was accepted before; nothing new is published' },
          201: { ...Order, description: 'Accepted: the order exactly as it is published' },
          400: ErrorBody,
          401: ErrorBody,
          409: ErrorBody,
          413: ErrorBody,
          503: ErrorBody,
        },
      },
      onResponse: async (_request, reply) => {
        if (reply.statusCode === 201) orderMetrics.accepted.inc();
        else if (reply.statusCode === 200) orderMetrics.duplicates.inc();
        else orderMetrics.rejected.inc({ code: String(reply.statusCode) });
      },
    },
    async (request, reply) => {
      const incoming = request.headers.traceparent;
      const accepted = await acceptOrder(
        {
          store: deps.store,
          topic: deps.topic,
          now: deps.now,
          generateOrderId: deps.generateOrderId,
          ...(deps.maxRecordBytes === undefined ? {} : { maxRecordBytes: deps.maxRecordBytes }),
        },
        request.body,
        childTraceparent(incoming),
      );
      request.log.debug({ order_id: accepted.order.order_id, outcome: accepted.outcome }, 'order handled');
      return reply
        .status(accepted.outcome === 'created' ? 201 : 200)
        .header('location', `/orders/${encodeURIComponent(accepted.order.order_id)}`)
        .send(accepted.order);
    },
  );

  const readGuarded = deps.access.mode === 'production';
  app.get(
    '/orders/:order_id',
    {
      onRequest: apiKeyGuard(deps.access, { kind: 'read' }),
      schema: {
        summary: 'Read an order and whether it has been published',
        security: readGuarded ? [{ apiKey: [] }] : [],
        params: OrderIdParams,
        response: { 200: StoredOrderResponse, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { order_id: orderId } = request.params;
      const stored = await findOrder(deps.store, orderId);
      if (stored === undefined) {
        throw orderProducerError(
          'ORDER_PRODUCER_ORDER_NOT_FOUND',
          `No order with order_id ${JSON.stringify(orderId)}.`,
        );
      }
      return {
        order: stored.order,
        published: stored.publishedAt !== null,
        published_at: stored.publishedAt?.toISOString() ?? null,
      };
    },
  );

  return app;
}
