import type { IHeaders, Kafka } from 'kafkajs';
import { type DeadLetter, isDeadLetterHeader } from './dead-letter.ts';
import { DeadLetterToolError } from './dead-letter-tool-error.ts';

/** What replay did (or, in a dry run, would do) with one dead letter. */
export type ReplayOutcome =
  | {
      kind: 'replayed' | 'would-replay';
      deadLetter: DeadLetter;
      topic: string;
      partition: number | undefined;
    }
  | { kind: 'skipped'; deadLetter: DeadLetter; why: string };

/** The headers a replayed record carries: the original ones, without the x-dlq-* ones. */
export function originalHeaders(headers: IHeaders): IHeaders {
  const kept: IHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !isDeadLetterHeader(name)) kept[name] = value;
  }
  return kept;
}

/** What replay would do with one dead letter, before anything is produced. */
export function planReplay(deadLetter: DeadLetter, dryRun: boolean): ReplayOutcome {
  if (deadLetter.declaredSourceTopic === undefined || deadLetter.declaredSourceTopic === '') {
    return { kind: 'skipped', deadLetter, why: 'no x-dlq-source-topic header: its source topic is unknown' };
  }
  return {
    kind: dryRun ? 'would-replay' : 'replayed',
    deadLetter,
    topic: deadLetter.declaredSourceTopic,
    partition: deadLetter.sourcePartition,
  };
}

/**
 * Produces each dead letter back onto its source topic with its original key, value and headers
 * (x-dlq-* removed), on its original partition when the DLQ record says which, with an idempotent
 * acks=-1 producer: the consumer then sees the record it failed on, with the same event id, and
 * its idempotence makes a second replay harmless. One record per send, in the order given, so a
 * failure leaves a clear line between what was replayed and what was not.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  deadLetters: readonly DeadLetter[],
  options: { dryRun: boolean; onOutcome: (outcome: ReplayOutcome) => void },
): Promise<ReplayOutcome[]> {
  const plans = deadLetters.map((deadLetter) => planReplay(deadLetter, options.dryRun));
  if (options.dryRun || !plans.some((plan) => plan.kind === 'replayed')) {
    for (const plan of plans) options.onOutcome(plan);
    return plans;
  }
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    for (const plan of plans) {
      if (plan.kind === 'replayed') {
        const { deadLetter } = plan;
        try {
          await producer.send({
            topic: plan.topic,
            acks: -1,
            messages: [
              {
                key: deadLetter.key,
                value: deadLetter.value,
                headers: originalHeaders(deadLetter.headers),
                ...(plan.partition === undefined ? {} : { partition: plan.partition }),
              },
            ],
          });
        } catch (error) {
          throw new DeadLetterToolError(
            'DEAD_LETTERS_KAFKA_FAILED',
            `Could not replay ${deadLetter.dlqTopic}[${deadLetter.partition}]@${deadLetter.offset} onto ${plan.topic}: ${(error as Error).message}. The records listed above it were replayed; run replay again with --since/--until narrowed (the consumers are idempotent, a repeat is harmless).`,
            { cause: error },
          );
        }
      }
      options.onOutcome(plan);
    }
    return plans;
  } finally {
    await producer.disconnect();
  }
}
