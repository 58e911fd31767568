import {
  decodeOrder,
  decodeOrderStatusChanged,
  HEADERS,
  ORDER_STATUSES,
  orderCreatedEventId,
  statusChangedEventId,
} from '@order-service/contracts';
// The value space of the contract (any string, any JSON integer, every RFC 3339 form) is defined
// once, in the contracts package's test support; this file only aims it at the running system.
import {
  anyJsonInteger,
  anyRfc3339DateTime,
  anyString,
  rfc3339DateTime as contractsDateTime,
  wireOrder as contractsWireOrder,
} from '@order-service/contracts/test-support';
import fc from 'fast-check';

/** One record produced straight onto a consumed topic, the way a foreign producer would. */
export interface HostileRecord {
  /** What kind of hostile record this is, for the report. */
  label: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Record<string, Buffer | string>;
  /**
   * The order_id a consumer that accepts the record will publish downstream (exactly this string);
   * undefined when the record cannot decode, so only a dead letter accounts for it.
   */
  orderId?: string | undefined;
  /** For a status change that decodes: the status event id the notifier derives its notification id from. */
  statusEventId?: string | undefined;
}

/** Every date-time form the contract accepts, ordinary ones and the extremes. */
export const hostileDateTime: fc.Arbitrary<string> = fc.oneof(contractsDateTime, anyRfc3339DateTime);

/** Orders the wire schema accepts, across its whole value space (business rules not applied). */
export const hostileWireOrder = fc.oneof(
  { weight: 1, arbitrary: contractsWireOrder },
  {
    weight: 3,
    arbitrary: fc.record({
      order_id: anyString,
      customer_id: anyString,
      items: fc.array(
        fc.record({
          product_id: anyString,
          quantity: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(2 ** 53, 1e16, 1e20)),
          price: anyJsonInteger,
        }),
        { maxLength: 4 },
      ),
      total_amount: anyJsonInteger,
      created_at: hostileDateTime,
      status: fc.constantFrom(...ORDER_STATUSES),
    }),
  },
);

/** Where a hostile status change points: one of the orders the notifier already has, or an id of its own. */
export type StatusTarget = { kind: 'anchor'; index: number } | { kind: 'own'; orderId: string };

/** Status changes the wire schema accepts, aimed at a known order or at a hostile id. */
export const hostileWireStatusChange = fc.record(
  {
    target: fc.oneof(
      {
        weight: 2,
        arbitrary: fc.integer({ min: 0, max: 2 }).map((index): StatusTarget => ({ kind: 'anchor', index })),
      },
      { weight: 3, arbitrary: anyString.map((orderId): StatusTarget => ({ kind: 'own', orderId })) },
    ),
    status: fc.constantFrom(...ORDER_STATUSES),
    updated_at: hostileDateTime,
    comment: anyString,
  },
  { requiredKeys: ['target', 'status', 'updated_at'] },
);

/** Header variants a foreign producer may send: the contract's, none, wrong or binary ones. */
export type HeaderVariant =
  | 'contract'
  | 'none'
  | 'wrong-message-name'
  | 'wrong-content-type'
  | 'garbage'
  | 'blank-event-id';

export const headerVariant: fc.Arbitrary<HeaderVariant> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<HeaderVariant>('contract') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<HeaderVariant>(
      'none',
      'wrong-message-name',
      'wrong-content-type',
      'garbage',
      'blank-event-id',
    ),
  },
);

/** The headers of a record for a header variant. */
export function headersFor(
  variant: HeaderVariant,
  messageName: string,
  eventId: string,
): Record<string, Buffer | string> {
  const contract = {
    [HEADERS.contentType]: 'application/json',
    [HEADERS.messageName]: messageName,
    [HEADERS.eventId]: eventId,
  };
  switch (variant) {
    case 'contract':
      return contract;
    case 'none':
      return {};
    case 'wrong-message-name':
      return { ...contract, [HEADERS.messageName]: 'Notification' };
    case 'wrong-content-type':
      return { ...contract, [HEADERS.contentType]: 'text/plain; charset=latin1' };
    case 'garbage':
      return {
        ...contract,
        [HEADERS.traceparent]: Buffer.from([0xff, 0x00, 0xfe]),
        'x-unknown': 'x'.repeat(10_000),
        [HEADERS.messageName]: Buffer.from([0xc0, 0x80]),
      };
    case 'blank-event-id':
      return { ...contract, [HEADERS.eventId]: '   ' };
  }
}

