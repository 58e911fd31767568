/** What the broker's server.properties depends on. */
export type ServerPropertiesOptions = {
  readonly host: string;
  readonly port: number;
  readonly controllerPort: number;
  readonly dataDirectory: string;
  readonly partitions: number;
};

/**
 * One combined broker+controller in KRaft mode, sized for a single node: internal topics with
 * one replica, no rebalance delay (tests join groups often), and no auto-created topics so that a
 * misspelt topic fails loudly instead of appearing.
 */
export function renderServerProperties(options: ServerPropertiesOptions): string {
  const { host, port, controllerPort } = options;
  const properties: [string, string | number][] = [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.bootstrap.servers', `${host}:${controllerPort}`],
    ['listeners', `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT'],
    ['log.dirs', options.dataDirectory],
    ['num.partitions', options.partitions],
    ['auto.create.topics.enable', 'false'],
    ['group.initial.rebalance.delay.ms', 0],
    ['offsets.topic.replication.factor', 1],
    // Fewer partitions than the default 50 make the first group join and the first transaction
    // quicker on a 2-core machine; a single node gains nothing from more.
    ['offsets.topic.num.partitions', 10],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['transaction.state.log.num.partitions', 10],
    ['share.coordinator.state.topic.replication.factor', 1],
    ['share.coordinator.state.topic.min.isr', 1],
    ['default.replication.factor', 1],
    ['min.insync.replicas', 1],
  ];
  const lines = properties.map(([key, value]) => `${key}=${escapePropertyValue(String(value))}`);
  return `# Written by tools/local-kafka on every start; edits are overwritten.\n${lines.join('\n')}\n`;
}

// java.util.Properties treats backslashes as escapes (Windows paths, odd cache folders).
function escapePropertyValue(value: string): string {
  return value.replaceAll('\\', '\\\\');
}

/** The `listeners` value of a server.properties text, to tell which ports a running broker uses. */
export function readListeners(serverProperties: string): string | undefined {
  return /^listeners=(.*)$/m.exec(serverProperties)?.[1]?.trim();
}
