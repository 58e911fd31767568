import type { OrderStatus } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { createDeliveryLedger, type RequestOutcome } from '../support/delivery-ledger.ts';
import type { ChannelKind, CheckedRecord } from '../support/record-contract.ts';
import { verifyDelivery } from '../support/verify-delivery.ts';

const record = (kind: ChannelKind, orderId: string, status: OrderStatus): CheckedRecord => ({
  kind,
  orderId,
  status,
  eventId: `${orderId}:${status}`,
  problems: [],
});

function healthyRun() {
  const ledger = createDeliveryLedger();
  ledger.orders.set('o1', { acknowledged: true });
  ledger.statusRequests.set('o1', [{ status: 'SHIPPED', outcome: 'accepted' as RequestOutcome }]);
  return {
    ledger,
    records: {
      created: [record('created', 'o1', 'NEW')],
      status: [record('status', 'o1', 'PROCESSING'), record('status', 'o1', 'SHIPPED')],
      notifications: [record('notifications', 'o1', 'PROCESSING'), record('notifications', 'o1', 'SHIPPED')],
    },
  };
}

describe('verifyDelivery', () => {
  it('finds nothing wrong when every acknowledged order and change arrived once', () => {
    const { ledger, records } = healthyRun();
    const report = verifyDelivery(ledger, records);
    expect(report).toMatchObject({ sent: 1, acknowledged: 1, lost: [], duplicated: [], problems: [] });
  });

  it('counts an acknowledged order missing from orders.created as lost', () => {
    const { ledger, records } = healthyRun();
    const report = verifyDelivery(ledger, { ...records, created: [] });
    expect(report.lost).toEqual(['o1']);
  });

  it('counts a second notification for one status change as a duplicate', () => {
    const { ledger, records } = healthyRun();
    const report = verifyDelivery(ledger, {
      ...records,
      notifications: [...records.notifications, record('notifications', 'o1', 'SHIPPED')],
    });
    expect(report.duplicated).toEqual(['o1']);
  });

  it('flags a status path the lifecycle forbids', () => {
    const { ledger, records } = healthyRun();
    const report = verifyDelivery(ledger, {
      ...records,
      status: [record('status', 'o1', 'SHIPPED'), record('status', 'o1', 'PROCESSING')],
    });
    expect(report.problems.join('\n')).toMatch(/NEW -> SHIPPED/);
  });

  it('misses an accepted status change that never reached orders.status', () => {
    const { ledger, records } = healthyRun();
    const report = verifyDelivery(ledger, {
      ...records,
      status: [record('status', 'o1', 'PROCESSING')],
      notifications: [record('notifications', 'o1', 'PROCESSING')],
    });
    expect(report.lost).toEqual(['o1']);
    expect(report.problems.join('\n')).toMatch(/missing status SHIPPED/);
  });

  it('accepts an unanswered change either way, and an unacknowledged order being absent', () => {
    const { ledger, records } = healthyRun();
    ledger.statusRequests.set('o1', [
      { status: 'SHIPPED', outcome: 'accepted' },
      { status: 'DELIVERED', outcome: 'unknown' },
    ]);
    ledger.orders.set('o2', { acknowledged: false });
    expect(verifyDelivery(ledger, records).problems).toEqual([]);
  });
});
