import { describe, expect, it } from 'vitest';
import { uniqueIdentifier } from './unique-identifier.ts';

describe('uniqueIdentifier', () => {
  it('appends a random hex suffix to the prefix', () => {
    const name = uniqueIdentifier('status_worker');
    expect(name).toMatch(/^status_worker_[0-9a-f]{32}$/);
    expect(uniqueIdentifier('status_worker')).not.toBe(name);
  });

  it('rejects a prefix that could not go into SQL unquoted', () => {
    expect(() => uniqueIdentifier('drop table; --')).toThrow(/not a plain identifier/);
  });
});
