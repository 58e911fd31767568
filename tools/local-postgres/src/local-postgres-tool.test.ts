import { describe, expect, it } from 'vitest';
import { LocalPostgresError } from './local-postgres-error.ts';
import { localPostgresTool } from './local-postgres-tool.ts';

describe('localPostgresTool', () => {
  it('turns a lock held too long into LOCAL_POSTGRES_LOCK_TIMEOUT, which the CLI prints as its own', () => {
    const error = localPostgresTool.lockTimeoutError('Another local-postgres command holds the lock.');
    expect(LocalPostgresError.isInstance(error) ? error.code : error).toBe('LOCAL_POSTGRES_LOCK_TIMEOUT');
    expect(localPostgresTool.isToolError(error)).toBe(true);
    expect(localPostgresTool.isToolError(new Error('other'))).toBe(false);
  });
});
