import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger.ts';
import { onShutdown } from './on-shutdown.ts';

const silent = createLogger({
  name: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

describe('onShutdown', () => {
  it('runs the steps in order and exits 0', async () => {
    const events: string[] = [];
    const exits: number[] = [];
    const handle = onShutdown(
      silent,
      [
        { name: 'http', run: async () => void events.push('http') },
        { name: 'relay', run: async () => void events.push('relay') },
      ],
      { exit: (code) => void exits.push(code), signals: [] },
    );
    await handle.shutdown('test');
    expect(events).toEqual(['http', 'relay']);
    expect(exits).toEqual([0]);
  });

  it('runs the remaining steps after a failing one and exits 1', async () => {
    const events: string[] = [];
    const exits: number[] = [];
    const handle = onShutdown(
      silent,
      [
        { name: 'a', run: async () => Promise.reject(new Error('boom')) },
        { name: 'b', run: async () => void events.push('b') },
      ],
      { exit: (code) => void exits.push(code), signals: [] },
    );
    await handle.shutdown('test');
    expect(events).toEqual(['b']);
    expect(exits).toEqual([1]);
  });

  it('exits at once on a second request', async () => {
    const exits: number[] = [];
    let release: () => void = () => undefined;
    const handle = onShutdown(
      silent,
      [{ name: 'slow', run: () => new Promise<void>((resolve) => (release = resolve)) }],
      { exit: (code) => void exits.push(code), signals: [] },
    );
    const first = handle.shutdown('SIGTERM');
    void handle.shutdown('SIGTERM');
    expect(exits).toEqual([130]);
    release();
    await first;
  });

  it('reacts to the configured signal', async () => {
    const exits: number[] = [];
    const handle = onShutdown(silent, [], { exit: (code) => void exits.push(code), signals: ['SIGUSR2'] });
    process.emit('SIGUSR2', 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 10));
    handle.dispose();
    expect(exits).toEqual([0]);
  });
});
