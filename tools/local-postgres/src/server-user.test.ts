import { describe, expect, it } from 'vitest';
import { commandAs } from './server-user.ts';

describe('commandAs', () => {
  it('runs programs directly for a non-root user', () => {
    expect(commandAs({ kind: 'self' }, '/usr/lib/postgresql/15/bin/pg_ctl', ['status'])).toEqual([
      '/usr/lib/postgresql/15/bin/pg_ctl',
      ['status'],
    ]);
  });

  it('wraps programs in runuser for the postgres user', () => {
    expect(commandAs({ kind: 'postgres', uid: 101, gid: 104 }, '/bin/initdb', ['--pgdata', '/d'])).toEqual([
      'runuser',
      ['-u', 'postgres', '--', '/bin/initdb', '--pgdata', '/d'],
    ]);
  });
});
