import { createTestTopics } from '@order-service/test-support';
import type { Kafka } from 'kafkajs';

/** The topics of one test: unique names, so tests never share Kafka state. */
export interface TestTopics {
  created: string;
  status: string;
  notifications: string;
}

const opened: (() => Promise<void>)[] = [];

/** Creates fresh topics (3 partitions, each with its .dlq) for one test; `removeTestTopics` deletes them. */
export async function createNotifierTopics(kafka: Kafka): Promise<TestTopics> {
  const { names, remove } = await createTestTopics(kafka, [
    'test.orders.created',
    'test.orders.status',
    'test.orders.notifications',
  ]);
  opened.push(remove);
  const [created = '', status = '', notifications = ''] = names;
  return { created, status, notifications };
}

/** Deletes the topics this test file created; call it after its notifiers stopped. */
export async function removeTestTopics(): Promise<void> {
  for (const remove of opened.splice(0)) await remove();
}
