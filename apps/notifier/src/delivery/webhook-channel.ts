import { HEADERS } from '@order-service/contracts';
import { NotifierError } from '../notifier-error.ts';
import type { DeliveryChannel } from './delivery-channel.ts';
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './webhook-signature.ts';

/** The header that repeats notification_id, so a receiver can drop a resent notification cheaply. */
export const NOTIFICATION_ID_HEADER = 'x-notification-id';

/** Options of the webhook channel. */
export interface WebhookChannelOptions {
  url: string;
  secret: string;
  timeoutMs: number;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Clock for the signature timestamp; Date.now otherwise. */
  now?: () => number;
}

// 408, 425 and 429 say "not now" rather than "never": they are worth another attempt.
const retryableStatuses = new Set([408, 425, 429]);

function classifyFailure(error: unknown, url: string, timeoutMs: number): NotifierError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new NotifierError(
      'NOTIFIER_WEBHOOK_TIMEOUT',
      `Webhook ${url} did not answer within ${timeoutMs} ms; raise WEBHOOK_TIMEOUT_MS if it is slow`,
      { cause: error },
    );
  }
  const reason =
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
  return new NotifierError('NOTIFIER_WEBHOOK_UNREACHABLE', `Webhook ${url} is unreachable: ${reason}`, {
    cause: error,
  });
}

/**
 * The webhook channel: POSTs the notification's JSON, signed with HMAC-SHA256 over
 * `<timestamp>.<body>` (see webhook-signature.ts), with a per-attempt timeout. One call is one
 * attempt: retries and dead letters belong to the delivery worker, which persists them.
 */
export function createWebhookChannel(options: WebhookChannelOptions): DeliveryChannel {
  const send = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  return {
    name: 'webhook',
    async deliver(notification, body): Promise<void> {
      const timestamp = Math.floor(now() / 1000);
      let response: Response;
      try {
        response = await send(options.url, {
          method: 'POST',
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs),
          headers: {
            'content-type': 'application/json; charset=utf-8',
            [HEADERS.messageName]: 'Notification',
            [NOTIFICATION_ID_HEADER]: notification.notification_id,
            [SIGNATURE_HEADER]: signWebhookBody(options.secret, timestamp, body),
            [TIMESTAMP_HEADER]: String(timestamp),
          },
        });
        // Drain the body so the connection returns to the pool; its content is not used.
        await response.arrayBuffer();
      } catch (error) {
        throw classifyFailure(error, options.url, options.timeoutMs);
      }
      if (response.status >= 200 && response.status < 300) return;
      if (response.status >= 500 || retryableStatuses.has(response.status)) {
        throw new NotifierError(
          'NOTIFIER_WEBHOOK_SERVER_ERROR',
          `Webhook ${options.url} answered ${response.status}; will retry`,
        );
      }
      throw new NotifierError(
        'NOTIFIER_WEBHOOK_REJECTED',
        `Webhook ${options.url} answered ${response.status}; check WEBHOOK_URL and the receiver's signature check`,
      );
    },
  };
}
