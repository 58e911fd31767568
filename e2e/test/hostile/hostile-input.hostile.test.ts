import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { dlqTopic, notificationId, type ORDER_STATUSES, orderCreatedEventId } from '@order-service/contracts';
import {
  groupLag,
  startTopicRecorder,
  type TestTopics,
  type TopicRecorder,
  testKafka,
  waitFor,
} from '@order-service/test-support';
import fc from 'fast-check';
import type { Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemTopics, provideTestBrokers, systemTopicNames } from '../support/system-kafka.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import {
  type HostileRecord,
  headersFor,
  hostileOrderRecord,
  hostileStatusRecord,
  statusEventIdOf,
  validOrderPayload,
} from './arbitraries.ts';
import { hostileOrderBody, hostileStatusBody, pathSegment, type RawBody } from './hostile-bodies.ts';
import { ObservedTopics } from './observed-topics.ts';

const seed = Number(process.env.HOSTILE_SEED ?? Date.now() % 2_147_483_647);
const RECORDS_PER_TOPIC = Number(process.env.HOSTILE_RECORDS ?? 60);
const BODIES_PER_ROUTE = Number(process.env.HOSTILE_BODIES ?? 80);
const PARTITIONS = 3;
const PROCESSED_WITHIN_MS = 20_000;
const API_KEY = `hostile-${randomUUID()}`;

const topics = systemTopicNames('hostile');
const runId = `hostile-${randomUUID().slice(0, 8)}`;
let kafka: Kafka;
let created: TestTopics | undefined;
let producer: Producer;
let system: TestSystem;
const recorders: TopicRecorder[] = [];
let observed: ObservedTopics;
const anchors: string[] = [];

process.stdout.write(`hostile-input suite: seed ${seed} (HOSTILE_SEED=${seed} replays this run)\n`);

