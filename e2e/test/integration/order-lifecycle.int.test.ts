import { randomUUID } from 'node:crypto';
import { createDemoOrder, createSeededRandom } from '@order-service/run-system/demo';
import {
  startTopicRecorder,
  type TestTopics,
  type TopicRecorder,
  testKafka,
  waitFor,
} from '@order-service/test-support';
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../support/order-client.ts';
import { type ChannelKind, checkRecordContract } from '../support/record-contract.ts';
import { type SseRecorder, startSseRecorder } from '../support/sse-recorder.ts';
import { createSystemTopics, provideTestBrokers, systemTopicNames } from '../support/system-kafka.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const topics = systemTopicNames('lifecycle');
const runId = `lifecycle-${randomUUID().slice(0, 8)}`;
const random = createSeededRandom(20);
let kafka: Kafka;
let created: TestTopics | undefined;
let system: TestSystem;
let live: SseRecorder;
const recorders = new Map<ChannelKind, TopicRecorder>();

function checked(kind: ChannelKind) {
  return (recorders.get(kind)?.records ?? []).map((record) => checkRecordContract(kind, record));
}

function statusesOn(kind: ChannelKind, orderId: string): string[] {
  return checked(kind)
    .filter((record) => record.orderId === orderId)
    .map((record) => record.status ?? '?');
}

function liveNotifications(orderId: string): string[] {
  return live.events
    .filter((event) => event.event === 'notification')
    .map((event) => event.data as { notification?: { order_id?: string; status?: string } })
    .filter((data) => data.notification?.order_id === orderId)
    .map((data) => data.notification?.status ?? '?');
}

async function placeOrder(): Promise<string> {
  const orderId = `e2e-${randomUUID()}`;
  const answer = await postJson(`${system.url('order-producer')}/orders`, createDemoOrder(random, orderId));
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return orderId;
}

async function waitForNotifications(orderId: string, expected: string[]): Promise<void> {
  await waitFor(() => statusesOn('notifications', orderId).length >= expected.length, {
    timeoutMs: 60_000,
    description: `notifications of ${orderId}, want ${JSON.stringify(expected)}`,
    describeState: () =>
      `${JSON.stringify(statusesOn('notifications', orderId))} (logs: ${system.logFolder})`,
  });
}

const changeStatus = (orderId: string, status: string) =>
  postJson(`${system.url('status-worker')}/orders/${orderId}/status`, { status, comment: `e2e: ${status}` });

beforeAll(async () => {
  const brokers = await provideTestBrokers();
  kafka = testKafka({ brokers, clientId: 'e2e' });
  created = await createSystemTopics(kafka, topics);
  for (const [kind, topic] of Object.entries(topics) as [ChannelKind, string][]) {
    recorders.set(kind, await startTopicRecorder(kafka, topic));
  }
  system = await startTestSystem({ brokers, topics, runId });
  live = await startSseRecorder(`${system.url('notifier')}/events`);
});

afterAll(async () => {
  live?.close();
  await system?.stop();
  for (const recorder of recorders.values()) await recorder.stop();
  await created?.remove();
});

describe('the whole system', () => {
  it('turns a posted order into PROCESSING on orders.status and a notification on the topic and the live page', async () => {
    const orderId = await placeOrder();
    await waitFor(() => statusesOn('status', orderId).includes('PROCESSING'), {
      timeoutMs: 60_000,
      description: `PROCESSING for ${orderId} on ${topics.status}`,
      describeState: () => `seen ${JSON.stringify(statusesOn('status', orderId))}`,
    });
    await waitForNotifications(orderId, ['PROCESSING']);
    await waitFor(() => liveNotifications(orderId).includes('PROCESSING'), {
      timeoutMs: 30_000,
      description: `a live-page notification for ${orderId}`,
      describeState: () => `events so far: ${live.events.length}`,
    });
    expect(statusesOn('created', orderId)).toEqual(['NEW']);
    expect(statusesOn('notifications', orderId)).toEqual(['PROCESSING']);
  });

  it('yields exactly one notification for each of SHIPPED and DELIVERED set over the status API', async () => {
    const orderId = await placeOrder();
    await waitForNotifications(orderId, ['PROCESSING']);
    expect((await changeStatus(orderId, 'SHIPPED')).status).toBe(202);
    await waitForNotifications(orderId, ['PROCESSING', 'SHIPPED']);
    expect((await changeStatus(orderId, 'DELIVERED')).status).toBe(202);
    await waitForNotifications(orderId, ['PROCESSING', 'SHIPPED', 'DELIVERED']);
    await waitFor(() => liveNotifications(orderId).includes('DELIVERED'), {
      timeoutMs: 30_000,
      description: `DELIVERED on the live page for ${orderId}`,
      describeState: () => JSON.stringify(liveNotifications(orderId)),
    });
    expect(statusesOn('status', orderId)).toEqual(['PROCESSING', 'SHIPPED', 'DELIVERED']);
    expect(statusesOn('notifications', orderId)).toEqual(['PROCESSING', 'SHIPPED', 'DELIVERED']);
  });

  it('refuses an illegal transition with 409 and publishes nothing for it', async () => {
    const orderId = await placeOrder();
    await waitForNotifications(orderId, ['PROCESSING']);
    const refused = await changeStatus(orderId, 'DELIVERED');
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    // A legal change afterwards lands on the same partition (same key) behind anything the refused
    // one might have published: once its notification is here, nothing else can still be coming.
    expect((await changeStatus(orderId, 'CANCELLED')).status).toBe(202);
    await waitForNotifications(orderId, ['PROCESSING', 'CANCELLED']);
    expect(statusesOn('status', orderId)).toEqual(['PROCESSING', 'CANCELLED']);
    expect(statusesOn('notifications', orderId)).toEqual(['PROCESSING', 'CANCELLED']);
  });

  it('publishes only records that decode with the contracts, keyed by order_id, with the contract headers', () => {
    const all = (['created', 'status', 'notifications'] as const).flatMap((kind) => checked(kind));
    expect(all.length).toBeGreaterThanOrEqual(3 + 5 + 5);
    expect(all.flatMap((record) => record.problems)).toEqual([]);
  });
});
