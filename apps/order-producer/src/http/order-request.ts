import { Order, OrderItem } from '@order-service/contracts';
import { type Static, Type } from 'typebox';

/** An item as clients send it: the contract's fields and nothing else. */
export const OrderItemRequest = Type.Object(
  {
    product_id: Type.String({
      description: 'Product ID',
      minLength: 1,
      maxLength: 200,
    }),
    quantity: OrderItem.properties.quantity,
    price: OrderItem.properties.price,
  },
  { additionalProperties: false, description: 'Order item (price per unit in kopecks)' },
);

/**
 * The body of `POST /orders`. The service sets `status` and `created_at`; `order_id` is generated
 * (UUIDv7) when absent; `total_amount`, when present, must equal the sum of the items.
 * Unknown fields are rejected so that a typo never silently drops data.
 */
export const CreateOrderRequest = Type.Object(
  {
    order_id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Client-chosen unique order id (idempotency key); generated (UUIDv7) when absent',
      }),
    ),
    customer_id: Type.String({
      description: 'Customer ID',
      minLength: 1,
      maxLength: 200,
    }),
    items: Type.Array(OrderItemRequest, {
      minItems: 1,
      maxItems: 1_000,
      description: 'List of items in the order',
    }),
    total_amount: Type.Optional(
      Type.Integer({ description: 'Total order amount in kopecks; computed from the items when absent' }),
    ),
  },
  { additionalProperties: false, description: 'A new order' },
);

/** The body of `POST /orders`. */
export type CreateOrderRequest = Static<typeof CreateOrderRequest>;

/** The answer of `GET /orders/:order_id`. */
export const StoredOrderResponse = Type.Object(
  {
    order: Order,
    published: Type.Boolean({ description: 'true once Kafka acknowledged the OrderCreated record' }),
    published_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { description: 'An order as stored, with its publication state' },
);

/** The answer of `GET /orders/:order_id`. */
export type StoredOrderResponse = Static<typeof StoredOrderResponse>;
