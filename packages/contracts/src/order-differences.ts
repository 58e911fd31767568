import type { Order } from './schemas/order.ts';

/** The fields of an order, in the schema's order. */
export const ORDER_FIELDS = [
  'order_id',
  'customer_id',
  'items',
  'total_amount',
  'created_at',
  'status',
] as const;

// Equal as JSON values: objects by their keys whatever their order, arrays element by element.
function sameJson(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) || Array.isArray(right)) {
    return (
      Array.isArray(left) &&
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => sameJson(item, right[index]))
    );
  }
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  const keys = new Set([...Object.keys(leftRecord), ...Object.keys(rightRecord)]);
  return [...keys].every((key) => sameJson(leftRecord[key], rightRecord[key]));
}

/**
 * The fields (of `fields`, default all) in which two copies of an order differ, in schema order:
 * empty when one is a true repeat of the other. Decides whether an order_id seen again is a
 * retry (idempotent) or a conflict.
 */
export function orderFieldsThatDiffer(
  first: Readonly<Partial<Order>>,
  second: Readonly<Partial<Order>>,
  fields: readonly (keyof Order)[] = ORDER_FIELDS,
): (keyof Order)[] {
  return fields.filter((field) => !sameJson(first[field], second[field]));
}
