import { describe, expect, it } from 'vitest';
import {
  CARRIABLE_LIMITS,
  checkCarriableComment,
  checkCarriableDateTime,
  checkCarriableId,
  checkCarriableOrder,
  checkCarriableStatusChange,
  unsupportedValueError,
} from './carriable.ts';
import { ContractError } from './contract-error.ts';
import type { Order } from './schemas/order.ts';

const order: Order = {
  order_id: '12345',
  customer_id: 'user789',
  items: [{ product_id: 'p-1', quantity: 1, price: 100 }],
  total_amount: 100,
  created_at: '2024-02-20T15:30:00Z',
  status: 'NEW',
};

describe('checkCarriableId', () => {
  it('accepts ordinary ids, non-Latin text and paired surrogates (emoji)', () => {
    expect(checkCarriableId('/order_id', 'заказ-42 😀')).toEqual([]);
    expect(checkCarriableId('/order_id', '')).toEqual([]);
  });

  it('refuses U+0000 and other C0/C1 control characters, naming the character and index', () => {
    expect(checkCarriableId('/order_id', 'a\u0000b')[0]?.message).toBe(
      'must not contain control characters, got U+0000 at index 1',
    );
    expect(checkCarriableId('/order_id', 'a\nb')).toHaveLength(1);
    expect(checkCarriableId('/order_id', 'a\u0085b')).toHaveLength(1);
    expect(checkCarriableId('/order_id', 'a\u007fb')).toHaveLength(1);
  });

  it('refuses unpaired surrogates, high or low, which UTF-8 would turn into U+FFFD', () => {
    expect(checkCarriableId('/order_id', 'a\ud800')[0]?.message).toMatch(
      /unpaired surrogate U\+D800 at index 1/,
    );
    expect(checkCarriableId('/order_id', '\udc00a')[0]?.message).toMatch(
      /unpaired surrogate U\+DC00 at index 0/,
    );
    expect(checkCarriableId('/order_id', '\ud800\ud800\udc00')).toHaveLength(1);
  });

  it('counts code points against the limit, and quotes only a short printable preview', () => {
    expect(checkCarriableId('/order_id', '😀'.repeat(CARRIABLE_LIMITS.maxIdLength))).toEqual([]);
    const [violation] = checkCarriableId('/order_id', `\u0000${'x'.repeat(100_000)}`).slice(1);
    expect(violation?.message).toBe(`must be at most 200 characters, got 100001`);
    expect(violation?.value).toBe(`\\u0000${'x'.repeat(39)}…`);
  });
});

describe('checkCarriableComment', () => {
  it('keeps line breaks and tabs, refuses U+0000, unpaired surrogates and more than 1000 characters', () => {
    expect(checkCarriableComment('/comment', 'line one\nline\ttwo')).toEqual([]);
    expect(checkCarriableComment('/comment', 'a\u0000')).toHaveLength(1);
    expect(checkCarriableComment('/comment', '\udfff')).toHaveLength(1);
    expect(checkCarriableComment('/comment', 'x'.repeat(1000))).toEqual([]);
    expect(checkCarriableComment('/comment', 'x'.repeat(1001))).toHaveLength(1);
  });
});

describe('checkCarriableDateTime', () => {
  it('accepts every RFC 3339 form whose instant lies in years 0001-9999 UTC', () => {
    for (const value of [
      '2024-02-20T15:30:00Z',
      '2016-12-31T23:59:60Z',
      '2017-01-01T02:59:60+03:00',
      '2024-02-20t15:30:00.123456789012z',
      '0001-01-01T23:59:00+23:59',
      '9999-12-31T00:00:00-23:59',
    ]) {
      expect(checkCarriableDateTime('/created_at', value), value).toEqual([]);
    }
  });

  it('refuses year 0000 and instants that an offset moves outside years 0001-9999', () => {
    expect(checkCarriableDateTime('/created_at', '0000-06-01T00:00:00Z')).toHaveLength(1);
    expect(checkCarriableDateTime('/created_at', '0001-01-01T00:00:00+00:01')).toHaveLength(1);
    expect(checkCarriableDateTime('/created_at', '9999-12-31T23:59:59-00:01')).toHaveLength(1);
  });

  it('refuses a string that is not RFC 3339 instead of throwing', () => {
    expect(checkCarriableDateTime('/created_at', 'yesterday')[0]?.message).toBe(
      'must be an RFC 3339 date-time',
    );
  });
});

describe('checkCarriableOrder and checkCarriableStatusChange', () => {
  it('pass a carriable message and name every field that is not', () => {
    expect(checkCarriableOrder(order)).toEqual([]);
    const paths = checkCarriableOrder({
      ...order,
      order_id: 'a\u0000',
      customer_id: '\ud800',
      items: [{ product_id: 'x'.repeat(201), quantity: 1, price: 1 }],
      created_at: '0000-01-01T00:00:00Z',
    }).map((violation) => violation.path);
    expect(paths).toEqual(['/order_id', '/customer_id', '/items/0/product_id', '/created_at']);
    expect(
      checkCarriableStatusChange({ order_id: '1', status: 'SHIPPED', updated_at: '2024-01-01T00:00:00Z' }),
    ).toEqual([]);
    expect(
      checkCarriableStatusChange({
        order_id: '1',
        status: 'SHIPPED',
        updated_at: '2024-01-01T00:00:00Z',
        comment: '\u0000',
      }).map((violation) => violation.path),
    ).toEqual(['/comment']);
  });

  it('turn into a non-retryable ContractError with the CONTRACT_UNSUPPORTED_VALUE code', () => {
    const error = unsupportedValueError(
      'OrderCreated',
      checkCarriableOrder({ ...order, order_id: '\u0000' }),
    );
    expect(ContractError.isInstance(error)).toBe(true);
    expect(error.code).toBe('CONTRACT_UNSUPPORTED_VALUE');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      'OrderCreated breaks the contract: /order_id must not contain control characters, got U+0000 at index 0',
    );
  });
});
