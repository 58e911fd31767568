/** What a record carries on the wire: key, value and headers (UTF-8). */
export interface RecordContent {
  key: string | null;
  value: string;
  headers: Readonly<Record<string, string>>;
}

/**
 * Bytes of a Kafka record batch header (magic v2: base offset, length, epoch, CRC, attributes,
 * offsets, timestamps, producer id/epoch, sequence, count). Every request carries at least one.
 */
export const RECORD_BATCH_OVERHEAD_BYTES = 61;

const VARINT_MAX_BYTES = 5;
const VARLONG_MAX_BYTES = 10;

/**
 * An upper bound of one record's size inside a v2 record batch (uncompressed): its varint framing
 * at their widest, the key, the value and every header's key and value in UTF-8. The broker's
 * `max.message.bytes` applies to a whole batch: compare against it `RECORD_BATCH_OVERHEAD_BYTES`
 * plus the sum over the records.
 */
export function recordSizeBytes(record: RecordContent): number {
  // length, attributes, timestamp delta, offset delta, key length, value length, header count
  let bytes = VARINT_MAX_BYTES + 1 + VARLONG_MAX_BYTES + VARINT_MAX_BYTES * 4;
  if (record.key !== null) bytes += Buffer.byteLength(record.key, 'utf8');
  bytes += Buffer.byteLength(record.value, 'utf8');
  for (const [name, value] of Object.entries(record.headers)) {
    bytes += VARINT_MAX_BYTES * 2 + Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value, 'utf8');
  }
  return bytes;
}

/** The size of a batch holding only `record`: what a topic's `max.message.bytes` must admit. */
export function singleRecordBatchBytes(record: RecordContent): number {
  return RECORD_BATCH_OVERHEAD_BYTES + recordSizeBytes(record);
}
