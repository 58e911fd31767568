import { canTransition, checkOrderRules, type Order, type OrderStatus } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { createDemoOrder } from './create-demo-order.ts';
import { createSeededRandom } from './create-random.ts';
import { planLifecycle } from './plan-lifecycle.ts';

describe('createDemoOrder', () => {
  it('produces orders that obey every business rule of the contracts', () => {
    const random = createSeededRandom(7);
    for (let index = 0; index < 500; index += 1) {
      const request = createDemoOrder(random, `demo-${index}`);
      const order: Order = {
        ...request,
        order_id: `demo-${index}`,
        created_at: new Date().toISOString(),
        status: 'NEW',
      };
      expect(checkOrderRules(order)).toEqual([]);
    }
  });

  it('uses kopeck prices, distinct products and the requested order id', () => {
    const request = createDemoOrder(createSeededRandom(3), 'demo-1');
    expect(request.order_id).toBe('demo-1');
    const productIds = request.items.map((item) => item.product_id);
    expect(new Set(productIds).size).toBe(productIds.length);
    for (const item of request.items) expect(Number.isSafeInteger(item.price)).toBe(true);
  });

  it('leaves the order id to the service when none is given', () => {
    expect(createDemoOrder(createSeededRandom(1))).not.toHaveProperty('order_id');
  });

  it('is reproducible from a seed', () => {
    expect(createDemoOrder(createSeededRandom(42))).toEqual(createDemoOrder(createSeededRandom(42)));
  });
});

describe('planLifecycle', () => {
  it('only plans changes the lifecycle allows from PROCESSING', () => {
    const random = createSeededRandom(11);
    const seen = new Set<string>();
    for (let index = 0; index < 300; index += 1) {
      let current: OrderStatus = 'PROCESSING';
      for (const step of planLifecycle(random)) {
        expect(canTransition(current, step.status)).toBe(true);
        expect(step.afterMs).toBeGreaterThan(0);
        current = step.status;
      }
      seen.add(current);
    }
    expect([...seen].sort()).toEqual(['CANCELLED', 'DELIVERED', 'PROCESSING']);
  });
});
