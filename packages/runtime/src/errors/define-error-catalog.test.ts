import { describe, expect, it } from 'vitest';
import { defineErrorCatalog } from './define-error-catalog.ts';
import { ServiceError } from './service-error.ts';

describe('defineErrorCatalog', () => {
  const catalog = defineErrorCatalog('SHOP', {
    SHOP_ITEM_MISSING: { retryable: false, httpStatus: 404, description: 'No such item.' },
    SHOP_BUSY: { retryable: true, httpStatus: 503, description: 'Try again.' },
    SHOP_ODD: { retryable: true, fault: 'unknown', description: 'Nobody classified it.' },
  });

  it('fills in each entry’s code and fault from retryable', () => {
    expect(catalog.SHOP_ITEM_MISSING).toEqual({
      code: 'SHOP_ITEM_MISSING',
      retryable: false,
      httpStatus: 404,
      fault: 'record',
      description: 'No such item.',
    });
    expect(catalog.SHOP_BUSY.fault).toBe('transient');
    expect(catalog.SHOP_ODD.fault).toBe('unknown');
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(catalog.SHOP_BUSY)).toBe(true);
  });

  it('gives ServiceErrors their code, retryable, fault and HTTP status', () => {
    const error = new ServiceError(catalog.SHOP_ITEM_MISSING, 'item 7 is missing', {
      violations: [{ path: '/item', message: 'no such item', value: 7 }],
    });
    expect(error).toMatchObject({
      code: 'SHOP_ITEM_MISSING',
      retryable: false,
      fault: 'record',
      httpStatus: 404,
    });
    expect(error.violations).toEqual([{ path: '/item', message: 'no such item', value: 7 }]);
    expect(new ServiceError(catalog.SHOP_ODD, 'hm')).toMatchObject({ retryable: true, fault: 'unknown' });
  });

  it('refuses codes without the prefix or not in UPPER_SNAKE_CASE, naming the fix', () => {
    // Cast: the type already refuses these; a JavaScript caller or a widened type would not.
    const define = defineErrorCatalog as (prefix: string, entries: object) => unknown;
    expect(() => define('SHOP', { OTHER_THING: { retryable: false, description: 'x' } })).toThrow(
      /must be UPPER_SNAKE_CASE and start with "SHOP_"/,
    );
    expect(() => define('SHOP', { shop_thing: { retryable: false, description: 'x' } })).toThrow(/SHOP_/);
    expect(() => define('shop', {})).toThrow(/prefix "shop" must be UPPER_SNAKE_CASE/);
    expect(() =>
      define('SHOP', { SHOP_X: { retryable: false, fault: 'unknown', description: 'x' } }),
    ).toThrow(/retryable: true/);
    expect(() => define('SHOP', { SHOP_X: { retryable: false, httpStatus: 200, description: 'x' } })).toThrow(
      /4xx or 5xx/,
    );
  });
});