/** The event id the notifier uses for a status record: its x-event-id header (trimmed) or the derived one. */
export function statusEventIdOf(
  headers: Record<string, Buffer | string>,
  orderId: string,
  status: (typeof ORDER_STATUSES)[number],
): string {
  const raw = headers[HEADERS.eventId];
  const text = raw === undefined ? '' : raw.toString().trim();
  return text === '' ? statusChangedEventId(orderId, status) : text;
}

// Invalid UTF-8 inside a JSON string: a lone surrogate's three bytes, a lone continuation byte,
// an over-long NUL, and 0xFF (never valid).
const invalidUtf8 = fc.constantFrom([0xed, 0xa0, 0x80], [0x80], [0xc0, 0x80], [0xff]);

function withRawBytes(json: string, marker: string, bytes: readonly number[]): Buffer {
  const [before, after] = json.split(marker) as [string, string];
  return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after ?? '')]);
}

const notJson = fc.oneof(
  fc.constantFrom(
    'not json',
    '{',
    '',
    ' ',
    '{"order_id":',
    'NaN',
    '[]',
    'null',
    '"a string"',
    '42',
    'true',
    '{}',
  ),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);

/**
 * Malformed versions of a valid payload: a field missing, of the wrong type, or with a value the
 * schema refuses. Only those the contract's own decoder refuses are kept (a "wrong" '5' is a fine
 * order_id), so each one must be dead-lettered.
 */
function malformedPayloads(
  valid: Record<string, unknown>,
  decodes: (value: string) => boolean,
): fc.Arbitrary<{ label: string; payload: Record<string, unknown> }> {
  const fields = Object.keys(valid);
  return fc
    .oneof(
      fc.constantFrom(...fields).map((field) => {
        const { [field]: _removed, ...rest } = valid;
        return { label: `missing ${field}`, payload: rest };
      }),
      fc
        .tuple(
          fc.constantFrom(...fields),
          fc.constantFrom<unknown>(null, 5, '5', [], {}, true, 1.5, 'yesterday', -1, '2024-02-30T00:00:00Z'),
        )
        .map(([field, wrong]) => ({
          label: `${field} of the wrong type`,
          payload: { ...valid, [field]: wrong },
        })),
      fc
        .constantFrom('UNKNOWN', 'new', '')
        .map((status) => ({ label: 'status outside the enum', payload: { ...valid, status } })),
    )
    .filter(({ payload }) => !decodes(JSON.stringify(payload)));
}

/** A valid order payload for `orderId` (what a well-behaved producer writes). */
export function validOrderPayload(orderId: string, createdAt = new Date().toISOString()) {
  return {
    order_id: orderId,
    customer_id: 'hostile-customer',
    items: [{ product_id: 'p-1', quantity: 2, price: 15_000 }],
    total_amount: 30_000,
    created_at: createdAt,
    status: 'NEW',
  };
}

