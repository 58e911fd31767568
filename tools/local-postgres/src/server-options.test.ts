import { describe, expect, it } from 'vitest';
import {
  parsePostmasterPid,
  renderHostBasedAuthentication,
  renderServerOptions,
  shellQuote,
} from './server-options.ts';

describe('renderServerOptions', () => {
  it('passes the port and settings as shell-quoted words', () => {
    const options = renderServerOptions({
      host: '127.0.0.1',
      port: 54329,
      maxConnections: 200,
      socketDirectory: '/var/tmp/pg socket',
    });
    expect(options).toBe(
      "-p 54329 -c 'listen_addresses=127.0.0.1' -c 'max_connections=200' " +
        "-c 'unix_socket_directories=/var/tmp/pg socket' -c 'fsync=off' -c 'full_page_writes=off'",
    );
  });

  it('keeps synchronous commits, so a killed server loses no committed row', () => {
    expect(
      renderServerOptions({ host: '127.0.0.1', port: 1, maxConnections: 1, socketDirectory: '/s' }),
    ).not.toContain('synchronous_commit');
  });
});

describe('shellQuote', () => {
  it('survives single quotes inside the word', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('renderHostBasedAuthentication', () => {
  it('trusts only the local socket and 127.0.0.1', () => {
    const rules = renderHostBasedAuthentication()
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(/\s+/));
    expect(rules).toEqual([
      ['local', 'all', 'all', 'trust'],
      ['host', 'all', 'all', '127.0.0.1/32', 'trust'],
    ]);
  });
});

describe('parsePostmasterPid', () => {
  it('reads the pid (line 1) and port (line 4)', () => {
    const text = '4242\n/var/tmp/data\n1764000000\n54329\n/var/tmp/socket\n127.0.0.1\n  1234  5678\nready\n';
    expect(parsePostmasterPid(text)).toEqual({ pid: 4242, port: 54329 });
  });

  it('returns undefined for an empty or truncated file', () => {
    expect(parsePostmasterPid('')).toBeUndefined();
    expect(parsePostmasterPid('4242\n')).toBeUndefined();
  });
});
