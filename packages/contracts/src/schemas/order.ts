import { type Static, Type } from 'typebox';
import { DateTime } from './date-time.ts';
import { OrderItem } from './order-item.ts';
import { OrderStatus } from './order-status.ts';

/** The payload of `OrderCreated` on `orders/created` (the reference document's `Order`). */
export const Order = Type.Object(
  {
    order_id: Type.String({ description: 'Unique order identifier', examples: ['12345'] }),
    customer_id: Type.String({ description: 'Customer ID', examples: ['user789'] }),
    items: Type.Array(OrderItem, { description: 'List of items in the order' }),
    total_amount: Type.Integer({ description: 'Total order amount in kopecks', examples: [300000] }),
    created_at: DateTime('Order creation date and time'),
    status: OrderStatus,
  },
  { description: '# Order Schema\n\nThe main entity describing an order in the system\n' },
);

/** An order as it travels on `orders/created`. */
export type Order = Static<typeof Order>;
