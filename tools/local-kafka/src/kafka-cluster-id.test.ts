import { describe, expect, it } from 'vitest';
import { createKafkaClusterId } from './kafka-cluster-id.ts';

describe('createKafkaClusterId', () => {
  it('encodes 16 bytes as 22 URL-safe base64 characters, like Kafka Uuid.toString()', () => {
    const id = createKafkaClusterId(() => Buffer.alloc(16, 0xff));
    expect(id).toBe('_____________________w');
    expect(createKafkaClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it('draws again when an id would start with "-", which the storage tool would read as an option', () => {
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const id = createKafkaClusterId(() => draws.shift() as Buffer);
    expect(id.startsWith('-')).toBe(false);
    expect(draws).toHaveLength(0);
  });
});
