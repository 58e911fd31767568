import type { Kafka } from 'kafkajs';
import type { Store } from '../store/store.ts';

/** A dependency `/ready` checks: resolves when reachable, rejects with the reason otherwise. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
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

/** Runs the checks in parallel, each bounded by `timeoutMs`; returns each one's status. */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const results = await Promise.all(
    checks.map(async (entry) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          entry.check(),
          new Promise<never>((_resolve, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [entry.name, 'ok'] as const;
      } catch (error) {
        return [entry.name, error instanceof Error ? error.message : String(error)] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: results.every(([, status]) => status === 'ok'), checks: Object.fromEntries(results) };
}
