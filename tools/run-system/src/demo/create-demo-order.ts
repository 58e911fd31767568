import { integerBetween, pickOne, type Random } from './create-random.ts';
import { DEMO_CUSTOMERS, DEMO_PRODUCTS } from './demo-catalog.ts';

/** The body of `POST /orders`: the service adds `status` and `created_at`. */
export type OrderRequest = {
  order_id?: string;
  customer_id: string;
  items: { product_id: string; quantity: number; price: number }[];
  total_amount: number;
};

/**
 * Builds a realistic order request: one to four distinct products, small quantities, kopeck
 * prices, and the exact total of quantity x price (what the service checks).
 */
export function createDemoOrder(random: Random, orderId?: string): OrderRequest {
  const itemCount = integerBetween(random, 1, 4);
  const chosen = new Map<string, { product_id: string; quantity: number; price: number }>();
  while (chosen.size < itemCount) {
    const product = pickOne(random, DEMO_PRODUCTS);
    if (chosen.has(product.productId)) continue;
    chosen.set(product.productId, {
      product_id: product.productId,
      quantity: integerBetween(random, 1, 3),
      price: product.price,
    });
  }
  const items = [...chosen.values()];
  const total = items.reduce((sum, item) => sum + item.quantity * item.price, 0);
  const request: OrderRequest = { customer_id: pickOne(random, DEMO_CUSTOMERS), items, total_amount: total };
  return orderId === undefined ? request : { order_id: orderId, ...request };
}
