import {
  checkCarriableOrder,
  checkCarriableStatusChange,
  createRecordHeaders,
  encodeNotification,
  formatViolations,
  type Notification,
  notificationId,
  type Order,
  unsupportedValueError,
  type Violation,
} from '@order-service/contracts';
import type { Store, Transaction } from '@order-service/runtime';
import type { DeliveryChannelName } from '../delivery/delivery-channel.ts';
import type { LiveEvent } from '../live/live-messages.ts';
import { toOrderView } from '../live/live-view.ts';
import { buildNotification } from '../notifications/build-notification.ts';
import type { NotificationLocale } from '../notifications/notification-locale.ts';
import { NotifierError } from '../notifier-error.ts';
import { hasNotification, saveNotification } from '../store/notification-repository.ts';
import { lockOrder as lockOrderRow, lockOrders as lockOrderRows } from '../store/order-locks.ts';
import { advanceOrderStatus, findOrder, type StoredOrder, saveOrder } from '../store/order-repository.ts';
import {
  type PendingStatusEvent,
  savePendingStatusEvent,
  takePendingStatusEvents,
} from '../store/pending-status-repository.ts';

/** A row for the runtime's outbox (the shape of its `OutboxMessage`). */
export interface NotificationOutboxMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
  eventId: string;
}

/** Writes outbox rows inside the caller's transaction (the runtime's enqueueOutbox). */
export type EnqueueOutbox = (tx: Transaction, messages: NotificationOutboxMessage[]) => Promise<unknown>;

/** The store event emitted after a commit that created deliveries (wakes the delivery worker). */
export const DELIVERIES_CREATED_EVENT = 'notifier.deliveries';

/** What became of one received event. */
export type ProcessOutcome =
  | { kind: 'notified'; notifications: Notification[] }
  | { kind: 'order-stored'; notifications: Notification[] }
  | { kind: 'pending' }
  | { kind: 'duplicate' };

// What one transaction decided, and what to tell the live page once it has committed.
interface Handled {
  outcome: ProcessOutcome;
  events: LiveEvent[];
}

/** Dependencies of the processor. */
export interface NotificationProcessorOptions {
  store: Store;
  enqueueOutbox: EnqueueOutbox;
  notificationsTopic: string;
  locale: NotificationLocale;
  channels: DeliveryChannelName[];
  /** Told about each change after its transaction committed (feeds the live page). */
  onLiveEvent?: (event: LiveEvent) => void;
}

/** One event for {@link NotificationProcessor.receiveBatch}. */
export type ProcessorEvent =
  | { kind: 'order'; order: Order; payload: string }
  | { kind: 'status'; event: PendingStatusEvent };

/** Turns orders and status changes into stored, outboxed notifications. */
export interface NotificationProcessor {
  receiveOrder(order: Order, payload: string): Promise<ProcessOutcome>;
  /** `traceparent` (W3C trace context of the status record) is carried over to the notification. */
  receiveStatusChange(event: PendingStatusEvent): Promise<ProcessOutcome>;
  /** Handles events in order, in ONE transaction (all or none); outcomes in the same order. */
  receiveBatch(events: readonly ProcessorEvent[]): Promise<ProcessOutcome[]>;
}

// Refuses, before any transaction, an event the wire schema allows but no store can hold (U+0000 or
// an unpaired surrogate in an id, an id past 200 characters, a date outside years 0001-9999): the
// non-retryable error sends the record to <topic>.dlq instead of failing as a "store error".
function assertCarriable(event: ProcessorEvent): void {
  const [messageName, violations]: [string, Violation[]] =
    event.kind === 'order'
      ? ['OrderCreated', checkCarriableOrder(event.order)]
      : ['OrderStatusChanged', checkCarriableStatusChange(event.event.change)];
  if (violations.length === 0) return;
  throw new NotifierError(
    'NOTIFIER_RECORD_UNDECODABLE',
    `${messageName} holds a value the system cannot store or carry: ${formatViolations(violations)}`,
    { cause: unsupportedValueError(messageName, violations) },
  );
}

/**
 * Creates the processor. Each event is handled in one store transaction that first takes a lock
 * on its order_id: orders.created and orders.status are separate topics (possibly consumed by
 * different instances), and without the lock a status change could check "order unknown" while
 * the order's transaction checks "nothing pending", leaving the change pending forever.
 */
