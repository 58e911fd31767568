/** The `order_id` of a parsed input document, when it has a string one (for progress lines). */
export function orderIdOf(value: unknown): { order_id?: string } {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { order_id?: unknown }).order_id === 'string'
  ) {
    return { order_id: (value as { order_id: string }).order_id };
  }
  return {};
}