// node:http rather than fetch: a server may answer 413 and close before a 5 MB body is written;
// fetch then reports only EPIPE, this keeps the answer that did arrive.
function post(url: string, body: RawBody): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = httpRequest(
      url,
      {
        method: 'POST',
        headers: { 'content-type': body.contentType, 'x-api-key': API_KEY },
        timeout: 30_000,
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within 30 s`)));
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') {
        reject(error);
        return;
      }
      // The server stopped reading: its answer (413) may still be on the way.
      setTimeout(() => {
        if (!answered)
          resolve({ status: 0, text: `the server closed the connection without an answer (${error.code})` });
      }, 2_000);
    });
    request.end(body.body);
  });
}

async function getStatus(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    headers: { 'x-api-key': API_KEY },
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  const brokers = await provideTestBrokers();
  kafka = testKafka({ brokers, clientId: 'e2e' });
  created = await createSystemTopics(kafka, topics);
  const deadLetterRecorders = new Map<string, TopicRecorder>();
  const status = await startTopicRecorder(kafka, topics.status);
  const notifications = await startTopicRecorder(kafka, topics.notifications);
  recorders.push(status, notifications);
  for (const source of [topics.created, topics.status]) {
    const recorder = await startTopicRecorder(kafka, dlqTopic(source));
    recorders.push(recorder);
    deadLetterRecorders.set(source, recorder);
  }
  observed = new ObservedTopics({ status, notifications, deadLetters: deadLetterRecorders });
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  system = await startTestSystem({ brokers, topics, runId, apiKey: API_KEY });
  // Orders the notifier knows before anything hostile arrives: hostile and valid status changes aim at them.
  for (let index = 0; index < PARTITIONS; index += 1) {
    const orderId = `anchor-${runId}-${index}`;
    const answer = await post(`${system.url('order-producer')}/orders`, {
      label: 'anchor order',
      contentType: 'application/json',
      body: JSON.stringify({
        order_id: orderId,
        customer_id: 'anchor',
        items: [{ product_id: 'p', quantity: 1, price: 100 }],
      }),
    });
    expect(answer.status, answer.text).toBe(201);
    anchors.push(orderId);
  }
  await waitFor(() => anchors.every((orderId) => observed.refresh().notificationOrderIds.has(orderId)), {
    timeoutMs: 60_000,
    description: 'a notification for each anchor order',
    describeState: () => `logs: ${system.logFolder}`,
  });
}, 180_000);

afterAll(async () => {
  await producer?.disconnect();
  await system?.stop();
  for (const recorder of recorders) await recorder.stop();
  await created?.remove();
});

type Verdict = 'processed' | 'dead-lettered' | 'unaccounted' | 'stalled';

interface Attempt {
  topic: 'created' | 'status';
  partition: number;
  offset: string;
  record: HostileRecord;
  /** What follows the hostile record on its partition and must get through. */
  isValidProcessed: () => boolean;
  validDescription: string;
  verdict?: Verdict;
  detail?: string;
}

function verdictOf(attempt: Attempt): { verdict: Verdict; detail: string } {
  const source = attempt.topic === 'created' ? topics.created : topics.status;
  const deadLetters = observed.deadLettersOf(source, attempt.partition, attempt.offset);
  const withReason = deadLetters.filter((deadLetter) => deadLetter.reason && deadLetter.errorCode);
  const codes = deadLetters.map((deadLetter) => deadLetter.errorCode ?? '(no x-dlq-error-code)').join(', ');
  const { orderId } = attempt.record;
  if (attempt.topic === 'status') {
    const notified =
      attempt.record.statusEventId !== undefined &&
      observed.notificationIds.has(notificationId(attempt.record.statusEventId));
    if (withReason.length > 0) return { verdict: 'dead-lettered', detail: codes };
    if (notified) return { verdict: 'processed', detail: 'notification published' };
    return {
      verdict: 'unaccounted',
      detail:
        deadLetters.length > 0
          ? `dead letter without reason/code (${codes})`
          : 'notifier published nothing for it and dead-lettered nothing',
    };
  }
  // Two consumers read orders.created and both dead-letter into orders.created.dlq: each must
  // account for the record, by publishing downstream or by a dead letter of its own.
  const statusWorkerPublished = orderId !== undefined && observed.statusOrderIds.has(orderId);
  const notifierPublished = orderId !== undefined && observed.notificationOrderIds.has(orderId);
  if (deadLetters.length > withReason.length)
    return { verdict: 'unaccounted', detail: `dead letter without reason/code (${codes})` };
  if (withReason.length >= 2) return { verdict: 'dead-lettered', detail: `both consumers: ${codes}` };
  if (withReason.length === 1) {
    // One dead letter: status-worker published the order's status and the notifier refused it,
    // or status-worker refused it (then the notifier's stored copy has no status to notify).
    return {
      verdict: 'dead-lettered',
      detail: statusWorkerPublished ? `notifier: ${codes}` : `status-worker: ${codes}`,
    };
  }
  if (statusWorkerPublished && notifierPublished)
    return { verdict: 'processed', detail: 'status and notification published' };
  return {
    verdict: 'unaccounted',
    detail: statusWorkerPublished
      ? 'notifier published nothing for it and dead-lettered nothing'
      : 'status-worker published nothing for it and dead-lettered nothing',
  };
}

function toMessage(record: HostileRecord) {
  return { key: record.key, value: record.value, headers: record.headers };
}

describe('hostile records on every consumed topic', () => {
  it('processes or dead-letters each one, and the valid record behind it gets through', async () => {
    const suffix = runId;
    const createdRecords = fc.sample(hostileOrderRecord(suffix), { seed, numRuns: RECORDS_PER_TOPIC });
    const statusRecords = fc.sample(hostileStatusRecord(suffix, anchors), {
      seed: seed + 1,
      numRuns: RECORDS_PER_TOPIC,
    });
    // Hostile order ids must be unique in the run: a repeat would be an (invisible) idempotent duplicate.
    const usedOrderIds = new Set<string>(anchors);
    for (const [index, record] of createdRecords.entries()) {
      if (record.orderId === undefined) continue;
      if (usedOrderIds.has(record.orderId)) {
        const orderId = `${record.orderId}#${index}`;
        const order = { ...(JSON.parse(record.value as string) as object), order_id: orderId };
        Object.assign(record, { orderId, key: orderId, value: JSON.stringify(order) });
      }
      usedOrderIds.add(record.orderId as string);
    }
    // The same for status changes aimed at an order of their own: the order is produced for them, once.
    for (const [index, record] of statusRecords.entries()) {
      if (record.ownOrderId === undefined) continue;
      if (usedOrderIds.has(record.ownOrderId)) {
        const change = JSON.parse(record.value as string) as {
          order_id: string;
          status: (typeof ORDER_STATUSES)[number];
        };
        const orderId = `${record.ownOrderId}#s${index}`;
        Object.assign(record, {
          ownOrderId: orderId,
          orderId,
          key: orderId,
          value: JSON.stringify({ ...change, order_id: orderId }),
          statusEventId: statusEventIdOf(record.headers, orderId, change.status),
        });
      }
      usedOrderIds.add(record.ownOrderId);
    }
    const ordersForStatus = new Set(
      statusRecords.flatMap((record) => (record.ownOrderId === undefined ? [] : [record.ownOrderId])),
    );
    const attempts: Attempt[] = [];
    const stalled = new Set<string>();
    const rounds = Math.ceil(RECORDS_PER_TOPIC / PARTITIONS);
    const started = Date.now();
    for (let round = 0; round < rounds; round += 1) {
      const roundAttempts: Attempt[] = [];
      const sends: Promise<void>[] = [];
      for (let partition = 0; partition < PARTITIONS; partition += 1) {
        const index = round * PARTITIONS + partition;
        const created = createdRecords[index];
        if (created && !stalled.has(`created:${partition}`)) {
          const validId = `valid-${runId}-c${index}`;
          const valid = validOrderPayload(validId);
          const messages = [
            toMessage(created),
            {
              key: validId,
              value: JSON.stringify(valid),
              headers: headersFor('contract', 'OrderCreated', orderCreatedEventId(validId)),
            },
          ];
          sends.push(
            producer
              .send({
                topic: topics.created,
                acks: -1,
                messages: messages.map((message) => ({ ...message, partition })),
              })
              .then(([metadata]) => {
                const attempt: Attempt = {
                  topic: 'created',
                  partition,
                  offset: String(BigInt(metadata?.baseOffset ?? '-1')),
                  record: created,
                  isValidProcessed: () =>
                    observed.statusOrderIds.has(validId) && observed.notificationOrderIds.has(validId),
                  validDescription: `status and notification of ${validId}`,
                };
                roundAttempts.push(attempt);
              }),
          );
        }
        const status = statusRecords[index];
        if (status && !stalled.has(`status:${partition}`)) {
          const validEventId = randomUUID();
          const validChange = {
            order_id: anchors[partition],
            status: 'SHIPPED',
            updated_at: new Date().toISOString(),
          };
          const ownOrderId = (status as { ownOrderId?: string }).ownOrderId;
          if (ownOrderId !== undefined && ordersForStatus.has(ownOrderId)) {
            // The order a status change of its own names, so the notifier can turn the change into a
            // notification (before or after the change: it keeps a change pending until its order).
            ordersForStatus.delete(ownOrderId);
            sends.push(
              producer
                .send({
                  topic: topics.created,
                  acks: -1,
                  messages: [
                    {
                      key: ownOrderId,
                      value: JSON.stringify(validOrderPayload(ownOrderId)),
                      headers: headersFor('contract', 'OrderCreated', orderCreatedEventId(ownOrderId)),
                    },
                  ],
                })
                .then(() => undefined),
            );
          }
          const messages = [
            toMessage(status),
            {
              key: validChange.order_id ?? null,
              value: JSON.stringify(validChange),
              headers: headersFor('contract', 'OrderStatusChanged', validEventId),
            },
          ];
          sends.push(
            producer
              .send({
                topic: topics.status,
                acks: -1,
                messages: messages.map((message) => ({ ...message, partition })),
              })
              .then(([metadata]) => {
                roundAttempts.push({
                  topic: 'status',
                  partition,
                  offset: String(BigInt(metadata?.baseOffset ?? '-1')),
                  record: status,
                  isValidProcessed: () => observed.notificationIds.has(notificationId(validEventId)),
                  validDescription: `notification ${notificationId(validEventId)} of a valid change on ${validChange.order_id}`,
                });
              }),
          );
        }
      }
      await Promise.all(sends);
      attempts.push(...roundAttempts);
      const deadline = Date.now() + PROCESSED_WITHIN_MS;
      while (Date.now() < deadline && !roundAttempts.every((attempt) => attempt.isValidProcessed())) {
        observed.refresh();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const attempt of roundAttempts) {
        if (!attempt.isValidProcessed()) {
          stalled.add(`${attempt.topic}:${attempt.partition}`);
          attempt.verdict = 'stalled';
          attempt.detail = `no ${attempt.validDescription} within ${PROCESSED_WITHIN_MS} ms`;
        }
      }
    }
    // The valid records behind them went through, so each hostile record was handled: give the
    // last outbox batches a moment, then read each verdict.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    observed.refresh();
    for (const attempt of attempts) {
      if (attempt.verdict === 'stalled') continue;
      const { verdict, detail } = verdictOf(attempt);
      attempt.verdict = verdict;
      attempt.detail = detail;
    }
    const lagging = await partitionsWithLag();
    const count = (verdict: Verdict) => attempts.filter((attempt) => attempt.verdict === verdict).length;
    const stalledPartitions = new Set([...stalled, ...lagging]);
    for (const attempt of attempts.filter(
      (each) => each.verdict === 'stalled' || each.verdict === 'unaccounted',
    )) {
      process.stdout.write(
        `hostile record ${attempt.verdict}: orders.${attempt.topic}[${attempt.partition}]@${attempt.offset} ${attempt.record.label}: ${attempt.detail}; value ${describeValue(attempt.record.value)}\n`,
      );
    }
    process.stdout.write(
      `hostile records: tried ${attempts.length}, processed ${count('processed')}, dead-lettered ${count('dead-lettered')}, partitions stalled ${stalledPartitions.size}` +
        ` (unaccounted ${count('unaccounted')}; stalled: ${[...stalledPartitions].join(', ') || 'none'}; ${Math.round((Date.now() - started) / 1000)} s, seed ${seed})\n`,
    );
    expect(attempts.length).toBeGreaterThan(0);
    expect([...stalledPartitions], `stalled partitions (logs: ${system.logFolder})`).toEqual([]);
    expect(
      attempts
        .filter((attempt) => attempt.verdict === 'unaccounted')
        .map((attempt) => `${attempt.record.label}: ${attempt.detail}`),
    ).toEqual([]);
  });
});