export function createNotificationProcessor(options: NotificationProcessorOptions): NotificationProcessor {
  const { store, locale } = options;

  // Order locks this transaction holds already (a batch takes all of them up front).
  const held = new WeakMap<Transaction, Set<string>>();

  const lockOrder = async (tx: Transaction, orderId: string) => {
    if (held.get(tx)?.has(orderId)) return;
    await lockOrderRow(tx, orderId);
  };

  // Every lock of a batch up front, in one statement and a fixed order (no deadlock between batches).
  const lockOrders = async (tx: Transaction, orderIds: readonly string[]) => {
    await lockOrderRows(tx, orderIds);
    held.set(tx, new Set(orderIds));
  };

  // Stores one notification with its outbox row and deliveries, and returns it with the order as
  // it is now (no re-read needed); undefined for a repeat.
  const notify = async (
    tx: Transaction,
    stored: StoredOrder,
    { change, statusEventId, traceparent }: PendingStatusEvent,
  ): Promise<{ notification: Notification; order: StoredOrder } | undefined> => {
    const notification = buildNotification({ order: stored.order, change, statusEventId, locale });
    const body = encodeNotification(notification);
    const saved = await saveNotification(tx, {
      notification,
      body,
      statusEventId,
      channels: options.channels,
    });
    if (!saved) return undefined;
    await options.enqueueOutbox(tx, [
      {
        topic: options.notificationsTopic,
        key: notification.order_id,
        value: body,
        headers: createRecordHeaders({
          messageName: 'Notification',
          eventId: notification.notification_id,
          traceparent,
        }),
        eventId: notification.notification_id,
      },
    ]);
    const advanced = await advanceOrderStatus(tx, change.order_id, change.status, change.updated_at);
    if (options.channels.length > 0) tx.emitAfterCommit(DELIVERIES_CREATED_EVENT);
    return { notification, order: advanced ?? stored };
  };

  const publishLive = (events: LiveEvent[]) => {
    for (const event of events) options.onLiveEvent?.(event);
  };

  const orderIn = async (tx: Transaction, order: Order, payload: string): Promise<Handled> => {
    await lockOrder(tx, order.order_id);
    if (!(await saveOrder(tx, order, payload))) return { outcome: { kind: 'duplicate' }, events: [] };
    let stored: StoredOrder = { order, status: order.status, statusUpdatedAt: order.created_at };
    const notifications: Notification[] = [];
    for (const pending of await takePendingStatusEvents(tx, order.order_id)) {
      const notified = await notify(tx, stored, pending);
      if (notified === undefined) continue;
      notifications.push(notified.notification);
      stored = notified.order;
    }
    const view = toOrderView(stored, locale);
    const events: LiveEvent[] = [
      { type: 'order', order: view },
      ...notifications.map((notification) => ({
        type: 'notification' as const,
        notification,
        order: view,
      })),
    ];
    return { outcome: { kind: 'order-stored', notifications }, events };
  };

  const statusIn = async (tx: Transaction, event: PendingStatusEvent): Promise<Handled> => {
    const { change, statusEventId } = event;
    // Cheap early exit for a redelivery, before taking the lock.
    if (await hasNotification(tx, notificationId(statusEventId))) {
      return { outcome: { kind: 'duplicate' }, events: [] };
    }
    await lockOrder(tx, change.order_id);
    const stored = await findOrder(tx, change.order_id);
    if (stored === undefined) {
      await savePendingStatusEvent(tx, event);
      return { outcome: { kind: 'pending' }, events: [] };
    }
    const notified = await notify(tx, stored, event);
    if (notified === undefined) return { outcome: { kind: 'duplicate' }, events: [] };
    const { notification, order: updated } = notified;
    const events: LiveEvent[] = [{ type: 'notification', notification, order: toOrderView(updated, locale) }];
    return { outcome: { kind: 'notified', notifications: [notification] }, events };
  };

  return {
    async receiveOrder(order, payload) {
      assertCarriable({ kind: 'order', order, payload });
      const result = await store.transaction((tx) => orderIn(tx, order, payload));
      publishLive(result.events);
      return result.outcome;
    },

    async receiveStatusChange(event) {
      assertCarriable({ kind: 'status', event });
      const result = await store.transaction((tx) => statusIn(tx, event));
      publishLive(result.events);
      return result.outcome;
    },

    async receiveBatch(events) {
      // A batch with one such event fails whole, before its transaction; the runner then replays
      // it record by record, so only that record is dead-lettered.
      for (const event of events) assertCarriable(event);
      const results = await store.transaction(async (tx) => {
        await lockOrders(
          tx,
          events.map((item) => (item.kind === 'order' ? item.order.order_id : item.event.change.order_id)),
        );
        const handled: Handled[] = [];
        for (const item of events) {
          handled.push(
            item.kind === 'order'
              ? await orderIn(tx, item.order, item.payload)
              : await statusIn(tx, item.event),
          );
        }
        return handled;
      });
      for (const result of results) publishLive(result.events);
      return results.map((result) => result.outcome);
    },
  };
}
