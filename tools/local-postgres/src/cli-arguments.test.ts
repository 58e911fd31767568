import { describe, expect, it } from 'vitest';
import { parseCliArguments } from './cli-arguments.ts';

describe('parseCliArguments', () => {
  it('understands the three commands and their flags', () => {
    expect(parseCliArguments(['start'])).toEqual({ ok: true, value: { command: 'start' } });
    expect(parseCliArguments(['stop', '--force'])).toEqual({
      ok: true,
      value: { command: 'stop', force: true },
    });
    expect(parseCliArguments(['status'])).toEqual({ ok: true, value: { command: 'status', json: false } });
  });

  it('rejects a missing or unknown command and unknown flags', () => {
    expect(parseCliArguments([])).toEqual({ ok: false, message: 'no command given' });
    expect(parseCliArguments(['reload'])).toEqual({ ok: false, message: 'unknown command "reload"' });
    expect(parseCliArguments(['stop', '--now'])).toEqual({
      ok: false,
      message: 'unknown option for stop: --now',
    });
  });
});
