import type { PostgresStatistics } from '../postgres-statistics.ts';
import { formatTable } from './format-table.ts';

const SCHEMA = /^(.*)_(order_producer|status_worker|notifier)\.[^.]+$/;

/**
 * The rows each table received, per order of its own pipeline (an order is a row inserted into
 * that pipeline's `<label>_order_producer.orders`), and the commits per order over the whole run.
 */
export function formatPostgresStatistics(statistics: PostgresStatistics): string {
  const ordersOf = new Map<string, number>();
  for (const table of statistics.tables) {
    const label = table.table.match(SCHEMA)?.[1];
    if (label && table.table === `${label}_order_producer.orders`) ordersOf.set(label, table.inserted);
  }
  const allOrders = [...ordersOf.values()].reduce((sum, value) => sum + value, 0);
  const perOrder = (value: number, orders: number | undefined) =>
    orders ? (value / orders).toFixed(2) : '-';
  const rows = statistics.tables
    .filter((table) => table.inserted + table.updated + table.deleted > 0)
    .map((table) => {
      const orders = ordersOf.get(table.table.match(SCHEMA)?.[1] ?? '');
      return [
        table.table,
        String(table.inserted),
        String(table.updated),
        String(table.deleted),
        perOrder(table.inserted + table.updated + table.deleted, orders),
      ];
    });
  return [
    `orders accepted: ${allOrders}; commits: ${statistics.commits} (${perOrder(statistics.commits, allOrders)} per order), rollbacks: ${statistics.rollbacks}`,
    formatTable(['table', 'inserted', 'updated', 'deleted', 'row writes per order of its pipeline'], rows),
  ].join('\n');
}
