/** Where a value is kept: a record (`offset`) or a chunk of records starting at `offset`. */
export type PositionKind = 'record' | 'chunk';

interface Entry<T> {
  offset: bigint;
  value: T;
}

const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;

/**
 * Values (failure counts, pending dead letters) by topic, partition and offset. Nothing stays once
 * its partition moved past it (`forgetThrough`) or is no longer assigned here (`keepOnly`), so a
 * long-running consumer holds at most a few entries per partition it owns.
 */
export class PartitionPositions<T> {
  readonly #partitions = new Map<
    string,
    { topic: string; partition: number; entries: Map<string, Entry<T>> }
  >();

  get(topic: string, partition: number, kind: PositionKind, offset: string): T | undefined {
    return this.#partitions.get(partitionKey(topic, partition))?.entries.get(`${kind}:${offset}`)?.value;
  }

  set(topic: string, partition: number, kind: PositionKind, offset: string, value: T): void {
    const key = partitionKey(topic, partition);
    let state = this.#partitions.get(key);
    if (state === undefined) {
      state = { topic, partition, entries: new Map() };
      this.#partitions.set(key, state);
    }
    state.entries.set(`${kind}:${offset}`, { offset: BigInt(offset), value });
  }

  delete(topic: string, partition: number, kind: PositionKind, offset: string): void {
    const key = partitionKey(topic, partition);
    const state = this.#partitions.get(key);
    if (state === undefined) return;
    state.entries.delete(`${kind}:${offset}`);
    if (state.entries.size === 0) this.#partitions.delete(key);
  }

  /** Drops every entry of the partition at or before `offset` (the partition moved past them). */
  forgetThrough(topic: string, partition: number, offset: string): void {
    const key = partitionKey(topic, partition);
    const state = this.#partitions.get(key);
    if (state === undefined) return;
    const last = BigInt(offset);
    for (const [entryKey, entry] of state.entries) {
      if (entry.offset <= last) state.entries.delete(entryKey);
    }
    if (state.entries.size === 0) this.#partitions.delete(key);
  }

  /** Drops the partitions not in `assignment` (topic -> partitions) and returns what was dropped. */
  keepOnly(
    assignment: Readonly<Record<string, readonly number[]>>,
  ): Array<{ topic: string; partition: number; value: T }> {
    const dropped: Array<{ topic: string; partition: number; value: T }> = [];
    for (const [key, state] of this.#partitions) {
      if (assignment[state.topic]?.includes(state.partition) === true) continue;
      for (const entry of state.entries.values()) {
        dropped.push({ topic: state.topic, partition: state.partition, value: entry.value });
      }
      this.#partitions.delete(key);
    }
    return dropped;
  }

  /** Every entry, for health reports. */
  entries(): Array<{ topic: string; partition: number; offset: string; value: T }> {
    return [...this.#partitions.values()].flatMap((state) =>
      [...state.entries.values()].map((entry) => ({
        topic: state.topic,
        partition: state.partition,
        offset: entry.offset.toString(),
        value: entry.value,
      })),
    );
  }

  /** How many entries are held (tests check that nothing leaks). */
  get size(): number {
    let size = 0;
    for (const state of this.#partitions.values()) size += state.entries.size;
    return size;
  }

  clear(): void {
    this.#partitions.clear();
  }
}
