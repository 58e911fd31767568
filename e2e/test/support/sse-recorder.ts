/** One Server-Sent Event: its name and JSON payload. */
export type ServerSentEvent = { event: string; data: unknown };

/** Keeps the events of one open SSE stream. */
export type SseRecorder = { readonly events: ServerSentEvent[]; close(): void };

/** Parses complete SSE frames out of `buffer`; returns them and what is left of an unfinished frame. */
export function parseSseFrames(buffer: string): { events: ServerSentEvent[]; rest: string } {
  const frames = buffer.split('\n\n');
  const rest = frames.pop() ?? '';
  const events: ServerSentEvent[] = [];
  for (const frame of frames) {
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) continue;
    try {
      events.push({ event, data: JSON.parse(data.join('\n')) as unknown });
    } catch {
      events.push({ event, data: data.join('\n') });
    }
  }
  return { events, rest };
}

/**
 * Opens `url` (the notifier's /events stream, as the live page does) and records every event
 * until `close()`. `apiKey` goes into x-api-key when given (a system started with a key runs in
 * production mode, where the stream needs it).
 */
export async function startSseRecorder(url: string, apiKey?: string): Promise<SseRecorder> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body)
    throw new Error(`${url} answered ${response.status}, not an event stream`);
  const events: ServerSentEvent[] = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const parsed = parseSseFrames(buffer + value);
        buffer = parsed.rest;
        events.push(...parsed.events);
      }
    } catch {
      // Aborted by close(), or the app went away: the events so far stay readable.
    }
  })();
  return { events, close: () => controller.abort() };
}
