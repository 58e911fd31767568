import { describe, expect, it } from 'vitest';
import { PartitionPositions } from './partition-positions.ts';

describe('PartitionPositions', () => {
  it('keeps records and chunks at one offset apart', () => {
    const positions = new PartitionPositions<number>();
    positions.set('t', 0, 'record', '5', 1);
    positions.set('t', 0, 'chunk', '5', 2);
    expect(positions.get('t', 0, 'record', '5')).toBe(1);
    expect(positions.get('t', 0, 'chunk', '5')).toBe(2);
    expect(positions.get('t', 1, 'record', '5')).toBeUndefined();
  });

  it('forgets every entry at or before an offset the partition moved past, and no other', () => {
    const positions = new PartitionPositions<string>();
    positions.set('t', 0, 'chunk', '3', 'a');
    positions.set('t', 0, 'record', '7', 'b');
    positions.set('t', 0, 'record', '12', 'c');
    positions.set('t', 1, 'record', '2', 'd');
    positions.forgetThrough('t', 0, '10');
    expect(positions.entries().map((entry) => entry.value)).toEqual(['c', 'd']);
    positions.forgetThrough('t', 0, '12');
    positions.delete('t', 1, 'record', '2');
    expect(positions.size).toBe(0);
  });

  it('drops the partitions no longer assigned and says which', () => {
    const positions = new PartitionPositions<string>();
    positions.set('t', 0, 'record', '1', 'kept');
    positions.set('t', 1, 'record', '1', 'revoked');
    positions.set('u', 0, 'record', '1', 'unsubscribed');
    const dropped = positions.keepOnly({ t: [0, 2] });
    expect(dropped.map((entry) => entry.value).sort()).toEqual(['revoked', 'unsubscribed']);
    expect(positions.entries()).toEqual([{ topic: 't', partition: 0, offset: '1', value: 'kept' }]);
  });

  it('compares offsets as numbers, beyond 2^53', () => {
    const positions = new PartitionPositions<string>();
    positions.set('t', 0, 'record', '9007199254740993', 'x');
    positions.forgetThrough('t', 0, '9007199254740992');
    expect(positions.size).toBe(1);
    positions.forgetThrough('t', 0, '9007199254740993');
    expect(positions.size).toBe(0);
  });
});
