import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/create-logger.ts';
import { keepConsumerStarted } from './keep-consumer-started.ts';
import type { ConsumerHandle } from './run-consumer.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const fastBackoff = { initialMs: 1, maxMs: 2 };

function fakeHandle(): ConsumerHandle & { stopped: number } {
  const handle = {
    stopped: 0,
    joined: Promise.resolve(),
    health: () => ({ deadLetterBlocked: [], failingPositions: 0 }),
    stop: async () => {
      handle.stopped++;
    },
  };
  return handle;
}

describe('keepConsumerStarted', () => {
  it('retries a start that fails until it succeeds', async () => {
    const handle = fakeHandle();
    const start = vi
      .fn<() => Promise<ConsumerHandle>>()
      .mockRejectedValueOnce(new Error('broker down'))
      .mockRejectedValueOnce(new Error('broker down'))
      .mockResolvedValue(handle);
    const consumer = keepConsumerStarted(start, logger, fastBackoff);

    await expect(consumer.started).resolves.toBe(handle);
    expect(start).toHaveBeenCalledTimes(3);
    await consumer.stop();
    expect(handle.stopped).toBe(1);
  });

  it('stops trying when stopped while Kafka is still down', async () => {
    const start = vi.fn<() => Promise<ConsumerHandle>>().mockRejectedValue(new Error('broker down'));
    const consumer = keepConsumerStarted(start, logger, { initialMs: 60_000, maxMs: 60_000 });
    await vi.waitFor(() => expect(start).toHaveBeenCalledTimes(1));

    await consumer.stop();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('stops a consumer whose start was in flight when stop was called', async () => {
    const handle = fakeHandle();
    let finishStart: (value: ConsumerHandle) => void = () => undefined;
    const start = () => new Promise<ConsumerHandle>((resolve) => (finishStart = resolve));
    const consumer = keepConsumerStarted(start, logger, fastBackoff);

    const stopping = consumer.stop();
    finishStart(handle);
    await stopping;
    expect(handle.stopped).toBe(1);
  });

  it('does not wait past the grace period for an attempt that hangs, and stops its consumer when it comes', async () => {
    const handle = fakeHandle();
    let finishStart: (value: ConsumerHandle) => void = () => undefined;
    const consumer = keepConsumerStarted(
      () => new Promise<ConsumerHandle>((resolve) => (finishStart = resolve)),
      logger,
      fastBackoff,
    );

    await consumer.stop(10);
    expect(handle.stopped).toBe(0);
    finishStart(handle);
    await vi.waitFor(() => expect(handle.stopped).toBe(1));
  });
});