function describeValue(value: Buffer | string | null): string {
  if (value === null) return 'null';
  const text = typeof value === 'string' ? value : value.toString('utf8');
  return JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text);
}

/** Partitions whose consumer group has not committed up to the end once the traffic is over (after 20 s). */
async function partitionsWithLag(): Promise<string[]> {
  const groups = [
    { groupId: `e2e-${runId}-status-worker`, topics: [topics.created] },
    { groupId: `e2e-${runId}-notifier`, topics: [topics.created, topics.status] },
  ];
  const lagging = async () => {
    const behind: string[] = [];
    for (const group of groups) {
      for (const entry of await groupLag(kafka, group.groupId, group.topics)) {
        behind.push(
          `${entry.topic === topics.created ? 'created' : 'status'}:${entry.partition} (${group.groupId.replace(`e2e-${runId}-`, '')} lag ${entry.lag})`,
        );
      }
    }
    return behind;
  };
  const deadline = Date.now() + PROCESSED_WITHIN_MS;
  let behind = await lagging();
  while (behind.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    behind = await lagging();
  }
  return behind;
}

describe('hostile bodies on every write route', () => {
  it('answers 4xx (never 5xx) and stores nothing for a refused body', async () => {
    const orderBodies = fc.sample(hostileOrderBody(runId), { seed: seed + 2, numRuns: BODIES_PER_ROUTE });
    const statusBodies = fc.sample(hostileStatusBody(), { seed: seed + 3, numRuns: BODIES_PER_ROUTE });
    const counts = { tried: 0, client: 0, server: 0, accepted: 0, noAnswer: 0, storedAfterRefusal: 0 };
    const failures: string[] = [];
    const accepted = new Set<string>();
    const record = (route: string, body: RawBody, status: number, text: string) => {
      counts.tried += 1;
      if (status < 100) {
        counts.noAnswer += 1;
        failures.push(`${route}: no answer for ${body.label}: ${text}`);
      } else if (status >= 500) {
        counts.server += 1;
        failures.push(`${route} ${status} for ${body.label}: ${text.slice(0, 200)}`);
      } else if (status >= 400) counts.client += 1;
      else counts.accepted += 1;
    };

    for (const body of orderBodies) {
      const answer = await post(`${system.url('order-producer')}/orders`, body);
      record('POST /orders', body, answer.status, answer.text);
      if (answer.status < 300 && body.orderId !== undefined) accepted.add(body.orderId);
      if (
        answer.status >= 400 &&
        answer.status < 500 &&
        body.orderId !== undefined &&
        !accepted.has(body.orderId)
      ) {
        const segment = pathSegment(body.orderId);
        if (segment === undefined) continue;
        const stored = await getStatus(`${system.url('order-producer')}/orders/${segment}`);
        // 404 is the answer; a 4xx about the URL itself (414/431 for a 100 kB id, 400) stores nothing either.
        if (stored.status < 400 || stored.status >= 500) {
          counts.storedAfterRefusal += 1;
          failures.push(
            `POST /orders refused ${body.label} with ${answer.status}, then GET /orders/:id answered ${stored.status}: ${stored.text.slice(0, 200)}`,
          );
        }
      }
    }

    // The status route: on an order the status-worker has (a refused change must leave it as it
    // was) and on ids it does not have (hostile path segments included).
    const target = anchors[0] as string;
    await waitFor(
      async () => (await getStatus(`${system.url('status-worker')}/orders/${target}`)).status === 200,
      {
        timeoutMs: 30_000,
        description: `status-worker has ${target}`,
      },
    );
    for (const body of statusBodies) {
      const orderId = body.orderId ?? target;
      const segment = pathSegment(orderId) ?? encodeURIComponent(target);
      const url = `${system.url('status-worker')}/orders/${segment}`;
      const before = await getStatus(url);
      const answer = await post(`${url}/status`, body);
      record('POST /orders/:id/status', body, answer.status, answer.text);
      if (answer.status >= 400 && answer.status < 500) {
        const after = await getStatus(url);
        if (after.status !== before.status || after.text !== before.text) {
          counts.storedAfterRefusal += 1;
          failures.push(
            `POST /orders/:id/status refused ${body.label} with ${answer.status} but the order changed: ${before.text.slice(0, 120)} -> ${after.text.slice(0, 120)}`,
          );
        }
      }
    }
    for (const failure of failures) process.stdout.write(`hostile body failure: ${failure}\n`);
    process.stdout.write(
      `hostile bodies: tried ${counts.tried}, 4xx ${counts.client}, 5xx ${counts.server}` +
        ` (2xx ${counts.accepted}; no answer ${counts.noAnswer}; stored after a 4xx ${counts.storedAfterRefusal}; seed ${seed})\n`,
    );
    expect(counts.tried).toBe(2 * BODIES_PER_ROUTE);
    expect(failures).toEqual([]);
    expect(counts.server).toBe(0);
  });
});
