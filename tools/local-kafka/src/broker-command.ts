/** What the broker's JVM command line depends on. */
export type BrokerCommandOptions = {
  readonly heapOptions: readonly string[];
  readonly classpath: string;
  readonly log4jConfig: string;
  readonly logsDirectory: string;
  readonly serverProperties: string;
};

/** Kafka's combined broker+controller entry point (what `kafka-server-start.sh` runs). */
export const brokerMainClass = 'kafka.Kafka';

/**
 * The JVM arguments of the broker, with the GC flags of Kafka's own start script. The JIT stops at
 * C1: on a busy 2-core machine the C2 compiler's work more than doubled start-up (10 s against
 * 3-7 s measured), and a development broker never needs C2's peak speed.
 */
export function buildBrokerArguments(options: BrokerCommandOptions): string[] {
  return [
    ...options.heapOptions,
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${options.log4jConfig}`,
    `-Dkafka.logs.dir=${options.logsDirectory}`,
    '-cp',
    options.classpath,
    brokerMainClass,
    options.serverProperties,
  ];
}
