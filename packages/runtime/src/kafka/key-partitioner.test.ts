import fc from 'fast-check';
import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { keyPartitioner, murmur2, partitionForKey } from './key-partitioner.ts';

const metadata = (count: number, leaderless: number[] = []): PartitionMetadata[] =>
  Array.from({ length: count }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: leaderless.includes(partitionId) ? -1 : 0,
    replicas: [0],
    isr: [0],
  }));

describe('murmur2', () => {
  it("gives the Java client's hashes (vectors of Kafka's UtilsTest)", () => {
    const cases: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of cases) expect(murmur2(Buffer.from(key)), key).toBe(hash);
  });

  it('puts every key on the partition kafkajs puts it on', () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    const ours = keyPartitioner();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
          fc.string({ unit: 'binary' }),
        ),
        fc.integer({ min: 1, max: 64 }),
        (key, count) => {
          const args = { topic: 't', partitionMetadata: metadata(count), message: { key, value: null } };
          expect(ours(args)).toBe(kafkajs(args));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hashes a string key as its UTF-8 bytes', () => {
    expect(partitionForKey('заказ-😀', 12)).toBe(partitionForKey(Buffer.from('заказ-😀', 'utf8'), 12));
  });
});

describe('keyPartitioner', () => {
  it('keeps an explicit partition', () => {
    const partition = keyPartitioner();
    expect(
      partition({
        topic: 't',
        partitionMetadata: metadata(6),
        message: { key: 'k', value: null, partition: 4 },
      }),
    ).toBe(4);
  });

  it('spreads records without a key over the partitions that have a leader, in turn', () => {
    const partition = keyPartitioner();
    const seen = Array.from({ length: 8 }, () =>
      partition({ topic: 't', partitionMetadata: metadata(4, [1]), message: { key: null, value: null } }),
    );
    expect(new Set(seen)).toEqual(new Set([0, 2, 3]));
    expect(seen[3]).toBe(seen[0]);
  });
});
