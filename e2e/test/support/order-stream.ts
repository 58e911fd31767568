import { setTimeout as sleep } from 'node:timers/promises';
import type { OrderStatus } from '@order-service/contracts';
import { createDemoOrder, type Random } from '@order-service/run-system/demo';
import type { DeliveryLedger, RequestOutcome } from './delivery-ledger.ts';
import { postJson } from './order-client.ts';

/** Options of {@link startOrderStream}. */
export type OrderStreamOptions = {
  /** Base URLs of the order-producer instances (read on every attempt: instances come and go). */
  orderApis: () => string[];
  /** Base URLs of the status-worker instances. */
  statusApis: () => string[];
  ratePerSecond: number;
  maxOrders: number;
  ledger: DeliveryLedger;
  /** True once the order's PROCESSING is on orders.status (then it can be moved along). */
  isProcessing: (orderId: string) => boolean;
  random: Random;
  runId: string;
  /** How long one request keeps being retried while instances restart. */
  retryForMs?: number;
};

/** A steady stream of orders, each then moved along its lifecycle, all recorded in the ledger. */
export type OrderStream = {
  placed(): number;
  /** Stops placing orders and waits for every request in flight, retries included. */
  stop(): Promise<void>;
};

type Attempt = { status: number; ok: boolean };

// Like a careful client: on no answer or a 5xx, retry the same request (same order_id, so the API's
// idempotency makes the retry safe) against any instance, until the deadline.
async function withRetries(
  urls: () => string[],
  path: string,
  body: unknown,
  accepted: (status: number) => boolean,
  retryForMs: number,
): Promise<{ outcome: RequestOutcome; status: number }> {
  const deadline = Date.now() + retryForMs;
  let turn = 0;
  let answered = false;
  for (;;) {
    const bases = urls();
    const base = bases[turn % Math.max(1, bases.length)];
    turn += 1;
    let attempt: Attempt = { status: 0, ok: false };
    if (base) {
      try {
        const answer = await postJson(`${base}${path}`, body);
        attempt = { status: answer.status, ok: accepted(answer.status) };
      } catch {
        attempt = { status: 0, ok: false };
      }
    }
    if (attempt.ok) return { outcome: 'accepted', status: attempt.status };
    if (attempt.status >= 400 && attempt.status < 500) return { outcome: 'refused', status: attempt.status };
    if (attempt.status >= 500) answered = true;
    if (Date.now() > deadline) return { outcome: answered ? 'refused' : 'unknown', status: attempt.status };
    await sleep(300);
  }
}

function planSteps(random: Random): OrderStatus[] {
  const roll = random();
  if (roll < 0.5) return ['SHIPPED', 'DELIVERED'];
  if (roll < 0.7) return ['CANCELLED'];
  return [];
}

/**
 * Places `maxOrders` orders at `ratePerSecond` (open loop: a slow answer does not slow the
 * stream), and moves each acknowledged order, once PROCESSING, to SHIPPED then DELIVERED, or to
 * CANCELLED, or leaves it. Every request and its outcome goes into the ledger.
 */
export function startOrderStream(options: OrderStreamOptions): OrderStream {
  const retryForMs = options.retryForMs ?? 90_000;
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  let placed = 0;
  let stopped = false;

  const moveAlong = async (orderId: string) => {
    const steps = planSteps(options.random);
    if (steps.length === 0) return;
    const requests: { status: OrderStatus; outcome: RequestOutcome }[] = [];
    options.ledger.statusRequests.set(orderId, requests);
    while (!options.isProcessing(orderId)) await sleep(200);
    for (const status of steps) {
      const entry: { status: OrderStatus; outcome: RequestOutcome } = { status, outcome: 'unknown' };
      requests.push(entry);
      const result = await withRetries(
        options.statusApis,
        `/orders/${encodeURIComponent(orderId)}/status`,
        { status, comment: `fault suite: ${status}` },
        (code) => code === 202 || code === 200,
        retryForMs,
      );
      entry.outcome = result.outcome;
      if (result.outcome !== 'accepted') return;
    }
  };

  const placeOrder = async (index: number) => {
    const orderId = `${options.runId}-${index}`;
    const entry = { acknowledged: false };
    options.ledger.orders.set(orderId, entry);
    const result = await withRetries(
      options.orderApis,
      '/orders',
      createDemoOrder(options.random, orderId),
      (code) => code === 201 || code === 200,
      retryForMs,
    );
    entry.acknowledged = result.outcome === 'accepted';
    if (entry.acknowledged) await moveAlong(orderId);
  };

  const startedAt = Date.now();
  const ticker = setInterval(() => {
    const due = Math.min(
      options.maxOrders,
      Math.floor(((Date.now() - startedAt) / 1000) * options.ratePerSecond) + 1,
    );
    while (!stopped && placed < due) {
      track(placeOrder(placed));
      placed += 1;
    }
    if (placed >= options.maxOrders) clearInterval(ticker);
  }, 20);

  return {
    placed: () => placed,
    async stop() {
      stopped = true;
      clearInterval(ticker);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
