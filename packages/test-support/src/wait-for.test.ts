import { describe, expect, it } from 'vitest';
import { waitFor } from './wait-for.ts';

describe('waitFor', () => {
  it('resolves with the first value that is neither undefined nor false', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls < 3 ? undefined : calls), {
      description: 'three calls',
      intervalMs: 1,
    });
    expect(value).toBe(3);
  });

  it('polls again after the condition throws and reports the last error on timeout', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('connection refused');
        },
        { description: 'the app to answer', timeoutMs: 30, intervalMs: 5, describeState: () => 'no logs' },
      ),
    ).rejects.toThrow(
      /Timed out after 30 ms waiting for the app to answer \(state: no logs\) \(last error: connection refused\)/,
    );
  });

  it('fails at once with the reason when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('the app exited with code 1'));
    await expect(
      waitFor(() => false, { description: 'never', timeoutMs: 60_000, signal: controller.signal }),
    ).rejects.toThrow('the app exited with code 1');
  });
});
