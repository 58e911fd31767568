import { describe, expect, it } from 'vitest';
import { metricValue } from './metric-value.ts';

const text = [
  '# HELP orders_total Orders.',
  '# TYPE orders_total counter',
  'orders_total{status="NEW",app="x"} 3',
  'orders_total{status="PAID",app="x"} 5',
  'orders_total_created 9',
  'lag 1.5',
].join('\n');

describe('metricValue', () => {
  it('reads the sample whose labels include the wanted ones', () => {
    expect(metricValue(text, 'orders_total', { status: 'PAID' })).toBe(5);
    expect(metricValue(text, 'lag')).toBe(1.5);
  });

  it('does not mistake a longer metric name for the wanted one', () => {
    expect(metricValue(text, 'orders_total_created')).toBe(9);
    expect(metricValue('orders_total_created 9', 'orders_total')).toBe(0);
  });

  it('is 0 when no sample matches', () => {
    expect(metricValue(text, 'orders_total', { status: 'SHIPPED' })).toBe(0);
  });
});
