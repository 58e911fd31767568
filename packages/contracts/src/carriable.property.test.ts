import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCarriableOrder, checkCarriableStatusChange } from './carriable.ts';
import { CONTRACT_ERROR_CODES, ContractError } from './contract-error.ts';
import { isRfc3339DateTime } from './is-rfc3339-date-time.ts';
import { decodeOrder, decodeOrderStatusChanged } from './messages.ts';
import { checkOrderRules } from './order-rules.ts';
import {
  anyOrderRecord,
  anyRfc3339DateTime,
  anyStatusChangedRecord,
  malformedDateTime,
  malformedOrderRecord,
  malformedStatusChangedRecord,
} from './test-support/arbitraries.ts';
import { toUtcInstant } from './to-utc-instant.ts';

type Verdict = { accepted: true } | { accepted: false; code: string; reasons: number };

// decode + the carriable check, as every consumer runs them: accepted, or a ContractError naming why.
function judge<T>(
  decode: (value: unknown) => { ok: true; value: T } | { ok: false; error: ContractError },
  check: (value: T) => unknown[],
  bytes: Uint8Array,
): Verdict {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    expect(ContractError.isInstance(decoded.error)).toBe(true);
    return { accepted: false, code: decoded.error.code, reasons: decoded.error.violations.length };
  }
  const violations = check(decoded.value);
  if (violations.length === 0) return { accepted: true };
  return { accepted: false, code: 'CONTRACT_UNSUPPORTED_VALUE', reasons: violations.length };
}

const RUNS = { numRuns: 400 };

describe('every record a producer can write', () => {
  it('an orders.created value is accepted or refused with a ContractError naming a reason, never a throw', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(anyOrderRecord, malformedOrderRecord), (bytes) => {
        const verdict = judge(decodeOrder, checkCarriableOrder, bytes);
        if (!verdict.accepted) {
          expect(Object.keys(CONTRACT_ERROR_CODES)).toContain(verdict.code);
          expect(verdict.reasons).toBeGreaterThan(0);
          seen.add(verdict.code);
        } else {
          seen.add('accepted');
          // An accepted order's business rules are total too: they never throw.
          const decoded = decodeOrder(bytes);
          if (decoded.ok) checkOrderRules(decoded.value);
        }
      }),
      RUNS,
    );
    // The arbitraries reach every outcome, or the property would prove little.
    expect([...seen].sort()).toEqual(
      ['CONTRACT_INVALID_JSON', 'CONTRACT_SCHEMA_VIOLATION', 'CONTRACT_UNSUPPORTED_VALUE', 'accepted'].sort(),
    );
  });

  it('an orders.status value is accepted or refused with a ContractError naming a reason, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(anyStatusChangedRecord, malformedStatusChangedRecord), (bytes) => {
        const verdict = judge(decodeOrderStatusChanged, checkCarriableStatusChange, bytes);
        if (!verdict.accepted) expect(verdict.reasons).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('two different accepted order_ids never become the same UTF-8 bytes', () => {
    fc.assert(
      fc.property(anyOrderRecord, anyOrderRecord, (first, second) => {
        const a = decodeOrder(first);
        const b = decodeOrder(second);
        if (!a.ok || !b.ok || checkCarriableOrder(a.value).length + checkCarriableOrder(b.value).length > 0)
          return;
        if (a.value.order_id !== b.value.order_id) {
          expect(Buffer.from(a.value.order_id).equals(Buffer.from(b.value.order_id))).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

describe('the date-time arbitraries', () => {
  it('produce only strings the package accepts, and toUtcInstant reads every one of them', () => {
    fc.assert(
      fc.property(anyRfc3339DateTime, (value) => {
        expect(isRfc3339DateTime(value)).toBe(true);
        expect(Number.isFinite(toUtcInstant(value).getTime())).toBe(true);
      }),
      RUNS,
    );
  });

  it('produce malformed ones the package refuses', () => {
    fc.assert(
      fc.property(malformedDateTime, (value) => {
        expect(isRfc3339DateTime(value)).toBe(false);
      }),
    );
  });
});
