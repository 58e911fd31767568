/** The broker the system runs on, and how to let go of it. */
export type KafkaHandle = {
  brokers: string;
  /** True when this command started the local broker (so it stops it again). */
  startedHere: boolean;
  release(): Promise<void>;
};

/**
 * With KAFKA_BROKERS set, uses that cluster as it is. Otherwise makes sure the local broker runs
 * with the orders.* topics (tools/local-kafka), starting it if needed; `release()` stops it only
 * when this command started it.
 */
export async function provideKafka(
  configured: string | undefined,
  log: (line: string) => void,
): Promise<KafkaHandle> {
  if (configured) return { brokers: configured, startedHere: false, release: async () => undefined };
  // Loaded only for the local broker: pointed at an existing cluster, no JVM tooling is involved.
  const { startLocalKafka, stopLocalKafka } = await import('./kafka/index.ts');
  const started = await startLocalKafka(log);
  const startedHere = !started.alreadyRunning;
  return {
    brokers: started.brokers.join(','),
    startedHere,
    async release() {
      if (startedHere) await stopLocalKafka();
    },
  };
}
