import type { Notification } from '@order-service/contracts';

/** The delivery channels the notifier knows (NOTIFY_CHANNELS). */
export const deliveryChannelNames = ['log', 'webhook'] as const;

/** The name of a delivery channel. */
export type DeliveryChannelName = (typeof deliveryChannelNames)[number];

/**
 * One way of handing a notification to the outside world. `deliver` resolves once the channel has
 * taken the notification, and rejects with a NotifierError whose `retryable` says whether trying
 * again later may succeed. `body` is the notification's JSON exactly as published on Kafka.
 */
export interface DeliveryChannel {
  readonly name: DeliveryChannelName;
  deliver(notification: Notification, body: string): Promise<void>;
}
