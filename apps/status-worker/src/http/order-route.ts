import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Store } from '@order-service/runtime';
import { ErrorBody } from '@order-service/runtime';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { StatusWorkerError } from '../errors.ts';
import { readOrder } from '../lifecycle/read-order.ts';
import { OrderParams, OrderWithHistory } from './http-schemas.ts';

/**
 * `GET /orders/:order_id`: the order as received, its current status and its full history.
 * Customer data: `guard` asks for the key (in production).
 */
export function registerOrderRoute(app: FastifyInstance, store: Store, guard: onRequestHookHandler): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/orders/:order_id',
    {
      onRequest: guard,
      schema: {
        summary: 'An order with its current status and status history',
        params: OrderParams,
        response: { 200: OrderWithHistory, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const view = await readOrder(store, request.params.order_id);
      if (view === undefined) {
        throw new StatusWorkerError(
          'STATUS_WORKER_ORDER_NOT_FOUND',
          `No order "${request.params.order_id}" has been received; check the order_id.`,
          { details: { order_id: request.params.order_id } },
        );
      }
      return {
        order_id: view.order.order_id,
        status: view.status,
        updated_at: view.updatedAt,
        order: view.order,
        history: view.history.map((entry) => ({
          status: entry.status,
          changed_at: entry.changedAt,
          ...(entry.comment === null ? {} : { comment: entry.comment }),
          ...(entry.eventId === null ? {} : { event_id: entry.eventId }),
        })),
      };
    },
  );
}
