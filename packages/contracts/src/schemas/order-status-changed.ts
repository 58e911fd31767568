import { type Static, Type } from 'typebox';
import { DateTime } from './date-time.ts';
import { ORDER_STATUSES } from './order-status.ts';

/** The payload of `OrderStatusChanged` on `orders/status` (the reference document's `OrderStatus` schema). */
export const OrderStatusChanged = Type.Object(
  {
    order_id: Type.String({ description: 'Order ID' }),
    status: Type.Enum(ORDER_STATUSES, { type: 'string', description: 'New status' }),
    updated_at: DateTime('Status update time'),
    comment: Type.Optional(Type.String({ description: 'Comment on status change' })),
  },
  { description: 'Order status update' },
);

/** A status update as it travels on `orders/status`. */
export type OrderStatusChanged = Static<typeof OrderStatusChanged>;
