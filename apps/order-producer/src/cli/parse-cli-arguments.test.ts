import { describe, expect, it } from 'vitest';
import { parseCliArguments } from './parse-cli-arguments.ts';

describe('parseCliArguments', () => {
  it('reads send with a file and options', () => {
    expect(parseCliArguments(['send', 'orders.ndjson', '--no-publish'])).toEqual({
      kind: 'send',
      input: 'orders.ndjson',
      publish: false,
      publishTimeoutMs: 30_000,
    });
    expect(parseCliArguments(['send', '-', '--publish-timeout-ms', '500'])).toMatchObject({
      input: '-',
      publishTimeoutMs: 500,
    });
  });

  it('reads the service address and key', () => {
    expect(
      parseCliArguments(['send', 'o.ndjson', '--url', 'http://127.0.0.1:4000', '--api-key', 'k'.repeat(16)]),
    ).toMatchObject({ kind: 'send', url: 'http://127.0.0.1:4000', apiKey: 'k'.repeat(16) });
    expect(parseCliArguments(['send', 'o.ndjson', '--url', 'ftp://x'])).toMatchObject({ kind: 'invalid' });
    expect(parseCliArguments(['send', 'o.ndjson', '--url'])).toMatchObject({ kind: 'invalid' });
  });

  it('asks for help without arguments', () => {
    expect(parseCliArguments([])).toEqual({ kind: 'help' });
  });

  it('explains what is wrong', () => {
    expect(parseCliArguments(['send'])).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('FILE'),
    });
    expect(parseCliArguments(['push', 'x'])).toMatchObject({ kind: 'invalid' });
    expect(parseCliArguments(['send', 'a', 'b'])).toMatchObject({ kind: 'invalid' });
    expect(parseCliArguments(['send', 'a', '--publish-timeout-ms', '-1'])).toMatchObject({ kind: 'invalid' });
  });
});
