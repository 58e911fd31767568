import type { TopicRecorder } from '@order-service/test-support';

/**
 * Answers "is this order's PROCESSING on orders.status yet?" from a recorder of that topic,
 * indexing only the records that arrived since the last question.
 */
export function createProcessingIndex(recorder: TopicRecorder): (orderId: string) => boolean {
  const processing = new Set<string>();
  let indexed = 0;
  return (orderId) => {
    for (; indexed < recorder.records.length; indexed += 1) {
      const record = recorder.records[indexed];
      if (record?.key && record.value?.includes('"PROCESSING"')) processing.add(record.key);
    }
    return processing.has(orderId);
  };
}
