import { type Static, Type } from 'typebox';

/** One line of an order (the reference document's `OrderItem`). */
export const OrderItem = Type.Object(
  {
    product_id: Type.String({ description: 'Product ID' }),
    quantity: Type.Integer({ minimum: 1, description: 'Quantity' }),
    price: Type.Integer({ description: 'Price per unit in kopecks' }),
  },
  { description: 'Order item' },
);

/** One line of an order. */
export type OrderItem = Static<typeof OrderItem>;
