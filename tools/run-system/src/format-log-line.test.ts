import { describe, expect, it } from 'vitest';
import { formatLogLine } from './format-log-line.ts';

describe('formatLogLine', () => {
  it('turns a pino JSON line into time, level, message and the remaining fields', () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.UTC(2026, 0, 2, 3, 4, 5),
      pid: 1,
      hostname: 'h',
      msg: 'Kafka is slow',
      topic: 'orders.created',
    });
    expect(formatLogLine('status-worker', line)).toBe(
      '[status-worker]  03:04:05 WARN  Kafka is slow {"topic":"orders.created"}',
    );
  });

  it('reads the ISO time and level label the apps write', () => {
    const line = JSON.stringify({ level: 'error', time: '2026-11-25T12:47:49.642Z', msg: 'boom' });
    expect(formatLogLine('order-producer', line)).toBe('[order-producer] 12:47:49 ERROR boom');
  });

  it('keeps a line that is not JSON as it is, behind the prefix', () => {
    expect(formatLogLine('notifier', 'plain text { not json')).toBe('[notifier]       plain text { not json');
  });
});
