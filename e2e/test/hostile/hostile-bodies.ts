import { ORDER_STATUSES } from '@order-service/contracts';
import { anyJsonInteger, anyString } from '@order-service/contracts/test-support';
import fc from 'fast-check';

/** One HTTP request body as sent: bytes, content type, and the order id it names (when any). */
export interface RawBody {
  label: string;
  contentType: string;
  body: string | Buffer;
  /** The order_id the request is about (body field or path), to check nothing was stored for it. */
  orderId?: string | undefined;
}

const json = (label: string, value: unknown, orderId?: string): RawBody => ({
  label,
  contentType: 'application/json',
  body: JSON.stringify(value),
  orderId,
});

const malformedJson = fc
  .oneof(
    fc.constantFrom(
      '',
      ' ',
      '{',
      'not json',
      'null',
      '[]',
      '"text"',
      '0',
      '{"items":[{"product_id":"p","quantity":1,"price":1}],}',
      '{"__proto__":{"polluted":true},"customer_id":"c","items":[]}',
    ),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  )
  .map((body): RawBody => ({ label: 'malformed JSON', contentType: 'application/json', body }));

const wrongContentType = fc
  .constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/xml',
    'application/json; charset=latin1',
  )
  .map(
    (contentType): RawBody => ({
      label: `content-type ${contentType}`,
      contentType,
      body: '{"customer_id":"c","items":[{"product_id":"p","quantity":1,"price":1}]}',
    }),
  );

/** Bodies for `POST /orders`: every field across the value space, malformed JSON, too large, wrong type. */
export function hostileOrderBody(runId: string): fc.Arbitrary<RawBody> {
  const orderId = fc.oneof(
    fc.tuple(fc.uuid(), anyString).map(([id, text]) => `hb-${runId}-${id}-${text}`),
    anyString,
  );
  const item = fc.record(
    { product_id: anyString, quantity: anyJsonInteger, price: anyJsonInteger },
    { requiredKeys: [] },
  );
  const structured = fc
    .record(
      {
        order_id: orderId,
        customer_id: fc.oneof(anyString, fc.constantFrom<unknown>(5, null, [])),
        items: fc.oneof(fc.array(item, { maxLength: 4 }), fc.constantFrom<unknown>({}, 'items', null)),
        total_amount: fc.oneof(anyJsonInteger, fc.constantFrom<unknown>('100', 1.5, null)),
        extra: fc.string({ maxLength: 5 }),
      },
      { requiredKeys: ['order_id'] },
    )
    .map((body) => json('order body', body, typeof body.order_id === 'string' ? body.order_id : undefined));
  const rawBytesId = fc.constantFrom([0xed, 0xa0, 0x80], [0xff], [0xc0, 0x80]).map((bytes): RawBody => {
    const [before, after] = JSON.stringify({
      order_id: `hb-${runId}-raw-MARK`,
      customer_id: 'c',
      items: [{ product_id: 'p', quantity: 1, price: 1 }],
    }).split('MARK') as [string, string];
    return {
      label: 'invalid UTF-8 bytes in order_id',
      contentType: 'application/json',
      body: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]),
    };
  });
  // Under Fastify's 1 MiB body limit on purpose: past it the server answers 413 and closes the
  // socket while the client is still writing, and the client sees only EPIPE. 990 items of 1,000
  // characters pass the schema but make a record past KAFKA_MAX_MESSAGE_BYTES (1,000,000); 1,001
  // items break maxItems.
  const tooLarge = fc
    .constantFrom({ count: 990, length: 1_000 }, { count: 1_001, length: 900 })
    .map(({ count, length }) => {
      const orderId = `hb-${runId}-large-${count}`;
      return json(
        `${count} items of ${length}-character product ids`,
        {
          order_id: orderId,
          customer_id: 'c',
          items: Array.from({ length: count }, (_, index) => ({
            product_id: `${index}-`.padEnd(length, 'p'),
            quantity: 1,
            price: 1,
          })),
        },
        orderId,
      );
    });
  return fc.oneof(
    { weight: 8, arbitrary: structured },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => json('any JSON value', value)) },
    { weight: 2, arbitrary: malformedJson },
    { weight: 1, arbitrary: wrongContentType },
    { weight: 1, arbitrary: rawBytesId },
    { weight: 1, arbitrary: tooLarge },
  );
}

/** Bodies (and path ids) for `POST /orders/:id/status`; no orderId means the known order of the test. */
export function hostileStatusBody(): fc.Arbitrary<RawBody> {
  const pathId = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: anyString },
    { weight: 1, arbitrary: fc.uuid().map((id) => `unknown-${id}`) },
  );
  const structured = fc
    .tuple(
      pathId,
      fc.record(
        {
          status: fc.oneof(
            fc.constantFrom<unknown>(...ORDER_STATUSES),
            anyString,
            fc.constantFrom<unknown>(5, null, ['SHIPPED'], 'shipped'),
          ),
          comment: fc.oneof(anyString, fc.constantFrom<unknown>(5, null)),
          extra: fc.string({ maxLength: 5 }),
        },
        { requiredKeys: [] },
      ),
    )
    .map(([orderId, body]) => json('status body', body, orderId));
  return fc.oneof(
    { weight: 6, arbitrary: structured },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => json('any JSON value', value)) },
    { weight: 2, arbitrary: malformedJson },
    { weight: 1, arbitrary: wrongContentType },
  );
}

/**
 * An order id as one URL path segment, percent-encoded; a lone surrogate (which encodeURIComponent
 * refuses) becomes the bytes a careless encoder would write for it (WTF-8). Undefined for an
 * empty id (that is another route), and for a segment past 8,000 characters: a request head that
 * long is refused by Node's HTTP parser (16 KiB) by closing the connection, which a client sees
 * at random as an answer (431) or as a reset while it is still writing (seen once in CI).
 */
export function pathSegment(orderId: string): string | undefined {
  if (orderId === '') return undefined;
  let segment = '';
  for (let index = 0; index < orderId.length; index++) {
    const code = orderId.charCodeAt(index);
    const next = orderId.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      segment += encodeURIComponent(orderId.slice(index, index + 2));
      index++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      segment += bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      segment += encodeURIComponent(orderId[index] as string);
    }
  }
  return segment.length > 8_000 ? undefined : segment;
}
