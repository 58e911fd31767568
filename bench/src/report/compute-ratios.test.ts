import { describe, expect, it } from 'vitest';
import type { LatencySummary } from '../latency-histogram.ts';
import type { HttpResult, PhaseResult, RoundResult } from '../phase-result.ts';
import { computeRatios } from './compute-ratios.ts';

const latency = (p50: number, p99: number): LatencySummary => ({
  count: 1,
  p50,
  p95: p99,
  p99,
  p999: p99,
  max: p99,
});

function phase(overrides: Partial<PhaseResult> & Pick<PhaseResult, 'system'>): PhaseResult {
  return {
    phase: 'p',
    mode: 'saturate',
    sent: 1000,
    acknowledged: 1000,
    consumed: 1000,
    duplicates: 0,
    throughputPerSecond: 1000,
    acknowledgement: latency(1, 2),
    endToEnd: latency(10, 20),
    cpuSeconds: { a: 0.3 },
    ...overrides,
  };
}

function http(target: HttpResult['target'], requestsPerSecond: number): HttpResult {
  return {
    target,
    connections: 32,
    durationSeconds: 8,
    requestsPerSecond,
    non2xx: 0,
    errors: 0,
    latencyP50Ms: 1,
    latencyP99Ms: 2,
  };
}

function round(number: number, pipelineThroughput: number): RoundResult {
  return {
    round: number,
    saturated: [
      phase({ system: 'raw-loop', throughputPerSecond: 2000, cpuSeconds: { source: 0.2, relay: 0.1 } }),
      phase({ system: 'pipeline', throughputPerSecond: pipelineThroughput, cpuSeconds: { apps: 0.6 } }),
    ],
    http: [http('fastify-echo', 10_000), http('post-orders', 4_000)],
    latency: [
      phase({ system: 'raw-loop', mode: 'rate', loadFraction: 0.5, endToEnd: latency(5, 10) }),
      phase({ system: 'pipeline', mode: 'rate', loadFraction: 0.5, endToEnd: latency(15, 25) }),
      phase({ system: 'pipeline', mode: 'rate', loadFraction: 0.25, endToEnd: latency(1, 1) }),
    ],
  };
}

describe('computeRatios', () => {
  it('divides ours by the baseline of the same round and takes the median over rounds', () => {
    const rows = computeRatios([round(1, 1000), round(2, 1600), round(3, 1200)]);
    const throughput = rows.find((entry) => entry.id === 'throughput');
    expect(throughput?.perRound).toEqual([0.5, 0.8, 0.6]);
    expect(throughput?.value).toBeCloseTo(0.6);
    expect(throughput?.met).toBe(true);
  });

  it('compares CPU per order per hop over every process of each system', () => {
    const cpu = computeRatios([round(1, 1000)]).find((entry) => entry.id === 'cpu-per-hop');
    expect(cpu?.value).toBeCloseTo(2);
    expect(cpu?.met).toBe(false);
  });

  it('compares latencies at half load only', () => {
    const rows = computeRatios([round(1, 1000)]);
    expect(rows.find((entry) => entry.id === 'latency-p50')?.value).toBeCloseTo(3);
    expect(rows.find((entry) => entry.id === 'latency-p99')?.value).toBeCloseTo(2.5);
    expect(rows.find((entry) => entry.id === 'http')?.value).toBeCloseTo(0.4);
  });
});
