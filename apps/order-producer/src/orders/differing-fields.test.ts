import type { Order } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { differingFields } from './differing-fields.ts';

const stored: Order = {
  order_id: 'o1',
  customer_id: 'c1',
  items: [{ product_id: 'p', quantity: 2, price: 10 }],
  total_amount: 20,
  created_at: '2026-01-01T00:00:00Z',
  status: 'NEW',
};

describe('differingFields', () => {
  it('finds no difference for a retry with or without the total', () => {
    expect(differingFields(stored, { order_id: 'o1', customer_id: 'c1', items: [...stored.items] })).toEqual(
      [],
    );
    expect(
      differingFields(stored, {
        order_id: 'o1',
        customer_id: 'c1',
        items: [...stored.items],
        total_amount: 20,
      }),
    ).toEqual([]);
  });

  it('names each differing field', () => {
    const differences = differingFields(stored, {
      order_id: 'o1',
      customer_id: 'c2',
      items: [{ product_id: 'p', quantity: 3, price: 10 }],
      total_amount: 30,
    });
    expect(differences.map((difference) => difference.path)).toEqual([
      '/customer_id',
      '/items',
      '/total_amount',
    ]);
  });
});
