import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { OrderStatus } from '@order-service/contracts';
import { ErrorBody, readTraceparent } from '@order-service/runtime';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { type ChangeOrderStatusDeps, changeOrderStatus } from '../lifecycle/change-order-status.ts';
import { OrderParams, StatusChangeAccepted, StatusChangeBody } from './http-schemas.ts';

/** What the status-change route needs besides the lifecycle: the write guard and a change counter. */
export interface StatusChangeRouteDeps extends ChangeOrderStatusDeps {
  /** The key check, run onRequest: before the body is read, so a bad body without a key is 401. */
  guard: onRequestHookHandler;
  /** Called once a change committed (not for a repeat); counts it. */
  onChanged: (status: OrderStatus) => void;
}

/**
 * `POST /orders/:order_id/status`: 202 with where the order stands, both for a change and for a
 * repeat of the current status (which writes and publishes nothing); 409 for a transition the
 * lifecycle forbids, naming what is allowed; 404 for an unknown order; 400 for a bad body.
 */
export function registerStatusChangeRoute(app: FastifyInstance, deps: StatusChangeRouteDeps): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/orders/:order_id/status',
    {
      onRequest: deps.guard,
      schema: {
        summary: 'Move an order to another status',
        params: OrderParams,
        body: StatusChangeBody,
        response: { 202: StatusChangeAccepted, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const result = await changeOrderStatus(deps, {
        orderId: request.params.order_id,
        status: request.body.status,
        comment: request.body.comment ?? null,
        traceparent: readTraceparent(request.headers.traceparent),
      });
      if (result.changed) deps.onChanged(result.status);
      return reply
        .code(202)
        .send({ order_id: result.orderId, status: result.status, updated_at: result.updatedAt });
    },
  );
}
