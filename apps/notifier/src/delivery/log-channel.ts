import type { Notification } from '@order-service/contracts';
import type { DeliveryChannel } from './delivery-channel.ts';

/** Where the log channel writes its lines (stdout in production, an array in tests). */
export interface LineSink {
  write(line: string): unknown;
}

/**
 * The log channel: one JSON line per notification, for operators and log shippers. It writes to
 * its own sink rather than the app logger so the lines are the notification itself, unfiltered by
 * LOG_LEVEL.
 */
export function createLogChannel(options: { sink: LineSink; now?: () => Date }): DeliveryChannel {
  const now = options.now ?? (() => new Date());
  return {
    name: 'log',
    async deliver(notification: Notification): Promise<void> {
      const line = { event: 'notification', delivered_at: now().toISOString(), ...notification };
      options.sink.write(`${JSON.stringify(line)}\n`);
    },
  };
}
