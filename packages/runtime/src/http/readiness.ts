import type { Kafka } from 'kafkajs';
import { Gauge, type Registry } from 'prom-client';
import type { Store } from '../store/store.ts';

/**
 * A dependency `/ready` checks: resolves when reachable, rejects with the reason otherwise. It may
 * resolve with a detail (`ok: <detail>` in `/ready`, still ready), e.g. rows an operator must see to.
 */
export interface ReadinessCheck {
  name: string;
  // biome-ignore lint/suspicious/noConfusingVoidType: most checks are plain async functions that return nothing
  check: () => Promise<void | string>;
  /** Releases what the check holds (called when the server closes). */
  close?: () => Promise<void>;
}

/** Ready when the store answers `SELECT 1`. */
export function storeReadiness(store: Store): ReadinessCheck {
  return { name: 'store', check: () => store.ping() };
}

/** Ready when a Kafka broker answers a metadata request (one admin client, reused, no retries). */
export function kafkaReadiness(kafka: Kafka): ReadinessCheck {
  const admin = kafka.admin({ retry: { retries: 0 } });
  let connected: Promise<void> | undefined;
  return {
    name: 'kafka',
    check: async () => {
      connected ??= admin.connect();
      try {
        await connected;
        await admin.describeCluster();
      } catch (error) {
        connected = undefined;
        throw error;
      }
    },
    close: async () => {
      await admin.disconnect().catch(() => undefined);
    },
  };
}

/** A dependency watched in the background: its last state, for `/health` and a gauge. */
export interface DependencyMonitor {
  name: string;
  /** `ok`, `unreachable: <reason>`, or `unknown` before the first check finished. */
  state(): string;
  /** Checks now and then every `intervalMs` (unref'd timer). Idempotent. */
  start(): void;
  /** Stops checking and releases what the check holds. */
  stop(): Promise<void>;
}

/**
 * Watches `check` in the background and keeps a `<name>_reachable` gauge (1/0) in `registry`.
 * `/health` reads the cached state, so a liveness probe never waits on a dependency.
 */
export function monitorDependency(
  check: ReadinessCheck,
  options: { registry: Registry; intervalMs: number; timeoutMs: number },
): DependencyMonitor {
  const gaugeName = `${check.name}_reachable`;
  const gauge =
    (options.registry.getSingleMetric(gaugeName) as Gauge | undefined) ??
    new Gauge({
      name: gaugeName,
      help: `1 when ${check.name} answered the last background check, 0 when it did not.`,
      registers: [options.registry],
    });
  let state = 'unknown';
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const probe = async () => {
    const result = await runReadinessChecks([check], options.timeoutMs);
    if (stopped) return;
    const status = result.checks[check.name] ?? 'unknown';
    state = result.ready ? status : `unreachable: ${status}`;
    gauge.set(result.ready ? 1 : 0);
  };
  const tick = () => {
    running ??= probe().finally(() => {
      running = undefined;
    });
  };
  return {
    name: check.name,
    state: () => state,
    start() {
      if (timer !== undefined || stopped) return;
      tick();
      timer = setInterval(tick, options.intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      await check.close?.();
    },
  };
}

/** Runs the checks in parallel, each bounded by `timeoutMs`; returns each one's status. */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const results = await Promise.all(
    checks.map(async (entry) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const detail = await Promise.race([
          entry.check(),
          new Promise<never>((_resolve, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [
          entry.name,
          typeof detail === 'string' && detail !== '' ? `ok: ${detail}` : 'ok',
          true,
        ] as const;
      } catch (error) {
        return [entry.name, error instanceof Error ? error.message : String(error), false] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return {
    ready: results.every(([, , ok]) => ok),
    checks: Object.fromEntries(results.map(([name, status]) => [name, status])),
  };
}
