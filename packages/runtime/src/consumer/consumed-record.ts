import type { IHeaders, KafkaMessage } from 'kafkajs';

/** A record as handlers see it: kafkajs types stay inside the runtime. */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The raw value; handlers decode it (with the contracts package). */
  value: Buffer | null;
  /** Headers as strings (the first value when a header repeats). */
  headers: Record<string, string>;
  timestamp: string;
}

/** Converts kafkajs header values (Buffer, string or arrays of them) to strings. */
export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

/** Builds the handler's view of a kafkajs message. */
export function toConsumedRecord(topic: string, partition: number, message: KafkaMessage): ConsumedRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key === null ? null : message.key.toString(),
    value: message.value,
    headers: headersToStrings(message.headers),
    timestamp: message.timestamp,
  };
}
