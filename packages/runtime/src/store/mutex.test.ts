import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex.ts';

describe('Mutex', () => {
  it('runs tasks one at a time in the order they were queued', async () => {
    const mutex = new Mutex();
    const events: string[] = [];
    const task = (name: string, delayMs: number) =>
      mutex.run(async () => {
        events.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        events.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([task('a', 20), task('b', 1), task('c', 5)]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('keeps going after a task fails', async () => {
    const mutex = new Mutex();
    await expect(mutex.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run(async () => 'next')).resolves.toBe('next');
  });
});
