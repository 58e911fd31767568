/**
 * Makes sure a broker answers. With KAFKA_BROKERS set, that cluster is used as it is; otherwise the
 * local broker is started if needed (tools/local-kafka) and left running, since other tools share
 * it. Returns the bootstrap list.
 */
export async function ensureBroker(
  configured: string | undefined,
  log: (line: string) => void,
): Promise<string> {
  if (configured) {
    log(`Kafka at ${configured} (KAFKA_BROKERS)`);
    return configured;
  }
  // Loaded only for the local broker: pointed at an existing cluster, no JVM tooling is involved.
  const { startLocalKafka } = await import('@order-service/run-system/kafka');
  const started = await startLocalKafka(log);
  const brokers = started.brokers.join(',');
  log(`Kafka at ${brokers} (local broker, pid ${started.pid ?? 'unknown'}; left running)`);
  return brokers;
}
