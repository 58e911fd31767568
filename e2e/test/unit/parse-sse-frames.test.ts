import { describe, expect, it } from 'vitest';
import { parseSseFrames } from '../support/sse-recorder.ts';

describe('parseSseFrames', () => {
  it('reads named events with JSON data and keeps an unfinished frame for later', () => {
    const parsed = parseSseFrames(
      'retry: 2000\n: connected\n\nid: 1\nevent: order\ndata: {"a":1}\n\nid: 2\nevent: noti',
    );
    expect(parsed.events).toEqual([{ event: 'order', data: { a: 1 } }]);
    expect(parsed.rest).toBe('id: 2\nevent: noti');
  });
});
