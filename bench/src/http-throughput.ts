import autocannon from 'autocannon';
import type { HttpResult } from './phase-result.ts';

/** Settings shared by every closed-loop HTTP run, so the echo and `POST /orders` see the same load. */
export type HttpLoadSettings = { connections: number; durationSeconds: number; warmupSeconds: number };

function runOnce(
  url: string,
  body: string,
  connections: number,
  durationSeconds: number,
  headers: Record<string, string>,
) {
  return autocannon({
    url,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    connections,
    pipelining: 1,
    duration: durationSeconds,
  });
}

/**
 * Measures requests/s of one endpoint with autocannon (closed loop: `connections` requests in
 * flight), after a warm-up run whose figures are dropped.
 */
export async function measureHttpThroughput(options: {
  target: HttpResult['target'];
  url: string;
  body: string;
  settings: HttpLoadSettings;
  headers?: Record<string, string>;
}): Promise<HttpResult> {
  const { connections, durationSeconds, warmupSeconds } = options.settings;
  const headers = options.headers ?? {};
  if (warmupSeconds > 0) await runOnce(options.url, options.body, connections, warmupSeconds, headers);
  const result = await runOnce(options.url, options.body, connections, durationSeconds, headers);
  return {
    target: options.target,
    connections,
    durationSeconds,
    requestsPerSecond: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  };
}
