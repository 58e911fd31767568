import { Kafka, logLevel } from 'kafkajs';
import { type DeadLetter, dlqTopicOf, isDlqTopic } from './dead-letter.ts';
import { matchesFilter } from './dead-letter-filter.ts';
import { DeadLetterToolError } from './dead-letter-tool-error.ts';
import { describeDeadLetter, describeDeadLetterLine, describeReplayOutcome } from './describe-dead-letter.ts';
import type { Command } from './parse-arguments.ts';
import { USAGE } from './parse-arguments.ts';
import { readDeadLetters } from './read-dead-letters.ts';
import { replayDeadLetters } from './replay-dead-letters.ts';

/** Where a command writes and which broker it talks to when the command line names none. */
export interface CommandContext {
  defaultBrokers: string;
  print: (line: string) => void;
}

function createKafka(brokers: string): Kafka {
  return new Kafka({ clientId: 'dead-letters', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
}

async function dlqTopicsToRead(kafka: Kafka, sourceTopics: readonly string[]): Promise<string[]> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const existing = await admin.listTopics();
    if (sourceTopics.length === 0) return existing.filter(isDlqTopic).sort();
    const wanted = sourceTopics.map(dlqTopicOf);
    const missing = wanted.filter((topic) => !existing.includes(topic));
    if (missing.length > 0) {
      throw new DeadLetterToolError(
        'DEAD_LETTERS_NOT_FOUND',
        `No topic ${missing.join(', ')} on the broker. --topic takes a source topic (orders.created, not orders.created.dlq); list without --topic shows every dead-letter topic.`,
      );
    }
    return wanted;
  } catch (error) {
    if (DeadLetterToolError.isInstance(error)) throw error;
    throw new DeadLetterToolError(
      'DEAD_LETTERS_KAFKA_FAILED',
      `Could not list the topics: ${(error as Error).message}. Check --brokers (or KAFKA_BROKERS).`,
      { cause: error },
    );
  } finally {
    await admin.disconnect();
  }
}

/** Runs one parsed command; resolves with the process exit code. */
export async function runDeadLettersCommand(command: Command, context: CommandContext): Promise<number> {
  if (command.command === 'help') {
    context.print(USAGE);
    return 0;
  }
  const brokers = command.brokers ?? context.defaultBrokers;
  const kafka = createKafka(brokers);
  if (command.command === 'show') {
    let found: DeadLetter | undefined;
    await readDeadLetters(kafka, {
      topics: [command.topic],
      only: { topic: command.topic, partition: command.partition, offset: command.offset },
      onRecord: (deadLetter) => {
        if (deadLetter.offset === command.offset) found = deadLetter;
      },
    });
    if (!found) {
      throw new DeadLetterToolError(
        'DEAD_LETTERS_NOT_FOUND',
        `No record at ${command.topic} partition ${command.partition} offset ${command.offset} (past the end, or removed by retention). list prints where each dead letter is.`,
      );
    }
    context.print(describeDeadLetter(found));
    return 0;
  }
  const topics = await dlqTopicsToRead(kafka, command.filter.topics);
  const selected: DeadLetter[] = [];
  const read = await readDeadLetters(kafka, {
    topics,
    onRecord: (deadLetter) => {
      if (matchesFilter(deadLetter, command.filter)) selected.push(deadLetter);
    },
  });
  // Arrival order across partitions depends on fetch timing: print and replay in a stable order.
  selected.sort(
    (a, b) =>
      a.dlqTopic.localeCompare(b.dlqTopic) ||
      a.partition - b.partition ||
      Number(BigInt(a.offset) - BigInt(b.offset)),
  );
  if (command.command === 'list') {
    for (const deadLetter of selected) context.print(describeDeadLetterLine(deadLetter));
    context.print(
      `dead letters: ${selected.length} selected of ${read} read on ${topics.length} topic(s): ${topics.join(', ') || '(none)'}`,
    );
    return 0;
  }
  const outcomes = await replayDeadLetters(kafka, selected, {
    dryRun: command.dryRun,
    onOutcome: (outcome) => context.print(describeReplayOutcome(outcome)),
  });
  const count = (kind: string) => outcomes.filter((outcome) => outcome.kind === kind).length;
  context.print(
    command.dryRun
      ? `replay (dry run, nothing produced): selected ${selected.length} of ${read} read, would replay ${count('would-replay')}, would skip ${count('skipped')}`
      : `replay: selected ${selected.length} of ${read} read, replayed ${count('replayed')}, skipped ${count('skipped')}`,
  );
  return 0;
}