/** Hostile records for orders.created: wire-valid across the value space, raw bytes, malformed. */
export function hostileOrderRecord(uniqueSuffix: string): fc.Arbitrary<HostileRecord> {
  const wireValid = fc.tuple(hostileWireOrder, headerVariant).map(([order, variant]): HostileRecord => {
    const headers = headersFor(variant, 'OrderCreated', orderCreatedEventId(order.order_id));
    return {
      label: `wire-valid order (headers: ${variant})`,
      key: order.order_id,
      value: JSON.stringify(order),
      headers,
      orderId: order.order_id,
    };
  });
  const rawBytes = invalidUtf8.map((bytes): HostileRecord => {
    const marker = 'RAW-BYTES-HERE';
    const json = JSON.stringify(validOrderPayload(`raw-${uniqueSuffix}-${marker}`));
    return {
      label: `invalid UTF-8 in order_id (${bytes.map((byte) => byte.toString(16)).join(' ')})`,
      key: `raw-${uniqueSuffix}`,
      value: withRawBytes(json, marker, bytes),
      headers: headersFor('contract', 'OrderCreated', orderCreatedEventId(`raw-${uniqueSuffix}`)),
    };
  });
  const malformed = fc.oneof(
    notJson.map(
      (value): HostileRecord => ({
        label: 'not an order (not JSON or not an object)',
        key: `bad-${uniqueSuffix}`,
        value,
        headers: headersFor('contract', 'OrderCreated', orderCreatedEventId(`bad-${uniqueSuffix}`)),
      }),
    ),
    malformedPayloads(validOrderPayload(`bad-${uniqueSuffix}`), (value) => decodeOrder(value).ok).map(
      ({ label, payload }): HostileRecord => ({
        label,
        key: `bad-${uniqueSuffix}`,
        value: JSON.stringify(payload),
        headers: headersFor('contract', 'OrderCreated', orderCreatedEventId(`bad-${uniqueSuffix}`)),
      }),
    ),
    fc.constant<HostileRecord>({
      label: 'null value (tombstone)',
      key: `bad-${uniqueSuffix}`,
      value: null,
      headers: {},
    }),
    fc.constant<HostileRecord>({
      label: '100 kB key with a malformed value',
      key: 'x'.repeat(100_000),
      value: '{"order_id":1}',
      headers: {},
    }),
  );
  return fc.oneof(
    { weight: 5, arbitrary: wireValid },
    { weight: 1, arbitrary: rawBytes },
    { weight: 3, arbitrary: malformed },
  );
}

/** Hostile records for orders.status, for anchors (known orders) given by id. */
export function hostileStatusRecord(
  uniqueSuffix: string,
  anchors: readonly string[],
): fc.Arbitrary<HostileRecord & { ownOrderId?: string }> {
  const wireValid = fc
    .tuple(hostileWireStatusChange, headerVariant, fc.uuid())
    .map(([change, variant, eventId]): HostileRecord & { ownOrderId?: string } => {
      const orderId =
        change.target.kind === 'anchor' ? (anchors[change.target.index] as string) : change.target.orderId;
      const { target: _target, ...rest } = change;
      const payload = { ...rest, order_id: orderId };
      const headers = headersFor(variant, 'OrderStatusChanged', eventId);
      return {
        label: `wire-valid status change on ${change.target.kind === 'anchor' ? 'a known order' : 'an order of its own'} (headers: ${variant})`,
        key: orderId,
        value: JSON.stringify(payload),
        headers,
        orderId,
        statusEventId: statusEventIdOf(headers, orderId, change.status),
        ...(change.target.kind === 'own' ? { ownOrderId: orderId } : {}),
      };
    });
  const validChange = (orderId: string) => ({
    order_id: orderId,
    status: 'SHIPPED',
    updated_at: new Date().toISOString(),
    comment: 'hostile',
  });
  const anchor = anchors[0] as string;
  const rawBytes = invalidUtf8.map((bytes): HostileRecord => {
    const marker = 'RAW-BYTES-HERE';
    return {
      label: `invalid UTF-8 in a status comment (${bytes.map((byte) => byte.toString(16)).join(' ')})`,
      key: anchor,
      value: withRawBytes(JSON.stringify({ ...validChange(anchor), comment: marker }), marker, bytes),
      headers: headersFor('contract', 'OrderStatusChanged', `raw-${uniqueSuffix}`),
    };
  });
  const malformed = fc.oneof(
    notJson.map(
      (value): HostileRecord => ({
        label: 'not a status change (not JSON or not an object)',
        key: anchor,
        value,
        headers: headersFor('contract', 'OrderStatusChanged', `bad-${uniqueSuffix}`),
      }),
    ),
    malformedPayloads(validChange(anchor), (value) => decodeOrderStatusChanged(value).ok).map(
      ({ label, payload }): HostileRecord => ({
        label,
        key: anchor,
        value: JSON.stringify(payload),
        headers: headersFor('contract', 'OrderStatusChanged', `bad-${uniqueSuffix}`),
      }),
    ),
    fc.constant<HostileRecord>({ label: 'null value (tombstone)', key: anchor, value: null, headers: {} }),
  );
  return fc.oneof(
    { weight: 5, arbitrary: wireValid },
    { weight: 1, arbitrary: rawBytes },
    { weight: 3, arbitrary: malformed },
  );
}
