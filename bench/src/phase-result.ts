import type { LatencySummary } from './latency-histogram.ts';

/** The system a phase drove: the raw kafkajs loop, or the apps (with their store and outbox). */
export type SystemUnderTest = 'raw-loop' | 'pipeline';

/** The figures of one measured phase (warm-up excluded). */
export type PhaseResult = {
  system: SystemUnderTest;
  phase: string;
  /** `saturate`: as fast as an end-to-end window allows; `rate`: open loop at `offeredPerSecond`. */
  mode: 'saturate' | 'rate';
  offeredPerSecond?: number;
  /** For open-loop phases: the offered load as a fraction of the pipeline's measured maximum. */
  loadFraction?: number;
  sent: number;
  acknowledged: number;
  consumed: number;
  duplicates: number;
  /** Consumed records per second, from the first intended send to the last consumed record. */
  throughputPerSecond: number;
  /** Latency from intended send to acknowledgement (HTTP 201, or the broker's ack for the raw loop). */
  acknowledgement: LatencySummary;
  /** Latency from intended send to consumption at the end of the last hop. */
  endToEnd: LatencySummary;
  /** CPU-seconds used by each process of the system during the phase. */
  cpuSeconds: Record<string, number>;
};

/** The result of one closed-loop HTTP run with autocannon. */
export type HttpResult = {
  target: 'fastify-echo' | 'post-orders';
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
};

/** Number of topic hops both systems go through (created/status/notifications vs A/B/C). */
export const HOPS = 3;

/** Everything one round (baseline and pipeline phases, interleaved) measured. */
export type RoundResult = {
  round: number;
  saturated: PhaseResult[];
  http: HttpResult[];
  /** Open-loop phases of both systems at fractions of the pipeline's maximum. */
  latency: PhaseResult[];
};

/** CPU microseconds per consumed record per topic hop, over every process of the system. */
export function cpuMicrosecondsPerOrderPerHop(result: PhaseResult): number {
  const seconds = Object.values(result.cpuSeconds).reduce((sum, value) => sum + value, 0);
  return result.consumed > 0 ? (seconds * 1e6) / result.consumed / HOPS : 0;
}
