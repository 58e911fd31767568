import type { Admin, GroupDescription, Kafka } from 'kafkajs';
import { waitFor } from '../wait-for.ts';

/** A partition a consumer group has not committed to its end. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** The group's committed offset, -1n when it has none. */
  committed: bigint;
  /** The partition's high watermark. */
  end: bigint;
  /** Offsets between the group's position and the end (transaction markers included). */
  lag: bigint;
}

async function withAdmin<T>(kafka: Kafka, use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * The offset `groupId` committed on one `partition` of `topic` (-1n when none); without
 * `partition`, the sum of the committed offsets over the topic's partitions (0n when none).
 */
export function committedOffset(
  kafka: Kafka,
  groupId: string,
  topic: string,
  partition?: number,
): Promise<bigint> {
  return withAdmin(kafka, async (admin) => {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const offsets = entry?.partitions ?? [];
    if (partition !== undefined)
      return BigInt(offsets.find((candidate) => candidate.partition === partition)?.offset ?? '-1');
    return offsets
      .map((candidate) => BigInt(candidate.offset))
      .reduce((sum, offset) => sum + (offset > 0n ? offset : 0n), 0n);
  });
}

async function lagOf(admin: Admin, groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const behind: PartitionLag[] = [];
  for (const topic of topics) {
    const offsets = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
    const ends = (await admin.fetchTopicOffsets(topic)).sort(
      (left, right) => left.partition - right.partition,
    );
    for (const end of ends) {
      const at = BigInt(offsets.find((entry) => entry.partition === end.partition)?.offset ?? '-1');
      const position = at < 0n ? BigInt(end.low) : at;
      const high = BigInt(end.high);
      if (position < high)
        behind.push({ topic, partition: end.partition, committed: at, end: high, lag: high - position });
    }
  }
  return behind;
}

/** The partitions of `topics` that `groupId` has not committed to their end, in partition order (empty: caught up). */
export function groupLag(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
  return withAdmin(kafka, (admin) => lagOf(admin, groupId, topics));
}

const describeLag = (lag: readonly PartitionLag[]) =>
  lag.map((entry) => `${entry.topic}[${entry.partition}] lag ${entry.lag}`).join(', ') || 'none';

/**
 * Waits until `groupId` has committed every partition of `topics` to its end, i.e. has handled
 * every record on them so far. Default timeout 90 s: a group that restarts takes its time to
 * rejoin on the busy test machine.
 */
export async function waitForGroupCaughtUp(
  kafka: Kafka,
  groupId: string,
  topics: readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<void> {
  await withAdmin(kafka, async (admin) => {
    let lag: PartitionLag[] = [];
    await waitFor(
      async () => {
        lag = await lagOf(admin, groupId, topics);
        return lag.length === 0;
      },
      {
        description: `group ${groupId} to commit ${topics.join(', ')} to the end`,
        timeoutMs: options.timeoutMs ?? 90_000,
        intervalMs: 250,
        describeState: () => `behind: ${describeLag(lag)}`,
      },
    );
  });
}

/** Waits until `groupId` is Stable (its rebalance is over), with `members` members when given. */
export async function waitForGroupStable(
  kafka: Kafka,
  groupId: string,
  options: { members?: number; timeoutMs?: number } = {},
): Promise<GroupDescription> {
  return withAdmin(kafka, async (admin) => {
    let seen = 'not described yet';
    return waitFor(
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        const group = groups[0];
        seen = `${group?.state ?? 'unknown'} with ${group?.members.length ?? 0} member(s)`;
        const complete = options.members === undefined || group?.members.length === options.members;
        return group?.state === 'Stable' && complete && group;
      },
      {
        description: `group ${groupId} to be stable${options.members === undefined ? '' : ` with ${options.members} members`}`,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        describeState: () => seen,
      },
    );
  });
}
