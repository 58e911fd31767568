/**
 * The broker's log4j2 configuration: everything goes to standard output, which the tool sends to
 * one log file, so JVM crashes and broker logs end up in the same place. Request and state-change
 * loggers stay at WARN because they log every request at INFO.
 */
export function renderLog4jConfig(): string {
  return `# Written by tools/local-kafka on every start; edits are overwritten.
status = warn
# Kafka logs its own shutdown; log4j's hook would stop logging before it is done.
shutdownHook = disable
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.target = SYSTEM_OUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.stateChange.name = state.change.logger
logger.stateChange.level = WARN
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
`;
}
