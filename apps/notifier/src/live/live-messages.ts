import type { Notification, OrderStatus } from '@order-service/contracts';

// What the live page receives over GET /events. Types only: the browser client (browser/) imports
// them too, so this file must stay free of runtime code and of Node.

/** One row of the live page's order table. */
export interface OrderView {
  order_id: string;
  customer_id: string;
  total_amount: number;
  total_text: string;
  item_count: number;
  status: OrderStatus;
  status_updated_at: string;
  created_at: string;
}

/** What the live page receives on connect. */
export interface LiveSnapshot {
  orders: OrderView[];
  notifications: Notification[];
}

/** An update the live page receives as it happens. */
export type LiveEvent =
  | { type: 'order'; order: OrderView }
  | { type: 'notification'; notification: Notification; order: OrderView };

/** The named events of the stream and the JSON each one carries in its `data:` line. */
export interface LiveStreamEvents {
  snapshot: LiveSnapshot;
  order: OrderView;
  notification: { notification: Notification; order: OrderView };
}
