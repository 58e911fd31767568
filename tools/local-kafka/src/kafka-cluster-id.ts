import { randomBytes } from 'node:crypto';

/**
 * A cluster id in Kafka's own format (`Uuid.toString()`: 16 random bytes, URL-safe base64 without
 * padding). Like Kafka, ids starting with '-' are skipped because the storage tool would read them
 * as an option.
 */
export function createKafkaClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) {
      return id;
    }
  }
}
