import { type Static, Type } from 'typebox';

/** Every order status of the reference document, in lifecycle order. */
export const ORDER_STATUSES = ['NEW', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;

/** The order status enum (`type: string` + `enum`, as in the reference document). */
export const OrderStatus = Type.Enum(ORDER_STATUSES, { type: 'string', description: 'Current order status' });

/** One of `NEW | PROCESSING | SHIPPED | DELIVERED | CANCELLED`. */
export type OrderStatus = Static<typeof OrderStatus>;
