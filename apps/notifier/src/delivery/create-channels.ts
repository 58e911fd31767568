import { enabledChannels, type NotifierConfig } from '../config.ts';
import { NotifierError } from '../notifier-error.ts';
import type { DeliveryChannel, DeliveryChannelName } from './delivery-channel.ts';
import { createLogChannel, type LineSink } from './log-channel.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { createWebhookChannel } from './webhook-channel.ts';

/** The channels NOTIFY_CHANNELS enables, built from the configuration, with their retry policies. */
export function createChannels(
  config: NotifierConfig,
  io: { logSink: LineSink; fetch?: typeof fetch },
): { channels: DeliveryChannel[]; retryPolicy: (channel: DeliveryChannelName) => RetryPolicy } {
  const channels = enabledChannels(config).map((name): DeliveryChannel => {
    if (name === 'log') return createLogChannel({ sink: io.logSink });
    if (config.WEBHOOK_URL === undefined || config.WEBHOOK_SECRET === undefined) {
      throw new NotifierError(
        'NOTIFIER_CONFIG_INVALID',
        'The webhook channel needs WEBHOOK_URL and WEBHOOK_SECRET',
      );
    }
    return createWebhookChannel({
      url: config.WEBHOOK_URL,
      secret: config.WEBHOOK_SECRET,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
    });
  });
  const webhookPolicy: RetryPolicy = {
    maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
    baseDelayMs: config.WEBHOOK_BACKOFF_BASE_MS,
    maxDelayMs: config.WEBHOOK_BACKOFF_MAX_MS,
  };
  // Writing a line to stdout fails only when stdout is gone: a few quick retries, then give up.
  const logPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
  return { channels, retryPolicy: (channel) => (channel === 'webhook' ? webhookPolicy : logPolicy) };
}
