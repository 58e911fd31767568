import { checkCarriableOrder, type Order, type Violation } from '@order-service/contracts';

/**
 * Violations of an order the pipeline cannot store or carry although the wire schema allows it:
 * U+0000 and other control characters (U+0000-U+001F, U+007F-U+009F) or unpaired UTF-16
 * surrogates in `order_id`, `customer_id` or a `product_id`, ids longer than 200 code points, and
 * date-times outside the range every store accepts. The rules live in the contracts package
 * (`checkCarriableOrder`), so the front door refuses exactly what the consumers would dead-letter.
 */
export function checkCarriable(order: Order): Violation[] {
  return checkCarriableOrder(order);
}
