import { describe, expect, it } from 'vitest';
import { formatPostgresStatistics } from './format-postgres-statistics.ts';

describe('formatPostgresStatistics', () => {
  it('divides commits by all orders, and each table row writes by the orders of its own pipeline', () => {
    const text = formatPostgresStatistics({
      commits: 900,
      rollbacks: 1,
      tables: [
        { table: 'outbox_order_producer.orders', inserted: 100, updated: 0, deleted: 0, sequentialScans: 0 },
        { table: 'front_order_producer.orders', inserted: 200, updated: 0, deleted: 0, sequentialScans: 0 },
        {
          table: 'outbox_order_producer.outbox',
          inserted: 300,
          updated: 300,
          deleted: 0,
          sequentialScans: 0,
        },
        { table: 'outbox_notifier.unused', inserted: 0, updated: 0, deleted: 0, sequentialScans: 3 },
      ],
    });
    expect(text).toContain('orders accepted: 300; commits: 900 (3.00 per order)');
    expect(text).toMatch(/outbox_order_producer\.outbox\s+\|\s+300\s+\|\s+300\s+\|\s+0\s+\|\s+6\.00/);
    expect(text).not.toContain('unused');
  });
});
