import type { OrderDocument } from './read-order-documents.ts';
import {
  type Rejection,
  type SendSummary,
  type SendSummaryWithIds,
  type SubmitOrder,
  sendEach,
} from './send-each.ts';

/** Where the running order-producer answers, and the key its write routes need. */
export interface HttpTarget {
  /** Base URL of the service, e.g. `http://localhost:3001`. */
  url: string;
  /** Sent as `x-api-key` (POST /orders, and GET /orders/:id in production). */
  apiKey?: string | undefined;
  /** Test seam; `globalThis.fetch` by default. */
  fetch?: typeof fetch;
}

/** A summary plus the ids the service accepted now (to follow their publication). */
export type HttpSendSummary = SendSummaryWithIds;

/** The service could not take an order (unreachable, 5xx, refused key): the run stops. */
export class SendOrdersFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SendOrdersFailedError';
  }
}

function headersOf(target: HttpTarget): Record<string, string> {
  return target.apiKey === undefined ? {} : { 'x-api-key': target.apiKey };
}

async function request(target: HttpTarget, path: string, init: RequestInit): Promise<Response> {
  const url = new URL(path, target.url.endsWith('/') ? target.url : `${target.url}/`);
  try {
    return await (target.fetch ?? fetch)(url, init);
  } catch (error) {
    throw new SendOrdersFailedError(
      `Cannot reach order-producer at ${target.url} (${error instanceof Error ? error.message : String(error)}). ` +
        'Start it (node apps/order-producer/dist/main.js), or pass its address with --url.',
      { cause: error },
    );
  }
}

interface ErrorAnswer {
  code?: string;
  message?: string;
  violations?: Rejection['violations'];
}

/**
 * Submits to the running service's `POST /orders`, so the service's one store (and its
 * single-process PGlite folder) does the validation, the idempotency and the outbox. 201 is
 * accepted, 200 a duplicate, any other 4xx a rejection with the service's code and violations; a
 * refused key, a 5xx or an unreachable service throws {@link SendOrdersFailedError}.
 */
export function submitOverHttp(target: HttpTarget): SubmitOrder {
  let accepted = 0;
  return async (order, line) => {
    const response = await request(target, 'orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headersOf(target) },
      body: JSON.stringify(order),
    });
    const answer = (await response.json().catch(() => ({}))) as ErrorAnswer & { order_id?: string };
    if (response.status === 201) {
      accepted += 1;
      return { kind: 'accepted', orderId: typeof answer.order_id === 'string' ? answer.order_id : undefined };
    }
    if (response.status === 200) return { kind: 'duplicate' };
    if (response.status === 401 || response.status === 403) {
      throw new SendOrdersFailedError(
        `order-producer at ${target.url} refused the API key (${response.status} ${answer.code ?? ''}): set API_KEY or pass --api-key.`,
      );
    }
    if (response.status >= 400 && response.status < 500) {
      return {
        kind: 'rejected',
        code: answer.code ?? `HTTP_${response.status}`,
        message: answer.message ?? `order-producer answered ${response.status}`,
        violations: answer.violations,
      };
    }
    throw new SendOrdersFailedError(
      `order-producer at ${target.url} could not take the order on line ${line} (${response.status} ${answer.code ?? ''}: ${answer.message ?? ''}); ` +
        `${accepted} order(s) before it were accepted. Send the file again once it is healthy: accepted orders come back as duplicates.`,
    );
  };
}

/** Sends each document to the running service, one at a time and in order (see {@link submitOverHttp}). */
export function sendOrdersOverHttp(
  documents: AsyncIterable<OrderDocument>,
  target: HttpTarget,
  onProgress: (summary: SendSummary) => void = () => undefined,
): Promise<HttpSendSummary> {
  return sendEach(documents, submitOverHttp(target), onProgress);
}

/**
 * Waits (up to `timeoutMs`, 0: one look) until the service reports each id published; returns how
 * many are not yet. The relay publishes in order, so it waits on the first unpublished id.
 */
export async function waitUntilPublished(
  ids: readonly string[],
  target: HttpTarget,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let index = 0;
  while (index < ids.length) {
    const id = ids[index] as string;
    const response = await request(target, `orders/${encodeURIComponent(id)}`, {
      headers: headersOf(target),
    });
    if (!response.ok) {
      throw new SendOrdersFailedError(
        `order-producer at ${target.url} answered ${response.status} to GET /orders/${id}: cannot follow publication.`,
      );
    }
    const stored = (await response.json()) as { published?: boolean };
    if (stored.published === true) {
      index += 1;
      continue;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (index >= ids.length) return 0;
  // Past the deadline: count the rest without waiting.
  let unpublished = 0;
  for (const id of ids.slice(index)) {
    const response = await request(target, `orders/${encodeURIComponent(id)}`, {
      headers: headersOf(target),
    });
    const stored = (await response.json().catch(() => ({}))) as { published?: boolean };
    if (stored.published !== true) unpublished += 1;
  }
  return unpublished;
}
