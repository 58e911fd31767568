import { type Static, Type } from 'typebox';
import { DateTime } from './date-time.ts';
import { ORDER_STATUSES } from './order-status.ts';

/** The media a notification's text can be written for. */
export const NOTIFICATION_CHANNELS = ['webhook', 'email', 'sms', 'push'] as const;

/**
 * The payload of `Notification` on `orders/notifications`: one per status change, rendered for a
 * customer. The reference document names the channel but leaves its message to this project.
 */
export const Notification = Type.Object(
  {
    notification_id: Type.String({
      format: 'uuid',
      description:
        'Deterministic id (UUID v5 of the status event id, see notificationId()): a redelivered status change yields the same id, so receivers can drop repeats',
      examples: ['9b2f1e3c-4d5a-5b6c-8d7e-0f1a2b3c4d5e'],
    }),
    order_id: Type.String({ description: 'Order ID', examples: ['12345'] }),
    customer_id: Type.String({ description: 'Customer ID, the recipient', examples: ['user789'] }),
    status: Type.Enum(ORDER_STATUSES, { type: 'string', description: 'The status the order reached' }),
    channel: Type.Enum(NOTIFICATION_CHANNELS, {
      type: 'string',
      description: 'Delivery medium the text is written for',
    }),
    locale: Type.String({
      pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
      description: 'BCP 47 language tag of title and text',
      examples: ['ru-RU', 'en-US'],
    }),
    title: Type.String({
      minLength: 1,
      description: 'Short subject line, rendered',
      examples: ['Order 12345 shipped'],
    }),
    text: Type.String({
      minLength: 1,
      description: 'Message body in words a customer understands, rendered (amounts in roubles)',
      examples: ['Your order 12345 for 3 000,00 ₽ has been shipped.'],
    }),
    total_amount: Type.Integer({ description: 'Total order amount in kopecks', examples: [300000] }),
    comment: Type.Optional(
      Type.String({
        maxLength: 1000,
        description:
          "The comment of the status change (an operator's or the system's note), verbatim and at most 1000 characters; internal text, never part of title or text",
        examples: ['Handed to the courier, tracking RB123456789RU'],
      }),
    ),
    created_at: DateTime(
      'When the notification was made: the updated_at of its status change, so a redelivery renders the same message',
    ),
  },
  { description: 'Notification to a customer about a change of their order status' },
);

/** A notification as it travels on `orders/notifications`. */
export type Notification = Static<typeof Notification>;
