import { canTransition, type OrderStatus } from '@order-service/contracts';
import type { DeliveryLedger } from './delivery-ledger.ts';
import type { CheckedRecord } from './record-contract.ts';

/** What the three topics hold compared with what the API acknowledged. */
export type DeliveryReport = {
  sent: number;
  acknowledged: number;
  /** Acknowledged orders missing from orders.created, or missing a status change or its notification. */
  lost: string[];
  /** Orders with a record published more than once on any of the three topics. */
  duplicated: string[];
  /** Every problem found, one line each (empty when the run kept every guarantee). */
  problems: string[];
  /** Records read from each topic, and status changes the status API accepted. */
  records: { created: number; status: number; notifications: number; acceptedChanges: number };
};

type Records = { created: CheckedRecord[]; status: CheckedRecord[]; notifications: CheckedRecord[] };

function groupByOrder(records: CheckedRecord[]): Map<string, OrderStatus[]> {
  const grouped = new Map<string, OrderStatus[]>();
  for (const record of records) {
    if (record.orderId === undefined || record.status === undefined) continue;
    const list = grouped.get(record.orderId) ?? [];
    list.push(record.status);
    grouped.set(record.orderId, list);
  }
  return grouped;
}

function hasRepeats(list: readonly string[]): boolean {
  return new Set(list).size !== list.length;
}

/**
 * Checks the guarantees of issue 7 for every order: an acknowledged order is on orders.created
 * exactly once; its statuses appear once each, in an order the lifecycle allows, including
 * PROCESSING and every change the status API accepted (a change whose answer was lost may or may
 * not be there); exactly one notification per status change. Orders that were never acknowledged
 * may be missing, but never duplicated. Records must also keep the contract (see checkRecordContract).
 */
export function verifyDelivery(ledger: DeliveryLedger, records: Records): DeliveryReport {
  const problems = [...records.created, ...records.status, ...records.notifications].flatMap(
    (record) => record.problems,
  );
  const created = groupByOrder(records.created);
  const statuses = groupByOrder(records.status);
  const notifications = groupByOrder(records.notifications);
  const lost = new Set<string>();
  const duplicated = new Set<string>();
  const orderIds = new Set([
    ...ledger.orders.keys(),
    ...created.keys(),
    ...statuses.keys(),
    ...notifications.keys(),
  ]);

  for (const orderId of orderIds) {
    const acknowledged = ledger.orders.get(orderId)?.acknowledged ?? false;
    const onCreated = created.get(orderId) ?? [];
    const path = statuses.get(orderId) ?? [];
    const notified = notifications.get(orderId) ?? [];
    if (!ledger.orders.has(orderId)) problems.push(`${orderId}: on the topics but never sent by this test`);

    if (onCreated.length > 1 || hasRepeats(path) || hasRepeats(notified)) {
      duplicated.add(orderId);
      problems.push(
        `${orderId}: duplicated (created x${onCreated.length}, statuses ${path.join(',')}, notifications ${notified.join(',')})`,
      );
    }
    let previous: OrderStatus = 'NEW';
    for (const status of path) {
      if (status !== previous && !canTransition(previous, status)) {
        problems.push(`${orderId}: ${previous} -> ${status} on orders.status is not a lifecycle transition`);
      }
      previous = status;
    }
    if (!acknowledged) continue;

    const requests = ledger.statusRequests.get(orderId) ?? [];
    const required = new Set<OrderStatus>([
      'PROCESSING',
      ...requests.filter((request) => request.outcome === 'accepted').map((request) => request.status),
    ]);
    const possible = new Set<OrderStatus>([
      ...required,
      ...requests.filter((request) => request.outcome === 'unknown').map((request) => request.status),
    ]);
    const missing: string[] = [];
    if (onCreated.length === 0) missing.push('OrderCreated');
    for (const status of required) if (!path.includes(status)) missing.push(`status ${status}`);
    for (const status of new Set(path))
      if (!notified.includes(status)) missing.push(`notification for ${status}`);
    if (missing.length > 0) {
      lost.add(orderId);
      problems.push(`${orderId}: acknowledged but missing ${missing.join(', ')}`);
    }
    for (const status of path) {
      if (!possible.has(status)) problems.push(`${orderId}: status ${status} was never asked for`);
    }
    for (const status of notified) {
      if (!path.includes(status))
        problems.push(`${orderId}: a notification for ${status}, which is not on orders.status`);
    }
  }
  const acknowledged = [...ledger.orders.values()].filter((order) => order.acknowledged).length;
  const acceptedChanges = [...ledger.statusRequests.values()]
    .flat()
    .filter((request) => request.outcome === 'accepted').length;
  return {
    sent: ledger.orders.size,
    acknowledged,
    lost: [...lost],
    duplicated: [...duplicated],
    problems,
    records: {
      created: records.created.length,
      status: records.status.length,
      notifications: records.notifications.length,
      acceptedChanges,
    },
  };
}

/** One line with the counts the fault suite prints. */
export function formatDeliveryCounts(label: string, report: DeliveryReport): string {
  return (
    `${label}: orders sent ${report.sent}, acknowledged ${report.acknowledged}, lost ${report.lost.length}, ` +
    `duplicated ${report.duplicated.length}, problems ${report.problems.length}; records: created ${report.records.created}, ` +
    `status ${report.records.status}, notifications ${report.records.notifications}; ` +
    `status changes accepted over HTTP ${report.records.acceptedChanges}`
  );
}
