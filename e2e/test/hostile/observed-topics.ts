import { DEAD_LETTER_HEADERS } from '@order-service/runtime';
import type { TopicRecorder } from '@order-service/test-support';

/** A dead letter as the suite needs it: where it came from and why. */
export interface ObservedDeadLetter {
  sourcePartition: string | undefined;
  sourceOffset: string | undefined;
  reason: string | undefined;
  errorCode: string | undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the apps published, indexed as it arrives: order ids on orders.status, order ids and
 * notification ids on orders.notifications, dead letters by source partition and offset.
 */
export class ObservedTopics {
  readonly statusOrderIds = new Set<string>();
  readonly notificationOrderIds = new Set<string>();
  readonly notificationIds = new Set<string>();
  private readonly deadLetters = new Map<string, Map<string, ObservedDeadLetter[]>>();
  private readonly indexed = new Map<TopicRecorder, number>();

  constructor(
    private readonly recorders: {
      status: TopicRecorder;
      notifications: TopicRecorder;
      deadLetters: ReadonlyMap<string, TopicRecorder>;
    },
  ) {}

  private fresh(recorder: TopicRecorder) {
    const from = this.indexed.get(recorder) ?? 0;
    this.indexed.set(recorder, recorder.records.length);
    return recorder.records.slice(from);
  }

  /** Indexes every record the recorders received since the last call. */
  refresh(): this {
    for (const record of this.fresh(this.recorders.status)) {
      const orderId = parseObject(record.value ?? '')?.order_id;
      if (typeof orderId === 'string') this.statusOrderIds.add(orderId);
    }
    for (const record of this.fresh(this.recorders.notifications)) {
      const value = parseObject(record.value ?? '');
      if (typeof value?.order_id === 'string') this.notificationOrderIds.add(value.order_id);
      if (typeof value?.notification_id === 'string') this.notificationIds.add(value.notification_id);
    }
    for (const [source, recorder] of this.recorders.deadLetters) {
      let bySource = this.deadLetters.get(source);
      if (!bySource) {
        bySource = new Map();
        this.deadLetters.set(source, bySource);
      }
      for (const record of this.fresh(recorder)) {
        const deadLetter: ObservedDeadLetter = {
          sourcePartition: record.headers[DEAD_LETTER_HEADERS.sourcePartition],
          sourceOffset: record.headers[DEAD_LETTER_HEADERS.sourceOffset],
          reason: record.headers[DEAD_LETTER_HEADERS.reason],
          errorCode: record.headers[DEAD_LETTER_HEADERS.errorCode],
        };
        const position = `${deadLetter.sourcePartition}:${deadLetter.sourceOffset}`;
        bySource.set(position, [...(bySource.get(position) ?? []), deadLetter]);
      }
    }
    return this;
  }

  /** The dead letters of the record at (partition, offset) of a source topic. */
  deadLettersOf(sourceTopic: string, partition: number, offset: string): ObservedDeadLetter[] {
    return this.deadLetters.get(sourceTopic)?.get(`${partition}:${offset}`) ?? [];
  }
}
