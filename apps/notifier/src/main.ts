import { createLogger, onShutdown, resolveHttpAccess } from '@order-service/runtime';
import { loadNotifierConfig, type NotifierConfig } from './config.ts';
import { createNotifier } from './notifier.ts';

// The only place that reads process.env, listens and handles signals.
let config: NotifierConfig;
try {
  config = loadNotifierConfig(process.env);
  // Checked here too (createNotifier checks it again), so the message reaches stderr as text.
  resolveHttpAccess(config);
} catch (error) {
  // No logger yet: the message names each bad variable and what to set.
  process.stderr.write(`notifier: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = createLogger({ name: 'notifier', level: config.LOG_LEVEL });

try {
  const notifier = await createNotifier({ config, logger });
  onShutdown(logger, notifier.shutdownSteps());
  await notifier.start();
  await notifier.app.listen({ host: config.HOST, port: config.PORT });
  logger.info({ port: config.PORT, locale: config.NOTIFICATION_LOCALE }, 'notifier started');
} catch (error) {
  logger.fatal({ err: error }, 'notifier failed to start');
  process.exit(1);
}
