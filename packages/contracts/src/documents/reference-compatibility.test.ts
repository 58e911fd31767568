import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOrder, decodeOrderStatusChanged } from '../messages.ts';
import { Order } from '../schemas/order.ts';
import { OrderItem } from '../schemas/order-item.ts';
import { OrderStatusChanged } from '../schemas/order-status-changed.ts';
import { rfc3339DateTime } from '../test-support/arbitraries.ts';
import { type FailingFixture, readFixtures } from '../test-support/fixtures.ts';
import { referenceDocument, referenceValidator } from '../test-support/reference-document.ts';
import { type JsonSchema, toJsonSchema } from './to-json-schema.ts';

// Every keyword that constrains a value: ours must carry exactly the reference's, no more, no less.
const CONSTRAINTS = [
  'type',
  'required',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minItems',
  'maxItems',
  'uniqueItems',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
];

function resolveReference(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return referenceDocument.components.schemas[name] as JsonSchema;
}

/** The constraints and descriptions of a schema, recursively, with `$ref`s of the reference resolved. */
function wireShape(input: JsonSchema): JsonSchema {
  const schema = resolveReference(input);
  const shape: JsonSchema = {};
  for (const keyword of CONSTRAINTS) {
    if (schema[keyword] === undefined) continue;
    shape[keyword] = keyword === 'required' ? [...(schema[keyword] as string[])].sort() : schema[keyword];
  }
  if (typeof schema.description === 'string') shape.description = schema.description.trim();
  if (schema.properties) {
    shape.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, JsonSchema>).map(([name, property]) => [
        name,
        wireShape(property),
      ]),
    );
  }
  if (schema.items) shape.items = wireShape(schema.items as JsonSchema);
  return shape;
}

const pairs = [
  ['Order', Order],
  ['OrderItem', OrderItem],
  ['OrderStatus', OrderStatusChanged],
] as const;

describe('compatibility with the reference document', () => {
  it.each(pairs)(
    '%s has the same fields, types, required list, enums, minimums and descriptions',
    (name, schema) => {
      expect(wireShape(toJsonSchema(schema))).toEqual(
        wireShape(referenceDocument.components.schemas[name] as JsonSchema),
      );
    },
  );

  it("accepts the reference document's example", () => {
    const example = referenceDocument.components.messages.OrderCreated?.examples?.[0]?.payload;
    expect(example).toBeDefined();
    expect(decodeOrder(example)).toEqual({ ok: true, value: example });
    expect(decodeOrder(JSON.stringify(example)).ok).toBe(true);
  });

  const referenceOrder = referenceValidator('Order');
  const referenceStatus = referenceValidator('OrderStatus');

  // Golden orders where ajv-formats' date-time is laxer than RFC 3339 (see the last test).
  const ajvLaxerThanRfc3339 = new Set(['space-separator']);
  const goldenOrders = [
    ...Object.entries(readFixtures<unknown>('order-created.valid.json')),
    ...Object.entries(readFixtures<FailingFixture>('order-created.invalid.json')).map(
      ([name, fixture]) => [name, fixture.payload] as const,
    ),
    ...Object.entries(readFixtures<FailingFixture>('order-created.rule-breaking.json')).map(
      ([name, fixture]) => [name, fixture.payload] as const,
    ),
  ].filter(([name]) => !ajvLaxerThanRfc3339.has(name));

  it.each(goldenOrders)('agrees with the reference on golden order %s', (_name, payload) => {
    expect(decodeOrder(payload).ok).toBe(referenceOrder(payload));
  });

  it.each([
    ...Object.values(readFixtures<unknown>('order-status-changed.valid.json')),
    ...Object.values(readFixtures<FailingFixture>('order-status-changed.invalid.json')).map(
      (fixture) => fixture.payload,
    ),
  ])('agrees with the reference on golden status change %#', (payload) => {
    expect(decodeOrderStatusChanged(payload).ok).toBe(referenceStatus(payload));
  });

  // Values near the schema: each field is valid, of a wrong type, or missing.
  const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const maybe = <T>(valid: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: anything });
  const status = maybe(
    fc.constantFrom('NEW', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'new', 'PAID'),
  );
  const dateTime = maybe(
    fc.oneof(
      rfc3339DateTime,
      fc.constantFrom('2023-02-29T00:00:00Z', '2024-02-20', '2024-02-20T10:00:00', '2024-02-30T10:00:00Z'),
    ),
  );
  const nearOrder = fc.record(
    {
      order_id: maybe(fc.string()),
      customer_id: maybe(fc.string()),
      items: maybe(
        fc.array(
          fc.record(
            {
              product_id: maybe(fc.string()),
              quantity: maybe(fc.integer({ min: -2, max: 5 })),
              price: maybe(fc.integer()),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
      ),
      total_amount: maybe(fc.integer()),
      created_at: dateTime,
      status,
      extra: anything,
    },
    { requiredKeys: [] },
  );
  const nearStatus = fc.record(
    { order_id: maybe(fc.string()), status, updated_at: dateTime, comment: maybe(fc.string()) },
    { requiredKeys: [] },
  );

  it('accepts exactly the orders the reference accepts (differential test against Ajv)', () => {
    fc.assert(
      fc.property(nearOrder, (value) => {
        expect(decodeOrder(value).ok).toBe(referenceOrder(value));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly the status changes the reference accepts (differential test against Ajv)', () => {
    fc.assert(
      fc.property(nearStatus, (value) => {
        expect(decodeOrderStatusChanged(value).ok).toBe(referenceStatus(value));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a space instead of T', '2024-02-20 15:30:00Z'],
    ['an offset without minutes', '2024-02-20T15:30:00+03'],
    ['an offset without a colon', '2024-02-20T15:30:00+0300'],
  ])('is stricter than ajv-formats only where ajv-formats departs from RFC 3339: %s', (_case, createdAt) => {
    const example = referenceDocument.components.messages.OrderCreated?.examples?.[0]?.payload as object;
    const order = { ...example, created_at: createdAt };
    expect(referenceOrder(order)).toBe(true);
    expect(decodeOrder(order).ok).toBe(false);
  });
});
