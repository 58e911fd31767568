import type { Random } from './create-random.ts';

/** A status the demo asks the status API for, and how long after the previous step. */
export type DemoStep = { status: 'SHIPPED' | 'DELIVERED' | 'CANCELLED'; afterMs: number };

/**
 * Decides what happens to a demo order after the status-worker accepted it (PROCESSING): most are
 * shipped then delivered, some are cancelled, a few stay in processing. Delays are a few seconds,
 * so a viewer of the live page sees each change happen.
 */
export function planLifecycle(random: Random): DemoStep[] {
  const roll = random();
  const delay = () => 2_000 + Math.floor(random() * 6_000);
  if (roll < 0.75) {
    return [
      { status: 'SHIPPED', afterMs: delay() },
      { status: 'DELIVERED', afterMs: delay() },
    ];
  }
  if (roll < 0.92) return [{ status: 'CANCELLED', afterMs: delay() }];
  return [];
}
