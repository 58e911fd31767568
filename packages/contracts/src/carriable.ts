import { ContractError } from './contract-error.ts';
import { isRfc3339DateTime } from './is-rfc3339-date-time.ts';
import type { Order } from './schemas/order.ts';
import type { OrderStatusChanged } from './schemas/order-status-changed.ts';
import { toUtcInstant } from './to-utc-instant.ts';
import type { Violation } from './violation.ts';

/**
 * What the system can store and carry, on top of the (deliberately permissive) wire schema. Lengths
 * count Unicode code points. The instant bounds are the range every store of the system accepts
 * (PostgreSQL's timestamptz has no year 0 in ISO form, JS and ISO 8601 do).
 */
export const CARRIABLE_LIMITS = {
  /** Longest `order_id`, `customer_id` or `product_id`, in code points. */
  maxIdLength: 200,
  /** Longest status-change `comment`, in code points. */
  maxCommentLength: 1000,
  /** Earliest instant (UTC) a date-time may name. */
  earliestInstant: '0001-01-01T00:00:00.000Z',
  /** Latest instant (UTC) a date-time may name. */
  latestInstant: '9999-12-31T23:59:59.999Z',
} as const;

const EARLIEST = Date.parse(CARRIABLE_LIMITS.earliestInstant);
const LATEST = Date.parse(CARRIABLE_LIMITS.latestInstant);
const PREVIEW_LENGTH = 40;

// A short, printable, well-formed copy of an offending string for violations and logs: never the
// whole 100 kB value, never a raw U+0000 or lone surrogate that would break the next store.
function preview(value: string): string {
  let result = '';
  for (let index = 0; index < value.length && index < PREVIEW_LENGTH; index++) {
    const code = value.charCodeAt(index);
    const printable = code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && !(code >= 0xd800 && code <= 0xdfff);
    result += printable ? value[index] : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return value.length > PREVIEW_LENGTH ? `${result}…` : result;
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

interface StringRules {
  maxLength: number;
  /** True when this control character is refused. */
  refuses: (code: number) => boolean;
  what: string;
}

// One pass over the string, however long: the first refused character, the first unpaired
// surrogate and the length in code points.
function checkString(path: string, value: string, rules: StringRules): Violation[] {
  const violations: Violation[] = [];
  let codePoints = 0;
  let control = -1;
  let surrogate = -1;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    codePoints++;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
      else if (surrogate < 0) surrogate = index;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      if (surrogate < 0) surrogate = index;
    } else if (control < 0 && rules.refuses(code)) {
      control = index;
    }
  }
  if (control >= 0) {
    violations.push({
      path,
      message: `must not contain ${rules.what}, got ${hex(value.charCodeAt(control))} at index ${control}`,
      value: preview(value),
    });
  }
  if (surrogate >= 0) {
    violations.push({
      path,
      message: `must be well-formed Unicode, got an unpaired surrogate ${hex(value.charCodeAt(surrogate))} at index ${surrogate} (UTF-8 cannot carry it)`,
      value: preview(value),
    });
  }
  if (codePoints > rules.maxLength) {
    violations.push({
      path,
      message: `must be at most ${rules.maxLength} characters, got ${codePoints}`,
      value: preview(value),
    });
  }
  return violations;
}

const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);

/**
 * Violations of an identifier the system cannot store or carry: control characters (U+0000-U+001F,
 * U+007F-U+009F), unpaired surrogates, or more than {@link CARRIABLE_LIMITS}.maxIdLength code points.
 */
export function checkCarriableId(path: string, value: string): Violation[] {
  return checkString(path, value, {
    maxLength: CARRIABLE_LIMITS.maxIdLength,
    refuses: isControl,
    what: 'control characters',
  });
}

/**
 * Violations of a free-text comment the system cannot store or carry: U+0000, unpaired surrogates,
 * or more than {@link CARRIABLE_LIMITS}.maxCommentLength code points (line breaks and tabs are fine).
 */
export function checkCarriableComment(path: string, value: string): Violation[] {
  return checkString(path, value, {
    maxLength: CARRIABLE_LIMITS.maxCommentLength,
    refuses: (code) => code === 0,
    what: 'U+0000',
  });
}

/**
 * Violations of a date-time the system cannot store: not RFC 3339, or naming an instant outside
 * {@link CARRIABLE_LIMITS} (earliestInstant-latestInstant, in UTC, e.g. year 0000).
 */
export function checkCarriableDateTime(path: string, value: string): Violation[] {
  if (!isRfc3339DateTime(value)) {
    return [{ path, message: 'must be an RFC 3339 date-time', value: preview(value) }];
  }
  const instant = toUtcInstant(value).getTime();
  if (instant >= EARLIEST && instant <= LATEST) return [];
  return [
    {
      path,
      message: `must name an instant from ${CARRIABLE_LIMITS.earliestInstant} to ${CARRIABLE_LIMITS.latestInstant} (UTC), got ${value.slice(0, 64)}`,
      value: preview(value),
    },
  ];
}

/**
 * Violations of a decoded {@link Order} that passes the wire schema but cannot be stored or carried
 * end to end (see {@link checkCarriableId} and {@link checkCarriableDateTime}); empty when it can.
 * Consumers dead-letter such a record (CONTRACT_UNSUPPORTED_VALUE), the front door answers 400.
 */
export function checkCarriableOrder(order: Order): Violation[] {
  const violations = [
    ...checkCarriableId('/order_id', order.order_id),
    ...checkCarriableId('/customer_id', order.customer_id),
  ];
  order.items.forEach((item, index) => {
    violations.push(...checkCarriableId(`/items/${index}/product_id`, item.product_id));
  });
  violations.push(...checkCarriableDateTime('/created_at', order.created_at));
  return violations;
}

/**
 * Violations of a decoded {@link OrderStatusChanged} that cannot be stored or carried end to end
 * (its order_id, comment and updated_at); empty when it can.
 */
export function checkCarriableStatusChange(change: OrderStatusChanged): Violation[] {
  const violations = [
    ...checkCarriableId('/order_id', change.order_id),
    ...checkCarriableDateTime('/updated_at', change.updated_at),
  ];
  if (change.comment !== undefined) violations.push(...checkCarriableComment('/comment', change.comment));
  return violations;
}

/** The non-retryable {@link ContractError} (CONTRACT_UNSUPPORTED_VALUE) a consumer dead-letters a record with. */
export function unsupportedValueError(messageName: string, violations: readonly Violation[]): ContractError {
  return new ContractError({ code: 'CONTRACT_UNSUPPORTED_VALUE', messageName, violations });
}
