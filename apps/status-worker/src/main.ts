import { ConfigError, createLogger, onShutdown, resolveHttpAccess } from '@order-service/runtime';
import { loadStatusWorkerConfig, type StatusWorkerConfig } from './config.ts';
import { startStatusWorker } from './worker.ts';

// The only place that reads the environment, listens and handles signals.
let config: Readonly<StatusWorkerConfig>;
try {
  config = loadStatusWorkerConfig(process.env);
  // Checked here too (startStatusWorker checks it again), so the message reaches stderr as text.
  resolveHttpAccess(config);
} catch (error) {
  if (!ConfigError.isInstance(error)) throw error;
  process.stderr.write(`status-worker: ${error.message}\n`);
  process.exit(1);
}
const logger = createLogger({ name: 'status-worker', level: config.LOG_LEVEL });
try {
  const worker = await startStatusWorker(config, logger);
  onShutdown(logger, [{ name: 'status-worker', run: () => worker.stop() }]);
  await worker.app.listen({ host: config.HOST, port: config.PORT });
  logger.info(
    { host: config.HOST, port: config.PORT, groupId: config.KAFKA_GROUP_ID },
    'status-worker started',
  );
} catch (error) {
  logger.fatal({ err: error }, 'status-worker failed to start');
  process.exit(1);
}
