import { Counter } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetrics } from './create-metrics.ts';

describe('createMetrics', () => {
  it('exposes the shared metrics labelled with the app name', async () => {
    const metrics = createMetrics('order-producer');
    metrics.outboxPublished.inc({ topic: 'orders.created' }, 3);
    metrics.httpRequestDuration.observe({ method: 'GET', route: '/health', status_code: '200' }, 0.002);
    const text = await metrics.registry.metrics();
    expect(text).toContain('outbox_published_total{topic="orders.created",app="order-producer"} 3');
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('keeps registries of two apps in one process apart', async () => {
    const first = createMetrics('a');
    const second = createMetrics('b');
    new Counter({ name: 'orders_accepted_total', help: 'x', registers: [first.registry] }).inc();
    expect(await first.registry.metrics()).toContain('orders_accepted_total');
    expect(await second.registry.metrics()).not.toContain('orders_accepted_total');
  });
});
