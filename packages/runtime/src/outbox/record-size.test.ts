import { describe, expect, it } from 'vitest';
import { RECORD_BATCH_OVERHEAD_BYTES, recordSizeBytes, singleRecordBatchBytes } from './record-size.ts';

describe('recordSizeBytes', () => {
  it('counts key, value and headers in UTF-8 bytes, plus the framing', () => {
    const empty = recordSizeBytes({ key: null, value: '', headers: {} });
    expect(recordSizeBytes({ key: 'k', value: 'ж', headers: {} })).toBe(empty + 1 + 2);
    expect(recordSizeBytes({ key: null, value: '', headers: { ab: 'cde' } })).toBe(empty + 10 + 5);
  });

  it('gives a single-record batch the batch header on top', () => {
    const record = { key: 'o-1', value: 'x'.repeat(1_000), headers: { 'x-event-id': 'e' } };
    expect(singleRecordBatchBytes(record)).toBe(RECORD_BATCH_OVERHEAD_BYTES + recordSizeBytes(record));
    expect(singleRecordBatchBytes(record)).toBeGreaterThan(1_000);
  });
});
