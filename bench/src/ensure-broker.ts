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
  // Loaded only when needed: pointed at an existing cluster, the benchmark needs no JVM tooling.
  const { ensureKafkaRunning } = await import('@order-service/local-kafka');
  const result = await ensureKafkaRunning({ topics: [], onProgress: log });
  const brokers = result.brokers.join(',');
  log(`Kafka at ${brokers}${result.alreadyRunning ? '' : ' (started; left running for the other tools)'}`);
  return brokers;
}
