import { describe, expect, it } from 'vitest';
import { parseCliArguments } from './cli-arguments.ts';

describe('parseCliArguments', () => {
  it('understands the three commands and their flags', () => {
    expect(parseCliArguments(['start'])).toEqual({ ok: true, value: { command: 'start' } });
    expect(parseCliArguments(['stop'])).toEqual({ ok: true, value: { command: 'stop', force: false } });
    expect(parseCliArguments(['stop', '--force'])).toEqual({
      ok: true,
      value: { command: 'stop', force: true },
    });
    expect(parseCliArguments(['status'])).toEqual({ ok: true, value: { command: 'status', json: false } });
    expect(parseCliArguments(['status', '--json'])).toEqual({
      ok: true,
      value: { command: 'status', json: true },
    });
  });

  it('understands every spelling of help', () => {
    for (const spelling of ['help', '--help', '-h']) {
      expect(parseCliArguments([spelling])).toEqual({ ok: true, value: { command: 'help' } });
    }
  });

  it('rejects a missing or unknown command and unknown flags', () => {
    expect(parseCliArguments([])).toEqual({ ok: false, message: 'no command given' });
    expect(parseCliArguments(['restart'])).toEqual({ ok: false, message: 'unknown command "restart"' });
    expect(parseCliArguments(['start', '--force'])).toEqual({
      ok: false,
      message: 'start takes no options (got --force)',
    });
    expect(parseCliArguments(['stop', '--now'])).toEqual({
      ok: false,
      message: 'unknown option for stop: --now',
    });
    expect(parseCliArguments(['status', '-v'])).toEqual({
      ok: false,
      message: 'unknown option for status: -v',
    });
  });
});
