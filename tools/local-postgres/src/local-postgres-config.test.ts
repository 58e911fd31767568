import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readLocalPostgresConfig, testDatabaseUrl } from './local-postgres-config.ts';
import { LocalPostgresError } from './local-postgres-error.ts';

describe('readLocalPostgresConfig', () => {
  it('defaults to 127.0.0.1:54329, 200 connections and the home cache', () => {
    expect(readLocalPostgresConfig({})).toEqual({
      host: '127.0.0.1',
      port: 54329,
      cacheRoot: `${homedir()}/.cache/order-service`,
      binDirectory: undefined,
      maxConnections: 200,
    });
  });

  it('reads PG_PORT, PG_BIN_DIR and ORDER_SERVICE_CACHE', () => {
    expect(
      readLocalPostgresConfig({
        PG_PORT: '55000',
        PG_BIN_DIR: '/opt/pg/bin',
        ORDER_SERVICE_CACHE: '/ci/cache',
      }),
    ).toMatchObject({ port: 55000, binDirectory: '/opt/pg/bin', cacheRoot: '/ci/cache' });
  });

  it('rejects a port that is not a number or is privileged', () => {
    for (const PG_PORT of ['abc', '80', '70000']) {
      let caught: unknown;
      try {
        readLocalPostgresConfig({ PG_PORT });
      } catch (error) {
        caught = error;
      }
      expect(LocalPostgresError.isInstance(caught) && caught.code === 'LOCAL_POSTGRES_BAD_CONFIG').toBe(true);
      expect((caught as Error).message).toContain(`PG_PORT: "${PG_PORT}"`);
    }
  });
});

describe('testDatabaseUrl', () => {
  it('points at the postgres database as the postgres user, over TCP', () => {
    expect(testDatabaseUrl({ host: '127.0.0.1', port: 54329 })).toBe(
      'postgres://postgres@127.0.0.1:54329/postgres',
    );
  });
});
