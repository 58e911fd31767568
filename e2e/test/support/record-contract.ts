import {
  CONTENT_TYPE,
  channels,
  decodeNotification,
  decodeOrder,
  decodeOrderStatusChanged,
  formatViolations,
  HEADERS,
  notificationId,
  type OrderStatus,
  orderCreatedEventId,
  statusChangedEventId,
} from '@order-service/contracts';
import type { ReadRecord } from '@order-service/test-support';

/** Which channel a recorded record was read from. */
export type ChannelKind = 'created' | 'status' | 'notifications';

/** What a record says, once checked against the contracts package. */
export type CheckedRecord = {
  kind: ChannelKind;
  orderId: string | undefined;
  /** The order's status this record is about (NEW for an OrderCreated). */
  status: OrderStatus | undefined;
  eventId: string | undefined;
  /** Every way the record breaks the contract; empty when it keeps it. */
  problems: string[];
};

const MESSAGE_NAMES: Record<ChannelKind, string> = {
  created: channels.ordersCreated.messageName,
  status: channels.ordersStatus.messageName,
  notifications: channels.ordersNotifications.messageName,
};

function decode(kind: ChannelKind, value: string) {
  if (kind === 'created') {
    const result = decodeOrder(value);
    return result.ok
      ? {
          ok: true as const,
          orderId: result.value.order_id,
          status: result.value.status,
          expectedEventId: orderCreatedEventId(result.value.order_id),
        }
      : { ok: false as const, message: formatViolations(result.error.violations) };
  }
  if (kind === 'status') {
    const result = decodeOrderStatusChanged(value);
    return result.ok
      ? {
          ok: true as const,
          orderId: result.value.order_id,
          status: result.value.status,
          expectedEventId: statusChangedEventId(result.value.order_id, result.value.status),
        }
      : { ok: false as const, message: formatViolations(result.error.violations) };
  }
  const result = decodeNotification(value);
  if (!result.ok) return { ok: false as const, message: formatViolations(result.error.violations) };
  const expected = notificationId(statusChangedEventId(result.value.order_id, result.value.status));
  return {
    ok: true as const,
    orderId: result.value.order_id,
    status: result.value.status,
    expectedEventId: result.value.notification_id,
    idProblem:
      result.value.notification_id === expected
        ? undefined
        : `notification_id ${result.value.notification_id} is not the deterministic ${expected}`,
  };
}

/**
 * Checks one record against the contracts: its value decodes, its key is the order_id, and it
 * carries the content type, message name and deterministic event id headers.
 */
export function checkRecordContract(kind: ChannelKind, record: ReadRecord): CheckedRecord {
  const problems: string[] = [];
  const where = `${record.topic}[${record.partition}]@${record.offset}`;
  const decoded = decode(kind, record.value ?? '');
  const eventId = record.headers[HEADERS.eventId];
  if (!decoded.ok) {
    problems.push(`${where}: does not decode: ${decoded.message}`);
    return { kind, orderId: undefined, status: undefined, eventId, problems };
  }
  if (record.key !== decoded.orderId)
    problems.push(`${where}: key ${record.key} is not the order_id ${decoded.orderId}`);
  if (record.headers[HEADERS.contentType] !== CONTENT_TYPE) {
    problems.push(
      `${where}: ${HEADERS.contentType} is ${record.headers[HEADERS.contentType]}, not ${CONTENT_TYPE}`,
    );
  }
  if (record.headers[HEADERS.messageName] !== MESSAGE_NAMES[kind]) {
    problems.push(
      `${where}: ${HEADERS.messageName} is ${record.headers[HEADERS.messageName]}, not ${MESSAGE_NAMES[kind]}`,
    );
  }
  if (eventId !== decoded.expectedEventId) {
    problems.push(
      `${where}: ${HEADERS.eventId} is ${eventId}, not the deterministic ${decoded.expectedEventId}`,
    );
  }
  if ('idProblem' in decoded && decoded.idProblem) problems.push(`${where}: ${decoded.idProblem}`);
  return { kind, orderId: decoded.orderId, status: decoded.status, eventId, problems };
}
