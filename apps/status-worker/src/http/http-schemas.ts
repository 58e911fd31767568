import { Order, OrderStatus } from '@order-service/contracts';
import { type Static, Type } from 'typebox';

/** Path parameters of the order routes. */
export const OrderParams = Type.Object(
  {
    order_id: Type.String({ minLength: 1, maxLength: 1000, description: 'The order_id from orders.created' }),
  },
  { additionalProperties: false },
);
/** Path parameters of the order routes. */
export type OrderParams = Static<typeof OrderParams>;

/** Body of `POST /orders/:order_id/status`. */
export const StatusChangeBody = Type.Object(
  {
    status: OrderStatus,
    comment: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Why the status changes; published as is' }),
    ),
  },
  { additionalProperties: false, description: 'The status to move the order to' },
);
/** Body of `POST /orders/:order_id/status`. */
export type StatusChangeBody = Static<typeof StatusChangeBody>;

/** `202` answer of `POST /orders/:order_id/status`: where the order stands now. */
export const StatusChangeAccepted = Type.Object(
  {
    order_id: Type.String(),
    status: OrderStatus,
    updated_at: Type.String({ format: 'date-time', description: 'When the order reached this status' }),
  },
  { description: 'The order has (or already had) the requested status' },
);
/** `202` answer of `POST /orders/:order_id/status`. */
export type StatusChangeAccepted = Static<typeof StatusChangeAccepted>;

/** One entry of an order's status history. */
export const HistoryEntry = Type.Object({
  status: OrderStatus,
  changed_at: Type.String({ description: 'When the order reached this status' }),
  comment: Type.Optional(Type.String()),
  event_id: Type.Optional(
    Type.String({ description: 'x-event-id of the OrderStatusChanged published for it' }),
  ),
});

/** `200` answer of `GET /orders/:order_id`. */
export const OrderWithHistory = Type.Object({
  order_id: Type.String(),
  status: OrderStatus,
  updated_at: Type.String(),
  order: Order,
  history: Type.Array(HistoryEntry, { description: 'Every status the order reached, oldest first' }),
});
/** `200` answer of `GET /orders/:order_id`. */
export type OrderWithHistory = Static<typeof OrderWithHistory>;
