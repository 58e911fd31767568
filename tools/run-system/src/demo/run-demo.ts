import { setTimeout as sleep } from 'node:timers/promises';
import { createDemoOrder } from './create-demo-order.ts';
import type { Random } from './create-random.ts';
import { type DemoStep, planLifecycle } from './plan-lifecycle.ts';

/** Options of {@link startDemo}. */
export type DemoOptions = {
  orderApiUrl: string;
  statusApiUrl: string;
  ordersPerMinute: number;
  random: Random;
  apiKey?: string;
  log: (line: string) => void;
};

const COMMENTS: Record<DemoStep['status'], string> = {
  SHIPPED: 'Передан в службу доставки',
  DELIVERED: 'Вручён покупателю',
  CANCELLED: 'Отменён по просьбе покупателя',
};

// The status-worker learns of an order through Kafka, a moment after the order API answered:
// until then a status change answers 404 (unknown) or 409 (still NEW), so the demo retries.
const RETRYABLE = new Set([404, 409, 503]);

async function postJson(url: string, body: unknown, apiKey: string | undefined, signal: AbortSignal) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
    body: JSON.stringify(body),
    signal,
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as unknown };
}

async function moveAlong(orderId: string, steps: DemoStep[], options: DemoOptions, signal: AbortSignal) {
  for (const step of steps) {
    await sleep(step.afterMs, undefined, { signal });
    for (let attempt = 1; ; attempt += 1) {
      const url = `${options.statusApiUrl}/orders/${encodeURIComponent(orderId)}/status`;
      const answer = await postJson(
        url,
        { status: step.status, comment: COMMENTS[step.status] },
        options.apiKey,
        signal,
      );
      if (answer.status === 202 || answer.status === 200) break;
      if (!RETRYABLE.has(answer.status) || attempt === 10) {
        options.log(
          `demo: ${orderId} -> ${step.status} refused with ${answer.status} ${JSON.stringify(answer.body)}`,
        );
        return;
      }
      await sleep(1_000, undefined, { signal });
    }
  }
}

/**
 * Posts demo orders at a gentle pace and moves each through its lifecycle over the status API
 * (shipped and delivered, some cancelled), so the live page fills up. `stop()` ends it at once.
 */
export function startDemo(options: DemoOptions): { stop(): void } {
  const controller = new AbortController();
  const { signal } = controller;
  let sent = 0;
  const postOrder = async () => {
    const answer = await postJson(
      `${options.orderApiUrl}/orders`,
      createDemoOrder(options.random),
      options.apiKey,
      signal,
    );
    const orderId = (answer.body as { order_id?: unknown } | undefined)?.order_id;
    if (answer.status !== 201 || typeof orderId !== 'string') {
      options.log(`demo: an order was refused with ${answer.status} ${JSON.stringify(answer.body)}`);
      return;
    }
    sent += 1;
    if (sent === 1 || sent % 10 === 0) options.log(`demo: ${sent} orders sent so far (latest ${orderId})`);
    await moveAlong(orderId, planLifecycle(options.random), options, signal);
  };
  const loop = async () => {
    const averageGapMs = 60_000 / options.ordersPerMinute;
    while (!signal.aborted) {
      postOrder().catch((error: unknown) => {
        if (!signal.aborted) options.log(`demo: ${error instanceof Error ? error.message : String(error)}`);
      });
      // Gaps vary around the average, so orders do not arrive like a metronome.
      await sleep(averageGapMs * (0.5 + options.random()), undefined, { signal }).catch(() => undefined);
    }
  };
  void loop();
  return { stop: () => controller.abort() };
}
