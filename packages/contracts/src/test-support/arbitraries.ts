import fc from 'fast-check';
import { NOTIFICATION_CHANNELS } from '../schemas/notification.ts';
import type { Order } from '../schemas/order.ts';
import { ORDER_STATUSES } from '../schemas/order-status.ts';
import type { OrderStatusChanged } from '../schemas/order-status-changed.ts';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** RFC 3339 date-times: any instant of years 0001-9999, UTC or with an offset, with or without a fraction. */
export const rfc3339DateTime = fc
  .record({
    instant: fc.date({
      min: new Date('0001-01-02T00:00:00Z'),
      max: new Date('9999-12-30T00:00:00Z'),
      noInvalidDate: true,
    }),
    offsetMinutes: fc.oneof(fc.constant(0), fc.integer({ min: -14 * 60, max: 14 * 60 })),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    lowercase: fc.boolean(),
  })
  .map(({ instant, offsetMinutes, fraction, lowercase }) => {
    const local = new Date(instant.getTime() + offsetMinutes * 60_000);
    const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
    const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
    const sign = offsetMinutes < 0 ? '-' : '+';
    const zone =
      offsetMinutes === 0
        ? 'Z'
        : `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
    const text = `${date}T${time}${fraction === undefined ? '' : `.${fraction}`}${zone}`;
    return lowercase ? text.toLowerCase() : text;
  });

const integer = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

/** Any order the wire schema accepts (business rules not applied). */
export const wireOrder: fc.Arbitrary<Order> = fc.record({
  order_id: fc.string(),
  customer_id: fc.string(),
  items: fc.array(
    fc.record({
      product_id: fc.string(),
      quantity: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      price: integer,
    }),
    { maxLength: 8 },
  ),
  total_amount: integer,
  created_at: rfc3339DateTime,
  status: fc.constantFrom(...ORDER_STATUSES),
});

/** Status changes the wire schema accepts, with and without a comment. */
export const wireStatusChanged = fc.record(
  {
    order_id: fc.string(),
    status: fc.constantFrom(...ORDER_STATUSES),
    updated_at: rfc3339DateTime,
    comment: fc.string(),
  },
  { requiredKeys: ['order_id', 'status', 'updated_at'] },
);

/** Notifications the wire schema accepts. */
export const wireNotification = fc.record({
  notification_id: fc.uuid(),
  order_id: fc.string(),
  customer_id: fc.string(),
  status: fc.constantFrom(...ORDER_STATUSES),
  channel: fc.constantFrom(...NOTIFICATION_CHANNELS),
  locale: fc.constantFrom('ru-RU', 'en-US', 'en', 'kk-Cyrl-KZ'),
  title: fc.string({ minLength: 1 }),
  text: fc.string({ minLength: 1 }),
  total_amount: integer,
  created_at: rfc3339DateTime,
});

// ---------------------------------------------------------------------------------------------
// The whole value space the contract allows, and malformed records, for hostile-input tests.
// Exported as `@order-service/contracts/test-support` (fast-check must be installed beside it).
// ---------------------------------------------------------------------------------------------

/** C0 and C1 control characters, U+0000 and DEL included. */
const controlCharacter = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((code) => String.fromCharCode(code));

/** A lone UTF-16 surrogate, high or low. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/**
 * Any string the wire schema allows: ordinary, any code point, control characters (U+0000
 * included), unpaired surrogates, and long ones (up to 100 kB).
 */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.string({ maxLength: 4 }), controlCharacter, loneSurrogate), { maxLength: 8 })
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ length: fc.integer({ min: 150, max: 100_000 }), unit: fc.constantFrom('x', 'я', '😀') })
      .map(({ length, unit }) => unit.repeat(Math.ceil(length / unit.length))),
  },
);

/** Any JSON integer: negative, zero (and -0), safe, and past 2^53 up to 1e308 (integer-valued doubles). */
export const anyJsonInteger: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -0, -1, 2 ** 53, 2 ** 53 + 2, 1e16, 1e20, -1e20, 1e300, Number.MAX_VALUE),
  },
  {
    weight: 1,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -Number.MAX_VALUE, max: Number.MAX_VALUE })
      .map((value) => Math.trunc(value)),
  },
);

/** A positive JSON integer (an item quantity), safe or not. */
const anyQuantity = anyJsonInteger.map((value) => Math.max(1, Math.abs(value)) || 1);

const fourDigits = (value: number) => pad(value, 4);

// Formats a UTC instant (ms, JS time) as the local time of `offsetMinutes`, seconds given apart.
function localText(instantMs: number, offsetMinutes: number, seconds: string, fraction: string | undefined) {
  const local = new Date(instantMs + offsetMinutes * 60_000);
  const date = `${fourDigits(local.getUTCFullYear())}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${seconds}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const zone = `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
  return {
    year: local.getUTCFullYear(),
    text: `${date}T${time}${fraction === undefined ? '' : `.${fraction}`}${zone}`,
  };
}

const yearZero = Date.UTC(2000, 0, 1) - 2000 * 365.2425 * 86_400_000;

/**
 * Every RFC 3339 form the package accepts: years 0000-9999, offsets up to ±23:59 (and `Z`, `z`),
 * leap seconds at 23:59:60 UTC, fractions of any length (up to 2,000 digits), lower-case `t`/`z`.
 */
export const anyRfc3339DateTime: fc.Arbitrary<string> = fc
  .record({
    instant: fc.integer({ min: Math.ceil(yearZero) + 2 * 86_400_000, max: Date.UTC(9999, 11, 30) }),
    offsetMinutes: fc.oneof(fc.constant(0), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
    fraction: fc.option(
      fc.oneof(
        fc.stringMatching(/^[0-9]{1,12}$/),
        fc.integer({ min: 13, max: 2000 }).map((n) => '9'.repeat(n)),
      ),
      { nil: undefined },
    ),
    leapSecond: fc.boolean(),
    zulu: fc.boolean(),
    lowercase: fc.boolean(),
  })
  .map(({ instant, offsetMinutes, fraction, leapSecond, zulu, lowercase }) => {
    const day = Math.floor(instant / 86_400_000) * 86_400_000;
    // A leap second is only valid at 23:59:60 UTC: take that minute of the instant's UTC day.
    const at = leapSecond ? day + (23 * 60 + 59) * 60_000 : instant;
    const seconds = leapSecond ? '60' : pad(new Date(at).getUTCSeconds());
    const offset = zulu ? 0 : offsetMinutes;
    const { year, text } = localText(at - (at % 60_000), offset, seconds, fraction);
    if (year < 0 || year > 9999) return '2024-02-20T15:30:00Z';
    const zoned = zulu ? text.replace(/\+00:00$/, 'Z') : text;
    return lowercase ? zoned.toLowerCase() : zoned;
  });

/** Strings that look like date-times but are not RFC 3339 (the wire schema refuses them). */
export const malformedDateTime: fc.Arbitrary<string> = fc.constantFrom(
  '',
  '2024-02-30T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-02-20T24:00:00Z',
  '2024-02-20T15:60:00Z',
  '2024-02-20T15:30:61Z',
  '2024-02-20T15:30:60Z',
  '2024-02-20T15:30:00+24:00',
  '2024-02-20T15:30:00+05:60',
  '2024-02-20T15:30:00',
  '2024-02-20 15:30:00Z',
  '2024-02-20T15:30:00.Z',
  '2024-02-20T15:30Z',
  '10000-01-01T00:00:00Z',
  '+002024-02-20T15:30:00Z',
  '2024-02-20T15:30:00+0300',
  'now',
);

/** Orders across the whole value space the wire schema allows (business rules and limits not applied). */
export const anyOrder: fc.Arbitrary<Order> = fc.record({
  order_id: anyString,
  customer_id: anyString,
  items: fc.array(fc.record({ product_id: anyString, quantity: anyQuantity, price: anyJsonInteger }), {
    maxLength: 6,
  }),
  total_amount: anyJsonInteger,
  created_at: anyRfc3339DateTime,
  status: fc.constantFrom(...ORDER_STATUSES),
});

/** Status changes across the whole value space the wire schema allows. */
export const anyStatusChanged: fc.Arbitrary<OrderStatusChanged> = fc.record(
  {
    order_id: anyString,
    status: fc.constantFrom(...ORDER_STATUSES),
    updated_at: anyRfc3339DateTime,
    comment: anyString,
  },
  { requiredKeys: ['order_id', 'status', 'updated_at'] },
);

const utf8 = new TextEncoder();

// JSON.stringify writes a lone surrogate as a `\udXXX` escape (valid JSON, valid UTF-8); a foreign
// producer may instead write its (invalid) UTF-8 form ED A0 80: both are covered.
function toRecordBytes(value: unknown, rawSurrogates: boolean): Uint8Array {
  const text = JSON.stringify(value);
  if (!rawSurrogates) return utf8.encode(text);
  const parts = text.split(/\\u(d[89a-f][0-9a-f]{2})/);
  const chunks = parts.map((part, index) => {
    if (index % 2 === 0) return utf8.encode(part);
    const code = Number.parseInt(part, 16);
    return Uint8Array.of(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  });
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Record values (bytes) of orders across the whole wire value space, as a foreign producer may write them. */
export const anyOrderRecord: fc.Arbitrary<Uint8Array> = fc
  .tuple(anyOrder, fc.boolean())
  .map(([order, raw]) => toRecordBytes(order, raw));

/** Record values (bytes) of status changes across the whole wire value space. */
export const anyStatusChangedRecord: fc.Arbitrary<Uint8Array> = fc
  .tuple(anyStatusChanged, fc.boolean())
  .map(([change, raw]) => toRecordBytes(change, raw));

// A valid-looking message with one field replaced by something the schema refuses.
function breakField<T extends object>(
  message: fc.Arbitrary<T>,
  fields: Record<string, fc.Arbitrary<unknown>>,
) {
  return fc
    .tuple(message, fc.constantFrom(...Object.keys(fields)), fc.boolean())
    .chain(([value, field, drop]) =>
      (fields[field] as fc.Arbitrary<unknown>).map((replacement) => {
        const copy = { ...value } as Record<string, unknown>;
        if (drop) delete copy[field];
        else copy[field] = replacement;
        return copy;
      }),
    );
}

const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
);
const notAnInteger = fc.oneof(
  fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
);

/** Bytes that are not UTF-8 JSON objects at all: truncated JSON, invalid UTF-8, scalars, arrays, garbage. */
export const malformedJsonRecord: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom(
    Uint8Array.from([0xed, 0xa0, 0x80]),
    Uint8Array.from([0xff, 0xfe, 0x7b, 0x7d]),
    Uint8Array.from([0xc0, 0x80]),
    utf8.encode('{"order_id": '),
    utf8.encode('null'),
    utf8.encode('[]'),
    utf8.encode('42'),
    utf8.encode('"order"'),
    utf8.encode(`${'['.repeat(10_000)}${']'.repeat(10_000)}`),
  ),
  fc.json().map((text) => utf8.encode(text)),
);

/** Order record values the wire schema refuses: a field missing or of the wrong type/form, or not JSON. */
export const malformedOrderRecord: fc.Arbitrary<Uint8Array> = fc.oneof(
  malformedJsonRecord,
  breakField(anyOrder, {
    order_id: notAString,
    customer_id: notAString,
    items: fc.oneof(notAString, fc.constant([{ product_id: 'p', quantity: 0, price: 1 }]), fc.constant([{}])),
    total_amount: notAnInteger,
    created_at: fc.oneof(malformedDateTime, notAString),
    status: fc.constantFrom('new', 'UNKNOWN', '', 1),
  }).map((value) => toRecordBytes(value, false)),
);

/** Status-change record values the wire schema refuses. */
export const malformedStatusChangedRecord: fc.Arbitrary<Uint8Array> = fc.oneof(
  malformedJsonRecord,
  breakField(anyStatusChanged, {
    order_id: notAString,
    status: fc.constantFrom('shipped', 'UNKNOWN', '', 1),
    updated_at: fc.oneof(malformedDateTime, notAString),
    comment: notAString,
  }).map((value) => toRecordBytes(value, false)),
);
