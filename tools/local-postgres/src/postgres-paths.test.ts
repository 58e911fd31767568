import { describe, expect, it } from 'vitest';
import {
  cachePostgresBase,
  fallbackPostgresBase,
  postgresLockFile,
  resolvePostgresPaths,
} from './postgres-paths.ts';

describe('postgres paths', () => {
  it('keeps data, log and socket under one base folder', () => {
    expect(resolvePostgresPaths(cachePostgresBase('/cache'))).toEqual({
      base: '/cache/postgres',
      data: '/cache/postgres/data',
      logFile: '/cache/postgres/logs/postgres.log',
      socketDirectory: '/cache/postgres/socket',
    });
  });

  it('puts the fallback base per port under /var/tmp and the lock in the cache', () => {
    expect(fallbackPostgresBase(54329)).toBe('/var/tmp/order-service/postgres-54329');
    expect(postgresLockFile('/cache')).toBe('/cache/postgres.lock');
  });
});
