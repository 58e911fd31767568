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

/** The JVM arguments of the broker, with the GC flags of Kafka's own start script. */
export function buildBrokerArguments(options: BrokerCommandOptions): string[] {
  return [
    ...options.heapOptions,
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
