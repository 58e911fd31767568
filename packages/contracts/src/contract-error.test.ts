import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_ERROR_CODES, ContractError } from './contract-error.ts';

describe('ContractError', () => {
  const error = new ContractError({
    code: 'CONTRACT_SCHEMA_VIOLATION',
    messageName: 'OrderCreated',
    violations: [{ path: '/items/0/quantity', message: 'must be an integer >= 1, got 0', value: 0 }],
  });

  it('says in its message which field to fix and how', () => {
    expect(error.message).toBe(
      'OrderCreated breaks the contract: /items/0/quantity must be an integer >= 1, got 0',
    );
  });

  it('is recognised by isInstance, also when it comes from another copy of the package', () => {
    expect(ContractError.isInstance(error)).toBe(true);
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('@order-service/contracts.ContractError')]: true,
    });
    expect(ContractError.isInstance(foreign)).toBe(true);
    expect(ContractError.isInstance(new Error('x'))).toBe(false);
    expect(ContractError.isInstance(null)).toBe(false);
  });

  it('is never retryable, as its catalog says', () => {
    expect(error.retryable).toBe(false);
    for (const entry of Object.values(CONTRACT_ERROR_CODES)) expect(entry.retryable).toBe(false);
  });
});

describe('the error catalog', () => {
  it('is documented in the README, code by code, with its meaning', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const [code, entry] of Object.entries(CONTRACT_ERROR_CODES)) {
      // Table cells may be padded by the formatter.
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${entry.description}\\s*\\|`));
    }
  });
});
